"""ACLED event type and sub-event type from what an event's mentions hold: trigger classes,
weapons, outcomes and the kinds of the actors involved.

The order of the rules follows the codebook: a disrupted weapon is not a strike; the means of
remote violence decide its sub-type; violence by an armed group on unarmed people is violence
against civilians; two armed sides fighting is a battle.
"""
from __future__ import annotations

from typing import Iterable, Optional

from ..vocab import (NON_STATE_KINDS, STATE_KINDS, ActorKind as Kind, Outcome, SubEventType as Sub, Trigger as T,
                     Weapon as W)

# Weapons in order of precedence when a report names several for one event.
WEAPON_ORDER = (W.CHEMICAL, W.SUICIDE_BOMB, W.VEHICLE_BOMB, W.IED, W.LANDMINE, W.DRONE, W.AIRSTRIKE, W.MISSILE,
                W.ROCKET, W.ARTILLERY, W.MORTAR, W.GRENADE, W.EXPLOSIVE, W.SMALL_ARMS, W.MELEE)
REMOTE = {
    W.CHEMICAL: Sub.CHEMICAL_WEAPON, W.SUICIDE_BOMB: Sub.SUICIDE_BOMB, W.VEHICLE_BOMB: Sub.REMOTE_EXPLOSIVE,
    W.IED: Sub.REMOTE_EXPLOSIVE, W.LANDMINE: Sub.REMOTE_EXPLOSIVE, W.EXPLOSIVE: Sub.REMOTE_EXPLOSIVE,
    W.DRONE: Sub.AIR_DRONE_STRIKE, W.AIRSTRIKE: Sub.AIR_DRONE_STRIKE,
    W.MISSILE: Sub.SHELLING, W.ROCKET: Sub.SHELLING, W.ARTILLERY: Sub.SHELLING, W.MORTAR: Sub.SHELLING,
    W.GRENADE: Sub.GRENADE,
}
VIOLENT = {T.ATTACK, T.CLASH, T.AMBUSH, T.AIR_STRIKE, T.SHELLING, T.EXPLOSION, T.KILL, T.CHEMICAL, T.INTERCEPT}
STRIKES = {T.AIR_STRIKE, T.SHELLING, T.EXPLOSION}  # violence from afar
UNARMED_KINDS = {Kind.CIVILIANS, Kind.PROTESTERS}
CROWD_KINDS = {Kind.RIOTERS, Kind.PROTESTERS}


def recorded_weapon(label: str) -> str:
    """The weapon a record names for a weapon word: a bomb no aircraft or gun delivered is an IED."""
    return W.IED if label == W.EXPLOSIVE else label


def main_weapon(weapons: Iterable[str], triggers: set[str]) -> Optional[str]:
    present = set(weapons)
    if T.AIR_STRIKE in triggers and not present & set(REMOTE):
        present.add(W.AIRSTRIKE)
    if T.SHELLING in triggers and not present & set(REMOTE):
        present.add(W.ARTILLERY)
    if T.EXPLOSION in triggers and not present & set(REMOTE) and T.CLASH not in triggers:
        present.add(W.IED)  # (explosions amid fighting are the fighting's: "des tirs nourris et de fortes détonations")
    for w in WEAPON_ORDER:
        if w in present:
            return recorded_weapon(w)
    return None


