"""One report's records as rows: the article, its event mentions (with their actors and
places), statements, tallies and evidence. Removing a report's rows is here too, for a new
version of a report that replaces the old one.
"""
from __future__ import annotations

from typing import Optional

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from ..events.claims import Timeline
from ..model import Actor, Event, Extraction, Place, stable_id
from .schema import (ActorRow, ArticleRow, EventArticleRow, EvidenceRow, MentionRow, PlaceRow, StatementRow,
                     TallyRow)


def source_key(article) -> str:
    """What makes two texts versions of one report: its URL, its feed id or path, else its text."""
    return article.url or article.source_path or article.article_id


def mention_id(article_id: str, position: int) -> str:
    return stable_id("mention", article_id, str(position))


class Rows:
    """Actors and places are shared rows: found or added once per session."""

    def __init__(self, session: Session):
        self.session = session
        self._actors: dict[tuple, int] = {}
        self._places: dict[str, int] = {}

    def actor_id(self, actor: Optional[Actor]) -> Optional[int]:
        if actor is None:
            return None
        key = (actor.name, actor.kind and str(actor.kind), actor.country_code)
        if key not in self._actors:
            found = self.session.execute(select(ActorRow.id).where(
                ActorRow.name == key[0], _is(ActorRow.kind, key[1]), _is(ActorRow.country_code, key[2]))).scalar()
            if found is None:
                row = ActorRow(name=key[0], kind=key[1], country_code=key[2])
                self.session.add(row)
                self.session.flush()
                found = row.id
            self._actors[key] = found
        return self._actors[key]

    def place_id(self, place: Place) -> Optional[int]:
        if not (place.name or place.country_code):
            return None
        key = "|".join(str(v) for v in (place.name, place.country_code, place.admin1, place.geonameid,
                                          _round(place.latitude), _round(place.longitude)))
        if key not in self._places:
            found = self.session.execute(select(PlaceRow.id).where(PlaceRow.key == key)).scalar()
            if found is None:
                row = PlaceRow(key=key, name=place.name, country=place.country, country_code=place.country_code,
                               admin1=place.admin1, admin2=place.admin2, latitude=place.latitude,
                               longitude=place.longitude, geonameid=place.geonameid)
                self.session.add(row)
                self.session.flush()
                found = row.id
            self._places[key] = found
        return self._places[key]


def _is(column, value):
    return column.is_(None) if value is None else column == value


def _round(value: Optional[float]) -> Optional[float]:
    return None if value is None else round(value, 4)


def event_columns(event: Event) -> dict:
    """The flat columns of an event record (ACLED's row)."""
    a1, a2, loc = event.actor1, event.actor2, event.location
    return {
        "event_date": event.event_date, "date_precision": event.date_precision and str(event.date_precision),
        "event_type": str(event.event_type), "sub_event_type": str(event.sub_event_type),
        "actor1": a1 and a1.name, "actor1_kind": a1 and a1.kind and str(a1.kind), "actor1_country": a1 and a1.country_code,
        "actor2": a2 and a2.name, "actor2_kind": a2 and a2.kind and str(a2.kind), "actor2_country": a2 and a2.country_code,
        "location": loc.name, "country": loc.country, "country_code": loc.country_code, "admin1": loc.admin1,
        "admin2": loc.admin2, "latitude": loc.latitude, "longitude": loc.longitude, "geo_precision": loc.geo_precision,
        "weapon": event.weapon, "fatalities": event.fatalities, "injuries": event.injuries,
        "outcome": [str(o) for o in event.outcome], "notes": event.notes, "confidence": event.confidence,
    }


def add_report(session: Session, ex: Extraction) -> list[MentionRow]:
    """Add one report's rows (in the caller's transaction); returns its mentions, not yet merged."""
    art = ex.article
    session.add(ArticleRow(id=art.article_id, source_key=source_key(art), url=art.url, source_path=art.source_path,
                           outlet=art.outlet, title=art.title, published=art.published, language=art.language,
                           text=art.text))
    session.flush()
    rows = Rows(session)
    mentions = []
    for position, event in enumerate(ex.events):
        mid = mention_id(art.article_id, position)
        mention = MentionRow(id=mid, article_id=art.article_id, position=position, record=event.model_dump(mode="json"),
                             actor1_id=rows.actor_id(event.actor1), actor2_id=rows.actor_id(event.actor2),
                             place_id=rows.place_id(event.location), place_text=event.location.text,
                             **event_columns(event))
        mentions.append(mention)
        session.add(mention)
    session.flush()
    _add_evidence(session, art.article_id, [(m.id, e.evidence) for m, e in zip(mentions, ex.events)])
    _add_statements(session, ex, mentions)
    _add_tallies(session, ex)
    return mentions


def _add_evidence(session: Session, article_id: str, owned: list[tuple[str, list]]) -> None:
    rows = [dict(article_id=article_id, owner=owner, field=e.field, start=e.start, end=e.end, text=e.text)
            for owner, evidence in owned for e in evidence]
    if rows:  # one statement for all of them
        session.execute(insert(EvidenceRow), rows)


def _add_statements(session: Session, ex: Extraction, mentions: list[MentionRow]) -> None:
    """Each statement is linked to the event told just before it (the first, when it comes first)."""
    timeline = Timeline(ex.events)
    index = {id(e): m.id for e, m in zip(ex.events, mentions)}
    for position, s in enumerate(ex.statements):
        spoken_of = timeline.closest(s)
        sid = stable_id("statement", ex.article.article_id, str(position))
        session.add(StatementRow(
            id=sid, article_id=ex.article.article_id, mention_id=index.get(id(spoken_of)) if spoken_of else None,
            statement_type=str(s.statement_type), speaker=s.speaker.name, speaker_country=s.speaker.country_code,
            target=s.target.name if s.target else None, quote=s.quote, event_date=s.event_date,
            record=s.model_dump(mode="json")))
        _add_evidence(session, ex.article.article_id, [(sid, s.evidence)])


def _add_tallies(session: Session, ex: Extraction) -> None:
    for position, t in enumerate(ex.tallies):
        tid = stable_id("tally", ex.article.article_id, str(position))
        session.add(TallyRow(id=tid, article_id=ex.article.article_id, quantity=t.quantity, value=t.value,
                             qualifier=str(t.qualifier), since=t.since, until=t.until, countries=list(t.countries),
                             region=t.region, subject=t.subject, attributed_to=t.attributed_to,
                             record=t.model_dump(mode="json")))
        _add_evidence(session, ex.article.article_id, [(tid, t.evidence)])


def remove_report(session: Session, article_id: str) -> set[str]:
    """Delete one report's rows; returns the canonical events that lost a report."""
    touched = set(session.execute(select(MentionRow.event_id).where(
        MentionRow.article_id == article_id, MentionRow.event_id.is_not(None))).scalars())
    for table in (EvidenceRow, StatementRow, TallyRow, EventArticleRow, MentionRow):
        session.execute(delete(table).where(table.article_id == article_id))
    session.execute(delete(ArticleRow).where(ArticleRow.id == article_id))
    return touched
