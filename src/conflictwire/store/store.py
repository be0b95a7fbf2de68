"""`Store`: the event store behind `conflictwire ingest`, `events` and `tallies`.

Each report is stored in one transaction: its rows (`write`), the merge of each of its events
into the canonical events (`placing`), and the canonical events' new values (`refresh`), each
step with a few statements for the whole report, not a few per record. A crash mid-batch leaves
whole reports or none; the same batch run again skips what is stored (content-hash ids) and
completes the rest. Writers are serialised (SQLite: BEGIN IMMEDIATE in WAL mode; PostgreSQL: an
advisory lock held for the transaction), so two processes ingesting at once lose nothing and
never merge against a half-written report.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from itertools import combinations
from typing import Optional

from sqlalchemy import Connection, Engine, bindparam, func, or_, select, text, update
from sqlalchemy.exc import DBAPIError, OperationalError, SQLAlchemyError
from sqlalchemy.orm import sessionmaker

from ..knowledge import merge_rules
from ..model import Extraction
from . import acled
from .browse import ArticleView, StatementFilter, actors, article_view, event_counts, statements
from .database import NotFound, StoreError, make_engine, resolve_url, shown
from .migrations import check_version, migrate
from .placing import Placed, new_events, place_report
from .query import EventFilter, EventList, count, fetch
from .reading import EventDetail, TallyCheck, check_tallies, event_detail
from .refresh import refresh
from .schema import ArticleRow, CannotLinkRow, EventRow, MentionRow, MergeDecisionRow, StatementRow, VersionRow
from .write import add_report, remove_report, source_key

WRITE_LOCK = 4_243_917  # the PostgreSQL advisory lock every writing transaction takes
ADDED, UNCHANGED, REPLACED = "added", "unchanged", "replaced"
# a report's stored versions: the same text, or another under its URL, id or path
STORED_VERSIONS = select(ArticleRow.id).where(
    or_(ArticleRow.id == bindparam("id"), ArticleRow.source_key == bindparam("key")))
CHANGED = update(VersionRow).where(VersionRow.id == 1).values(version=VersionRow.version + 1)


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

    def _writing(self, conn: Connection) -> None:
        if self.readonly:
            raise StoreError(f"{shown(self.url)} was opened read-only")
        if self.engine.dialect.name == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": WRITE_LOCK})

    @staticmethod
    def _changed(conn: Connection) -> None:
        conn.execute(CHANGED)

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
        with self.engine.begin() as conn:
            self._writing(conn)
            stored = conn.execute(STORED_VERSIONS, {"id": art.article_id, "key": source_key(art)}).scalars().all()
            if art.article_id in stored and not force:
                result.status = UNCHANGED
                return result
            self._changed(conn)
            touched: set[str] = set()
            for old in stored:  # this text stored before (`force`), or an older version of the report
                touched |= remove_report(conn, old)
                result.status = REPLACED
            refresh(conn, touched)  # the events the old version supported, before the new one is placed
            result.placed = place_report(conn, add_report(conn, ex), art.published, self.rules)
            refresh(conn, {p.event_id for p in result.placed})
        return result

    def split(self, event_id: str, article_id: Optional[str] = None) -> list[str]:
        """Undo a merge: each report of the event becomes an event of its own (or only
        `article_id`'s, taken out of it). The reports split apart are remembered and never merged
        again, re-ingests included. Returns the ids of the events it leaves."""
        with self.writes.begin() as session:
            conn = session.connection()
            self._writing(conn)
            members = session.execute(select(MentionRow).where(MentionRow.event_id == event_id)
                                      .order_by(MentionRow.id)).scalars().all()
            if not members:
                raise StoreError(f"no event {event_id!r} in {shown(self.url)}")
            if len(members) < 2:
                raise StoreError(f"event {event_id} has one report: nothing to split")
            self._changed(conn)
            leaving = [m for m in members if m.article_id == article_id] if article_id else members[1:]
            if article_id and not leaving:
                raise StoreError(f"report {article_id!r} does not support event {event_id}")
            staying = [m for m in members if m not in leaving]
            for a, b in combinations(members, 2):
                if (a in leaving) != (b in leaving) or not article_id:
                    session.merge(CannotLinkRow(mention_a=min(a.id, b.id), mention_b=max(a.id, b.id)))
            events = [event_id] if staying else []
            started = new_events(conn, [m.id for m in leaving])
            for m in leaving:
                m.event_id = started[m.id]
                session.add(MergeDecisionRow(mention_id=m.id, event_id=event_id, step="split", merged=False,
                                             reasons=[{"feature": "person", "detail": "split by a person (events split)"}]))
                events.append(m.event_id)
            session.flush()
            refresh(conn, events)
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