def sub_event_type(triggers: set[str], weapon: Optional[str], outcomes: set[str], kind1: Optional[str],
                   kind2: Optional[str], killed: int, injured: int = 0) -> str:
    """The ACLED sub-event type; the event type follows from the taxonomy."""
    if triggers & {T.INTERCEPT, T.SEIZE_WEAPONS} or outcomes & {Outcome.INTERCEPTED, Outcome.DEFUSED}:
        return Sub.DISRUPTED_WEAPONS_USE
    crowd = kind1 in CROWD_KINDS or T.MOB in triggers
    if T.MOB in triggers and (kind2 in UNARMED_KINDS | {None} or kind2 in STATE_KINDS and T.INTERVENE in triggers) \
            and (triggers & {T.KILL, T.ATTACK} or T.PROTEST not in triggers):
        return Sub.MOB_VIOLENCE  # (the police who broke up a mob's violence did not suffer it)
    if kind1 in CROWD_KINDS and triggers & {T.CLASH, T.ATTACK, T.KILL} and not triggers & {T.PROTEST, T.INTERVENE}:
        if T.CLASH in triggers and kind2 in STATE_KINDS:
            return Sub.VIOLENT_DEMONSTRATION  # a crowd fighting the police is a riot
        return Sub.MOB_VIOLENCE  # party supporters fighting each other: a crowd's violence with no demonstration
    armed_violence = {T.ABDUCT, T.SEXUAL} | STRIKES
    if kind1 in STATE_KINDS and kind2 in CROWD_KINDS and T.CLASH in triggers and not triggers & armed_violence:
        return Sub.VIOLENT_DEMONSTRATION  # "des affrontements entre les forces de sécurité et les manifestants"
    if kind1 == Kind.CIVILIANS and kind2 in UNARMED_KINDS | {None} and triggers & {T.ATTACK, T.KILL, T.CLASH} \
            and not triggers & armed_violence and weapon not in REMOTE:
        return Sub.MOB_VIOLENCE  # "residents beat two suspected kidnappers", "villagers clashed with traders"
    if (triggers & {T.PROTEST, T.INTERVENE} or kind1 == Kind.PROTESTERS) and not triggers & armed_violence:
        if triggers & {T.RIOT, T.LOOT} or T.CLASH in triggers and (kind1 not in STATE_KINDS or kind2 in CROWD_KINDS):
            return Sub.VIOLENT_DEMONSTRATION  # the demonstrators fought ("protesters clashed with police"), whichever side leads
        state = bool({kind1, kind2} & STATE_KINDS)
        if (killed or T.KILL in triggers) and (state or kind2 == Kind.PROTESTERS):
            return Sub.EXCESSIVE_FORCE
        if (state or T.INTERVENE in triggers) and (weapon == W.SMALL_ARMS or injured):
            return Sub.EXCESSIVE_FORCE  # "police fired live rounds into the march": force that can kill or maim
        if triggers & {T.ARREST, T.INTERVENE}:  # forces merely present do not make an intervention
            return Sub.PROTEST_WITH_INTERVENTION
        return Sub.PEACEFUL_PROTEST
    if (T.RIOT in triggers or T.LOOT in triggers and crowd) and not triggers & STRIKES:
        return Sub.MOB_VIOLENCE if T.MOB in triggers else Sub.VIOLENT_DEMONSTRATION
    if T.MOB in triggers:
        return Sub.MOB_VIOLENCE
    if T.TRANSFER in triggers or T.WITHDRAW in triggers and triggers & {T.DEPLOY, T.CAPTURE} \
            and not triggers & VIOLENT - {T.INTERCEPT}:
        return Sub.NON_VIOLENT_TRANSFER
    if triggers & {T.CAPTURE, T.RECAPTURE} and not (weapon in REMOTE):
        state_acts = kind1 == Kind.STATE_FORCES  # a foreign army taking ground is no government regaining it
        if state_acts or T.RECAPTURE in triggers and kind1 not in NON_STATE_KINDS | {Kind.EXTERNAL_FORCES}:
            return Sub.GOVERNMENT_REGAINS_TERRITORY  # retaking ground is mostly the state's
        return Sub.NON_STATE_OVERTAKES_TERRITORY
    if weapon in REMOTE and triggers & VIOLENT and not (T.CLASH in triggers and not triggers & STRIKES):
        return REMOTE[weapon]  # (aircraft or guns named in fighting, no strike told, support the clash)
    if T.SEXUAL in triggers:
        return Sub.SEXUAL_VIOLENCE
    if T.ABDUCT in triggers and not (killed and triggers & {T.ATTACK, T.CLASH, T.AMBUSH}):
        return Sub.ABDUCTION  # (an attack that killed and also carried people off is the attack)
    if T.ARREST in triggers and not killed and not triggers & ({T.CLASH, T.AMBUSH, T.KILL} | STRIKES):
        return Sub.ARRESTS  # "detained 25 people during a raid"
    if T.LOOT in triggers and T.ATTACK in triggers and not triggers & {T.CLASH, T.AMBUSH, T.KILL} \
            and not (killed or injured) and kind2 in UNARMED_KINDS | {None}:
        return Sub.LOOTING  # "farmers attacked a camp and burned the huts", no one hurt: the harm is to property
    if triggers & {T.ATTACK, T.CLASH, T.AMBUSH, T.KILL}:
        if kind2 in UNARMED_KINDS and kind1 not in UNARMED_KINDS and triggers & {T.ATTACK, T.AMBUSH, T.KILL}:
            return Sub.ATTACK
        return Sub.ARMED_CLASH  # people who died in fighting ("trois personnes ont péri dans ces combats") were not its target
    if T.ARREST in triggers:
        return Sub.ARRESTS
    if T.AGREEMENT in triggers:
        return Sub.AGREEMENT
    if T.LOOT in triggers:
        return Sub.LOOTING
    if T.BASE in triggers:
        return Sub.BASE_ESTABLISHED
    if triggers & {T.DEPLOY, T.WITHDRAW}:
        return Sub.CHANGE_TO_GROUP
    if weapon in REMOTE:
        return REMOTE[weapon]
    return Sub.OTHER
