"""A canonical event's fields from the reports merged into it: for each field the best-supported
value (one vote per report), the other values kept as disagreements with the reports behind
them, and how well the event is corroborated.

Ties go to the more precise value (a day over a month, an exact place over a province), to a
named actor over an unidentified one, and for casualty counts to the lower figure (ACLED codes
the most conservative estimate).
"""
from __future__ import annotations

from collections import defaultdict
from typing import Callable, Iterable, Optional

from ..knowledge import merge_rules
from ..vocab import DatePrecision

SINGLE, CORROBORATED, CONTESTED = "single source", "corroborated", "contested"
PRECISION_ORDER = {DatePrecision.DAY: 0, DatePrecision.WEEK: 1, DatePrecision.MONTH: 2, DatePrecision.YEAR: 3}

ACTOR = ("name", "kind", "country")
PLACE_COLUMNS = ("location", "country", "country_code", "admin1", "admin2", "latitude", "longitude", "geo_precision")


def _actor(row, n: int) -> Optional[tuple]:
    name = getattr(row, f"actor{n}")
    return (name, getattr(row, f"actor{n}_kind"), getattr(row, f"actor{n}_country")) if name else None


FIELDS: dict[str, Callable] = {
    "event_date": lambda r: (r.event_date, r.date_precision) if r.event_date else None,
    "sub_event_type": lambda r: (r.event_type, r.sub_event_type),
    "actor1": lambda r: _actor(r, 1),
    "actor2": lambda r: _actor(r, 2),
    "location": lambda r: (r.location, r.country_code) if (r.location or r.country_code) else None,  # the place, at any precision
    "weapon": lambda r: r.weapon,
    "fatalities": lambda r: r.fatalities,  # see canonical_fields: a silent report casts no vote
    "injuries": lambda r: r.injuries,
}

TIEBREAK: dict[str, Callable] = {
    "event_date": lambda v: (PRECISION_ORDER.get(v[1], 9), v[0]),
    "actor1": lambda v: (merge_rules().generic(v[0]), v[0]),
    "actor2": lambda v: (merge_rules().generic(v[0]), v[0]),
    "location": lambda v: (v[0] is None, v[0] or ""),
    "fatalities": lambda v: v,
    "injuries": lambda v: v,
}


def vote(field: str, rows: list, fields: dict = FIELDS) -> tuple[object, list[dict]]:
    """The best-supported value of one field, and every value with its reports when they differ."""
    support: dict[object, list[str]] = defaultdict(list)
    for row in rows:
        value = fields[field](row)
        if value is not None:
            support[value].append(row.article_id)
    if not support:
        return None, []
    tiebreak = TIEBREAK.get(field, lambda v: str(v))
    ranked = sorted(support, key=lambda v: (-len(set(support[v])), tiebreak(v)))
    shown = [] if len(ranked) == 1 else [{"value": _shown(field, v), "articles": sorted(set(support[v]))} for v in ranked]
    return ranked[0], shown


def _shown(field: str, value):
    if field in ("actor1", "actor2"):
        return value[0]
    if field == "location":
        return value[0] or value[1]  # name, else the country
    if field == "event_date":
        return value[0]
    if field == "sub_event_type":
        return value[1]
    return value


def outlet_key(article) -> str:
    """Who published a report: its outlet, the host of its URL, or (unknown) the report itself."""
    if article.outlet:
        return article.outlet.strip().lower()
    if article.url and "://" in article.url:
        host = article.url.split("://", 1)[1].split("/", 1)[0].lower()
        return host.removeprefix("www.")
    return f"report:{article.id}"


def grade(n_outlets: int, denied: bool) -> str:
    if denied:
        return CONTESTED
    return CORROBORATED if n_outlets >= 2 else SINGLE


def canonical_fields(rows: list, outlets: dict[str, str], denied: bool, said_deaths: frozenset = frozenset()) -> dict:
    """The columns of the canonical event made of `rows` (its mentions); `outlets` maps each
    report to its outlet key; `denied`, whether a linked statement denies the event;
    `said_deaths`, the mentions whose fatalities the report stated. A 0 that a report said ("no
    one was hurt") is a vote; the 0 of a report silent on deaths is not."""
    fields = dict(FIELDS, fatalities=lambda r: r.fatalities if r.fatalities or r.id in said_deaths
                  or "no_casualties" in (r.outcome or []) else None)
    values, disagreements = {}, {}
    for name in fields:
        values[name], shown = vote(name, rows, fields)
        if shown:
            disagreements[name] = shown
    out: dict = {"event_date": None, "date_precision": None}
    if values["event_date"]:
        out["event_date"], out["date_precision"] = values["event_date"]
    out["event_type"], out["sub_event_type"] = values["sub_event_type"]
    for n in (1, 2):
        actor = values[f"actor{n}"] or (None, None, None)
        out.update({f"actor{n}": actor[0], f"actor{n}_kind": actor[1], f"actor{n}_country": actor[2]})
    out.update(_place_columns(rows, values["location"]))
    out["weapon"] = values["weapon"]
    out["fatalities"] = values["fatalities"] or 0
    out["injuries"] = values["injuries"]
    out["outcome"] = _union(r.outcome or [] for r in rows)
    best = _best_report(rows, out)
    out["notes"] = best.notes
    out["confidence"] = round(min(0.99, 1 - _product(1 - (r.confidence or 0.5) for r in rows)), 3)
    articles = {r.article_id for r in rows}
    out["n_reports"] = len(articles)
    out["n_outlets"] = len({outlets.get(a, a) for a in articles})
    out["grade"] = grade(out["n_outlets"], denied)
    out["disagreements"] = disagreements
    return out


def _place_columns(rows: list, place: Optional[tuple]) -> dict:
    """The chosen place's columns, from the report that gives it most precisely."""
    if place is None:
        return dict.fromkeys(PLACE_COLUMNS)
    best = min((r for r in rows if (r.location, r.country_code) == place), key=lambda r: r.geo_precision or 9)
    return {c: getattr(best, c) for c in PLACE_COLUMNS}


def _union(lists: Iterable[list]) -> list:
    seen: list = []
    for items in lists:
        seen.extend(i for i in items if i not in seen)
    return seen


def _product(values: Iterable[float]) -> float:
    result = 1.0
    for v in values:
        result *= v
    return result


def _best_report(rows: list, chosen: dict):
    """The report that agrees most with the chosen values: its notes describe the event."""
    def agreement(row) -> tuple:
        keys = ("sub_event_type", "event_date", "location", "actor1", "actor2", "fatalities")
        return (sum(getattr(row, k) == chosen.get(k) for k in keys), row.confidence or 0, -len(row.notes or ""))
    return max(rows, key=agreement)
