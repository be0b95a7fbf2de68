"""How place names are folded into lookup keys, and the generic words around them.

A key is lower-case ASCII without accents, spaces, hyphens, apostrophes or dots, with a leading
Arabic article dropped and "St"/"Ste" read as "Saint"/"Sainte": "Al-Mawsil", "al Mawsil" and
"AL MAWSIL" all give "mawsil". Transliterations that differ more than that ("Mossoul", "Mosul")
meet through the alternate names GeoNames lists for each place.

Generic words ("province", "governorate", "air base", "barrage de", ...) are not part of the key
a place is found by: `strip_generic` takes them off and says what kind of feature they name, which
lookup uses as a hint ("al-Asad air base" is "Asad", an air base).
"""
from __future__ import annotations

import functools
import re
from typing import Optional

from ..text.normalize import ascii_fold as fold

ARTICLES = re.compile(r"^(?:al|el|ad|adh|ar|as|ash|at|ath|az|an|ud|ul|ed|es|ez|et|er|en)[\s\-‑’'`]+")
SAINT = re.compile(r"\b(st|ste|saint|sainte|san|santa)\b\.?\s*")
NON_KEY = re.compile(r"[^a-z0-9]+")
# Letters outside the Latin blocks (Arabic, Cyrillic, CJK, ...): such names are not keyed.
NON_LATIN = re.compile(r"[^\x00-\u024F\u1E00-\u1EFF\u0300-\u036F\u02B0-\u02FF\u2010-\u201F\u00B7]")
SPRING_PREFIX = re.compile(r"^(?:ain|ayn|ein|aïn|'ain|'ayn)[\s\-‑]+", re.I)


def _saint(m: re.Match) -> str:
    word = m.group(1)
    return {"st": "saint", "ste": "sainte"}.get(word, word)


def place_key(name: str) -> str:
    """The folded form places are indexed and looked up by."""
    s = fold(name)
    s = ARTICLES.sub("", s)
    if "st" in s:
        s = SAINT.sub(_saint, s)
    return NON_KEY.sub("", s)


def is_latin(name: str) -> bool:
    """True for names written in the Latin script (the only ones worth keying: the reports are
    in French and English)."""
    return bool(name) and not NON_LATIN.search(name)


def is_code(name: str) -> bool:
    """IATA/ICAO-like codes that GeoNames mixes into alternate names ("BGW", "ORBI")."""
    return 2 <= len(name) <= 4 and name.isupper() and name.isalnum()


# French spellings of Arabic and African names against the English ones GeoNames mostly lists.
TRANSLITERATIONS = (("ch", "sh"), ("ou", "u"), ("dj", "j"), ("ss", "s"), ("é", "e"))


def transliterations(name: str) -> list[str]:
    """Other spellings of a name, one French habit undone at a time, then all of them:
    "El-Facher" -> "El-Fasher", "Mossoul" -> "Mosul", "Assad" -> "Asad"."""
    lower = name.lower()
    out = [lower.replace(a, b) for a, b in TRANSLITERATIONS if a in lower]
    every = lower
    for a, b in TRANSLITERATIONS:
        every = every.replace(a, b)
    if every != lower and every not in out:
        out.append(every)
    return out


@functools.lru_cache(maxsize=100_000)
def skeleton(key: str) -> str:
    """A coarse phonetic form for the fuzzy fallback: vowels and doubled letters dropped, a few
    transliteration pairs merged (q/k, kh/k, gh/g, dj/j, ph/f, ou/u, w/u)."""
    if not key:
        return ""
    s = key
    for a, b in (("ou", "u"), ("dj", "j"), ("kh", "k"), ("gh", "g"), ("ph", "f"), ("q", "k"),
                 ("c", "k"), ("w", "u"), ("y", "i"), ("z", "s"), ("dh", "d"), ("th", "t"), ("sh", "s")):
        s = s.replace(a, b)
    head, rest = s[0], re.sub(r"[aeiou]", "", s[1:])
    out = head
    for ch in rest:
        if ch != out[-1]:
            out += ch
    return out


# Generic words: phrase (folded) -> the kind of feature it names. Longest phrases first.
_GENERIC = {
    "admin1": ["province", "provincia", "provinz", "governorate", "gouvernorat", "governorat", "muhafazat",
               "muhafazah", "mohafazat", "mohafaza", "muhafaza", "wilayat e", "wilayat", "wilayah", "wilaya",
               "velayat e", "velayat", "ostan e", "ostan", "region", "regione", "state", "etat", "estado",
               "oblast", "krai", "kray", "department", "departement", "departamento", "prefecture",
               "emirate", "territory", "mayorality of", "mayoralty of", "mayorality", "mayoralty",
               # plurals, for a list ("the regions of Kursk and Voronezh", "les provinces de Kunar et de Paktika")
               "provinces", "governorates", "gouvernorats", "regions", "oblasts", "departments", "departements"],
    "admin2": ["district", "county", "municipality", "municipalite", "commune", "cercle", "subdistrict",
               "sub district", "raion", "rayon", "nahiya", "qada", "kaza", "woreda", "local government area", "lga",
               "township", "regency", "tehsil", "taluka", "territoire", "districts", "counties", "townships"],
    "airbase": ["air force base", "air base", "airbase", "air station", "army air field", "base aerienne",
                "base aeree", "base aerea", "afb"],
    "airport": ["international airport", "airport", "aeroport international", "aeroport", "aerodrome",
                "airfield", "air field", "airstrip", "aeropuerto", "aerodromo", "aeroporto", "airpark"],
    "military": ["military base", "base militaire", "military camp", "camp militaire", "garrison",
                 "barracks", "caserne", "base"],
    "dam": ["dam", "barrage"],
    "bridge": ["bridge", "pont"],
    "camp": ["refugee camp", "idp camp", "displacement camp", "camp de refugies", "camp de deplaces", "camp"],
    "crossing": ["border crossing", "crossing point", "border post", "poste frontiere", "point de passage",
                 "checkpoint", "crossing"],
    "city": ["city", "ville de", "town", "village", "ville"],
}
_PHRASES = sorted(((p, kind) for kind, ps in _GENERIC.items() for p in ps), key=lambda x: -len(x[0]))
_LINK = r"(?:\s+(?:de la|de l'|de l|des|de|du|d'|d|of the|of|al|el))?"


