"""The sides of one event: its actor1, actor2 and associated actors, from the roles its mentions
gave (roles.py) and from the actors named around it.

`PICK_RULES` refine, in order, the actor mentions each role holds (a crowd faces the force that
met it; who moved in and who pulled out; two groups named fighting). The first of each role
becomes the side. `FILL_RULES` then find, in order, a side still missing among the actors named
nearby (the group the paragraph names for "militants"; the people hit). ACLED's defaults for what
is still missing are `defaults.py`'s.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Callable, Optional

from ..find.actors import ActorMention
from ..find.places import is_of
from ..model import Actor, Evidence
from ..resolve.actors import people_of
from ..text.grammar import determined
from ..vocab import FACILITIES, STATE_KINDS, ActorKind, Category, StatementType, Trigger, Weapon
from . import syntax
from .classify import STRIKES
from .grouping import Draft
from .report import Report
from .roles import ACTOR1, ACTOR2, ASSOC, FIGHTER

CROWD_TRIGGERS = {Trigger.PROTEST, Trigger.RIOT, Trigger.INTERVENE}
FIGHTING = {Trigger.ATTACK, Trigger.CLASH, Trigger.AIR_STRIKE, Trigger.SHELLING, Trigger.EXPLOSION}
CROWDS = (Category.CIVILIANS, Category.PROTESTERS, Category.RIOTERS)
FORCES = (Category.POLICE, Category.MILITARY)
FIGHTERS = (Category.GROUP, Category.ARMED, *FORCES)
TAKING_GROUND = {Trigger.TRANSFER, Trigger.DEPLOY, Trigger.CAPTURE}


@dataclass
class Cast:
    """The event's sides as the rules settle them."""
    r: Report
    d: Draft
    country: Optional[str]
    military: bool  # a violent event: ministries and officials report it, they are not its target
    classes: set[str]
    weapon: Optional[str]
    evidence: list[Evidence]
    picked: dict[str, list[ActorMention]] = field(default_factory=dict)
    sides: set[str] = field(default_factory=set)  # the names made so far
    actor1: Optional[Actor] = None
    actor2: Optional[Actor] = None

    def make(self, a: ActorMention, field_name: str) -> Actor:
        """The actor `a` names, recorded for `field_name` with its words as evidence."""
        r = self.r
        a = named_group(r, a, self.sides, self.country)
        if a.category == Category.MILITARY and a.country is None and r.only_forces is not None \
                and a.head > r.only_forces[1]:
            a = dataclasses.replace(a, country=r.only_forces[0])  # "les soldats": the army named before
        self.evidence.append(r.ctx.evidence(field_name, a.start, a.end))
        actor = r.resolved(a, self.country, self.military, r.ctx.doc[a.start:a.end].text)
        self.sides.add(actor.name)
        return actor

    def name_of(self, actor: Optional[Actor]) -> Optional[str]:
        return getattr(actor, "name", None)


def cast(r: Report, d: Draft, country: Optional[str], military: bool, evidence: list[Evidence], classes: set[str],
         weapon: Optional[str] = None) -> tuple[Optional[Actor], Optional[Actor], list[Actor], list[Actor]]:
    """actor1, actor2 and the actors associated with each."""
    c = Cast(r, d, country, military, classes, weapon, evidence, {ACTOR1: [], ACTOR2: [], ASSOC: [], FIGHTER: []})
    for m in d.mentions:
        for role, found in m.roles.items():
            c.picked[role].extend(found)
    for refine in PICK_RULES:
        refine(c)
    choose_sides(c)
    for fill in FILL_RULES:
        fill(c)
    return c.actor1, c.actor2, *associates(c)


# --- refining who holds each role, in order ---------------------------------------------------------
def crowd_meets_force(c: Cast) -> None:
    """ "Police fired tear gas at protesters in Dakar": the crowd is one side and the force that
    met it the other, whatever the parse says."""
    if c.classes & CROWD_TRIGGERS and not c.classes & FIGHTING:
        named = c.picked[ACTOR1] + c.picked[ACTOR2]
        crowd = [a for a in named if a.category in CROWDS]
        force = [a for a in named if a.category in FORCES]
        if crowd and force:
            c.picked[ACTOR1], c.picked[ACTOR2] = crowd, force


