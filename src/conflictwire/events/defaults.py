"""ACLED's conventions on sides, and who it writes when the report does not say.

`DEFAULT_RULES` refine the event's two sides in order, once its sub-event type is known: a crowd
is actor1 of its own protest or riot and the force that met it actor2; unarmed people do not
carry out violence; arrests are made by the police, ground is regained by the army, an air
strike is flown by a state's forces; an attacker nobody names is an Unidentified Armed Group;
the target nobody names of an attack is civilians. The names themselves are built in
`resolve/actors.py`.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Callable, Optional

from ..knowledge import sovereign
from ..model import Actor
from ..resolve.actors import military_forces, people_of, police_forces, unidentified
from ..vocab import STATE_KINDS, ActorKind, Category, SubEventType as Sub, Weapon
from .report import Report

CROWD_KINDS = (ActorKind.CIVILIANS, ActorKind.PROTESTERS, ActorKind.RIOTERS)
CROWD_EVENTS = {Sub.PEACEFUL_PROTEST: ActorKind.PROTESTERS, Sub.PROTEST_WITH_INTERVENTION: ActorKind.PROTESTERS,
                Sub.EXCESSIVE_FORCE: ActorKind.PROTESTERS, Sub.VIOLENT_DEMONSTRATION: ActorKind.RIOTERS}
FROM_AFAR = (Sub.AIR_DRONE_STRIKE, Sub.SHELLING, Sub.CHEMICAL_WEAPON)
SHOT_DOWN = (Weapon.DRONE, Weapon.MISSILE, Weapon.ROCKET)
MET_BY_FORCE = (Sub.PROTEST_WITH_INTERVENTION, Sub.EXCESSIVE_FORCE)
ON_CIVILIANS = (Sub.ATTACK, Sub.ABDUCTION, Sub.SEXUAL_VIOLENCE, Sub.ARRESTS, Sub.LOOTING, Sub.MOB_VIOLENCE)


@dataclass
class Sides:
    """An event's two sides as the default rules settle them."""
    r: Report
    sub: str
    actor1: Optional[Actor]
    actor2: Optional[Actor]
    country: Optional[str]
    weapon: Optional[str] = None
    paragraphs: Optional[set[int]] = None

    @property
    def crowd(self) -> Optional[ActorKind]:
        """The crowd a protest or riot is by, for those."""
        return CROWD_EVENTS.get(self.sub)


def default_actors(r: Report, sub: str, actor1: Optional[Actor], actor2: Optional[Actor], country: Optional[str],
                   weapon: Optional[str] = None, paragraphs: Optional[set[int]] = None):
    """actor1 and actor2 as ACLED writes them."""
    s = Sides(r, sub, actor1, actor2, country, weapon, paragraphs)
    for rule in DEFAULT_RULES:
        rule(s)
    return s.actor1, s.actor2


# --- conventions on sides ---------------------------------------------------------------------------
def crowd_leads_its_protest(s: Sides) -> None:
    """ "Riot police dispersed students marching in Lomé": the crowd is actor1, the police actor2."""
    if s.crowd and s.actor1 is not None and s.actor1.kind in STATE_KINDS:
        s.actor1, s.actor2 = (s.actor2 if s.actor2 is not None and s.actor2.kind in CROWD_KINDS else None), s.actor1


def crowd_named_by_event(s: Sides) -> None:
    """ "Des habitants ont manifesté à Goma": people in a protest are protesters, in a riot rioters."""
    if s.crowd and s.actor1 is not None and s.actor1.kind in CROWD_KINDS:
        s.actor1 = people_of(s.crowd, s.country, s.actor1.text)


def rioters_are_rioters(s: Sides) -> None:
    """ "Angry youths torched the town hall": a riot's or a mob's own people are rioters, however
    the report names them ("militants", "a crowd")."""
    if s.sub in (Sub.VIOLENT_DEMONSTRATION, Sub.MOB_VIOLENCE) and s.actor1 is not None \
            and s.actor1.kind not in (ActorKind.RIOTERS, ActorKind.STATE_FORCES):
        s.actor1 = people_of(ActorKind.RIOTERS, s.country, s.actor1.text)


