"""Where an event took place: the place its mentions name; else the place named closest to it in
its paragraph (or the event it refers back to, or the dateline's city); else the country it
names; else the report's country."""
from __future__ import annotations

from typing import Optional

from ..context import PlaceMention
from ..model import Evidence, Place
from ..vocab import GeoPrecision
from .grouping import Draft
from .report import Report



def locate(r: Report, d: Draft, evidence: list[Evidence]) -> Place:
    """The event's place, with the words that name it as evidence; sets `d.located`."""
    p = d.located = d.place
    ctx = r.ctx
    countries = [c for m in d.mentions for c in m.countries]
    toward = [c for c in countries if c.toward is not None]  # "in southern Lebanon": a part of a country
    if p is not None and p.place is not None and toward and p.place.country_code != toward[0].country:
        p = d.located = None  # "strikes on the village of X in southern Lebanon": not the Israeli town named before
    if p is not None:
        return named_place(r, d, p, evidence)
    nearby = place_nearby(r, d)
    if d.before is not None and d.before.located is not None and d.before.located.place is not None and (
            nearby is None or nearby.start < ctx.token_at(ctx.dateline_end or 0)):
        nearby = d.before.located
    if nearby is not None and countries and nearby.place.country_code != countries[0].country:
        nearby = None  # "strikes in southeast Lebanon": not the town in Israel the report named before
    d.located = nearby
    if nearby is not None:
        evidence.append(ctx.evidence("location", nearby.span_start, nearby.span_end))
        return nearby.place.model_copy(update={"geo_precision": max(GeoPrecision.NEAR, nearby.place.geo_precision or GeoPrecision.NEAR),
                                               "text": ctx.doc[nearby.span_start:nearby.span_end].text})
    if countries:  # "in southeast Lebanon": the area that way
        evidence.append(ctx.evidence("location", countries[0].start, countries[0].end))
        return countries[0].toward or countries[0].place
    where = next((a.where for m in d.mentions for role in m.roles.values() for a in role if a.where), None)
    code = where or ctx.focus
    return ctx.gazetteer.country(code) if code else Place()


def named_place(r: Report, d: Draft, p: PlaceMention, evidence: list[Evidence]) -> Place:
    """The place the event's mentions name: as the gazetteer knows it, else within the area named
    beside it ("al-Jahmaliya, in Taiz"), else a named area, else its country."""
    ctx, g = r.ctx, r.ctx.gazetteer
    evidence.append(ctx.evidence("location", p.span_start, p.span_end))
    if p.place is not None and p.place.latitude is not None:
        # the gazetteer's name ("Mopti"); the report's words ("a suburb of Mopti") are its text
        return p.place.model_copy(update={"text": ctx.doc[p.span_start:p.span_end].text})
    area = known_area(p)
    if area is not None:  # "X (Y district, Z province)": the first of its areas the gazetteer knows
        evidence.append(ctx.evidence("location", area.start, area.end))
        base = area.toward or area.place  # "X, in southern Lebanon": the area that way
        return base.model_copy(update={"geo_precision": max(GeoPrecision.NEAR, base.geo_precision or GeoPrecision.NEAR),
                                       "text": ctx.doc[p.span_start:p.span_end].text})
    code = d.country or ctx.focus
    text = ctx.doc[p.span_start:p.span_end].text
    area = g.admin_place(text, code, text=text) if code else None
    if area is not None:  # a named area the gazetteer knows, at its centre
        return area
    region = region_nearby(r, d)
    if region is not None and region.place.country_code == code:  # "X district" unknown, its province named nearby
        evidence.append(ctx.evidence("location", region.span_start, region.span_end))
        return region.place.model_copy(update={"text": text})
    if code:
        return g.country(code, text)
    return Place(name=p.name, text=text)


def known_area(p: PlaceMention) -> Optional[PlaceMention]:
    """The first area of a place's chain ("Kassakoro (Bandiagara, Mopti)") that the gazetteer placed."""
    area, seen = p.context, {id(p)}
    while area is not None and area.place is None and id(area) not in seen:
        seen.add(id(area))
        area = area.context
    return area if area is not None and area.place is not None else None


def place_nearby(r: Report, d: Draft) -> Optional[PlaceMention]:
    """For an event whose sentences name no place: the place named closest to it in its
    paragraph, else the dateline's city when it lies in the report's country (wire copy is
    filed from where things happen), else a province its sentences name."""
    ctx = r.ctx
    first = ctx.sentences[d.mentions[0].sent].start
    paragraphs = r.paragraphs_of(d.mentions)
    named = [q for q in ctx.places if q.place is not None and not q.country and q.place.latitude is not None]
    located = [q for q in named if (q.place.geo_precision or GeoPrecision.EXACT) < GeoPrecision.REGION]
    body = ctx.token_at(ctx.dateline_end) if ctx.dateline_end else 0
    same = [q for q in located if q.start >= body and ctx.paragraph_of(q.start) in paragraphs]
    if same:
        return min(same, key=lambda q: abs(q.start - first))
    dateline = [q for q in located if q.start < body and q.place.country_code == (d.country or ctx.focus)]
    if dateline:
        return dateline[0]
    return region_nearby(r, d)


def region_nearby(r: Report, d: Draft) -> Optional[PlaceMention]:
    """The province or region named closest to the event in its paragraph ("..., officials of the
    Tahoua region said"): no town, but it says more than the country."""
    ctx = r.ctx
    first = ctx.sentences[d.mentions[0].sent].start
    paragraphs = r.paragraphs_of(d.mentions)
    body = ctx.token_at(ctx.dateline_end) if ctx.dateline_end else 0
    regions = [q for q in ctx.places if q.place is not None and not q.country and q.place.latitude is not None
               and (q.place.geo_precision or GeoPrecision.EXACT) >= GeoPrecision.REGION
               and q.start >= body and ctx.paragraph_of(q.start) in paragraphs]
    return min(regions, key=lambda q: abs(q.start - first)) if regions else None
