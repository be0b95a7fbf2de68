"""Canonical events recomputed from the reports merged into them, after reports joined or left
them or a person split one; an event left with no report is deleted.

The events a transaction touched are recomputed together, with five statements whatever their
number (six when one is left empty): one query reads their reports, each with its outlet and
whether it stated the deaths, one the statements linked to them (is one a denial?); one
statement writes the events' new values, and two replace their links to the reports. The values
themselves are `canonical`'s.
"""
from __future__ import annotations

from types import SimpleNamespace
from typing import Iterable

from sqlalchemy import Connection, bindparam, delete, exists, insert, select, update

from ..vocab import Outcome, StatementType
from .canonical import canonical_fields, outlet_key
from .schema import ArticleRow, EventArticleRow, EventRow, EvidenceRow, MentionRow, StatementRow

# The statements, built once (`expanding` parameters take a list).
# A report's event as the canonical values are computed from it: every column but the record
# (large), with its report's outlet and whether the report stated the deaths.
REPORTS_OF_EVENTS = select(
    *[column for name, column in MentionRow.__table__.columns.items() if name != "record"],
    ArticleRow.outlet, ArticleRow.url,
    exists().where(EvidenceRow.owner == MentionRow.id, EvidenceRow.field == "fatalities").label("said_deaths"),
).join(ArticleRow, ArticleRow.id == MentionRow.article_id).where(
    MentionRow.event_id.in_(bindparam("events", expanding=True)))
# (the kind is checked here, not in SQL: SQLite, unaware of the data, might walk the index of kinds)
STATEMENTS_ON = select(StatementRow.mention_id, StatementRow.statement_type).where(
    StatementRow.mention_id.in_(bindparam("mentions", expanding=True)))
UNLINK = delete(EventArticleRow).where(EventArticleRow.event_id.in_(bindparam("events", expanding=True)))
DELETE = delete(EventRow).where(EventRow.id.in_(bindparam("events", expanding=True)))
UPDATE = update(EventRow).where(EventRow.id == bindparam("refreshed"))  # the values: the parameters' other keys


def refresh(conn: Connection, event_ids: Iterable[str]) -> None:
    """Recompute canonical events from their reports; an event left with none is deleted."""
    ids = list(set(event_ids))
    if not ids:
        return
    members: dict[str, list] = {}
    for row in conn.execute(REPORTS_OF_EVENTS, {"events": ids}):
        members.setdefault(row.event_id, []).append(row)
    conn.execute(UNLINK, {"events": ids})
    emptied = [event_id for event_id in ids if event_id not in members]
    if emptied:
        conn.execute(DELETE, {"events": emptied})
    if not members:
        return
    reports = [m for rows in members.values() for m in rows]
    outlets = {m.article_id: outlet_key(SimpleNamespace(id=m.article_id, outlet=m.outlet, url=m.url)) for m in reports}
    said = frozenset(m.id for m in reports if m.said_deaths)
    rejected = {mention_id for mention_id, kind in conn.execute(STATEMENTS_ON, {"mentions": [m.id for m in reports]})
                if kind == StatementType.REJECT}
    values = []
    for event_id, rows in members.items():
        denied = any(Outcome.DENIED in (m.outcome or []) or m.id in rejected for m in rows)
        values.append(dict(_columns(rows, canonical_fields(rows, outlets, denied, said)), refreshed=event_id))
    conn.execute(UPDATE, values)
    links = [dict(event_id=event_id, article_id=article_id)
             for event_id, rows in members.items() for article_id in dict.fromkeys(m.article_id for m in rows)]
    conn.execute(insert(EventArticleRow), links)


def _columns(rows: list, fields: dict) -> dict:
    """An event's canonical values with the ids of the actors and place they name, taken from the
    report that gives those values (else the one closest to the event)."""
    chosen = max(rows, key=lambda m: (m.sub_event_type == fields["sub_event_type"], m.location == fields["location"]))
    return dict(fields, actor1_id=next((m.actor1_id for m in rows if m.actor1 == fields["actor1"]), chosen.actor1_id),
                actor2_id=next((m.actor2_id for m in rows if m.actor2 == fields["actor2"]), chosen.actor2_id),
                place_id=next((m.place_id for m in rows if m.location == fields["location"]), chosen.place_id))
