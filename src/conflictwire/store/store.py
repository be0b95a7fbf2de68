"""`Store`: the event store behind `conflictwire ingest`, `events` and `tallies`.

Each report is stored in one transaction: its rows, the merge of each of its events into the
canonical events, and the canonical events' new values. A crash mid-batch leaves whole reports
or none; the same batch run again skips what is stored (content-hash ids) and completes the
rest. Writers are serialised (SQLite: BEGIN IMMEDIATE in WAL mode; PostgreSQL: an advisory
lock held for the transaction), so two processes ingesting at once lose nothing and never
merge against a half-written report.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from itertools import combinations
from typing import Optional

from sqlalchemy import Engine, and_, delete, func, insert, or_, select, text, update
from sqlalchemy.exc import DBAPIError, OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session, defer, sessionmaker

from ..knowledge import merge_rules
from ..model import Extraction, stable_id
from ..vocab import Outcome, StatementType
from . import acled
from .browse import ArticleView, StatementFilter, actors, article_view, event_counts, statements
from .canonical import canonical_fields, outlet_key
from .database import NotFound, StoreError, make_engine, resolve_url, shown
from .merge import Facts, Verdict, compare_event, date_range
from .migrations import check_version, migrate
from .query import EventFilter, EventList, count, fetch
from .reading import EventDetail, TallyCheck, check_tallies, event_detail
from .schema import (ArticleRow, CannotLinkRow, EventArticleRow, EventRow, EvidenceRow, MentionRow, MergeDecisionRow,
                     StatementRow, VersionRow, now)
from .write import add_report, remove_report, source_key

FACT_COLUMNS = [getattr(MentionRow, c) for c in ("id", "article_id", "event_id", "event_date", "date_precision", "event_type",
                                                  "sub_event_type", "actor1", "actor2", "location", "country_code", "admin1",
                                                  "latitude", "longitude", "geo_precision", "weapon", "fatalities", "notes")]
WRITE_LOCK = 4_243_917  # the PostgreSQL advisory lock every writing transaction takes
ADDED, UNCHANGED, REPLACED = "added", "unchanged", "replaced"


@dataclass
class Placed:
    """Where one of a report's events went: a new canonical event or an existing one."""
    mention_id: str
    event_id: str
    merged: bool
    step: str


@dataclass
class IngestResult:
    article_id: str
    source: str
    status: str  # added | unchanged | replaced
    placed: list[Placed] = field(default_factory=list)