def ground_changes_hands(c: Cast) -> None:
    """ "Les soldats se sont retirés du camp et des rebelles s'y sont installés": who moved in is
    actor1, who pulled out actor2."""
    if Trigger.WITHDRAW in c.classes and c.classes & TAKING_GROUND:
        leaving = [a for m in c.d.mentions if Trigger.WITHDRAW in m.classes for a in m.roles[ACTOR1]]
        coming = [a for m in c.d.mentions if Trigger.WITHDRAW not in m.classes for a in m.roles[ACTOR1]]
        if leaving and coming:
            c.picked[ACTOR1], c.picked[ACTOR2] = coming, leaving + c.picked[ACTOR2]


def fighters_placed(c: Cast) -> None:
    """ "Fighting broke out between the army and the rebels": sides named in fighting with no role
    of their own; the one named first is actor1 unless the parse names one of them as acting
    elsewhere ("... after the rebels attacked a post": the side told acting first); the other
    sides, those acting later included, face actor1."""
    fighters = c.picked.pop(FIGHTER, [])
    if not fighters:
        return
    side = lambda a: side_of(c.r.resolved(a, c.country))  # noqa: E731
    # a crowd the parse makes the subject of the fighting leads it too ("protesters clashed with police")
    named = [a for a in c.picked[ACTOR1] if a.category in FIGHTERS or a.category in (Category.PROTESTERS, Category.RIOTERS)]
    acting_first = sorted((a for a in named if acts_in_event(c, a)), key=lambda a: a.start)
    acting = {side(a) for a in acting_first}
    if acting:  # the side told acting first leads ("the fighting began when the militants attacked a post")
        lead = next((a for a in fighters if side(a) == side(acting_first[0])), None) or \
            next((a for a in fighters if side(a) in acting), None)
    else:
        lead = min(fighters + named, key=lambda a: a.start)
    if lead is not None:
        c.picked[ACTOR1] = [lead, *(a for a in c.picked[ACTOR1] if a is not lead)]
    ahead = {side(lead)} if lead is not None else acting  # (a side acting later faces the one that began)
    c.picked[ACTOR2][:0] = [a for a in fighters if side(a) not in ahead]


def side_of(actor: Actor) -> tuple:
    """Who a side is: a state's forces, police or army, are one side; others go by their name."""
    return (ActorKind.STATE_FORCES, actor.country_code) if actor.kind in STATE_KINDS else (actor.name,)


def acts_in_event(c: Cast, a: ActorMention) -> bool:
    """The actor is the subject of one of the event's own trigger verbs ("the rebels attacked"),
    not of a verb that tells something else ("troops later recovered the bodies")."""
    fired = {i for m in c.d.mentions for t in m.triggers for i in range(t.start, t.end)}
    return a.agent or syntax.clause_verb(c.r.ctx.doc[a.head]) in fired


def fighters_in_order(c: Cast) -> None:
    """ "The army and the rebels clashed near Bhamo", "heavy fighting between the KIA and the
    military": when the parse gave both fighting sides one role, the side named first is actor1."""
    if Trigger.CLASH not in c.classes:
        return
    roles = [role for role in (ACTOR1, ACTOR2) if any(a.category in FIGHTERS for a in c.picked[role])]
    if len(roles) != 1:
        return
    fighters = sorted((a for a in c.picked[roles[0]] if a.category in FIGHTERS), key=lambda a: a.start)
    first = c.r.resolved(fighters[0], c.country).name
    others = [a for a in fighters if c.r.resolved(a, c.country).name != first]
    if others:
        rest = [a for a in c.picked[roles[0]] if a not in others and a is not fighters[0]]
        c.picked[ACTOR1], c.picked[ACTOR2] = [fighters[0], *rest], others + c.picked[ACTOR2 if roles[0] == ACTOR1 else ACTOR1]