def crowd_outside_protest_is_civilians(s: Sides) -> None:
    """ "Des hommes armés ont tiré sur la foule d'un marché": a crowd attacked outside a protest is civilians."""
    if s.crowd is None and s.actor2 is not None and s.actor2.kind in (ActorKind.PROTESTERS, ActorKind.RIOTERS) \
            and s.sub not in (Sub.MOB_VIOLENCE, Sub.ARRESTS):
        s.actor2 = people_of(ActorKind.CIVILIANS, s.country, s.actor2.text)


def unarmed_are_targets(s: Sides) -> None:
    """ "Villagers were caught in a mortar attack": unarmed people do not carry out violence; they are its target."""
    if s.crowd is None and s.sub != Sub.MOB_VIOLENCE and s.actor1 is not None and s.actor1.kind == ActorKind.CIVILIANS:
        s.actor1, s.actor2 = None, s.actor2 or s.actor1


def crowd_not_its_own_opponent(s: Sides) -> None:
    """ "Des manifestants et des passants ont défilé": the crowd is actor1; its own members are not the other side."""
    if s.crowd and s.actor2 is not None and s.actor2.kind in CROWD_KINDS:
        s.actor2 = None


# --- who acted, when nobody is named (the first that applies) -------------------------------------
def protesters_by_default(s: Sides) -> None:
    """ "A march against fuel prices took place in Kano": protesters (or rioters) of the country."""
    if s.actor1 is None and s.crowd:
        s.actor1 = people_of(s.crowd, s.country)


def mob_by_default(s: Sides) -> None:
    """ "Un présumé voleur a été lynché à Bukavu": a mob's people are rioters."""
    if s.actor1 is None and s.sub == Sub.MOB_VIOLENCE:
        s.actor1 = people_of(ActorKind.RIOTERS, s.country)


def police_arrest(s: Sides) -> None:
    """ "Twelve suspects were arrested in Mombasa": arrests are made by the police."""
    if s.actor1 is None and s.sub == Sub.ARRESTS and s.country:
        s.actor1 = police_forces(s.country)


def army_regains_ground(s: Sides) -> None:
    """ "La ville de Djibo a été reprise": ground is regained by the army."""
    if s.actor1 is None and s.sub == Sub.GOVERNMENT_REGAINS_TERRITORY and s.country:
        s.actor1 = military_forces(s.country)


def state_fires_from_afar(s: Sides) -> None:
    """ "Air strikes hit a market in Sudan": a foreign state the report names, else (air strikes
    only) the state where it fell; never the state whose forces were hit ("US troops were targeted
    by drones in Syria": not the United States, nor Syria's army on its own or its guests' troops)."""
    if s.actor1 is None and s.sub in FROM_AFAR:
        forces_hit = s.actor2 is not None and s.actor2.kind in STATE_KINDS
        s.actor1 = air_force(s.r, s.country, own_state=s.sub == Sub.AIR_DRONE_STRIKE and not forces_hit, target=s.actor2)


def state_launched_what_was_shot_down(s: Sides) -> None:
    """ "Kyiv said it shot down 30 drones launched by Russia": drones and missiles shot down came
    from the foreign state named beside them, when one is."""
    if s.actor1 is None and s.sub == Sub.DISRUPTED_WEAPONS_USE and s.weapon in SHOT_DOWN and s.paragraphs:
        s.actor1 = air_force(s.r, s.country, own_state=False, paragraphs=s.paragraphs, target=s.actor2, weapon=s.weapon)


def agreement_between_belligerents(s: Sides) -> None:
    """ "The two sides completed a prisoner swap": the report's two belligerents."""
    if s.actor1 is None and s.sub == Sub.AGREEMENT and s.actor2 is None:
        s.actor1, s.actor2 = belligerents(s.r, s.country)


def unidentified_attacker(s: Sides) -> None:
    """ "A bomb exploded in a bus station": an Unidentified Armed Group of the country."""
    if s.actor1 is None and s.sub != Sub.AGREEMENT:
        s.actor1 = unidentified(s.country)


