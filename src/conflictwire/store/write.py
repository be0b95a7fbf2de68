"""One report's records as rows: the article, its event mentions (with their actors and
places), statements, tallies and evidence. Removing a report's rows is here too, for a new
version of a report that replaces the old one.

A report's rows are written with a few statements whatever its size: the rows of a table are
built in memory and inserted in one statement, and the actors and places it names are looked up
with one query per table (the few the store lacks are then added).
"""
from __future__ import annotations

from typing import Optional

from sqlalchemy import Connection, bindparam, delete, insert, select

from ..events.claims import Timeline
from ..model import Actor, Event, Extraction, Place, stable_id
from .schema import (ActorRow, ArticleRow, EventArticleRow, EvidenceRow, MentionRow, PlaceRow, StatementRow,
                     TallyRow)

ActorKey = tuple[str, Optional[str], Optional[str]]  # name, kind, country code
# the statements, built once (`expanding` parameters take a list)
ACTORS_NAMED = select(ActorRow.id, ActorRow.name, ActorRow.kind, ActorRow.country_code).where(
    ActorRow.name.in_(bindparam("names", expanding=True))).order_by(ActorRow.id)
PLACES_KEYED = select(PlaceRow.key, PlaceRow.id).where(PlaceRow.key.in_(bindparam("keys", expanding=True)))


def source_key(article) -> str:
    """What makes two texts versions of one report: its URL, its feed id or path, else its text."""
    return article.url or article.source_path or article.article_id


def mention_id(article_id: str, position: int) -> str:
    return stable_id("mention", article_id, str(position))


def actor_key(actor: Optional[Actor]) -> Optional[ActorKey]:
    return None if actor is None else (actor.name, actor.kind and str(actor.kind), actor.country_code)


def place_key(place: Place) -> Optional[str]:
    if not (place.name or place.country_code):
        return None
    return "|".join(str(v) for v in (place.name, place.country_code, place.admin1, place.geonameid,
                                      _round(place.latitude), _round(place.longitude)))


def _round(value: Optional[float]) -> Optional[float]:
    return None if value is None else round(value, 4)


class Rows:
    """Actors and places are shared rows: the ones a report names are found in one query per
    table, and those the store lacks added, in the order the report names them."""

    def __init__(self, conn: Connection, events: list[Event]):
        self._actors = self._actor_ids(conn, [actor_key(a) for e in events for a in (e.actor1, e.actor2)])
        places: dict[Optional[str], Place] = {}
        for e in events:  # a place named twice is added as it is named first
            places.setdefault(place_key(e.location), e.location)
        self._places = self._place_ids(conn, places)

    def actor_id(self, actor: Optional[Actor]) -> Optional[int]:
        return self._actors[actor_key(actor)] if actor is not None else None

    def place_id(self, place: Place) -> Optional[int]:
        key = place_key(place)
        return self._places[key] if key is not None else None

    @staticmethod
    def _actor_ids(conn: Connection, keys: list[Optional[ActorKey]]) -> dict[ActorKey, int]:
        wanted = list(dict.fromkeys(k for k in keys if k is not None))
        found: dict[ActorKey, int] = {}
        if not wanted:
            return found
        for row in conn.execute(ACTORS_NAMED, {"names": list({k[0] for k in wanted})}):
            found.setdefault((row.name, row.kind, row.country_code), row.id)
        missing = [k for k in wanted if k not in found]
        found.update(zip(missing, _insert_ids(conn, ActorRow, [dict(name=name, kind=kind, country_code=country)
                                                               for name, kind, country in missing])))
        return found

    @staticmethod
    def _place_ids(conn: Connection, places: dict[Optional[str], Place]) -> dict[str, int]:
        places.pop(None, None)  # no place named
        if not places:
            return {}
        found = dict(conn.execute(PLACES_KEYED, {"keys": list(places)}).all())
        missing = {k: p for k, p in places.items() if k not in found}
        found.update(zip(missing, _insert_ids(conn, PlaceRow, [
            dict(key=k, name=p.name, country=p.country, country_code=p.country_code, admin1=p.admin1, admin2=p.admin2,
                 latitude=p.latitude, longitude=p.longitude, geonameid=p.geonameid) for k, p in missing.items()])))
        return found


