"""Where a report's events go: each of its mentions is merged into the best matching canonical
event, or starts a new one, and every comparison is kept as a merge decision.

The candidates of all of a report's mentions are read together: the canonical events with a
report of another text in each mention's date window and country (one query per window; the
mentions of a report mostly share one), then in one query the facts of every report in those
events, and in one the pairs of mentions a person split apart. The mentions are then placed one
after the other in memory: an event an earlier mention of the same report joined counts that
mention among its reports, so the later ones are blocked from it (a report never tells one event
twice). The new events, the mentions' events and the decisions are written with one statement
each. The comparisons themselves are `merge`'s.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, fields
from types import SimpleNamespace
from typing import Iterable, Optional

from sqlalchemy import Connection, and_, bindparam, func, insert, or_, select, update

from ..knowledge.merging import MergeRules
from ..model import stable_id
from .merge import Facts, Verdict, compare_event, date_range
from .schema import ArticleRow, CannotLinkRow, EventRow, MentionRow, MergeDecisionRow, now

# Where each field of `Facts` is read from: the columns the comparison reads, not whole rows
# (their records are large).
FACT_SOURCES = {
    "mention_id": MentionRow.id, "article_id": MentionRow.article_id, "event_date": MentionRow.event_date,
    "date_precision": MentionRow.date_precision, "published": ArticleRow.published, "event_type": MentionRow.event_type,
    "sub_event_type": MentionRow.sub_event_type, "actor1": MentionRow.actor1, "actor2": MentionRow.actor2,
    "place": MentionRow.location, "country_code": MentionRow.country_code, "admin1": MentionRow.admin1,
    "latitude": MentionRow.latitude, "longitude": MentionRow.longitude, "geo_precision": MentionRow.geo_precision,
    "weapon": MentionRow.weapon, "fatalities": func.coalesce(MentionRow.fatalities, 0),
    "notes": func.coalesce(MentionRow.notes, ""),  # as `Facts.of` reads them
}
Window = tuple[Optional[str], Optional[str], Optional[str]]  # country code; first and last day, ISO

# The statements, built once (bound parameters: `expanding` ones take a list).
IN_WINDOW = select(MentionRow.event_id).distinct().join(ArticleRow, ArticleRow.id == MentionRow.article_id).where(
    MentionRow.event_id.is_not(None), MentionRow.article_id != bindparam("article"))
SAME_COUNTRY = or_(MentionRow.country_code == bindparam("country"), MentionRow.country_code.is_(None))
WITHIN_DAYS = or_(MentionRow.event_date.between(bindparam("first_month"), bindparam("last")),
                  MentionRow.event_date == bindparam("first_year"),
                  and_(MentionRow.event_date.is_(None),
                       ArticleRow.published.between(bindparam("first"), bindparam("last_time"))))


def _in_window(country: bool, days: bool):
    query = IN_WINDOW.where(SAME_COUNTRY) if country else IN_WINDOW
    return query.where(WITHIN_DAYS) if days else query


EVENTS_IN_WINDOW = {(country, days): _in_window(country, days) for country in (False, True) for days in (False, True)}
# each report of the events: its event, then the fields of its `Facts` in their order
REPORTS_OF_EVENTS = select(MentionRow.event_id, *[FACT_SOURCES[f.name].label(f.name) for f in fields(Facts)]).join(
    ArticleRow, ArticleRow.id == MentionRow.article_id).where(MentionRow.event_id.in_(bindparam("events", expanding=True)))
SPLIT_APART = select(CannotLinkRow.mention_a, CannotLinkRow.mention_b).where(or_(
    CannotLinkRow.mention_a.in_(bindparam("mentions", expanding=True)),
    CannotLinkRow.mention_b.in_(bindparam("mentions", expanding=True))))
EVENTS_HELD = select(EventRow.id).where(EventRow.id.in_(bindparam("events", expanding=True)))
SET_EVENT = update(MentionRow).where(MentionRow.id == bindparam("mention")).values(event_id=bindparam("event"))


@dataclass
class Placed:
    """Where one of a report's events went: a new canonical event or an existing one."""
    mention_id: str
    event_id: str
    merged: bool
    step: str


