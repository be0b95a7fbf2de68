"""Word cues that need the parse to tell: a call to act parted from its verb ("a appelé l'OIAC à
réagir"), and a verb whose reflexive means something else ("un missile s'est abattu sur...")."""
from __future__ import annotations

from spacy.tokens import Doc

from ..text.lexmatch import Match
from ..vocab import StatementType


def calls_to_act(doc: Doc, taken: set[int], demand_verbs: set[str], markers: set[str]) -> list[Match]:
    """Demands whose verb and "à"/"to" are parted by whom they address: "a appelé l'OIAC à
    réagir", "urged the authorities to act" (the lexicons' `demand_verbs`, and `markers`, their
    `demand_markers`: "à", "to"); `taken`: tokens already cues."""
    out = []
    for verb in doc:
        if verb.i in taken or verb.pos_ != "VERB" or verb.lemma_.lower() not in demand_verbs:
            continue
        addressees = [c for c in verb.children if c.dep_ in ("obj", "dobj", "iobj")]
        # what they are to do hangs from the verb or, parsed so, from whom it addresses
        acts = [c for x in [verb, *addressees] for c in x.children
                if c.dep_ in ("xcomp", "advcl", "obl", "obl:arg", "ccomp", "acl") and c.i > verb.i]
        to_act = any(m.dep_ in ("mark", "case", "aux") and m.lower_ in markers for c in acts for m in c.children)
        if addressees and to_act:
            out.append(Match(verb.i, verb.i + 1, StatementType.DEMAND, verb.lemma_.lower()))
    return out


def reflexive_other(doc: Doc, m: Match, verbs: set[str]) -> bool:
    """A verb whose reflexive means something else (the lexicons' `reflexive_other`): "un missile
    s'est abattu sur un immeuble" fell on it; nobody was shot down or killed by the word."""
    verb = doc[m.start]
    return verb.lemma_.lower() in verbs and any(
        c.dep_.startswith("expl") and c.morph.get("Reflex") == ["Yes"] for c in verb.children)


def warnings(doc: Doc, adjectives: set[str]) -> list[Match]:
    """A warning adjective with a complement (the lexicons' `warning_adjectives`): the noun it
    qualifies ("une riposte inévitable"), a noun as its subject ("a wider war is inevitable"), or
    a clause right after it ("il est « inévitable » que le conflit s'étende"). Bare, it only
    comments ("c'était inévitable")."""
    out = []
    for tok in doc:
        if tok.pos_ != "ADJ" or tok.lemma_.lower() not in adjectives and tok.lower_ not in adjectives:
            continue
        qualifies = tok.dep_ == "amod" and tok.head.pos_ in ("NOUN", "PROPN")
        holders = (tok, tok.head) if tok.dep_ == "acomp" else (tok,)  # "war is inevitable": the copula holds the subject
        subject = [c for x in holders for c in x.children if c.dep_.startswith("nsubj") and c.pos_ in ("NOUN", "PROPN")]
        after = next((t for t in doc[tok.i + 1:tok.sent.end] if not t.is_punct and not t.is_quote), None)
        clause = after is not None and after.pos_ == "SCONJ"
        if qualifies or subject or clause:
            out.append(Match(tok.i, tok.i + 1, StatementType.WARN, tok.lower_))
    return out


def on_weapon(tok, arms: set[int]) -> bool:
    """A warning word about weapons, not about words: its object is a weapon or it qualifies one
    ("fired warning shots", however the parse takes "warning")."""
    return tok.head.i in arms and tok.dep_ in ("amod", "compound", "nmod") \
        or any(c.i in arms for c in tok.children if c.dep_ in ("obj", "dobj"))
