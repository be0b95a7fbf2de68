"""The project's closed vocabularies, one `StrEnum` each, used instead of string literals.

A member is its string ("state_forces", "Air/drone strike"), so records and data files keep their
plain spelling. `check_against_taxonomy` ties the ACLED types to `data/taxonomy.yaml`, and
`knowledge` checks the lexicons' labels against these enums when it loads them.
"""
from __future__ import annotations

from enum import StrEnum


class ActorKind(StrEnum):
    """ACLED's eight actor categories (inter codes 1 to 8)."""
    STATE_FORCES = "state_forces"
    REBEL_GROUP = "rebel_group"
    POLITICAL_MILITIA = "political_militia"
    IDENTITY_MILITIA = "identity_militia"
    RIOTERS = "rioters"
    PROTESTERS = "protesters"
    CIVILIANS = "civilians"
    EXTERNAL_FORCES = "external_forces"


NON_STATE_KINDS = frozenset({ActorKind.REBEL_GROUP, ActorKind.POLITICAL_MILITIA, ActorKind.IDENTITY_MILITIA})  # armed, not a state's
STATE_KINDS = frozenset({ActorKind.STATE_FORCES, ActorKind.EXTERNAL_FORCES})  # a state's, at home or abroad


class Category(StrEnum):
    """What an actor mention's words say it is, before it has an ACLED name (find.actors)."""
    GROUP = "group"  # a named group of the dictionary
    MILITARY = "military"
    POLICE = "police"
    GOVERNMENT = "government"
    STATE = "state"  # a country standing for its state ("Iran fired...")
    FACILITY = "facility"  # a base or post, standing for its garrison
    POLICE_FACILITY = "police_facility"
    ARMED = "armed"  # gunmen, militants: armed, unnamed
    CIVILIANS = "civilians"
    PROTESTERS = "protesters"
    RIOTERS = "rioters"
    PROXY = "proxy"  # "Iran-backed militias"
    BACKED = "backed"
    UNKNOWN = "unknown"


STATE_CATEGORIES = frozenset({Category.MILITARY, Category.POLICE, Category.GOVERNMENT, Category.STATE,
                              Category.FACILITY, Category.POLICE_FACILITY})
FACILITIES = frozenset({Category.FACILITY, Category.POLICE_FACILITY})


class EventType(StrEnum):
    BATTLES = "Battles"
    EXPLOSIONS = "Explosions/Remote violence"
    VIOLENCE_AGAINST_CIVILIANS = "Violence against civilians"
    PROTESTS = "Protests"
    RIOTS = "Riots"
    STRATEGIC_DEVELOPMENTS = "Strategic developments"


class SubEventType(StrEnum):
    ARMED_CLASH = "Armed clash"
    GOVERNMENT_REGAINS_TERRITORY = "Government regains territory"
    NON_STATE_OVERTAKES_TERRITORY = "Non-state actor overtakes territory"
    CHEMICAL_WEAPON = "Chemical weapon"
    AIR_DRONE_STRIKE = "Air/drone strike"
    SUICIDE_BOMB = "Suicide bomb"
    SHELLING = "Shelling/artillery/missile attack"
    REMOTE_EXPLOSIVE = "Remote explosive/landmine/IED"
    GRENADE = "Grenade"
    SEXUAL_VIOLENCE = "Sexual violence"
    ATTACK = "Attack"
    ABDUCTION = "Abduction/forced disappearance"
    PEACEFUL_PROTEST = "Peaceful protest"
    PROTEST_WITH_INTERVENTION = "Protest with intervention"
    EXCESSIVE_FORCE = "Excessive force against protesters"
    VIOLENT_DEMONSTRATION = "Violent demonstration"
    MOB_VIOLENCE = "Mob violence"
    AGREEMENT = "Agreement"
    ARRESTS = "Arrests"
    CHANGE_TO_GROUP = "Change to group/activity"
    DISRUPTED_WEAPONS_USE = "Disrupted weapons use"
    BASE_ESTABLISHED = "Headquarters or base established"
    LOOTING = "Looting/property destruction"
    NON_VIOLENT_TRANSFER = "Non-violent transfer of territory"
    OTHER = "Other"


class Weapon(StrEnum):
    """Weapons as records write them, and the lexicons' weapon labels."""
    DRONE = "drone"
    AIRSTRIKE = "airstrike"
    IED = "ied"
    EXPLOSIVE = "explosive"  # a lexicon label: an unspecified charge, recorded as an IED
    VEHICLE_BOMB = "vehicle_bomb"
    SUICIDE_BOMB = "suicide_bomb"
    LANDMINE = "landmine"
    ROCKET = "rocket"
    MISSILE = "missile"
    ARTILLERY = "artillery"
    MORTAR = "mortar"
    GRENADE = "grenade"
    SMALL_ARMS = "small_arms"
    MELEE = "melee"
    CHEMICAL = "chemical"
    OTHER = "other"


