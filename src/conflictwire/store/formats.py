"""Canonical events written out: JSON Lines (the record contract plus corroboration), an
ACLED-style CSV, and GeoJSON for maps."""
from __future__ import annotations

import csv
import json
from typing import IO, Iterable

from ..export import CSV_COLUMNS, csv_row
from .query import StoredEvent

STORE_COLUMNS = ["n_reports", "n_outlets", "grade"]
FORMATS = ("table", "jsonl", "csv", "geojson")


def write_jsonl(events: Iterable[StoredEvent], out: IO[str]) -> int:
    n = 0
    for e in events:
        out.write(json.dumps(e.model_dump(mode="json"), ensure_ascii=False) + "\n")
        n += 1
    return n


def flat_row(e: StoredEvent) -> dict:
    row = csv_row(e, None)
    row.update(n_reports=e.n_reports, n_outlets=e.n_outlets, grade=e.grade)
    return row


def write_csv(events: Iterable[StoredEvent], out: IO[str]) -> int:
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS + STORE_COLUMNS)
    writer.writeheader()
    n = 0
    for e in events:
        writer.writerow(flat_row(e))
        n += 1
    return n


def feature(e: StoredEvent) -> dict:
    loc = e.location
    geometry = None if loc.latitude is None or loc.longitude is None else \
        {"type": "Point", "coordinates": [loc.longitude, loc.latitude]}
    properties = {k: v for k, v in flat_row(e).items() if k not in ("latitude", "longitude")}
    return {"type": "Feature", "id": e.event_id, "geometry": geometry, "properties": properties}


def geojson(events: Iterable[StoredEvent]) -> dict:
    return {"type": "FeatureCollection", "features": [feature(e) for e in events]}


def write_geojson(events: Iterable[StoredEvent], out: IO[str]) -> int:
    collection = geojson(events)
    json.dump(collection, out, ensure_ascii=False)
    out.write("\n")
    return len(collection["features"])


WRITERS = {"jsonl": write_jsonl, "csv": write_csv, "geojson": write_geojson}
