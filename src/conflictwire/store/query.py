"""Reading canonical events back: the filters `conflictwire events` and the Python API share,
typed records (`StoredEvent`: the record contract's event plus the store's corroboration
fields), and a pandas DataFrame for analysis.
"""
from __future__ import annotations

from typing import Optional, Sequence

from pydantic import BaseModel, ConfigDict, Field, field_validator
from sqlalchemy import Select, exists, func, or_, select
from sqlalchemy.orm import Session

from ..ingest.readers import check_date
from ..model import Actor, Event, Place
from ..vocab import ActorKind, DatePrecision, EventType, SubEventType
from .schema import ArticleRow, EventArticleRow, EventRow, MentionRow

MAX_LIMIT = 100_000


class StoredEvent(Event):
    """A canonical event: the record contract's fields, with every supporting report."""
    n_reports: int = 1
    n_outlets: int = 1
    grade: str = "single source"
    disagreements: dict = Field(default_factory=dict)


class EventFilter(BaseModel):
    """What `conflictwire events` and `Store.events` select; every filter is optional."""
    model_config = ConfigDict(extra="forbid")
    since: Optional[str] = None
    until: Optional[str] = None
    country: Optional[str] = None  # a name or an ISO alpha-2 code
    admin1: Optional[str] = None
    event_type: Optional[str] = None
    sub_event_type: Optional[str] = None
    actor: Optional[str] = None  # part of actor1's or actor2's name
    bbox: Optional[tuple[float, float, float, float]] = None  # west, south, east, north
    text: Optional[str] = None  # in the notes, the place, the actors or the reports' text
    min_fatalities: Optional[int] = Field(None, ge=0)
    grade: Optional[str] = None
    limit: Optional[int] = Field(None, ge=1, le=MAX_LIMIT)
    offset: int = Field(0, ge=0)

    @field_validator("since", "until")
    @classmethod
    def _date(cls, value: Optional[str]) -> Optional[str]:
        return None if value is None else check_date(value)

    @field_validator("bbox")
    @classmethod
    def _bbox(cls, value):
        if value is not None:
            west, south, east, north = value
            if not (-180 <= west <= 180 and -180 <= east <= 180 and -90 <= south <= north <= 90):
                raise ValueError("bbox is west,south,east,north in degrees, south below north")
        return value


def _like(value: str) -> str:
    escaped = value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def filtered(f: EventFilter, query: Optional[Select] = None) -> Select:
    """The filters as WHERE clauses (bound parameters only) on a query of events."""
    q = select(EventRow) if query is None else query
    if f.since:  # a month or a year that overlaps the range is in it
        q = q.where(or_(EventRow.event_date >= f.since, EventRow.event_date == f.since[:7], EventRow.event_date == f.since[:4]))
    if f.until:
        q = q.where(EventRow.event_date <= f.until + "\uffff")
    if f.country:
        c = f.country.strip()
        q = q.where(EventRow.country_code == c.upper()) if len(c) == 2 else q.where(func.lower(EventRow.country) == c.lower())
    if f.admin1:
        q = q.where(func.lower(EventRow.admin1) == f.admin1.strip().lower())
    if f.event_type:
        q = q.where(func.lower(EventRow.event_type) == f.event_type.strip().lower())
    if f.sub_event_type:
        q = q.where(func.lower(EventRow.sub_event_type) == f.sub_event_type.strip().lower())
    if f.actor:
        pattern = _like(f.actor.strip().lower())
        q = q.where(or_(func.lower(EventRow.actor1).like(pattern, escape="\\"),
                        func.lower(EventRow.actor2).like(pattern, escape="\\")))
    if f.bbox:
        west, south, east, north = f.bbox
        lon = EventRow.longitude.between(west, east) if west <= east else or_(EventRow.longitude >= west, EventRow.longitude <= east)
        q = q.where(EventRow.latitude.between(south, north), lon)
    if f.text:
        q = q.where(_text_clause(f.text))
    if f.min_fatalities is not None:
        q = q.where(EventRow.fatalities >= f.min_fatalities)
    if f.grade:
        q = q.where(EventRow.grade == f.grade)
    return q


