"""The store's tables (SQLAlchemy 2 models), one per kind of thing it keeps.

- `articles`: the reports, by content hash (the same text twice is one row); `source_key` (the
  URL, the feed's id or the file path) says which rows are versions of one report.
- `mentions`: each report's own event records, as the extractor wrote them; `event_id` is the
  canonical event they were merged into.
- `events`: canonical events, one per real event, with the best-supported value of each field,
  the disagreements, and the corroboration figures; `event_articles` links them to reports.
- `actors`, `places`: the canonical actors and places events refer to.
- `statements`, `tallies`, `evidence`: the rest of each report's records, and the spans they
  were read from.
- `merge_decisions`: every merge decision with its reasons; `cannot_link`: pairs of mentions a
  person split apart, remembered on re-ingest.
"""
from __future__ import annotations

import datetime as dt
from typing import Optional

from sqlalchemy import JSON, Boolean, DateTime, Float, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

ID = String(40)


def now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


class Base(DeclarativeBase):
    pass


class ArticleRow(Base):
    __tablename__ = "articles"
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    source_key: Mapped[str] = mapped_column(String(1000), index=True)
    url: Mapped[Optional[str]] = mapped_column(String(2000))
    source_path: Mapped[Optional[str]] = mapped_column(String(1000))
    outlet: Mapped[Optional[str]] = mapped_column(String(200))
    title: Mapped[Optional[str]] = mapped_column(Text)
    published: Mapped[Optional[str]] = mapped_column(String(40))
    language: Mapped[str] = mapped_column(String(8))
    text: Mapped[str] = mapped_column(Text)
    ingested_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=now)


class ActorRow(Base):
    __tablename__ = "actors"
    __table_args__ = (UniqueConstraint("name", "kind", "country_code"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(String(300), index=True)
    kind: Mapped[Optional[str]] = mapped_column(String(40))
    country_code: Mapped[Optional[str]] = mapped_column(String(2))


class PlaceRow(Base):
    __tablename__ = "places"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    key: Mapped[str] = mapped_column(String(400), unique=True)
    name: Mapped[Optional[str]] = mapped_column(String(300))
    country: Mapped[Optional[str]] = mapped_column(String(100))
    country_code: Mapped[Optional[str]] = mapped_column(String(2))
    admin1: Mapped[Optional[str]] = mapped_column(String(200))
    admin2: Mapped[Optional[str]] = mapped_column(String(200))
    latitude: Mapped[Optional[float]] = mapped_column(Float)
    longitude: Mapped[Optional[float]] = mapped_column(Float)
    geonameid: Mapped[Optional[int]] = mapped_column(Integer)


class EventFields:
    """The columns a report's event record and a canonical event share (ACLED's flat row)."""
    event_date: Mapped[Optional[str]] = mapped_column(String(10), index=True)
    date_precision: Mapped[Optional[str]] = mapped_column(String(8))
    event_type: Mapped[str] = mapped_column(String(60), index=True)
    sub_event_type: Mapped[str] = mapped_column(String(80))
    actor1: Mapped[Optional[str]] = mapped_column(String(300))
    actor1_kind: Mapped[Optional[str]] = mapped_column(String(40))
    actor1_country: Mapped[Optional[str]] = mapped_column(String(2))
    actor2: Mapped[Optional[str]] = mapped_column(String(300))
    actor2_kind: Mapped[Optional[str]] = mapped_column(String(40))
    actor2_country: Mapped[Optional[str]] = mapped_column(String(2))
    location: Mapped[Optional[str]] = mapped_column(String(300))
    country: Mapped[Optional[str]] = mapped_column(String(100))
    country_code: Mapped[Optional[str]] = mapped_column(String(2), index=True)
    admin1: Mapped[Optional[str]] = mapped_column(String(200))
    admin2: Mapped[Optional[str]] = mapped_column(String(200))
    latitude: Mapped[Optional[float]] = mapped_column(Float)
    longitude: Mapped[Optional[float]] = mapped_column(Float)
    geo_precision: Mapped[Optional[int]] = mapped_column(Integer)
    weapon: Mapped[Optional[str]] = mapped_column(String(40))
    fatalities: Mapped[int] = mapped_column(Integer, default=0)
    injuries: Mapped[Optional[int]] = mapped_column(Integer)
    outcome: Mapped[list] = mapped_column(JSON, default=list)
    notes: Mapped[str] = mapped_column(Text, default="")
    confidence: Mapped[float] = mapped_column(Float, default=0.5)


class EventRow(EventFields, Base):
    __tablename__ = "events"
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    actor1_id: Mapped[Optional[int]] = mapped_column(ForeignKey("actors.id"))
    actor2_id: Mapped[Optional[int]] = mapped_column(ForeignKey("actors.id"))
    place_id: Mapped[Optional[int]] = mapped_column(ForeignKey("places.id"))
    n_reports: Mapped[int] = mapped_column(Integer, default=1)
    n_outlets: Mapped[int] = mapped_column(Integer, default=1)
    grade: Mapped[str] = mapped_column(String(20), default="single source")
    disagreements: Mapped[dict] = mapped_column(JSON, default=dict)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=now, onupdate=now)
    mentions: Mapped[list["MentionRow"]] = relationship(back_populates="event", order_by="MentionRow.id")


class MentionRow(EventFields, Base):
    __tablename__ = "mentions"
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    article_id: Mapped[str] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    event_id: Mapped[Optional[str]] = mapped_column(ForeignKey("events.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    actor1_id: Mapped[Optional[int]] = mapped_column(ForeignKey("actors.id"))
    actor2_id: Mapped[Optional[int]] = mapped_column(ForeignKey("actors.id"))
    place_id: Mapped[Optional[int]] = mapped_column(ForeignKey("places.id"))
    place_text: Mapped[Optional[str]] = mapped_column(Text)
    record: Mapped[dict] = mapped_column(JSON)
    event: Mapped[Optional[EventRow]] = relationship(back_populates="mentions")


class EventArticleRow(Base):
    __tablename__ = "event_articles"
    event_id: Mapped[str] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), primary_key=True)
    article_id: Mapped[str] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True, index=True)


