"""Is a report's event one the store already holds? The merge decision, with its reasons.

A new mention (one report's event record) is compared with each candidate canonical event
(found by `placing` with a date window and the same country). The comparison has three steps:

1. **Blocking.** Some differences make two events whatever else agrees: two exact dates that
   differ (ACLED's unit is one day), two exact places further apart than `same_place_km`, any
   places further apart than `max_km` or in different provinces, incompatible event types, or
   a person having split them before. The reason is kept.
2. **ACLED's rule.** Same actors, same day, same place, same event type: one event, as ACLED's
   coders merge by hand.
3. **Scoring.** Date, place, sub-event type, actors, weapon, casualties and the words of the
   English notes (so a French and an English report compare), each 0..1, weighted by
   `data/merge.yaml`; at or above the threshold the mention joins the event.

A mention is compared with every report already in the event: one blocking difference with any
of them keeps it out (complete link); otherwise the best verdict stands.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Optional

from rapidfuzz import fuzz

from ..gazetteer.query import km
from ..knowledge.merging import MergeRules
from ..vocab import DatePrecision

BLOCKED, ACLED_RULE, SCORED = "blocked", "acled_rule", "scored"
ACLED_KM = 2.0  # "same place" for ACLED's rule when two reports give points, not one place id


@dataclass(frozen=True)
class Facts:
    """What the merge step compares of one report's event."""
    mention_id: str
    article_id: str
    event_date: Optional[str]
    date_precision: Optional[str]
    published: Optional[str]
    event_type: str
    sub_event_type: str
    actor1: Optional[str]
    actor2: Optional[str]
    place: Optional[str]
    country_code: Optional[str]
    admin1: Optional[str]
    latitude: Optional[float]
    longitude: Optional[float]
    geo_precision: Optional[int]
    weapon: Optional[str]
    fatalities: int
    notes: str

    @classmethod
    def of(cls, row, published: Optional[str]) -> "Facts":
        """From a stored mention (any object with the event columns)."""
        return cls(row.id, row.article_id, row.event_date, row.date_precision, published, row.event_type,
                   row.sub_event_type, row.actor1, row.actor2, row.location, row.country_code, row.admin1,
                   row.latitude, row.longitude, row.geo_precision, row.weapon, row.fatalities or 0, row.notes or "")

    @property
    def point(self) -> Optional[tuple[float, float]]:
        return None if self.latitude is None or self.longitude is None else (self.latitude, self.longitude)


@dataclass
class Verdict:
    merged: bool
    step: str
    score: Optional[float]
    reasons: list[dict] = field(default_factory=list)

    def rank(self) -> tuple:
        return (self.merged, self.step == ACLED_RULE, self.score or 0.0)


def reason(feature: str, detail: str, value: Optional[float] = None, weight: Optional[float] = None) -> dict:
    out = {"feature": feature, "detail": detail}
    if value is not None:
        out["value"] = round(value, 3)
    if weight is not None:
        out["weight"] = weight
    return out


# -- dates -------------------------------------------------------------------------------------

SPAN_DAYS = {DatePrecision.WEEK: 3}