class Trigger(StrEnum):
    """What a trigger word says happened (the lexicons' `triggers` labels)."""
    ATTACK = "attack"
    CLASH = "clash"
    AMBUSH = "ambush"
    AIR_STRIKE = "air_strike"
    SHELLING = "shelling"
    EXPLOSION = "explosion"
    KILL = "kill"
    ABDUCT = "abduct"
    SEXUAL = "sexual"
    PROTEST = "protest"
    INTERVENE = "intervene"
    RIOT = "riot"
    MOB = "mob"
    ARREST = "arrest"
    AGREEMENT = "agreement"
    INTERCEPT = "intercept"
    SEIZE_WEAPONS = "seize_weapons"
    LOOT = "loot"
    CAPTURE = "capture"
    RECAPTURE = "recapture"
    TRANSFER = "transfer"
    WITHDRAW = "withdraw"
    DEPLOY = "deploy"
    BASE = "base"
    CHEMICAL = "chemical"


class Outcome(StrEnum):
    DAMAGE = "damage"
    FIRE = "fire"
    INTERCEPTED = "intercepted"
    DEFUSED = "defused"
    CLAIMED = "claimed"
    DENIED = "denied"
    ATTRIBUTED = "attributed"
    NO_CASUALTIES = "no_casualties"


class Casualty(StrEnum):
    """What a casualty word says befell people (the lexicons' `casualties` labels)."""
    KILLED = "killed"
    INJURED = "injured"
    NONE = "none"  # "no casualties were reported"


HURT = frozenset({Casualty.KILLED, Casualty.INJURED})  # people hit


class StatementType(StrEnum):
    """PLOVER-style statement types; SAY is a saying verb whose kind its words decide."""
    ACCUSE = "ACCUSE"
    REJECT = "REJECT"
    THREATEN = "THREATEN"
    DEMAND = "DEMAND"
    CLAIM = "CLAIM"
    ASSERT = "ASSERT"
    WARN = "WARN"
    SAY = "SAY"


class DatePrecision(StrEnum):
    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    YEAR = "year"


class Qualifier(StrEnum):
    EXACTLY = "exactly"
    AT_LEAST = "at_least"
    MORE_THAN = "more_than"
    ABOUT = "about"
    AT_MOST = "at_most"


class GeoPrecision:
    """ACLED's geo_precision: 1 the exact place, 2 near it or part of a named area, 3 only the region."""
    EXACT = 1
    NEAR = 2
    REGION = 3


def check_against_taxonomy(types: dict[str, dict[str, str]], source: str = "taxonomy.yaml") -> None:
    """The ACLED types of the taxonomy file and of the enums are the same, spelled the same."""
    if set(types) != {e.value for e in EventType}:
        raise ValueError(f"{source}: event types {sorted(set(types) ^ {e.value for e in EventType})} differ from vocab.EventType")
    subs = {s for body in types.values() for s in body}
    if subs != {s.value for s in SubEventType}:
        raise ValueError(f"{source}: sub-event types {sorted(subs ^ {s.value for s in SubEventType})} differ from vocab.SubEventType")


class TallyQuantity(StrEnum):
    """What a tally counts (the lexicons' `tallies.quantities`, `repeated` and `case_types` labels).

    Weapons counted as launched or intercepted are written "<weapon> <launch>" ("drones launched").
    """
    ATTACKS = "attacks"
    CHEMICAL_ATTACKS = "chemical attacks"
    KILLED = "killed"
    INJURED = "injured"
    DISPLACED = "displaced"
    ARRESTED = "arrested"
    DETAINED = "detained"
    ABDUCTED = "abducted"
    DEPORTED = "deported"
    SURRENDERED = "surrendered"
    VIOLATIONS = "violations"
    PROTESTERS = "protesters"
    SEXUAL_ASSAULTS = "sexual assaults"  # cases of sexual violence: acts, counted as a plural noun
    DOLLARS_OF_DAMAGE = "dollars of damage"  # a damage estimate: what is counted is the money
    EUROS_OF_DAMAGE = "euros of damage"


class Launch(StrEnum):
    """What was done with the weapons a tally counts (the lexicons' `tallies.launches` labels)."""
    LAUNCHED = "launched"
    INTERCEPTED = "intercepted"


_D = 0.7071  # a diagonal's share of north and of east
# Compass points a report qualifies a country with ("northern Mozambique"): (north, east) unit
# vectors; the centre has none.
COMPASS: dict[str, tuple[float, float] | None] = {
    "north": (1.0, 0.0), "south": (-1.0, 0.0), "east": (0.0, 1.0), "west": (0.0, -1.0),
    "northeast": (_D, _D), "northwest": (_D, -_D), "southeast": (-_D, _D), "southwest": (-_D, -_D), "centre": None,
}