class StatementRow(Base):
    __tablename__ = "statements"
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    article_id: Mapped[str] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    mention_id: Mapped[Optional[str]] = mapped_column(ForeignKey("mentions.id", ondelete="SET NULL"), index=True)
    statement_type: Mapped[str] = mapped_column(String(20), index=True)
    speaker: Mapped[Optional[str]] = mapped_column(String(300))
    speaker_country: Mapped[Optional[str]] = mapped_column(String(2))
    target: Mapped[Optional[str]] = mapped_column(String(300))
    quote: Mapped[Optional[str]] = mapped_column(Text)
    event_date: Mapped[Optional[str]] = mapped_column(String(10))
    record: Mapped[dict] = mapped_column(JSON)


class TallyRow(Base):
    __tablename__ = "tallies"
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    article_id: Mapped[str] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    quantity: Mapped[str] = mapped_column(String(60))
    value: Mapped[int] = mapped_column(Integer)
    qualifier: Mapped[str] = mapped_column(String(12))
    since: Mapped[Optional[str]] = mapped_column(String(10))
    until: Mapped[Optional[str]] = mapped_column(String(10))
    countries: Mapped[list] = mapped_column(JSON, default=list)
    region: Mapped[Optional[str]] = mapped_column(String(200))
    subject: Mapped[Optional[str]] = mapped_column(String(300))
    attributed_to: Mapped[Optional[str]] = mapped_column(String(300))
    record: Mapped[dict] = mapped_column(JSON)


class EvidenceRow(Base):
    """A span of an article's text that a field was read from; `owner` is the mention, statement or
    tally id it supports."""
    __tablename__ = "evidence"
    __table_args__ = (Index("ix_evidence_owner", "owner"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    article_id: Mapped[str] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    owner: Mapped[str] = mapped_column(ID)
    field: Mapped[str] = mapped_column(String(40))
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)


class MergeDecisionRow(Base):
    __tablename__ = "merge_decisions"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    mention_id: Mapped[str] = mapped_column(ID, index=True)
    event_id: Mapped[Optional[str]] = mapped_column(ID, index=True)  # the event the mention was compared with
    step: Mapped[str] = mapped_column(String(20))  # acled_rule | scored | split
    merged: Mapped[bool] = mapped_column(Boolean)
    score: Mapped[Optional[float]] = mapped_column(Float)
    reasons: Mapped[list] = mapped_column(JSON, default=list)
    decided_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=now)


class CannotLinkRow(Base):
    """Two mentions a person said are not one event (`events split`); mention ids are stable
    across re-ingests of the same text, so the split survives them."""
    __tablename__ = "cannot_link"
    mention_a: Mapped[str] = mapped_column(ID, primary_key=True)
    mention_b: Mapped[str] = mapped_column(ID, primary_key=True)


class VersionRow(Base):
    """One row whose number goes up with every write: readers (the API's cache) know the store
    changed without looking at its tables."""
    __tablename__ = "store_version"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    version: Mapped[int] = mapped_column(Integer, default=0)


class MigrationRow(Base):
    __tablename__ = "schema_migrations"
    version: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    applied_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=now)
