"""Places a report names by others: a town's quarters ("the Chokwe neighbourhood", "le quartier de
Bustan") lie in the town named before them; a place named near a town ("Chokwe, 15 km north of
Mueda") lies within reach of it; a country qualified by a compass point ("in northern Mozambique",
"dans le nord du Mali") lies in its first-level area that way."""
from __future__ import annotations

from spacy.tokens import Doc

from ..find.places import PlaceMention, direction_before, is_of
from ..gazetteer.query import Gazetteer, km
from ..vocab import COMPASS

QUARTER_REACH = 4  # tokens from a name to the quarter word that says it is part of a town
TOWN_KM = 100.0  # a quarter's namesake further than this from the town is another place
NAMESAKE_KM = 500.0  # how far from the town it is said to lie near ("north of Y") a place may lie
PART_KM = 15.0  # how far from a town the part named after it ("Abidjan Abobo") may lie


def quarters_in_town(doc: Doc, quarters: set[str], found: list[PlaceMention]) -> None:
    """ "shops looted in the Chokwe and Maringue neighbourhoods", "le quartier de Bustan": a town's
    quarters lie in the town the report named last before them; a namesake the gazetteer knows
    far from it is another place. (A quarter named with its town, "X neighbourhood north of Y",
    is placed by that town.)"""
    areas = {id(p.context) for p in found if p.context is not None}  # "(Mandalay district, ...)" names no town
    towns = [p for p in found if p.place is not None and not p.country and (p.place.geo_precision or 1) < 3
             and p.place.latitude is not None and p.feature != "area" and id(p) not in areas]
    for p in found:
        if p.country or p.context is not None or not names_a_quarter(doc, p, quarters):
            continue
        before = [t for t in towns if t.end <= p.start and not names_a_quarter(doc, t, quarters)]
        if not before:
            continue
        town = before[-1].place
        if p.place is None or p.place.latitude is None or \
                km((p.place.latitude, p.place.longitude), (town.latitude, town.longitude)) > TOWN_KM:
            p.place = town.model_copy(update={"geo_precision": max(2, town.geo_precision or 1), "text": p.name})


def names_a_quarter(doc: Doc, p: PlaceMention, quarters: set[str]) -> bool:
    """A quarter word in the name's span, or just after it and the names listed with it ("the
    Chokwe and Maringue neighbourhoods"), with no town's name after it; or just before it ("le
    quartier de X", "the suburb of X")."""
    for t in doc[p.span_start:min(len(doc), p.span_end + QUARTER_REACH)]:
        if t.lower_ in quarters or t.lemma_.lower() in quarters:
            after = max(t.i + 1, p.span_end)
            return not any(x.pos_ == "PROPN" for x in doc[after:after + QUARTER_REACH])
        if t.i >= p.span_end and t.is_punct:
            return False
    i = p.span_start - 1
    return i >= 1 and is_of(doc[i]) and doc[i - 1].lower_ in quarters


def toward(doc: Doc, gazetteer: Gazetteer, p: PlaceMention) -> None:
    """ "in northern Mozambique", "dans le nord du Mali": a country qualified by a compass point lies
    in its first-level area that way, where an event is placed when the country is all its mention
    names (`p.toward`; the country itself stays the area of the places named with it)."""
    direction = direction_before(doc, p.span_start)
    area = gazetteer.admin1_toward(p.country, COMPASS[direction[0]]) if direction else None
    if area is not None:
        text = doc[direction[1]:p.span_end].text
        p.toward = gazetteer.city_place(area, 3, text).model_copy(update={"name": text, "admin1": area.admin1 or area.name})


def near_its_reference(gazetteer: Gazetteer, p: PlaceMention, words: str) -> None:
    """ "Chokwe, close to Mueda", "X, 15 km north of Mueda": a place named by the town it lies near
    (`p.context`) is within reach of it; a namesake the gazetteer knows far away in the same country
    is another place, and a name it knows only there lies near the town. (`words`: what to look
    the place up by.)"""
    ref = p.context.place
    if p.country or p.place is None or ref is None or ref.latitude is None or p.place.latitude is None or \
            ref.country_code != p.place.country_code or \
            km((p.place.latitude, p.place.longitude), (ref.latitude, ref.longitude)) <= NAMESAKE_KM:
        return  # ("Tessalit, au nord de Gao" lies 400 km north of it)
    feature = p.feature if p.feature not in (None, "area", "village") else None
    close = [c for c in gazetteer.candidates(words, ref.country_code, feature)
             if c.latitude is not None and km((c.latitude, c.longitude), (ref.latitude, ref.longitude)) <= NAMESAKE_KM]
    p.place = gazetteer.city_place(close[0], p.place.geo_precision or 1, p.name) if close else \
        ref.model_copy(update={"geo_precision": max(2, ref.geo_precision or 1), "text": p.name})


def town_part(name: str, lookup) -> list:
    """The places a name that starts with a town's stands for by the rest of it, when they lie in
    that town ("Abidjan Abobo": Abobo, the part of Abidjan called so). `lookup` gives a name's
    plausible candidates."""
    words = name.split()
    town = lookup(words[0]) if len(words) > 1 else []
    if not town or town[0].feature_class != "P":
        return []
    here = (town[0].latitude, town[0].longitude)
    return [c for c in lookup(" ".join(words[1:])) if km(here, (c.latitude, c.longitude)) <= PART_KM]
