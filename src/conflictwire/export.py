"""Writing records: JSON Lines (the record contract) and an ACLED-style CSV."""
from __future__ import annotations

import csv
import json
from typing import IO, Iterable

from .knowledge import taxonomy
from .model import Event, Extraction
from .vocab import ActorKind as Kind, DatePrecision

INTER = {Kind.STATE_FORCES: 1, Kind.REBEL_GROUP: 2, Kind.POLITICAL_MILITIA: 3, Kind.IDENTITY_MILITIA: 4,
         Kind.RIOTERS: 5, Kind.PROTESTERS: 6, Kind.CIVILIANS: 7, Kind.EXTERNAL_FORCES: 8}
PRECISION = {DatePrecision.DAY: 1, DatePrecision.WEEK: 2, DatePrecision.MONTH: 3, DatePrecision.YEAR: 3}
CSV_COLUMNS = [
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction",
    "iso", "country", "admin1", "admin2", "location", "latitude", "longitude", "geo_precision",
    "source", "notes", "fatalities", "injuries", "weapon", "outcome", "confidence", "article_ids", "plover_type",
]


def write_jsonl(extractions: Iterable[Extraction], out: IO[str]) -> int:
    """Articles first, then their events, statements and tallies; returns the records written."""
    n = 0
    for ex in extractions:
        for record in ex.records():
            out.write(json.dumps(record.model_dump(mode="json"), ensure_ascii=False) + "\n")
            n += 1
    return n


def csv_row(event: Event, source: str | None) -> dict:
    a1, a2, loc = event.actor1, event.actor2, event.location
    inter1 = INTER.get(a1.kind, "") if a1 else ""
    inter2 = INTER.get(a2.kind, "") if a2 else ""
    return {
        "event_id_cnty": event.event_id, "event_date": event.event_date, "year": (event.event_date or "")[:4],
        "time_precision": PRECISION.get(event.date_precision or "", ""), "disorder_type": taxonomy().disorder_of(event.event_type),
        "event_type": event.event_type, "sub_event_type": event.sub_event_type,
        "actor1": a1.name if a1 else "", "assoc_actor_1": "; ".join(a.name for a in event.assoc_actor_1),
        "inter1": inter1, "actor2": a2.name if a2 else "", "assoc_actor_2": "; ".join(a.name for a in event.assoc_actor_2),
        "inter2": inter2, "interaction": f"{inter1}{inter2}" if inter1 else "",
        "iso": loc.country_code or "", "country": loc.country or "", "admin1": loc.admin1 or "", "admin2": loc.admin2 or "",
        "location": loc.name or "", "latitude": loc.latitude if loc.latitude is not None else "",
        "longitude": loc.longitude if loc.longitude is not None else "", "geo_precision": loc.geo_precision or "",
        "source": source or "", "notes": event.notes, "fatalities": event.fatalities,
        "injuries": "" if event.injuries is None else event.injuries, "weapon": event.weapon or "",
        "outcome": "; ".join(event.outcome), "confidence": event.confidence,
        "article_ids": "; ".join(event.article_ids), "plover_type": event.plover_type or "",
    }


def write_csv(extractions: Iterable[Extraction], out: IO[str]) -> int:
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS)
    writer.writeheader()
    n = 0
    for ex in extractions:
        for event in ex.events:
            writer.writerow(csv_row(event, ex.article.source_path or ex.article.url))
            n += 1
    return n