class Store:
    """An event store at a database URL or file path (`None`: CONFLICTWIRE_DB, then the file in
    the user data directory). `readonly` opens it for queries only (a read-only file is fine)."""

    def __init__(self, db: Optional[str] = None, readonly: bool = False):
        self.url = resolve_url(db)
        self.readonly = readonly
        self.engine: Engine = make_engine(self.url, writable=not readonly)
        try:
            check_version(self.engine, writable=not readonly)
            if not readonly:
                self._migrate()
        except Exception:
            self.engine.dispose()
            raise
        # on SQLite, reads go through an engine whose transactions do not take the write lock
        self.read_engine = self.engine if self.engine.dialect.name != "sqlite" or readonly else \
            make_engine(self.url, writable=True, for_writing=False)
        self.writes = sessionmaker(self.engine, expire_on_commit=False)
        self.sessions = sessionmaker(self.read_engine, expire_on_commit=False)
        self.rules = merge_rules()

    def _migrate(self) -> None:
        try:
            migrate(self.engine)
        except (OperationalError, DBAPIError) as exc:
            raise StoreError(f"cannot write to database {shown(self.url)}: {str(getattr(exc, 'orig', exc)).strip()}") from None

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self.engine.dispose()
        if getattr(self, "read_engine", self.engine) is not self.engine:
            self.read_engine.dispose()

    def __repr__(self) -> str:
        return f"Store({shown(self.url)!r})"

    # -- writing ---------------------------------------------------------------------------------

    def _writing(self, session: Session) -> None:
        if self.readonly:
            raise StoreError(f"{shown(self.url)} was opened read-only")
        if self.engine.dialect.name == "postgresql":
            session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": WRITE_LOCK})

    @staticmethod
    def _changed(session: Session) -> None:
        session.execute(update(VersionRow).where(VersionRow.id == 1).values(version=VersionRow.version + 1))

    def version(self) -> int:
        """A number that goes up with every write to the store."""
        with self.read_engine.connect() as conn:
            return conn.execute(select(VersionRow.version).where(VersionRow.id == 1)).scalar() or 0

    def add(self, ex: Extraction, force: bool = False) -> IngestResult:
        """Store one report's records and merge its events, in one transaction. The same text again
        adds nothing (unless `force`: re-extracted records replace the stored ones); a new text
        under the same URL, id or path replaces the older version's records."""
        try:
            return self._add(ex, force)
        except SQLAlchemyError as exc:
            reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
            raise StoreError(f"{ex.article.source_path or ex.article.article_id}: not stored ({reason}); "
                             "nothing of it was written") from exc

    def _add(self, ex: Extraction, force: bool) -> IngestResult:
        art = ex.article
        result = IngestResult(art.article_id, art.source_path or art.url or art.article_id, ADDED)
        with self.writes.begin() as session:
            self._writing(session)
            touched: set[str] = set()
            if session.get(ArticleRow, art.article_id) is not None:
                if not force:
                    result.status = UNCHANGED
                    return result
                touched |= remove_report(session, art.article_id)
                result.status = REPLACED
            self._changed(session)
            for old in session.execute(select(ArticleRow.id).where(
                    ArticleRow.source_key == source_key(art), ArticleRow.id != art.article_id)).scalars().all():
                touched |= remove_report(session, old)
                result.status = REPLACED
            session.flush()
            for event_id in touched:  # the events the old version supported, before the new one is placed
                self._refresh(session, event_id)
            for mention in add_report(session, ex):
                result.placed.append(self._place(session, mention, art.published))
            for event_id in {p.event_id for p in result.placed}:
                self._refresh(session, event_id)
            self._record_decisions(session)
        return result

    def _place(self, session: Session, mention: MentionRow, published: Optional[str]) -> Placed:
        """Merge one mention into the best matching canonical event, or start a new one."""
        facts = Facts.of(mention, published)
        with session.no_autoflush:  # what it reads was flushed; the report's own events are never candidates
            candidates = self._candidates(session, facts)
        verdicts = [(event_id, compare_event(facts, members, self.rules)) for event_id, members in candidates.items()]
        merged = [(event_id, v) for event_id, v in verdicts if v.merged]
        best = max(merged, key=lambda ev: ev[1].rank()) if merged else None
        if best is None:
            event_id = self._new_event(session, mention.id)
        else:
            event_id = best[0]
        mention.event_id = event_id
        session.flush()
        for other_id, verdict in verdicts:
            self._decide(session, mention.id, other_id, verdict, chosen=best is not None and other_id == event_id)
        step = best[1].step if best else "new"
        return Placed(mention.id, event_id, best is not None, step)

    def _decide(self, session: Session, mention_id: str, event_id: str, verdict: Verdict, chosen: bool) -> None:
        session.info.setdefault("decisions", []).append(dict(
            mention_id=mention_id, event_id=event_id, step=verdict.step, merged=chosen, score=verdict.score,
            reasons=verdict.reasons, decided_at=now()))

    @staticmethod
    def _record_decisions(session: Session) -> None:
        """The report's merge decisions, in one statement."""
        rows = session.info.pop("decisions", [])
        if rows:
            session.execute(insert(MergeDecisionRow), rows)

    def _new_event(self, session: Session, mention_id: str) -> str:
        event_id, n = stable_id("event", mention_id), 1
        while session.get(EventRow, event_id) is not None:  # a re-ingested report's first event, still held by others
            n += 1
            event_id = stable_id("event", mention_id, str(n))
        session.add(EventRow(id=event_id, event_type="", sub_event_type=""))
        session.flush()
        return event_id

    def _candidates(self, session: Session, facts: Facts) -> dict[str, list[Facts]]:
        """The canonical events worth comparing with: a date window, the same country, not split
        from this mention by a person. Each with the facts of every report in it."""
        window = dt.timedelta(days=self.rules.window_days + 3)
        span = date_range(facts.event_date, facts.date_precision) or date_range(facts.published, None)
        query = select(MentionRow.event_id).join(ArticleRow, ArticleRow.id == MentionRow.article_id).where(
            MentionRow.event_id.is_not(None), MentionRow.article_id != facts.article_id)
        if facts.country_code:
            query = query.where(or_(MentionRow.country_code == facts.country_code, MentionRow.country_code.is_(None)))
        if span:
            lo, hi = (span[0] - window).isoformat(), (span[1] + window).isoformat()
            query = query.where(or_(MentionRow.event_date.between(lo[:7], hi), MentionRow.event_date == lo[:4],
                                    and_(MentionRow.event_date.is_(None), ArticleRow.published.between(lo, hi + "T99"))))
        event_ids = set(session.execute(query).scalars())
        apart = self._split_from(session, facts.mention_id)
        out: dict[str, list[Facts]] = {}
        if not event_ids:
            return out
        # the columns the comparison reads, not whole rows (their records are large)
        rows = session.execute(select(*FACT_COLUMNS, ArticleRow.published).join(ArticleRow, ArticleRow.id == MentionRow.article_id)
                               .where(MentionRow.event_id.in_(event_ids), MentionRow.id != facts.mention_id)).all()
        for row in rows:
            out.setdefault(row.event_id, []).append(Facts.of(row, row.published))
        return {e: members for e, members in out.items() if not any(m.mention_id in apart for m in members)}

    def _split_from(self, session: Session, mention_id: str) -> set[str]:
        pairs = session.execute(select(CannotLinkRow).where(
            or_(CannotLinkRow.mention_a == mention_id, CannotLinkRow.mention_b == mention_id))).scalars()
        return {p.mention_b if p.mention_a == mention_id else p.mention_a for p in pairs}

    def _refresh(self, session: Session, event_id: str) -> None:
        """Recompute a canonical event from its reports; an event left with none is deleted."""
        with session.no_autoflush:
            self._recompute(session, event_id)
        session.flush()

    def _recompute(self, session: Session, event_id: str) -> None:
        event = session.get(EventRow, event_id)
        if event is None:
            return
        members = session.execute(select(MentionRow).options(defer(MentionRow.record))
                                  .where(MentionRow.event_id == event_id)).scalars().all()
        session.execute(delete(EventArticleRow).where(EventArticleRow.event_id == event_id))
        if not members:
            session.delete(event)
            return
        articles = {a.id: a for a in session.execute(select(ArticleRow).where(
            ArticleRow.id.in_({m.article_id for m in members}))).scalars()}
        denied = any(Outcome.DENIED in (m.outcome or []) for m in members) or session.execute(
            select(StatementRow.id).where(StatementRow.mention_id.in_([m.id for m in members]),
                                          StatementRow.statement_type == StatementType.REJECT).limit(1)).first() is not None
        said = set(session.execute(select(EvidenceRow.owner).where(
            EvidenceRow.owner.in_([m.id for m in members]), EvidenceRow.field == "fatalities")).scalars())
        fields = canonical_fields(members, {a: outlet_key(row) for a, row in articles.items()}, denied, said)
        for name, value in fields.items():
            setattr(event, name, value)
        chosen = max(members, key=lambda m: (m.sub_event_type == event.sub_event_type, m.location == event.location))
        event.actor1_id = next((m.actor1_id for m in members if m.actor1 == event.actor1), chosen.actor1_id)
        event.actor2_id = next((m.actor2_id for m in members if m.actor2 == event.actor2), chosen.actor2_id)
        event.place_id = next((m.place_id for m in members if m.location == event.location), chosen.place_id)
        session.execute(insert(EventArticleRow), [dict(event_id=event_id, article_id=a) for a in articles])

    def split(self, event_id: str, article_id: Optional[str] = None) -> list[str]:
        """Undo a merge: each report of the event becomes an event of its own (or only
        `article_id`'s, taken out of it). The reports split apart are remembered and never merged
        again, re-ingests included. Returns the ids of the events it leaves."""
        with self.writes.begin() as session:
            self._writing(session)
            members = session.execute(select(MentionRow).where(MentionRow.event_id == event_id)
                                      .order_by(MentionRow.id)).scalars().all()
            if not members:
                raise StoreError(f"no event {event_id!r} in {shown(self.url)}")
            if len(members) < 2:
                raise StoreError(f"event {event_id} has one report: nothing to split")
            self._changed(session)
            leaving = [m for m in members if m.article_id == article_id] if article_id else members[1:]
            if article_id and not leaving:
                raise StoreError(f"report {article_id!r} does not support event {event_id}")
            staying = [m for m in members if m not in leaving]
            for a, b in combinations(members, 2):
                if (a in leaving) != (b in leaving) or not article_id:
                    session.merge(CannotLinkRow(mention_a=min(a.id, b.id), mention_b=max(a.id, b.id)))
            events = [event_id] if staying else []
            for m in leaving:
                m.event_id = self._new_event(session, m.id)
                session.add(MergeDecisionRow(mention_id=m.id, event_id=event_id, step="split", merged=False,
                                             reasons=[{"feature": "person", "detail": "split by a person (events split)"}]))
                events.append(m.event_id)
            session.flush()
            for e in events:
                self._refresh(session, e)
        return events

    # -- reading ---------------------------------------------------------------------------------

    def events(self, **filters) -> EventList:
        """Canonical events matching the filters of `EventFilter` (since, until, country, admin1,
        event_type, sub_event_type, actor, bbox, text, min_fatalities, grade, limit, offset),
        newest first; `.to_pandas()` on the result gives a DataFrame."""
        f = filters.pop("where", None) or EventFilter(**filters)
        with self.sessions() as session:
            return EventList(fetch(session, f))

    def count(self, **filters) -> int:
        f = filters.pop("where", None) or EventFilter(**filters)
        with self.sessions() as session:
            return count(session, f)

    def full_id(self, prefix: str) -> str:
        """The id of the one event whose id starts with `prefix` (ids as `events` shows them)."""
        with self.sessions() as session:
            if session.get(EventRow, prefix) is not None:
                return prefix
            found = session.execute(select(EventRow.id).where(EventRow.id.startswith(prefix, autoescape=True)).limit(2)).scalars().all()
        if len(found) != 1:
            raise (NotFound if not found else StoreError)(f"no event {prefix!r} in {shown(self.url)}" if not found else
                             f"several events start with {prefix!r}: give more of the id")
        return found[0]

    def event(self, event_id: str) -> EventDetail:
        """One event in full: its reports, their evidence, the merge decisions and statements."""
        with self.sessions() as session:
            detail = event_detail(session, event_id)
        if detail is None:
            raise NotFound(f"no event {event_id!r} in {shown(self.url)}")
        return detail

    def tallies(self) -> list[TallyCheck]:
        """Every figure reports gave, beside the store's count for its period, countries and target."""
        with self.sessions() as session:
            return check_tallies(session)

    def stats(self) -> dict[str, int]:
        with self.sessions() as session:
            return {name: session.execute(select(func.count()).select_from(table)).scalar_one()
                    for name, table in (("articles", ArticleRow), ("events", EventRow), ("mentions", MentionRow),
                                        ("statements", StatementRow))}

    def article(self, article_id: str) -> ArticleView:
        with self.sessions() as session:
            view = article_view(session, article_id)
        if view is None:
            raise NotFound(f"no article {article_id!r} in {shown(self.url)}")
        return view

    def statements(self, **filters) -> tuple[int, list[dict]]:
        with self.sessions() as session:
            return statements(session, StatementFilter(**filters))

    def actors(self, limit: int = 1000) -> list[dict]:
        with self.sessions() as session:
            return actors(session, limit)

    def summary(self, **filters) -> dict:
        """Counts of the matching events by week, type, country, admin1 and grade."""
        f = filters.pop("where", None) or EventFilter(**filters)
        with self.sessions() as session:
            return event_counts(session, f)

    def acled_read(self, params: dict[str, str]) -> dict:
        """ACLED's API answer for ACLED-style parameters (see `store.acled`)."""
        with self.sessions() as session:
            return acled.read(session, params)