def two_named_sides(c: Cast) -> None:
    """ "Fighting broke out between two rival factions", "the two parties signed a truce": two
    groups named as fighting, or two parties as making a deal, are the two sides."""
    r, picked = c.r, c.picked
    two_sided = Trigger.CLASH in c.classes and not any(a.category == Category.GROUP for a in picked[ACTOR2]) or \
        Trigger.AGREEMENT in c.classes and not picked[ACTOR2]
    if not two_sided:
        return
    named = [a for a in picked[ACTOR1] if a.category == Category.GROUP or Trigger.AGREEMENT in c.classes]
    first = r.resolved(named[0], c.country).name if named else None
    other = next((a for a in named if r.resolved(a, c.country).name != first
                  and not r.qualifies(a, named[0]) and not r.qualifies(named[0], a)), None)
    if other is not None:
        picked[ACTOR1].remove(other)
        picked[ACTOR2].insert(0, other)


def officials_only_report(c: Cast) -> None:
    """ "The interior ministry said gunmen killed six villagers": ministries report on fighting;
    they are not its target."""
    if c.military:
        c.picked[ACTOR2] = [a for a in c.picked[ACTOR2] if a.category != Category.GOVERNMENT]


def places_stand_in_last(c: Cast) -> None:
    """ "Le poste de Tessit attaqué par le JNIM": a place standing for its forces is a side only
    when no one is named; a group named says who the gunmen were."""
    for role in (ACTOR1, ACTOR2):
        named = role == ACTOR1 and any(a.category == Category.GROUP for a in c.picked[role])
        c.picked[role].sort(key=lambda a: (a.category in FACILITIES, named and a.category == Category.ARMED))
    c.picked[ACTOR1] = [a for a in c.picked[ACTOR1] if a.category not in FACILITIES]


PICK_RULES: list[Callable[[Cast], None]] = [
    fighters_placed, crowd_meets_force, ground_changes_hands, fighters_in_order, two_named_sides, officials_only_report, places_stand_in_last,
]


def choose_sides(c: Cast) -> None:
    """The first of each role; actor2 is not actor1 again, but people may turn on people
    ("residents beat two men": civilians on both sides, a mob's violence)."""
    c.actor1 = c.make(c.picked[ACTOR1][0], ACTOR1) if c.picked[ACTOR1] else None
    same_side = lambda x: c.actor1 is not None and x.name == c.actor1.name and x.kind != ActorKind.CIVILIANS  # noqa: E731
    for a in c.picked[ACTOR2]:
        candidate = c.r.resolved(a, c.country, c.military)
        if not same_side(candidate):
            c.actor2 = c.make(a, ACTOR2)
            if same_side(c.actor2):  # named as the same side after all
                c.evidence.pop()
                c.actor2 = None
                continue
            break


# --- filling a side still missing, in order ------------------------------------------------------
def attacker_named_nearby(c: Cast) -> None:
    """ "Gunmen stormed a village. Al Shabaab has been active in the area": the group named
    nearby, for a violent event with no attacker (armed groups fly no jets; arrests are the state's)."""
    if c.actor1 is None and c.military and c.weapon != Weapon.AIRSTRIKE and Trigger.ARREST not in c.classes:
        found = nearby(c.r, c.d, c.r.opposes_state, {c.name_of(c.actor2)}, lead=not attacker_left_unnamed(c.r, c.d))
        c.actor1 = c.make(found, ACTOR1) if found else None


def other_side_nearby(c: Cast) -> None:
    """ "Soldiers repelled an attack; Ansaru fighters had gathered near the base": the enemy named
    nearby (or the one group the report names), else the people hit in its own sentences."""
    if c.actor2 is not None or not c.military:
        return
    r, actor1 = c.r, c.actor1
    state_side = actor1 is not None and actor1.kind in STATE_KINDS
    enemy = r.opposes_state if state_side else lambda a: a.category in FORCES
    found = nearby(r, c.d, enemy, {c.name_of(actor1)}) if actor1 is not None else None
    if found is None and state_side:  # "des drones de l'armée ont frappé des positions rebelles"
        found = sole_group(r, c.country)
        found = found if found is not None and r.resolved(found, c.country).name != actor1.name else None
    # else the people it hit, when its own sentences name them
    found = found or nearby(r, c.d, lambda a: a.category == Category.CIVILIANS, {c.name_of(actor1)}, paragraph=False)
    c.actor2 = c.make(found, ACTOR2) if found else None


