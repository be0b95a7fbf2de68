"""ACLED event type and sub-event type from what an event's mentions hold: trigger classes,
weapons, outcomes and the kinds of the actors involved.

The order of the rules follows the codebook: a disrupted weapon is not a strike; the means of
remote violence decide its sub-type; violence by an armed group on unarmed people is violence
against civilians; two armed sides fighting is a battle.
"""
from __future__ import annotations

from typing import Iterable, Optional

from ..vocab import NON_STATE_KINDS

# Weapons in order of precedence when a report names several for one event.
WEAPON_ORDER = ("chemical", "suicide_bomb", "vehicle_bomb", "ied", "landmine", "drone", "airstrike",
                "missile", "rocket", "artillery", "mortar", "grenade", "explosive", "small_arms", "melee")
REMOTE = {
    "chemical": "Chemical weapon", "suicide_bomb": "Suicide bomb", "vehicle_bomb": "Remote explosive/landmine/IED",
    "ied": "Remote explosive/landmine/IED", "landmine": "Remote explosive/landmine/IED",
    "drone": "Air/drone strike", "airstrike": "Air/drone strike", "missile": "Shelling/artillery/missile attack",
    "rocket": "Shelling/artillery/missile attack", "artillery": "Shelling/artillery/missile attack",
    "mortar": "Shelling/artillery/missile attack", "grenade": "Grenade", "explosive": "Remote explosive/landmine/IED",
}
VIOLENT = {"attack", "clash", "ambush", "air_strike", "shelling", "explosion", "kill", "chemical", "intercept"}
ARMED_KINDS = {"state_forces", "rebel_group", "political_militia", "identity_militia", "external_forces"}
UNARMED_KINDS = {"civilians", "protesters"}


def recorded_weapon(label: str) -> str:
    """The weapon a record names for a weapon word: a bomb no aircraft or gun delivered is an IED."""
    return "ied" if label == "explosive" else label


def main_weapon(weapons: Iterable[str], triggers: set[str]) -> Optional[str]:
    present = set(weapons)
    if "air_strike" in triggers and not present & set(REMOTE):
        present.add("airstrike")
    if "shelling" in triggers and not present & set(REMOTE):
        present.add("artillery")
    if "explosion" in triggers and not present & set(REMOTE):
        present.add("ied")
    for w in WEAPON_ORDER:
        if w in present:
            return recorded_weapon(w)
    return None


def sub_event_type(triggers: set[str], weapon: Optional[str], outcomes: set[str], kind1: Optional[str],
                   kind2: Optional[str], killed: int) -> str:
    """The ACLED sub-event type; the event type follows from the taxonomy."""
    if triggers & {"intercept", "seize_weapons"} or outcomes & {"intercepted", "defused"}:
        return "Disrupted weapons use"
    crowd = kind1 in ("rioters", "protesters") or "mob" in triggers
    if "mob" in triggers and kind2 in UNARMED_KINDS | {None} and (triggers & {"kill", "attack"} or "protest" not in triggers):
        return "Mob violence"
    if kind1 in ("protesters", "rioters") and triggers & {"clash", "attack", "kill"} and not triggers & {"protest", "intervene"}:
        return "Mob violence"  # party supporters fighting each other: a crowd's violence with no demonstration
    armed_violence = {"abduct", "sexual", "air_strike", "shelling", "explosion"}
    if kind1 == "civilians" and kind2 in UNARMED_KINDS | {None} and triggers & {"attack", "kill"} \
            and not triggers & armed_violence and weapon not in REMOTE:
        return "Mob violence"  # "residents beat two suspected kidnappers": unorganised people's violence
    if (triggers & {"protest", "intervene"} or kind1 == "protesters") and not triggers & armed_violence:
        if triggers & {"riot", "loot"}:
            return "Violent demonstration"
        state = bool({kind1, kind2} & {"state_forces", "external_forces"})
        if (killed or "kill" in triggers) and (state or kind2 == "protesters"):
            return "Excessive force against protesters"
        if triggers & {"arrest", "intervene"}:  # forces merely present do not make an intervention
            return "Protest with intervention"
        return "Peaceful protest"
    if ("riot" in triggers or "loot" in triggers and crowd) and not (triggers & {"air_strike", "shelling", "explosion"}):
        return "Mob violence" if "mob" in triggers else "Violent demonstration"
    if "mob" in triggers:
        return "Mob violence"
    if "transfer" in triggers or "withdraw" in triggers and triggers & {"deploy", "capture"} and not triggers & VIOLENT - {"intercept"}:
        return "Non-violent transfer of territory"
    if triggers & {"capture", "recapture"} and not (weapon in REMOTE):
        state_acts = kind1 in ("state_forces", "external_forces")
        if state_acts or "recapture" in triggers and kind1 not in NON_STATE_KINDS:
            return "Government regains territory"  # retaking ground is mostly the state's
        return "Non-state actor overtakes territory"
    if weapon in REMOTE and triggers & VIOLENT:
        return REMOTE[weapon]
    if "sexual" in triggers:
        return "Sexual violence"
    if "abduct" in triggers:
        return "Abduction/forced disappearance"
    if "arrest" in triggers and not killed and not triggers & {"clash", "ambush", "kill", "air_strike", "shelling", "explosion"}:
        return "Arrests"  # "detained 25 people during a raid"
    if triggers & {"attack", "clash", "ambush", "kill"}:
        if kind2 in UNARMED_KINDS and kind1 not in UNARMED_KINDS and triggers & {"attack", "ambush", "kill"}:
            return "Attack"
        return "Armed clash"  # people who died in fighting ("trois personnes ont péri dans ces combats") were not its target
    if "arrest" in triggers:
        return "Arrests"
    if "agreement" in triggers:
        return "Agreement"
    if "loot" in triggers:
        return "Looting/property destruction"
    if "base" in triggers:
        return "Headquarters or base established"
    if triggers & {"deploy", "withdraw"}:
        return "Change to group/activity"
    if weapon in REMOTE:
        return REMOTE[weapon]
    return "Other"
