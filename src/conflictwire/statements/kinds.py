"""Second looks at a statement's kind, from the words its verb governs or the words said: a
warning of the speaker's own act is a threat, words that call something false deny it, and a
speaker telling in its own words of another party's attack blames that party."""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Token

from ..context import DocContext
from ..text.grammar import determined
from ..vocab import Category, Trigger
from .speaker import Speaker
from .words import StatementWords

ACTS = {Trigger.ATTACK, Trigger.AIR_STRIKE, Trigger.SHELLING, Trigger.KILL, Trigger.AMBUSH, Trigger.EXPLOSION,
        Trigger.ABDUCT, Trigger.CAPTURE}
ARMED = {Category.GROUP, Category.MILITARY, Category.POLICE, Category.GOVERNMENT, Category.STATE, Category.ARMED,
         Category.PROXY, Category.BACKED}
PASSIVE_SUBJECTS = ("nsubj:pass", "nsubjpass")
AGENTS = ("obl:agent", "agent")


def warns_of_own_act(verb: Token, words: StatementWords) -> bool:
    """"warned of serious consequences", "a mis en garde contre des représailles": what is warned
    of is the speaker's own act, a threat. The word hangs from the verb through nouns and
    prepositions only: "warned that the rebels could strike" warns of someone else's act."""
    for tok in verb.subtree:
        if tok.i > verb.i and (tok.lower_ in words.threat_objects or tok.lemma_.lower() in words.threat_objects) \
                and _no_clause_between(tok, verb):
            return True
    return False


def _no_clause_between(tok: Token, top: Token) -> bool:
    t = tok.head  # tokens are compared by index: spaCy makes a new object at each access
    while t.i != top.i:
        if t.pos_ in ("VERB", "AUX") or t.head.i == t.i:
            return False
        t = t.head
    return True


def denies(ctx: DocContext, words: StatementWords, parts: list[range]) -> bool:
    """What was said calls something false ("baseless", "de la propagande", "ridicule")."""
    doc = ctx.doc
    return any(doc[i].lower_ in words.denial or doc[i].lemma_.lower() in words.denial for part in parts for i in part)


def refers_back(noun: Token) -> bool:
    """A statement noun with "the", "this", "cette" ("cette accusation", "the charge") names a
    statement told before, not one its clause's subject makes."""
    return determined(noun)


def clause_verb(word: Token) -> Token:
    """The verb of the clause a noun sits in ("reacted to the accusation": reacted)."""
    t = word
    while t.pos_ not in ("VERB", "AUX") and t.head.i != t.i:
        t = t.head
    return t


def blames_another(ctx: DocContext, inside: range, speaker: Speaker) -> bool:
    """The speaker's quoted words tell of an attack done by an armed party other than the speaker
    ("'The rebels shelled the market,' the spokesman said", "« des frappes menées par l'armée »"):
    the speaker blames it."""
    for m in ctx.triggers:
        if m.label not in ACTS or not inside.start <= m.start < inside.stop:
            continue
        doer = _doer(ctx.doc[m.end - 1])
        if doer is None or not inside.start <= doer.i < inside.stop or speaker.start <= doer.i < speaker.end:
            continue
        actor = next((a for a in ctx.actors if a.covers(doer.i) and a.category in ARMED), None)
        if actor is not None and not _same_side(actor, speaker):
            return True
    return False


def _doer(word: Token) -> Optional[Token]:
    """Who did the act a trigger word names: the active verb's subject, or the agent ("by X") of
    the verb or of the verb that qualifies the noun ("attacks carried out by the group")."""
    verbs = [word] if word.pos_ in ("VERB", "AUX") else [c for c in word.children if c.pos_ == "VERB"] + [word.head]
    for v in verbs:
        for c in v.children:
            if c.dep_ in AGENTS:
                return next((g for g in c.children if g.dep_ == "pobj"), c)
        if v.i == word.i and not any(c.dep_ in PASSIVE_SUBJECTS for c in v.children):
            return next((c for c in v.children if c.dep_ == "nsubj"), None)
    return None


def _same_side(actor, speaker: Speaker) -> bool:
    """The actor is the speaker's own side: its country's forces or government, or the speaker's group."""
    own = speaker.actor
    if actor.category == Category.GROUP and actor.group is not None:
        return actor.group.name == own.name
    country = actor.country or actor.where
    return country is not None and country == own.country_code and actor.category != Category.ARMED