def force_met_crowd(c: Cast) -> None:
    """ "Protesters blocked the road; gendarmes arrested ten of them": the force that met the crowd."""
    if c.actor2 is None and c.classes & CROWD_TRIGGERS and c.classes & {Trigger.INTERVENE, Trigger.ARREST, Trigger.KILL}:
        found = nearby(c.r, c.d, lambda a: a.category in FORCES, {c.name_of(c.actor1)})
        c.actor2 = c.make(found, ACTOR2) if found else None


def never_both_sides(c: Cast) -> None:
    """ "Les FSR ont pillé le marché, selon des sources proches des FSR": one actor is never both
    sides of its event; the second goes, for ACLED's defaults to fill."""
    if c.actor1 is not None and c.actor2 is not None and c.actor1.name == c.actor2.name:
        c.actor2 = None


def plain_person_hit(c: Cast) -> None:
    """ "A retired schoolmaster was shot dead by gunmen", "un comptable a été abattu": someone the
    report names by a plain common noun, no group or force (no name, no acronym: not "two KPR
    reservists"), is the civilian target of the attack or killing."""
    if c.actor2 is not None or not c.classes & {Trigger.ATTACK, Trigger.KILL, Trigger.AMBUSH} \
            or c.classes & {Trigger.CLASH, *STRIKES}:  # a strike's dead are whoever it was aimed at (claims.py)
        return
    doc, ctx = c.r.ctx.doc, c.r.ctx
    for m in c.d.mentions:
        for t in m.triggers:
            if t.label not in (Trigger.ATTACK, Trigger.KILL, Trigger.AMBUSH):
                continue
            for n in doc[t.start].children:
                if (n.dep_ in syntax.OBJECTS or n.dep_ in syntax.PASSIVE_SUBJ) and plain_noun_phrase(n) \
                        and not ctx.covering(ctx.actors, n.i):
                    c.actor2 = people_of(ActorKind.CIVILIANS, c.country, n.text)
                    c.evidence.append(ctx.evidence(ACTOR2, n.left_edge.i, n.i + 1))
                    return


def plain_noun_phrase(n) -> bool:
    """A common noun whose words before it, and those of the noun its "of"/"de" hangs from it,
    hold no name ("the bodyguard of a shop owner", not "members of the KPR")."""
    if n.pos_ != "NOUN" or n.is_stop or n.text[:1].isupper() and not n.is_sent_start:  # not "others"
        return False
    nouns = [n]
    for x in n.children:
        if x.i > n.i and x.dep_ == "prep" and is_of(x):  # English: owner <- of <- bodyguard
            nouns.extend(y for y in x.children if y.dep_ == "pobj")
        elif x.i > n.i and x.dep_ == "nmod" and any(k.dep_ == syntax.CASE and is_of(k) for k in x.children):
            nouns.append(x)  # French: garde -> commerçant (case: d')
    words = [w for y in nouns for w in y.subtree if w.i <= y.i and not is_of(w)]
    return not any(w.pos_ == "PROPN" or w.text[:1].isupper() and not w.is_sent_start for w in words)


FILL_RULES: list[Callable[[Cast], None]] = [attacker_named_nearby, other_side_nearby, force_met_crowd, plain_person_hit,
                                            never_both_sides]


def associates(c: Cast) -> tuple[list[Actor], list[Actor]]:
    """Who fought beside the sides: with actor2 when actor2 is a state's forces, else with actor1."""
    assoc1: list[Actor] = []
    assoc2: list[Actor] = []
    for a in c.picked[ASSOC]:
        act = c.make(a, "assoc_actor")
        side = assoc2 if c.actor2 is not None and c.actor2.kind in STATE_KINDS else assoc1
        if act.name not in {x.name for x in side} and act.name not in (c.name_of(c.actor1), c.name_of(c.actor2)):
            side.append(act)
    return assoc1, assoc2