def _insert_ids(conn: Connection, table, rows: list[dict]) -> list[int]:
    """Insert rows one by one (few: most actors and places are stored already); their new ids."""
    return [conn.execute(insert(table), row).inserted_primary_key[0] for row in rows]


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


def add_report(conn: Connection, ex: Extraction) -> list[dict]:
    """Add one report's rows (in the caller's transaction); returns its mentions' columns, the
    mentions not yet merged (no `event_id`)."""
    art = ex.article
    conn.execute(insert(ArticleRow), dict(
        id=art.article_id, source_key=source_key(art), url=art.url, source_path=art.source_path, outlet=art.outlet,
        title=art.title, published=art.published, language=art.language, text=art.text))
    rows = Rows(conn, ex.events)
    mentions = [dict(id=mention_id(art.article_id, position), article_id=art.article_id, position=position,
                     record=event.model_dump(mode="json"), actor1_id=rows.actor_id(event.actor1),
                     actor2_id=rows.actor_id(event.actor2), place_id=rows.place_id(event.location),
                     place_text=event.location.text, **event_columns(event))
                for position, event in enumerate(ex.events)]
    # each record's evidence, as (owner, spans): the mentions', then each statement's and tally's
    evidence = [(m["id"], e.evidence) for m, e in zip(mentions, ex.events)]
    _insert(conn, MentionRow, mentions)
    _insert(conn, StatementRow, _statements(ex, [m["id"] for m in mentions], evidence))
    _insert(conn, TallyRow, _tallies(ex, evidence))
    _insert(conn, EvidenceRow, [dict(article_id=art.article_id, owner=owner, field=e.field, start=e.start, end=e.end,
                                     text=e.text) for owner, spans in evidence for e in spans])
    return mentions


def _insert(conn: Connection, table, rows: list[dict]) -> None:
    if rows:  # one statement for all of them
        conn.execute(insert(table), rows)


def _statements(ex: Extraction, mention_ids: list[str], evidence: list[tuple[str, list]]) -> list[dict]:
    """Each statement is linked to the event told just before it (the first, when it comes first).
    Their evidence is added to `evidence`."""
    timeline = Timeline(ex.events)
    index = {id(e): m for e, m in zip(ex.events, mention_ids)}
    rows = []
    for position, s in enumerate(ex.statements):
        spoken_of = timeline.closest(s)
        sid = stable_id("statement", ex.article.article_id, str(position))
        rows.append(dict(
            id=sid, article_id=ex.article.article_id, mention_id=index.get(id(spoken_of)) if spoken_of else None,
            statement_type=str(s.statement_type), speaker=s.speaker.name, speaker_country=s.speaker.country_code,
            target=s.target.name if s.target else None, quote=s.quote, event_date=s.event_date,
            record=s.model_dump(mode="json")))
        evidence.append((sid, s.evidence))
    return rows


def _tallies(ex: Extraction, evidence: list[tuple[str, list]]) -> list[dict]:
    """The report's tallies; their evidence is added to `evidence`."""
    rows = []
    for position, t in enumerate(ex.tallies):
        tid = stable_id("tally", ex.article.article_id, str(position))
        rows.append(dict(id=tid, article_id=ex.article.article_id, quantity=t.quantity, value=t.value,
                         qualifier=str(t.qualifier), since=t.since, until=t.until, countries=list(t.countries),
                         region=t.region, subject=t.subject, attributed_to=t.attributed_to,
                         record=t.model_dump(mode="json")))
        evidence.append((tid, t.evidence))
    return rows


def remove_report(conn: Connection, article_id: str) -> set[str]:
    """Delete one report's rows; returns the canonical events that lost a report. (Its actors and
    places stay: other reports may name them.)"""
    touched = set(conn.execute(select(MentionRow.event_id).where(
        MentionRow.article_id == article_id, MentionRow.event_id.is_not(None))).scalars())
    for table in (EvidenceRow, StatementRow, TallyRow, EventArticleRow, MentionRow):
        conn.execute(delete(table).where(table.article_id == article_id))
    conn.execute(delete(ArticleRow).where(ArticleRow.id == article_id))
    return touched
