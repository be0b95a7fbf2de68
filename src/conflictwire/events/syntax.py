"""Reading the parse: dependency labels (spaCy's English and UD's French) and the few walks over
the tree the event rules share: a token's clause, negation and irrealis, reporting clauses, speakers.

The labels are the parsers' own, not words of a language.
"""
from __future__ import annotations

from typing import Iterable, Optional

from spacy.tokens import Doc, Token

from ..vocab import StatementType

CASE = "case"  # UD: the preposition of a noun ("par", "contre")
AUX = "aux"
AUXILIARIES = {AUX, "aux:pass", "auxpass", "aux:tense"}
OBJECTS = {"obj", "dobj", "iobj"}
PASSIVE_SUBJ = {"nsubj:pass", "nsubjpass"}
RELATIVE = ("acl", "acl:relcl", "relcl")
CONJ = "conj"
NOMINAL_LINKS = {"compound", "flat", "flat:name", "appos", CONJ, "nmod", "nmod:poss", "poss", "pobj", "prep", CASE, "amod"}
VERBS = ("VERB", "AUX")


def argument_of(t: Token) -> Optional[Token]:
    """The head of the subject or object the word stands in, if it stands in one."""
    x = t
    for _ in range(len(t.sent)):
        if is_subject(x) or x.dep_ in OBJECTS:
            return x
        if x.head.i == x.i:
            return None
        x = x.head
    return None


def is_subject(t: Token) -> bool:
    return t.dep_.startswith("nsubj")


def clause_verb(t: Token) -> int:
    """The verb of the clause `t` stands in (the root, if none)."""
    x = t
    while x.pos_ not in VERBS and x.head.i != x.i:
        x = x.head
    return x.i


def antecedent(t: Token) -> Optional[Token]:
    """The noun a relative clause whose verb is `t` qualifies ("Hamas" for "fired" in "Hamas,
    which fired rockets, said"), else None."""
    return t.head if t.dep_ in ("acl:relcl", "relcl") and t.head.i != t.i else None


def descriptive(verb: Token) -> bool:
    """A clause that describes a noun: relative, or a bare participle ("le camp, vidé de ses habitants")."""
    return verb.dep_ in RELATIVE or verb.dep_ == "advcl" and "Part" in verb.morph.get("VerbForm") \
        and not any(c.dep_.startswith(AUX) for c in verb.children)


def negated(tok: Token, words) -> bool:
    """A negation on the token or on the verb it depends on ("did not attack", "aucune attaque")."""
    # the verb it depends on ("failed to reach"), but not a later clause the parse hung it under
    # ("forces set up a post ...; officials did not comment")
    governed = tok.dep_ in ("xcomp", AUX, "aux:pass") or tok.dep_ == "ccomp" and tok.head.i < tok.i
    around = list(tok.children) + ([*tok.head.children] if governed else [])
    return any(c.dep_ in ("neg", "advmod") and c.lower_ in words.negation and c.lower_ not in words.clitic_negation
               for c in around) or any(c.lower_ in words.negative_determiners and c.i < tok.i for c in tok.children)


def unreal(tok: Token, future: set[str]) -> bool:
    """Future, conditional or hypothetical: "will continue", "pourrait s'étendre"."""
    verb = tok if tok.pos_ in VERBS else None
    if verb is None:
        return False
    morph = verb.morph
    if "Fut" in morph.get("Tense") or "Cnd" in morph.get("Mood"):
        return True
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in future:
        return True  # "sought to detain", "plans to attack", "menace de frapper": meant, not done
    return any(c.dep_ in (AUX, "aux:tense") and c.lower_ in future for c in verb.children)


def simple_present(tok: Token) -> bool:
    """The token's verb is in the simple present ("carry out", "mènent"), no auxiliary."""
    verb = tok
    while verb.pos_ not in VERBS and verb.head.i != verb.i and verb.dep_ not in ("ROOT",):
        verb = verb.head
    if verb.pos_ not in VERBS:
        return False
    aux = [c for c in verb.children if c.dep_ in AUXILIARIES]
    return verb.morph.get("Tense") == ["Pres"] and verb.morph.get("VerbForm") == ["Fin"] and not aux


def clause_tokens(doc: Doc, starts: Iterable[int]) -> set[int]:
    """Tokens of the clauses the tokens at `starts` stand in: a date in another clause of the
    same sentence ("..., but added that the forces had left on 20 October") is not theirs."""
    out: set[int] = set()
    for start in starts:
        head = doc[start]
        while head.pos_ not in VERBS and head.head.i != head.i:
            head = head.head
        skip = {c.i for c in head.children if c.dep_ in (CONJ, "parataxis", "ccomp") and c.pos_ in VERBS}
        skip_tokens = {t.i for s in skip for t in doc[s].subtree}
        out.update(t.i for t in head.subtree if t.i not in skip_tokens or doc[start].i in skip_tokens)
    return out


def clause_after(x: Token) -> bool:
    """A clause of the verb `x` depends on follows it ("said its soldiers | had fought")."""
    return any(c.i > x.i and c.dep_ in ("ccomp", "xcomp") and c.pos_ in VERBS
               and not any(is_subject(g) for g in c.children) for c in x.head.children)


def speaks_at(x: Token, cue_tokens: set[int]) -> bool:
    """The noun phrase at `x` is who says something ("a statement by X", "selon le ministère")."""
    for _ in range(3):
        # "..., a annoncé l'armée": an inverted subject the parser took for an object
        inverted = x.dep_ in OBJECTS and x.head.i < x.i and not clause_after(x)
        if x.head.i in cue_tokens and (is_subject(x) or inverted) or x.i in cue_tokens \
                or any(c.i in cue_tokens and c.dep_ == CASE for c in x.children):  # "selon le ministère"
            return True
        # climb only within the noun phrase ("a statement by X", "X's spokesman"), never up
        # through the verb X acts with ("police lobbed tear gas ..., media reported")
        if x.head.i == x.i or x.dep_ not in NOMINAL_LINKS | {"npadvmod"}:  # "the Houthi-run ministry said"
            return False
        x = x.head
    return False


def reporting_tokens(doc: Doc, cues) -> set[int]:
    """Tokens of the reporting clauses ("the army said on Monday", "a indiqué mardi"): the saying
    verb's own words, without the content it reports."""
    out: set[int] = set()
    for cue in cues:
        verb = doc[cue.start]
        if verb.pos_ not in VERBS:
            continue
        if cue.label in (StatementType.ACCUSE, StatementType.REJECT):
            # "a accusé jeudi les forces russes d'avoir largué mardi...": who accuses and when,
            # not what they accuse of
            out.add(verb.i)
            out.update(t.i for c in verb.children if c.dep_ in ("nsubj", AUX, "aux:tense", "obl:mod", "npadvmod")
                       for t in c.subtree)
            continue
        if cue.label != StatementType.SAY:
            continue
        # what was said: its clause, or the report before "..., a annoncé X" (which the parser
        # may hang under the saying verb as an adverbial clause)
        content = {t.i for c in verb.children if c.dep_ in ("ccomp", "xcomp", "parataxis", CONJ)
                   or c.dep_ == "advcl" and c.i < verb.i for t in c.subtree}
        # "..., a annoncé mardi le gouvernement": the clause starts at the comma, whatever the parse
        # hung under the verb before it
        comma = next((t.i for t in doc[max(verb.sent.start, verb.i - 3):verb.i] if t.text == ","), None)
        out.update(t.i for t in verb.subtree if t.i not in content and (comma is None or t.i > comma))
    return out