# --- the actors named around an event ---------------------------------------------------------------
def nearby(r: Report, d: Draft, wanted, exclude: set, lead: bool = False, paragraph: bool = True) -> Optional[ActorMention]:
    """An actor the event's own clauses did not give a role, named in its sentences, then in
    its paragraph, then (when `lead`) in the report's first paragraph. Groups only accused or
    denied ("X accused group Y") are not taken for the side that acted."""
    ctx = r.ctx
    paragraphs = r.paragraphs_of(d.mentions)
    scopes = [[k for n in {m.sent for m in d.mentions} for k in r.actors_by_sentence.get(n, ())]]
    if paragraph:
        scopes.append([k for p in paragraphs for k in r.actors_by_paragraph.get(p, ())])
    if lead:
        scopes.append(r.actors_by_paragraph.get(0, []))
    for scope in scopes:  # each scope's actors in the report's order; the first one that fits
        for a in (ctx.actors[k] for k in sorted(set(scope))):
            if wanted(a) and ctx.sentence_number(a.head) not in r.disputed and not r.speaks(a) \
                    and r.resolved(a, d.country or ctx.focus).name not in exclude:
                return a
    return None


def attacker_left_unnamed(r: Report, d: Draft) -> bool:
    """The event's paragraph says nobody claimed it or speaks of unnamed gunmen ("No one has
    claimed responsibility", "officials blamed militants but did not name a group"): the
    group the lead names is not to be assumed."""
    ctx = r.ctx
    paragraphs = r.paragraphs_of(d.mentions)
    if any(a.category == Category.ARMED for a in ctx.in_paragraphs(ctx.actors, paragraphs, by="head")):
        return True
    for cue in ctx.in_paragraphs(ctx.statement_cues, paragraphs):
        if cue.label == StatementType.CLAIM:
            verb = ctx.doc[cue.start]
            subject = [c for c in verb.children if c.dep_.startswith("nsubj")]
            words = {c.lower_ for c in verb.children} | {w.lower_ for s in subject for w in s.subtree}
            if words & r.words.nobody:
                return True
    return False


def named_group(r: Report, a: ActorMention, sides: set[str], country: Optional[str] = None) -> ActorMention:
    """ "Eleven insurgents died" where the paragraph names one armed group ("Al Shabaab
    fighters had held the town"): the insurgents are that group; "the attackers", where several
    are named, the group named last before them. Never for attackers the
    report calls unidentified or pro-something, nor from accusations and denials, nor
    the group already on the other side."""
    ctx = r.ctx
    if a.category != Category.ARMED or a.unknown or any(t.lower_.startswith(r.words.supporter_prefixes)
                                                        for t in ctx.doc[a.start:a.head]):
        return a
    paragraph = ctx.paragraph_of(a.head)
    groups = ctx.in_paragraphs(r.proven_groups, [paragraph], by="head")
    names = {g.group.name for g in groups}
    if not groups:  # none in its paragraph: the one group the whole report names, if it names one
        sole = sole_group(r, country)
        groups, names = ([sole], {sole.group.name}) if sole else ([], set())
    if len(names) != 1 and determined(ctx.doc[a.head]):  # "the attackers": the group named last before them
        groups = [g for g in (groups or r.proven_groups) if g.head < a.start][-1:]
        names = {g.group.name for g in groups}
    return groups[0] if len(names) == 1 and not names & sides else a


def sole_group(r: Report, country: Optional[str]) -> Optional[ActorMention]:
    """The one group opposed to the state that the report names, when it names one only and
    that group is based where the event is, or nowhere in particular (not Nigeria's Boko
    Haram for Cameroon's separatists)."""
    groups = r.proven_groups
    if len({g.group.name for g in groups}) != 1 or groups[0].group.country_code not in (None, country):
        return None
    return groups[0]