def _phrase(p: str) -> str:
    return r"[\s\-]+".join(re.escape(w) for w in p.split())


_KIND_OF = {p: kind for p, kind in _PHRASES}
_ALTERNATION = "|".join(_phrase(p) for p, _ in _PHRASES)
LEADING = re.compile(rf"^(?P<g>{_ALTERNATION}){_LINK}[\s'\-]+(?=\S)")
TRAILING = re.compile(rf"(?<=\S)[\s\-]+(?P<g>{_ALTERNATION})$")
INTERNATIONAL = re.compile(r"[\s\-]+(?:international|intl\.?|regional|municipal|military)$")

# What each hint prefers: GeoNames feature codes (or feature classes, one letter).
HINT_FEATURES: dict[str, frozenset[str]] = {
    "admin1": frozenset({"ADM1", "ADM1H"}),
    "admin2": frozenset({"ADM2", "ADM3", "ADM2H", "ADMD", "PPLX"}),
    "airbase": frozenset({"AIRB", "AIRF", "MILB", "AIRP", "AIRH"}),
    "airport": frozenset({"AIRP", "AIRF", "AIRB", "AIRH"}),
    "military": frozenset({"MILB", "AIRB", "INSM", "CMPMN", "BRKS"}),
    "dam": frozenset({"DAM", "DAMSB", "RSV", "LKI"}),
    "bridge": frozenset({"BDG", "BDGQ"}),
    "camp": frozenset({"CMP", "CMPRF", "CMPQ", "MILB"}),
    "crossing": frozenset({"PSTB", "CSTM", "PSTC", "PASS", "RDJCT", "CKP"}),
    "city": frozenset({"P"}),
    "country": frozenset({"PCLI", "PCLD", "PCLF", "PCLS", "PCL", "TERR"}),
}
# Words a caller may pass as `feature=` (besides hint names and raw feature codes).
FEATURE_WORDS = {p: kind for p, kind in _PHRASES} | {
    "province": "admin1", "adm1": "admin1", "admin": "admin1", "adm2": "admin2", "base": "military",
    "military": "military", "milb": "military", "dam": "dam", "bridge": "bridge", "airport": "airport",
    "airbase": "airbase", "air base": "airbase", "country": "country", "city": "city", "town": "city",
    "village": "city", "checkpoint": "crossing", "border": "crossing", "crossing": "crossing",
    "camp": "camp", "district": "admin2", "region": "admin1", "state": "admin1",
}


def strip_generic(name: str) -> tuple[str, Optional[str]]:
    """("province d'Anbar") -> ("anbar", "admin1"); ("Al Asad Air Base") -> ("al asad", "airbase").

    Works on the folded form; gives the name unchanged (folded) and no hint when nothing generic
    is found or when stripping would leave nothing."""
    s = fold(name)
    hint = None
    for _ in range(2):
        changed = False
        m = LEADING.match(s)
        if m and s[m.end():].strip():
            s, hint, changed = s[m.end():].strip(), hint or _kind(m.group("g")), True
        t = INTERNATIONAL.sub("", s)
        if t != s and t.strip():
            s, changed = t.strip(), True
        m = TRAILING.search(s)
        if m and s[:m.start()].strip():
            s, hint, changed = s[:m.start()].strip(), hint or _kind(m.group("g")), True
        if not changed:
            break
    return s, hint


def _kind(phrase: str) -> Optional[str]:
    return _KIND_OF.get(" ".join(re.split(r"[\s\-]+", phrase)))


def feature_hint(feature: Optional[str]) -> Optional[str]:
    """A caller's feature word ("air base", "province", "DAM", "dam") -> a hint name, or a raw
    feature code kept as is (prefixed with '=')."""
    if not feature:
        return None
    f = fold(feature)
    if f in HINT_FEATURES:
        return f
    if f in FEATURE_WORDS:
        return FEATURE_WORDS[f]
    _, hint = strip_generic("x " + f)
    if hint:
        return hint
    if feature.isupper() and feature.isalnum() and len(feature) <= 5:
        return "=" + feature
    return None  # "area" and other words that say nothing of the kind of place


def hint_features(hint: Optional[str]) -> frozenset[str]:
    if not hint:
        return frozenset()
    if hint.startswith("="):
        return frozenset({hint[1:]})
    return HINT_FEATURES.get(hint, frozenset())


def spring_variant(name: str) -> Optional[str]:
    """ "Ain al-Asad" -> "al-Asad": the spring a place is named after is often left out of the
    gazetteer's name ("Al Asad Air Base"). Tried only when the full name finds nothing."""
    s = fold(name)
    m = SPRING_PREFIX.match(s)
    rest = s[m.end():].strip() if m else ""
    return rest or None