@lru_cache(maxsize=4096)  # a report is compared with many, and many reports give one day
def date_range(value: Optional[str], precision: Optional[str]) -> Optional[tuple[dt.date, dt.date]]:
    """The days an event date may stand for: one day, a week around it, a month or a year."""
    if not value:
        return None
    try:
        if len(value) == 4:
            return dt.date(int(value), 1, 1), dt.date(int(value), 12, 31)
        if len(value) == 7:
            first = dt.date(int(value[:4]), int(value[5:7]), 1)
            following = (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
            return first, following - dt.timedelta(days=1)
        day = dt.date.fromisoformat(value[:10])
    except ValueError:
        return None
    pad = dt.timedelta(days=SPAN_DAYS.get(precision, 0))
    return day - pad, day + pad


def exact_day(f: Facts) -> Optional[dt.date]:
    r = date_range(f.event_date, f.date_precision)
    return r[0] if r and r[0] == r[1] else None


def gap_days(a: tuple[dt.date, dt.date], b: tuple[dt.date, dt.date]) -> int:
    """0 when the ranges overlap, else the days between them."""
    return max(0, (max(a[0], b[0]) - min(a[1], b[1])).days)


def date_feature(a: Facts, b: Facts, rules: MergeRules) -> tuple[Optional[float], str]:
    """(score, detail); a None score blocks the pair."""
    da, db = exact_day(a), exact_day(b)
    if da and db:
        return (1.0, f"same day {da}") if da == db else (None, f"different days: {da} and {db}")
    ra, rb = date_range(a.event_date, a.date_precision), date_range(b.event_date, b.date_precision)
    if ra and rb:
        gap = gap_days(ra, rb)
        if gap > rules.window_days:
            return None, f"dates {a.event_date} and {b.event_date} are {gap} days apart"
        return (0.6 if gap == 0 else 0.3), f"dates {a.event_date} and {b.event_date} overlap" if gap == 0 else f"dates {gap} day(s) apart"
    pa, pb = date_range(a.published, None), date_range(b.published, None)
    if pa and pb and gap_days(pa, pb) > rules.window_days:
        return None, "undated, and published too far apart"
    return 0.3, "one report gives no date"


# -- places ------------------------------------------------------------------------------------

def same_place(a: Facts, b: Facts) -> bool:
    if a.place and b.place and a.place == b.place and a.country_code == b.country_code:
        return True
    return bool(a.point and b.point and km(a.point, b.point) <= ACLED_KM)


def place_feature(a: Facts, b: Facts, rules: MergeRules) -> tuple[Optional[float], str]:
    if a.country_code and b.country_code and a.country_code != b.country_code:
        return None, f"different countries: {a.country_code} and {b.country_code}"
    if same_place(a, b):
        return 1.0, f"same place: {a.place or b.place}"
    coarse = 3 in (a.geo_precision, b.geo_precision) or not (a.point and b.point)
    if coarse:
        if a.admin1 and b.admin1:
            return (0.4, f"same province: {a.admin1}") if a.admin1 == b.admin1 else (None, f"different provinces: {a.admin1} and {b.admin1}")
        return 0.2, "same country, no common place"
    d = km(a.point, b.point)
    if a.geo_precision == 1 and b.geo_precision == 1 and d > rules.same_place_km:
        return None, f"two places: {a.place} and {b.place}, {d:.0f} km apart"
    if d > rules.max_km:
        return None, f"{a.place} and {b.place} are {d:.0f} km apart"
    return (0.8 if d <= rules.same_place_km else 0.6 if d <= 25 else 0.3), f"{a.place} and {b.place}, {d:.0f} km apart"


# -- the other features ------------------------------------------------------------------------

def actor_names(f: Facts, rules: MergeRules) -> set[str]:
    return {n for n in (f.actor1, f.actor2) if not rules.generic(n)}


def actors_feature(a: Facts, b: Facts, rules: MergeRules) -> tuple[float, str]:
    na, nb = actor_names(a, rules), actor_names(b, rules)
    if not na or not nb:
        return 0.5, "actors named in one report only"
    shared = na & nb
    if not shared:
        return 0.0, f"different actors: {', '.join(sorted(na))} / {', '.join(sorted(nb))}"
    return len(shared) / len(na | nb), f"shared actors: {', '.join(sorted(shared))}"


def weapon_feature(a: Facts, b: Facts) -> tuple[float, str]:
    if not a.weapon or not b.weapon:
        return 0.5, "weapon given in one report only" if (a.weapon or b.weapon) else "no weapon given"
    return (1.0, f"same weapon: {a.weapon}") if a.weapon == b.weapon else (0.0, f"weapons differ: {a.weapon} / {b.weapon}")


def casualties_feature(a: Facts, b: Facts) -> tuple[float, str]:
    fa, fb = a.fatalities, b.fatalities
    if fa == fb:
        return 1.0, f"same fatalities: {fa}"
    if fa and fb and max(fa, fb) <= 2 * min(fa, fb) + 2:
        return 0.7, f"close fatalities: {fa} / {fb}"
    return (0.3 if not (fa and fb) else 0.1), f"fatalities differ: {fa} / {fb}"


def words_feature(a: Facts, b: Facts) -> tuple[float, str]:
    if not a.notes or not b.notes:
        return 0.5, "no notes to compare"
    value = fuzz.token_set_ratio(a.notes.lower(), b.notes.lower()) / 100.0
    return value, f"notes {value:.0%} alike"


# -- the decision ------------------------------------------------------------------------------

def blocking(a: Facts, b: Facts, rules: MergeRules) -> Optional[dict]:
    """Why two mentions cannot be one event, or None."""
    if a.article_id == b.article_id:
        return reason("report", "the same report tells them as two events")
    if not rules.compatible(a.event_type, b.event_type):
        return reason("event_type", f"incompatible event types: {a.event_type} / {b.event_type}")
    score, detail = date_feature(a, b, rules)
    if score is None:
        return reason("date", detail)
    score, detail = place_feature(a, b, rules)
    if score is None:
        return reason("place", detail)
    return None


def acled_rule(a: Facts, b: Facts) -> Optional[list[dict]]:
    """Same actors, same day, same place, same event type: ACLED's own merge rule."""
    day = exact_day(a)
    if a.event_type != b.event_type or day is None or day != exact_day(b) or not a.actor1:
        return None
    if {a.actor1, a.actor2} != {b.actor1, b.actor2} or not same_place(a, b):
        return None
    return [reason("acled_rule", f"same actors ({' / '.join(n for n in (a.actor1, a.actor2) if n)}), "
                                 f"same day ({day}), same place ({a.place or b.place}), same type ({a.event_type})", 1.0)]


def scored(a: Facts, b: Facts, rules: MergeRules) -> Verdict:
    features = {
        "date": date_feature(a, b, rules), "place": place_feature(a, b, rules),
        "sub_event_type": (1.0, f"same sub-event type: {a.sub_event_type}") if a.sub_event_type == b.sub_event_type
        else (0.0, f"sub-event types differ: {a.sub_event_type} / {b.sub_event_type}"),
        "actors": actors_feature(a, b, rules), "weapon": weapon_feature(a, b),
        "casualties": casualties_feature(a, b), "words": words_feature(a, b),
    }
    total = sum(rules.weights.values())
    value = sum(rules.weights[name] * (score or 0.0) for name, (score, _) in features.items()) / total
    reasons = [reason(name, detail, score, rules.weights[name]) for name, (score, detail) in features.items()]
    return Verdict(value >= rules.threshold, SCORED, round(value, 3), reasons)


def compare(a: Facts, b: Facts, rules: MergeRules) -> Verdict:
    """Are two reports' events one event?"""
    block = blocking(a, b, rules)
    if block:
        return Verdict(False, BLOCKED, None, [block])
    same = acled_rule(a, b)
    if same:
        return Verdict(True, ACLED_RULE, 1.0, same)
    return scored(a, b, rules)


def compare_event(mention: Facts, members: list[Facts], rules: MergeRules) -> Verdict:
    """A mention against a canonical event's reports: any blocking difference keeps it out;
    otherwise the best verdict over the reports."""
    verdicts = [compare(mention, m, rules) for m in members]
    blocked = [v for v in verdicts if v.step == BLOCKED]
    if blocked:
        return blocked[0]
    return max(verdicts, key=Verdict.rank)
