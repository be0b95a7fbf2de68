"""Canonical actors: each mention's ACLED-style name, kind and country. The one place where
ACLED's actor names are built.

Named groups come from the actor dictionary (data/actors.yaml); state forces are built from the
country data (demonyms, names, capitals) and the language's actor words, never listed by hand:
"les troupes américaines" and "US troops" both give "Military Forces of the United States".
An attacker the report does not name becomes "Unidentified Armed Group (<country>)".
"""
from __future__ import annotations

from typing import Optional

import pycountry

from ..find.actors import ActorMention
from ..knowledge import Country, countries, sovereign
from ..model import Actor
from ..vocab import NON_STATE_KINDS, STATE_CATEGORIES, ActorKind, Category


def country_name(code: Optional[str]) -> Optional[str]:
    """A country's or territory's name ("New Caledonia"), or None."""
    known: Optional[Country] = countries().get(code or "")
    if known:
        return known.name
    other = pycountry.countries.get(alpha_2=code) if code else None
    return getattr(other, "common_name", None) or getattr(other, "name", None)


def state_of(code: str) -> str:
    """The state as named in "Military Forces of <state>"; a territory's forces are its sovereign's."""
    known = countries().get(sovereign(code))
    return known.state if known else code


# Unarmed people: the kind each category of mention stands for.
PEOPLE = {Category.CIVILIANS: ActorKind.CIVILIANS, Category.PROTESTERS: ActorKind.PROTESTERS,
          Category.RIOTERS: ActorKind.RIOTERS}


def canonical(m: ActorMention, event_country: Optional[str], military_context: bool = True, text: str = "") -> Actor:
    """The actor a mention stands for, in ACLED's naming, placed in the event's country."""
    where = m.where or event_country
    if m.category == Category.GROUP and m.group:
        return m.group.model_copy(update={"text": text})
    if m.category == Category.PROXY:
        backer = country_name(m.backer) or m.backer
        return Actor(name=f"{backer}-backed militias", kind=ActorKind.POLITICAL_MILITIA, country_code=None, text=text)
    if m.category in STATE_CATEGORIES:
        code = sovereign(m.country or (event_country if m.category != Category.STATE else None))
        if not code:
            return Actor(name="Unidentified Military Forces", kind=ActorKind.STATE_FORCES, country_code=None, text=text)
        form = {Category.POLICE: "Police Forces of {}", Category.POLICE_FACILITY: "Police Forces of {}",
                Category.GOVERNMENT: "Government of {}"}.get(m.category, "Military Forces of {}")
        if m.category == Category.STATE and not military_context:
            form = "Government of {}"
        abroad = event_country and code != sovereign(event_country)
        kind = ActorKind.EXTERNAL_FORCES if abroad else ActorKind.STATE_FORCES
        return Actor(name=form.format(state_of(code)), kind=kind, country_code=code, text=text)
    if m.category in PEOPLE:
        return people_of(PEOPLE[m.category], m.country or where, text)
    return unidentified(where, text)


def branch_in(actor: Actor, country: Optional[str], known: dict[str, Actor]) -> Actor:
    """A transnational group acting in a country is its branch there: "Islamic State" in Iraq
    is "Islamic State (Iraq)", in Mali "Islamic State (Sahel)" (the branch based there) when
    the dictionary `known` has that branch, and of that country either way. A community's
    militia takes the country's name: "Fulani Ethnic Militia (Mali)"."""
    if actor.kind not in NON_STATE_KINDS or actor.country_code is not None or not country:
        return actor
    if actor.kind == ActorKind.IDENTITY_MILITIA:  # a community's militia
        return actor.model_copy(update={"name": f"{actor.name} ({country_name(country)})", "country_code": country})
    branch = known.get(f"{actor.name} ({country_name(country)})") or next(
        (a for name, a in known.items() if name.startswith(f"{actor.name} (") and a.country_code == country), None)
    if branch is not None:
        return branch.model_copy(update={"text": actor.text, "role": actor.role})
    return actor.model_copy(update={"country_code": country})


def unidentified(country: Optional[str], text: Optional[str] = None) -> Actor:
    label = country_name(country) or "Unknown"
    return Actor(name=f"Unidentified Armed Group ({label})", kind=ActorKind.POLITICAL_MILITIA, country_code=country, text=text)


def communal_militia(country: Optional[str], text: Optional[str] = None) -> Actor:
    """The unnamed militia of a community: "Unidentified Communal Militia (Benin)"."""
    label = country_name(country) or "Unknown"
    return Actor(name=f"Unidentified Communal Militia ({label})", kind=ActorKind.IDENTITY_MILITIA, country_code=country, text=text)


# Names the event stages give by default (events/defaults.py).


def people_of(kind: ActorKind, country: Optional[str], text: Optional[str] = None) -> Actor:
    """Unarmed people of a country as ACLED names them: "Protesters (Kenya)", "Civilians (Mali)"."""
    label = country_name(country) or "Unknown"
    return Actor(name=f"{kind.capitalize()} ({label})", kind=kind, country_code=country, text=text)


def military_forces(country: str, kind: ActorKind = ActorKind.STATE_FORCES, code: Optional[str] = None) -> Actor:
    """ "Military Forces of <the state of `country`>", recorded with `code` (by default that state's)."""
    return Actor(name=f"Military Forces of {state_of(country)}", kind=kind,
                 country_code=sovereign(country) if code is None else code)


def police_forces(country: str) -> Actor:
    """ "Police Forces of <the state of `country`>"."""
    return Actor(name=f"Police Forces of {state_of(country)}", kind=ActorKind.STATE_FORCES, country_code=sovereign(country))