def _text_clause(value: str):
    pattern = _like(value.strip().lower())
    in_reports = exists(select(EventArticleRow.article_id).join(ArticleRow, ArticleRow.id == EventArticleRow.article_id)
                        .where(EventArticleRow.event_id == EventRow.id, func.lower(ArticleRow.text).like(pattern, escape="\\")))
    return or_(*(func.lower(c).like(pattern, escape="\\") for c in (EventRow.notes, EventRow.location, EventRow.actor1, EventRow.actor2)),
               in_reports)


def ordered(q: Select, f: EventFilter) -> Select:
    q = q.order_by(EventRow.event_date.desc(), EventRow.id)
    if f.offset:
        q = q.offset(f.offset)
    return q.limit(f.limit) if f.limit else q


def _actor(row: EventRow, n: int) -> Optional[Actor]:
    name = getattr(row, f"actor{n}")
    kind = getattr(row, f"actor{n}_kind")
    return Actor.model_construct(name=name, kind=ActorKind(kind) if kind else None, country_code=getattr(row, f"actor{n}_country"),
                                 text=None, role=None) if name else None


def stored_event(row: EventRow, article_ids: Sequence[str], evidence: Sequence = ()) -> StoredEvent:
    """A stored event as a record. Its values were checked on the way in, so the records are
    built without checking them again (a page of 100 events costs a third less)."""
    place = Place.model_construct(name=row.location, country=row.country, country_code=row.country_code, admin1=row.admin1,
                                  admin2=row.admin2, latitude=row.latitude, longitude=row.longitude, geonameid=None,
                                  geo_precision=row.geo_precision, text=None)
    return StoredEvent.model_construct(
        kind="event", event_id=row.id, article_ids=list(article_ids), event_date=row.event_date,
        date_precision=DatePrecision(row.date_precision) if row.date_precision else None,
        event_type=EventType(row.event_type), sub_event_type=SubEventType(row.sub_event_type),
        plover_type=None, actor1=_actor(row, 1), actor2=_actor(row, 2), assoc_actor_1=[], assoc_actor_2=[],
        location=place, weapon=row.weapon, fatalities=row.fatalities or 0, injuries=row.injuries,
        outcome=list(row.outcome or []), notes=row.notes or "", confidence=row.confidence or 0.5,
        evidence=list(evidence), n_reports=row.n_reports, n_outlets=row.n_outlets, grade=row.grade,
        disagreements=row.disagreements or {})


def fetch(session: Session, f: EventFilter) -> list[StoredEvent]:
    rows = session.execute(ordered(filtered(f), f)).scalars().all()
    links: dict[str, list[str]] = {}
    ids = [r.id for r in rows]
    for chunk in range(0, len(ids), 500):
        for event_id, article_id in session.execute(select(MentionRow.event_id, MentionRow.article_id).where(
                MentionRow.event_id.in_(ids[chunk:chunk + 500])).order_by(MentionRow.article_id)):
            links.setdefault(event_id, []).append(article_id)
    return [stored_event(r, links.get(r.id, [])) for r in rows]


def count(session: Session, f: EventFilter) -> int:
    return session.execute(filtered(f, select(func.count()).select_from(EventRow))).scalar_one()


class EventList(list):
    """The events a query found, as typed records; `to_pandas()` gives a flat DataFrame."""

    def to_pandas(self):
        import pandas as pd

        from ..export import csv_row

        rows = []
        for e in self:
            row = csv_row(e, None)
            row.update(n_reports=e.n_reports, n_outlets=e.n_outlets, grade=e.grade, event_id=e.event_id)
            rows.append(row)
        frame = pd.DataFrame(rows)
        if not frame.empty:
            frame["event_date"] = pd.to_datetime(frame["event_date"], errors="coerce")
        return frame
