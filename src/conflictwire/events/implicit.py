"""Events told with no trigger word, found by the shape of the clause instead.

Destroying property: a verb of burning or destroying whose object is property ("burned heavy
equipment", "ont détruit un champ de coton") tells property destruction, whoever did it.
A riot: a throwing verb whose object is stones, bottles or the like ("threw water bottles and
rocks at", "ont lancé des pierres sur").
An intervention: police or troops acting on protesters ("stopped protesters from setting up
tents", "ont repoussé les manifestants").
Shelling: a firing verb whose object is a projectile ("fired dozens of rockets at", "a tiré trois
obus sur") tells shelling, or an air strike for drones.
A protest told by its purpose: people gathering, blocking a road or driving in a convoy so as to
demand or denounce something ("gathered outside the ministry to demand their wages", "se sont
rassemblés pour réclamer") tell a demonstration though no protest word is used.
"""
from __future__ import annotations

from typing import Iterable, Optional

from spacy.tokens import Span, Token

from ..text.lexmatch import Match
from ..vocab import Category, Trigger, Weapon
from . import syntax
from .report import Report

TAKEN_BY = syntax.OBJECTS | syntax.PASSIVE_SUBJ | {"obl", "obl:arg", "pobj"}  # what a verb acts on
PROJECTILES = {Weapon.ROCKET, Weapon.MISSILE, Weapon.ARTILLERY, Weapon.MORTAR, Weapon.DRONE}
PURPOSE = {"advcl", "xcomp", "acl", "obl", "obl:arg", "prep", "pcomp"}  # "to demand", "pour réclamer", "demanding"


def implicit_triggers(r: Report, sent: Span, found: list[Match]) -> list[Match]:
    """Triggers the clause shape tells, on tokens no trigger word took."""
    taken = {i for m in found for i in range(m.start, m.end)}
    out = []
    for t in sent:
        if t.i in taken or t.pos_ != "VERB" or syntax.negated(t, r.words) or syntax.unreal(t, r.ctx.tools.future):
            continue
        fired = fires_projectiles(r, t)
        if fired:
            out.append(Match(t.i, t.i + 1, fired, t.lemma_))
        elif throws_objects(r, t):
            out.append(Match(t.i, t.i + 1, Trigger.RIOT, t.lemma_))
        elif forces_act_on_crowd(r, t):
            out.append(Match(t.i, t.i + 1, Trigger.INTERVENE, t.lemma_))
        elif destroys_property(r, t):
            out.append(Match(t.i, t.i + 1, Trigger.LOOT, t.lemma_))
        elif gathers_to_protest(r, t):
            out.append(Match(t.i, t.i + 1, Trigger.PROTEST, t.lemma_))
    return out


def phrase_at(t: Token, phrases: Iterable[tuple[str, ...]]) -> bool:
    """`t` is a phrase's head word and the phrase's other words stand just under it ("set ... on fire")."""
    below = {w for c in t.children for x in (c, *c.children) for w in (x.lower_, x.lemma_.lower())}
    head = {t.lower_, t.lemma_.lower()}
    return any(p[0] in head and all(w in below for w in p[1:]) for p in phrases)


def acted_on(t: Token) -> list[Token]:
    """What the verb acts on: its objects (or passive subject), with what they list or count
    ("houses and granaries", "hundreds of farms")."""
    direct = [c for c in t.children if c.dep_ in TAKEN_BY]
    direct += [g for c in t.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    listed = [g for x in direct for g in x.children if g.dep_ in ("conj", "prep", "pobj", "nmod")]
    return direct + listed + [g for x in listed for g in x.children if g.dep_ == "pobj"]


def fires_projectiles(r: Report, t: Token) -> Optional[str]:
    """ "fired dozens of rockets at the town", "a lancé trois missiles": a firing verb whose object is
    a projectile tells shelling (an air strike, for drones)."""
    if t.lemma_.lower() not in r.words.firing:
        return None
    weapons = {i: w.label for w in r.ctx.weapons if w.label in PROJECTILES for i in range(w.start, w.end)}
    fired = [weapons[x.i] for x in acted_on(t) if x.i in weapons]
    if not fired:
        return None
    return Trigger.AIR_STRIKE if fired[0] == Weapon.DRONE else Trigger.SHELLING


def throws_objects(r: Report, t: Token) -> bool:
    """ "They threw water bottles, sticks and rocks at other drivers", "ont lancé des pierres": a
    throwing verb whose object is stones, bottles or the like tells a riot, whatever the words
    between."""
    return t.lemma_.lower() in r.words.throwing and any(
        x.lemma_.lower() in r.words.thrown or x.lower_ in r.words.thrown for x in acted_on(t))


def forces_act_on_crowd(r: Report, t: Token) -> bool:
    """ "Soldiers stopped protesters from setting up tents", "la police a repoussé les manifestants":
    police or troops acting on protesters intervene in their protest (escorting it is no
    intervention)."""
    if t.lemma_.lower() in r.words.escorting:
        return False
    ctx = r.ctx
    forces, crowds = (Category.POLICE, Category.MILITARY), (Category.PROTESTERS, Category.RIOTERS)
    return any(syntax.is_subject(c) and any(a.category in forces for a in ctx.covering(ctx.actors, c.i)) for c in t.children) \
        and any(a.category in crowds for x in acted_on(t) for a in ctx.covering(ctx.actors, x.i))


def destroys_property(r: Report, t: Token) -> bool:
    words = r.words
    return phrase_at(t, words.destroying) and any(x.lemma_.lower() in words.property for x in acted_on(t))


def gathers_to_protest(r: Report, t: Token) -> bool:
    """A gathering (the verb, or what it names: "staged a motorcade") with a purpose clause under it."""
    words = r.words
    gatherings = [t] if phrase_at(t, words.gathering) else []
    gatherings += [c for c in t.children if c.dep_ in syntax.OBJECTS and phrase_at(c, words.gathering)]
    return any(aim(r, c) for g in gatherings for c in g.children if c.dep_ in PURPOSE)


def aim(r: Report, c: Token) -> bool:
    """The clause says what the gathering is for: its verb is a demand ("to demand", "réclamant")."""
    verbs = [c] if c.pos_ == "VERB" else [x for x in c.children if x.pos_ == "VERB" and x.dep_ in ("pcomp", "xcomp")]
    return any(v.lemma_.lower() in r.words.protest_aims for v in verbs)