# --- who was acted on, when nobody is named ---------------------------------------------------------
def aimed_at_state(s: Sides) -> None:
    """ "Un engin explosif a été désamorcé sur la route": what was stopped was aimed at the state's
    forces, who stopped it."""
    if s.actor2 is None and s.sub == Sub.DISRUPTED_WEAPONS_USE and s.country \
            and (s.actor1 is None or s.actor1.kind not in (ActorKind.STATE_FORCES,)):
        s.actor2 = military_forces(s.country)


def police_met_protest(s: Sides) -> None:
    """ "Le rassemblement a été dispersé à Lomé": who intervenes in a protest is the state's police."""
    if s.actor2 is None and s.sub in MET_BY_FORCE and s.country:
        s.actor2 = police_forces(s.country)


def host_state_fights(s: Sides) -> None:
    """ "Ukrainian troops fought near Sudzha", "des combattants ont échangé des tirs près de Kidal": the
    other side of fighting nobody names, or of ground an outside force took, is the army of the
    country it happened in."""
    if s.actor2 is None and s.sub in (Sub.ARMED_CLASH, Sub.NON_STATE_OVERTAKES_TERRITORY) and s.country \
            and s.actor1 is not None and s.actor1.kind not in CROWD_KINDS \
            and not (s.actor1.kind == ActorKind.STATE_FORCES and s.actor1.country_code == sovereign(s.country)):
        s.actor2 = military_forces(s.country)


def civilians_hit(s: Sides) -> None:
    """ "Gunmen abducted a trader": the unnamed target of an attack, abduction or arrest is civilians."""
    if s.actor2 is None and s.sub in ON_CIVILIANS:
        s.actor2 = people_of(ActorKind.CIVILIANS, s.country)


DEFAULT_RULES: list[Callable[[Sides], None]] = [
    crowd_leads_its_protest, crowd_named_by_event, rioters_are_rioters, crowd_outside_protest_is_civilians,
    unarmed_are_targets, crowd_not_its_own_opponent,
    protesters_by_default, mob_by_default, police_arrest, army_regains_ground, state_fires_from_afar,
    state_launched_what_was_shot_down, agreement_between_belligerents, unidentified_attacker,
    aimed_at_state, police_met_protest, host_state_fights, civilians_hit,
]


def belligerents(r: Report, country: Optional[str]) -> tuple[Optional[Actor], Optional[Actor]]:
    """The two sides of the report's war, for an agreement that names neither: the state's
    forces the report names and the armed group it names most, when it names both."""
    ctx = r.ctx
    state = sovereign(country) if country else None
    forces = [a for a in ctx.actors if a.category == Category.MILITARY and a.country and sovereign(a.country) == state]
    groups = Counter(g.group.name for g in r.proven_groups)
    if not forces or not groups:
        return None, None
    group = next(g for g in r.proven_groups if g.group.name == groups.most_common(1)[0][0])
    return r.resolved(forces[0], country), r.resolved(group, country)


def air_force(r: Report, country: Optional[str], own_state: bool = True, paragraphs: Optional[set[int]] = None,
              target: Optional[Actor] = None, weapon: Optional[str] = None) -> Optional[Actor]:
    """Who fires an unattributed strike from afar: a foreign state whose forces the report
    names, else (for air strikes, which armed groups seldom fly) the state where it fell.
    When `paragraphs` are given, a state they name, else one the report names beside
    weapons of the same kind ("la Russie a lancé 143 drones")."""
    ctx = r.ctx
    foreign = [a for a in ctx.actors if a.category in (Category.MILITARY, Category.STATE) and a.country
               and sovereign(a.country) != sovereign(country) and not r.speaks(a)  # who only speaks of it
               and (target is None or a.country != target.country_code)]  # "US air defences shot down...": not theirs
    if paragraphs is not None:
        armed = {ctx.sentence_of.get(w.start) for w in ctx.weapons if w.label == weapon}
        foreign = [a for a in foreign if ctx.paragraph_of(a.head) in paragraphs] or \
            [a for a in foreign if ctx.sentence_of.get(a.head) in armed - r.disputed]  # not one only accused
    foreign = [a.country for a in foreign]
    code = max(set(foreign), key=foreign.count) if foreign else sovereign(country) if own_state else None
    if code is None:
        return unidentified(country)
    kind = ActorKind.EXTERNAL_FORCES if country and code != sovereign(country) else ActorKind.STATE_FORCES
    return military_forces(code, kind, code)
