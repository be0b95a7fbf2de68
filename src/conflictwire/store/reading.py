"""One canonical event in full (`conflictwire events show`), and the tallies reports gave set
beside what the store holds (`conflictwire tallies`)."""
from __future__ import annotations

import datetime as dt
from typing import Optional

from pydantic import BaseModel, Field
from rapidfuzz import fuzz
from sqlalchemy import String, cast, func, or_, select
from sqlalchemy.orm import Session

from ..knowledge import tally_counts
from ..model import Evidence
from .canonical import outlet_key
from .query import StoredEvent, stored_event
from .schema import ArticleRow, EventRow, EvidenceRow, MentionRow, MergeDecisionRow, StatementRow, TallyRow

SUBJECT_MATCH = 85  # rapidfuzz partial score for a tally's subject to name an actor of the store


class Support(BaseModel):
    """One report behind an event: what it said of it, and where."""
    article_id: str
    mention_id: str
    source: Optional[str] = None
    outlet: Optional[str] = None
    title: Optional[str] = None
    published: Optional[str] = None
    language: str
    record: dict
    evidence: list[Evidence] = Field(default_factory=list)


class Decision(BaseModel):
    mention_id: str
    event_id: Optional[str]
    step: str
    merged: bool
    score: Optional[float]
    reasons: list[dict]


class EventDetail(BaseModel):
    event: StoredEvent
    reports: list[Support]
    decisions: list[Decision]
    statements: list[dict]


def event_detail(session: Session, event_id: str) -> Optional[EventDetail]:
    row = session.get(EventRow, event_id)
    if row is None:
        return None
    mentions = session.execute(select(MentionRow, ArticleRow).join(ArticleRow, ArticleRow.id == MentionRow.article_id)
                               .where(MentionRow.event_id == event_id).order_by(ArticleRow.published, MentionRow.id)).all()
    ids = [m.id for m, _ in mentions]
    evidence: dict[str, list[Evidence]] = {}
    for e in session.execute(select(EvidenceRow).where(EvidenceRow.owner.in_(ids)).order_by(EvidenceRow.start)).scalars():
        evidence.setdefault(e.owner, []).append(Evidence(field=e.field, start=e.start, end=e.end, text=e.text))
    reports = [Support(article_id=a.id, mention_id=m.id, source=a.source_path or a.url, outlet=_outlet(a),
                       title=a.title, published=a.published, language=a.language, record=m.record,
                       evidence=evidence.get(m.id, [])) for m, a in mentions]
    decisions = [Decision(mention_id=d.mention_id, event_id=d.event_id, step=d.step, merged=d.merged, score=d.score,
                          reasons=d.reasons or [])
                 for d in session.execute(select(MergeDecisionRow).where(or_(
                     MergeDecisionRow.mention_id.in_(ids), MergeDecisionRow.event_id == event_id))
                     .order_by(MergeDecisionRow.id)).scalars()]
    statements = [s.record for s in session.execute(select(StatementRow).where(StatementRow.mention_id.in_(ids))).scalars()]
    event = stored_event(row, sorted({a.id for _, a in mentions}),
                         [e for m, _ in mentions for e in evidence.get(m.id, [])])
    return EventDetail(event=event, reports=reports, decisions=decisions, statements=statements)


class TallyCheck(BaseModel):
    """A figure a report gave, beside the store's count for the same period, countries and target."""
    tally_id: str
    article_id: str
    quantity: str
    value: int
    qualifier: str
    since: Optional[str]
    until: Optional[str]
    countries: list[str]
    subject: Optional[str]
    attributed_to: Optional[str]
    source: Optional[str]
    published: Optional[str]
    text: str
    store_count: Optional[int]
    matched_actors: list[str] = Field(default_factory=list)
    gap: Optional[int]
    verdict: str


def check_tallies(session: Session) -> list[TallyCheck]:
    counts = tally_counts()
    actors = sorted({n for pair in session.execute(select(EventRow.actor1, EventRow.actor2)) for n in pair if n})
    rows = session.execute(select(TallyRow, ArticleRow).join(ArticleRow, ArticleRow.id == TallyRow.article_id)
                           .order_by(ArticleRow.published, TallyRow.id)).all()
    return [_check(session, t, a, counts, actors) for t, a in rows]


def _spec(quantity: str, counts: dict):
    if quantity in counts:
        return counts[quantity], None
    *weapon, last = quantity.split()
    if last in counts and weapon:
        return counts[last], " ".join(weapon).removesuffix("s")
    return None, None


def _check(session: Session, t: TallyRow, a: ArticleRow, counts: dict, actors: list[str]) -> TallyCheck:
    spec, weapon = _spec(t.quantity, counts)
    until = t.until or (a.published or "")[:10] or None
    base = dict(tally_id=t.id, article_id=a.id, quantity=t.quantity, value=t.value, qualifier=t.qualifier,
                since=t.since, until=until, countries=t.countries or [], subject=t.subject,
                attributed_to=t.attributed_to, source=_outlet(a), published=a.published,
                text=_evidence_text(session, t.id))
    if spec is None:
        return TallyCheck(**base, store_count=None, gap=None, verdict="the store does not count this")
    if not t.since:
        return TallyCheck(**base, store_count=None, gap=None, verdict="no period given: nothing to compare")
    matched = [n for n in actors if t.subject and fuzz.partial_ratio(t.subject.lower(), n.lower()) >= SUBJECT_MATCH]
    q = select(func.sum(getattr(EventRow, spec.sum)) if spec.sum else func.count()).select_from(EventRow)
    q = q.where(EventRow.event_date >= t.since, EventRow.event_date <= (until or dt.date.max.isoformat()) + "\uffff")
    if t.countries:
        q = q.where(EventRow.country_code.in_(t.countries))
    if spec.event_types:
        q = q.where(EventRow.event_type.in_([str(x) for x in spec.event_types]))
    if spec.sub_event_types:
        q = q.where(EventRow.sub_event_type.in_([str(x) for x in spec.sub_event_types]))
    if weapon:
        q = q.where(EventRow.weapon == weapon)
    if matched:
        q = q.where(or_(EventRow.actor1.in_(matched), EventRow.actor2.in_(matched)))
    if spec.outcome:
        # outcome is a JSON list; its text form holds the label in quotes on SQLite and PostgreSQL alike
        q = q.where(cast(EventRow.outcome, String).like(f'%"{spec.outcome}"%'))
    found = session.execute(q).scalar() or 0
    gap = t.value - found
    return TallyCheck(**base, store_count=found, matched_actors=matched, gap=gap, verdict=_verdict(gap, t.qualifier))


def _verdict(gap: int, qualifier: str) -> str:
    if gap > 0:
        return f"the store misses {gap}" if qualifier != "at_most" else "within the figure"
    if gap < 0:
        return "the store has more" if qualifier not in ("at_least", "more_than") else "within the figure"
    return "matches"


def _outlet(article: ArticleRow) -> Optional[str]:
    key = outlet_key(article)
    return article.outlet or (None if key.startswith("report:") else key)


def _evidence_text(session: Session, owner: str) -> str:
    spans = session.execute(select(EvidenceRow.text).where(EvidenceRow.owner == owner).order_by(EvidenceRow.start)).scalars().all()
    return " … ".join(spans)
