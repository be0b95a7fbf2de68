"""Who speaks: the subject of a statement verb (or its agent, or the name after "selon"), named as
an actor: a person, an international body, a known actor of the dictionaries, or its own words;
"he", "ils" stand for the last speaker, and anonymous sources are nobody."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from spacy.tokens import Token

from ..context import DocContext
from ..find.actors import ActorMention
from ..model import Actor
from ..resolve.actors import canonical, country_name
from ..text.grammar import determined
from ..vocab import ActorKind, Category
from .words import StatementWords

INVERSION_MARKS = {",", "»", "\"", "”"}  # what ends the words a verb reports, before an inverted subject
PERSONS = ("PER", "PERSON")
PASSIVE_AUX = ("aux:pass", "auxpass")  # the named-entity labels of a person, in the French and English models


@dataclass
class Speaker:
    actor: Actor
    start: int  # token span of the words that name it
    end: int
    party: bool = True  # False: a monitor, a witness or an anonymous source, who state facts, not positions
    gender: Optional[str] = None  # of the noun that names it ("l'armée": Fem), for "il"/"elle" later


def subject(verb: Token, words: StatementWords) -> Optional[Token]:
    """Who speaks: the verb's subject, or in the passive its agent ("revendiquée par le JNIM",
    "claimed by the group"), or the name "according to" brings in."""
    for c in verb.children:
        if c.dep_ in ("obl:agent", "agent"):
            return next((g for g in c.children if g.dep_ == "pobj"), c)
    inverted = next((t for t in verb.doc[max(0, verb.i - 3):verb.i]
                     if t.lower_.startswith("-") and t.lower_.lstrip("-") in words.pronouns), None)
    if inverted is not None:
        return inverted  # "a-t-il indiqué": the inverted pronoun, parsed as anything
    according = verb.lower_ in words.according
    if according:  # "according to X" speaks X, "selon X" too, not the subject of the clause it qualifies
        named = [g for c in verb.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
        if named:
            return named[0]
        if verb.dep_ == "case" and verb.head.pos_ in ("NOUN", "PROPN", "PRON"):
            return verb.head
    if not any(c.dep_.startswith("nsubj") for c in verb.children) and \
            any(t.text in INVERSION_MARKS for t in verb.doc[max(0, verb.i - 3):verb.i]):
        # "..., a précisé l'état-major": after what it says, the subject follows the verb and
        # is parsed as its object
        inverted = next((c for c in verb.children if c.dep_ in ("obj", "dobj") and c.i > verb.i
                         and c.pos_ in ("NOUN", "PROPN")), None)
        if inverted is not None:
            return inverted
    for t in (verb, verb.head):
        for c in t.children:
            if c.dep_ in ("nsubj", "nsubj:pass", "nsubjpass", "expl:subj"):
                return c
        if t.dep_ in ("obl", "obl:mod", "nmod", "pobj") and according:
            return t
    if according:
        nxt = [t for t in verb.head.subtree if t.i > verb.i]
        return nxt[-1] if nxt else None
    return None


def governing(ctx: DocContext, verb: Token, modal: bool) -> Token:
    """The verb whose subject speaks for a cue embedded under a statement verb: a demand in what
    it reports ("Ali said the fighting must stop": the fighting is addressed, Ali speaks), or a
    participle with no subject ("..., a déclaré X, en exigeant que ..."). `modal`: the cue opens
    with a modal ("must stop", "doit cesser"), whose subject is never the speaker."""
    head = verb.head
    if head.i == verb.i or verb.dep_ not in ("ccomp", "advcl", "xcomp") or not ctx.covering(ctx.statement_cues, head.i):
        return verb
    own = next((c for c in verb.children if c.dep_.startswith("nsubj")), None)
    if own is None:
        return head
    if verb.dep_ == "ccomp" and (modal or not _can_speak(ctx, own)):
        return head
    return verb


def _can_speak(ctx: DocContext, tok: Token) -> bool:
    return tok.pos_ in ("PRON", "PROPN") or any(a.covers(tok.i) for a in ctx.actors) or \
        any(e.start <= tok.i < e.end for e in ctx.ents)


def antecedent(pronoun: Token, recent: list[Speaker]) -> Optional[Speaker]:
    """The speaker a pronoun stands for: the last one whose noun agrees in gender ("elle" after
    "l'armée" and "le groupe" is the army), or the last one."""
    gender = pronoun.morph.get("Gender")
    for speaker in reversed(recent[-3:]):
        if not gender or speaker.gender is None or speaker.gender in gender:
            return speaker
    return recent[-1] if recent else None


def find_speaker(ctx: DocContext, words: StatementWords, verb: Token, recent: list[Speaker]) -> Optional[Speaker]:
    """The speaker of a statement verb, named from the words of its subject phrase."""
    speaker = _find_speaker(ctx, words, verb, recent)
    subj = subject(verb, words)
    if speaker is not None and speaker.gender is None and subj is not None and subj.pos_ == "NOUN":
        speaker.gender = next(iter(subj.morph.get("Gender")), None)
    return speaker


def _find_speaker(ctx: DocContext, words: StatementWords, verb: Token, recent: list[Speaker]) -> Optional[Speaker]:
    doc = ctx.doc
    subj = subject(verb, words)
    if subj is None or subj.dep_ in ("nsubj:pass", "nsubjpass") and any(c.dep_ in PASSIVE_AUX for c in subj.head.children):
        return None  # "X a été condamné": said of X, by no one named (the parse's passive subject needs its auxiliary)
    if subj.lower_.lstrip("-") in words.pronouns:
        return antecedent(subj, recent)
    if named_again(subj, words):
        return recent[-1] if recent else None
    subjects = [c for c in subj.head.children if c.dep_ == subj.dep_] or [subj]
    lo, hi = min(s.left_edge.i for s in subjects), max(s.right_edge.i for s in subjects) + 1
    said_by = {t.lower_ for t in doc[lo:hi]} | {t.lemma_.lower() for t in doc[lo:hi]} | {
        f"{a.lower_} {b.lower_}" for a, b in zip(doc[lo:hi], doc[lo + 1:hi])}  # "the news agency", "rights group"
    groups = ctx.group_tokens
    person = next((e for e in ctx.in_span(ctx.ents, range(lo, hi)) if e.label_ in PERSONS
                   and e.start not in groups), None)  # "Al Shabaab" tagged as a person is still the group
    if person is None and said_by & ctx.tools.anonymous or said_by & words.non_party:
        return Speaker(Actor(name=doc[lo:hi].text), lo, hi, party=False)
    role = find_role(ctx, lo, hi)
    actors = ctx.in_span(ctx.actors, range(lo, hi), by="head")
    if _international(ctx, words, lo, hi):  # the UN, the EU, the Red Cross speak for no state
        name = doc[lo:hi].text
        group = next((a.group for a in actors if a.category == Category.GROUP and a.group), None)
        actor = group.model_copy(update={"text": name, "role": role}) if group else Actor(name=name, role=role, text=name)
        return Speaker(actor.model_copy(update={"country_code": None}), lo, hi)
    country = _country(ctx, lo, hi, actors)
    if person is not None:
        country = country or _place_country(ctx, lo, hi) or ctx.focus
        return Speaker(Actor(name=person.text, role=role, country_code=country, text=doc[lo:hi].text), lo, hi)
    if actors:
        actor = _as_speaker(ctx, actors[0], country)
        return Speaker(actor.model_copy(update={"role": role, "text": doc[lo:hi].text}), lo, hi)
    if subj.pos_ in ("NOUN", "PROPN"):
        # A speaker the dictionaries do not know ("the student union", "le maire de Kharkiv"):
        # its own words name it, in the report's country unless they name another.
        name = doc[lo:hi].text
        return Speaker(Actor(name=name, role=role, country_code=country or _place_country(ctx, lo, hi) or ctx.focus,
                             text=name), lo, hi)
    return None


def named_again(subj: Token, words: StatementWords) -> bool:
    """A document or source named again, in the singular with "the", "this", "ce", "cette" ("the
    statement added", "ajoute cette source"): the last speaker's words."""
    if subj.lower_ not in words.documents and subj.lemma_.lower() not in words.documents or "Plur" in subj.morph.get("Number"):
        return False
    return determined(subj)


def _international(ctx: DocContext, words: StatementWords, lo: int, hi: int) -> bool:
    """The speaker's words name an international body; a short name only as an acronym in
    capitals ("WHO" speaks for no state, "the Houthis, who ..." do)."""
    doc = ctx.doc
    phrase = " " + " ".join(t.lower_ for t in doc[lo:hi]) + " "
    acronyms = {t.lower_ for t in doc[lo:hi] if t.text.isupper() or "." in t.text}
    return any(f" {w} " in phrase and (len(w) > 4 or w in acronyms) for w in words.international)


def _place_country(ctx: DocContext, lo: int, hi: int) -> Optional[str]:
    """The country of a place named inside the speaker's words ("Kharkiv mayor")."""
    return next((p.place.country_code for p in ctx.places if lo <= p.start < hi and p.place is not None), None)


def find_role(ctx: DocContext, lo: int, hi: int) -> Optional[str]:
    """The most specific role named ("foreign minister" over "minister"): the lexicon lists
    specific roles first."""
    found = {m.label for m in ctx.tools.roles.find(ctx.keys, lo, hi)}
    return next((r for r in ctx.tools.role_order if r in found), None)


def _country(ctx: DocContext, lo: int, hi: int, actors: list[ActorMention]) -> Optional[str]:
    """The country the speaker's words name, or that of the first of its actors that has one."""
    for m in ctx.country_refs:  # found once per report
        if lo <= m.start < hi:
            return m.label.split(":")[1]
    for a in actors:
        if a.country or (a.group and a.group.country_code) or a.where:
            return a.country or (a.group.country_code if a.group else None) or a.where
    return None


def _as_speaker(ctx: DocContext, a: ActorMention, country: Optional[str]) -> Actor:
    if a.category == Category.STATE and a.country:
        return Actor(name=country_name(a.country) or a.country, kind=ActorKind.STATE_FORCES, country_code=a.country)
    actor = canonical(a, country or ctx.focus, military_context=False)
    if a.category == Category.GROUP:
        return actor  # a named group speaks with the dictionary's country, none for transnational ones
    if actor.country_code is None and (a.where or country):
        actor = actor.model_copy(update={"country_code": a.where or country})
    return actor