def place_report(conn: Connection, mentions: list[dict], published: Optional[str], rules: MergeRules) -> list[Placed]:
    """Merge a report's stored, not yet merged mentions (their columns, as `write.add_report`
    returns them) into the canonical events: the new events are added (empty: `refresh` gives
    them their values), the mentions' `event_id` set and the decisions recorded."""
    facts = [Facts.of(SimpleNamespace(**m), published) for m in mentions]
    candidates = _candidates(conn, facts, rules)
    apart = _split_apart(conn, [f.mention_id for f in facts])
    joined: dict[str, list[Facts]] = {}  # the events this report's mentions joined so far: those mentions
    chosen: list[tuple[Facts, Optional[str], Optional[Verdict]]] = []
    decisions: list[dict] = []
    for f, events in zip(facts, candidates):
        members = {event_id: reports + joined.get(event_id, []) for event_id, reports in events.items()}
        split_from = apart.get(f.mention_id)
        if split_from:
            members = {event_id: reports for event_id, reports in members.items()
                       if not any(m.mention_id in split_from for m in reports)}
        verdicts = [(event_id, compare_event(f, reports, rules)) for event_id, reports in members.items()]
        merged = [(event_id, v) for event_id, v in verdicts if v.merged]
        best = max(merged, key=lambda ev: ev[1].rank()) if merged else None
        if best is not None:
            joined.setdefault(best[0], []).append(f)
        chosen.append((f, best and best[0], best and best[1]))
        decisions.extend(dict(mention_id=f.mention_id, event_id=event_id, step=v.step,
                              merged=best is not None and event_id == best[0], score=v.score, reasons=v.reasons,
                              decided_at=now()) for event_id, v in verdicts)
    started = new_events(conn, [f.mention_id for f, event_id, _ in chosen if event_id is None])
    placed = [Placed(f.mention_id, event_id or started[f.mention_id], event_id is not None, v.step if v else "new")
              for f, event_id, v in chosen]
    if placed:
        conn.execute(SET_EVENT, [dict(mention=p.mention_id, event=p.event_id) for p in placed])
    if decisions:
        conn.execute(insert(MergeDecisionRow), decisions)
    return placed


def new_events(conn: Connection, mention_ids: Iterable[str]) -> dict[str, str]:
    """A new canonical event for each mention, still empty (`refresh` gives it its values). Its id
    is the mention's hash, or the next free one when an older event holds it (the first event of
    a re-ingested report, still held by other reports)."""
    first = {m: stable_id("event", m) for m in mention_ids}
    if not first:
        return {}
    taken = set(conn.execute(EVENTS_HELD, {"events": list(first.values())}).scalars())
    out = {}
    for mention_id, event_id in first.items():
        n = 1
        while event_id in taken:
            n += 1
            event_id = stable_id("event", mention_id, str(n))
            if conn.execute(EVENTS_HELD, {"events": [event_id]}).first() is not None:
                taken.add(event_id)
        out[mention_id] = event_id
    conn.execute(insert(EventRow), [dict(id=event_id, event_type="", sub_event_type="") for event_id in out.values()])
    return out


def _window(f: Facts, rules: MergeRules) -> Window:
    """The country and the days within which a mention's event may already be stored."""
    pad = dt.timedelta(days=rules.window_days + 3)
    span = date_range(f.event_date, f.date_precision) or date_range(f.published, None)
    if not span:
        return f.country_code or None, None, None
    return f.country_code or None, (span[0] - pad).isoformat(), (span[1] + pad).isoformat()


def _events_in_window(conn: Connection, w: Window, article_id: str) -> set[str]:
    """The canonical events with a report of another text in window `w`."""
    country, first, last = w
    params = {"article": article_id} | ({"country": country} if country else {})
    if first and last:
        params.update(first=first, last=last, first_month=first[:7], first_year=first[:4], last_time=last + "T99")
    return set(conn.execute(EVENTS_IN_WINDOW[bool(country), bool(first and last)], params).scalars())


def _candidates(conn: Connection, facts: list[Facts], rules: MergeRules) -> list[dict[str, list[Facts]]]:
    """For each mention, the canonical events worth comparing with (a date window, the same
    country), each with the facts of every report in it."""
    wanted = [_window(f, rules) for f in facts]
    found: dict[Window, set[str]] = {}
    for w, f in zip(wanted, facts):
        if w not in found:  # the mentions of a report often share one
            found[w] = _events_in_window(conn, w, f.article_id)
    event_ids = set().union(*found.values())
    reports: dict[str, list[Facts]] = {}
    if event_ids:
        for event_id, *values in conn.execute(REPORTS_OF_EVENTS, {"events": list(event_ids)}):
            reports.setdefault(event_id, []).append(Facts(*values))
    return [{event_id: members for event_id, members in reports.items() if event_id in found[w]} for w in wanted]


def _split_apart(conn: Connection, mention_ids: list[str]) -> dict[str, set[str]]:
    """For each mention, the mentions a person split from it."""
    apart: dict[str, set[str]] = {}
    if not mention_ids:
        return apart
    for a, b in conn.execute(SPLIT_APART, {"mentions": mention_ids}):
        apart.setdefault(a, set()).add(b)
        apart.setdefault(b, set()).add(a)
    return apart
