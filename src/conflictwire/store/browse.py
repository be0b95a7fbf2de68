"""The store as the API and the dashboard browse it: one article with its records, statements,
actors, and counts by week, type, country and admin1."""
from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Optional

from pydantic import BaseModel, Field
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from .query import EventFilter, filtered
from .schema import ArticleRow, EventRow, MentionRow, StatementRow, TallyRow


class ArticleView(BaseModel):
    article_id: str
    source: Optional[str]
    url: Optional[str]
    outlet: Optional[str]
    title: Optional[str]
    published: Optional[str]
    language: str
    text: str
    events: list[dict] = Field(default_factory=list)  # each report's own record, with the canonical event's id
    statements: list[dict] = Field(default_factory=list)
    tallies: list[dict] = Field(default_factory=list)


def article_view(session: Session, article_id: str) -> Optional[ArticleView]:
    a = session.get(ArticleRow, article_id)
    if a is None:
        return None
    mentions = session.execute(select(MentionRow).where(MentionRow.article_id == article_id)
                               .order_by(MentionRow.position)).scalars().all()
    statements = session.execute(select(StatementRow.record).where(StatementRow.article_id == article_id)).scalars().all()
    tallies = session.execute(select(TallyRow.record).where(TallyRow.article_id == article_id)).scalars().all()
    return ArticleView(article_id=a.id, source=a.source_path, url=a.url, outlet=a.outlet, title=a.title,
                       published=a.published, language=a.language, text=a.text,
                       events=[m.record | {"canonical_event_id": m.event_id} for m in mentions],
                       statements=list(statements), tallies=list(tallies))


class StatementFilter(BaseModel):
    statement_type: Optional[str] = None
    speaker: Optional[str] = None
    since: Optional[str] = None
    until: Optional[str] = None
    event_id: Optional[str] = None
    limit: int = Field(100, ge=1, le=5000)
    offset: int = Field(0, ge=0)


def statements(session: Session, f: StatementFilter) -> tuple[int, list[dict]]:
    q = select(StatementRow, MentionRow.event_id).outerjoin(MentionRow, MentionRow.id == StatementRow.mention_id)
    if f.statement_type:
        q = q.where(StatementRow.statement_type == f.statement_type.upper())
    if f.speaker:
        q = q.where(func.lower(StatementRow.speaker).like(f"%{f.speaker.lower()}%"))
    if f.since:
        q = q.where(StatementRow.event_date >= f.since)
    if f.until:
        q = q.where(StatementRow.event_date <= f.until + "\uffff")
    if f.event_id:
        q = q.where(MentionRow.event_id == f.event_id)
    total = session.execute(select(func.count()).select_from(q.subquery())).scalar_one()
    rows = session.execute(q.order_by(StatementRow.event_date.desc(), StatementRow.id).offset(f.offset).limit(f.limit)).all()
    return total, [s.record | {"event_id": event_id} for s, event_id in rows]


def actors(session: Session, limit: int = 1000) -> list[dict]:
    """Each actor of the store's events, with how many events it is actor1 or actor2 of."""
    counts: Counter = Counter()
    kinds: dict[str, tuple] = {}
    for n in (1, 2):
        name, kind, country = (getattr(EventRow, f"actor{n}{s}") for s in ("", "_kind", "_country"))
        for a, k, c, count in session.execute(select(name, kind, country, func.count()).where(name.is_not(None))
                                              .group_by(name, kind, country)):
            counts[a] += count
            kinds.setdefault(a, (k, c))
    return [{"name": a, "kind": kinds[a][0], "country_code": kinds[a][1], "events": n} for a, n in counts.most_common(limit)]


def _week(date: Optional[str]) -> Optional[str]:
    """The Monday of an event's week (ISO), for a day-precise date; None otherwise."""
    if not date or len(date) < 10:
        return None
    day = dt.date.fromisoformat(date[:10])
    return (day - dt.timedelta(days=day.weekday())).isoformat()


def event_counts(session: Session, f: EventFilter) -> dict:
    """Counts of the events that match: by week, event type, country, admin1 and grade; with
    their fatalities."""
    rows = session.execute(filtered(f, select(EventRow.event_date, EventRow.event_type, EventRow.country,
                                              EventRow.admin1, EventRow.grade, EventRow.fatalities))).all()
    out: dict = {"events": len(rows), "fatalities": sum(r.fatalities or 0 for r in rows)}
    for name, key in (("by_week", lambda r: _week(r.event_date)), ("by_type", lambda r: r.event_type),
                      ("by_country", lambda r: r.country), ("by_admin1", lambda r: r.admin1), ("by_grade", lambda r: r.grade)):
        counted = Counter(key(r) for r in rows if key(r))
        out[name] = dict(sorted(counted.items())) if name == "by_week" else dict(counted.most_common())
    return out
