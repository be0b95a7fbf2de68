"""ACLED exports as gold: each row's `notes` becomes a report published on the row's date, and the
row's coding becomes that report's gold event.

Both of ACLED's layouts are read: the older one with numeric `inter1`/`inter2` (1 = state forces
... 8 = external/other forces) and the newer one that spells the category out. Dates may be
"21 March 2020" or "2020-03-21". Time precision 2 (a week) accepts any day within four days of
the coded date and 3 (a month) any day of the month, as ACLED's coders allow.
"""
from __future__ import annotations

import calendar
import csv
import datetime as dt
import functools
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

import pycountry

from .. import export
from ..ingest.readers import Report
from ..knowledge import countries
from .records import Problem

REQUIRED = ("event_date", "event_type", "sub_event_type", "actor1", "inter1", "actor2", "inter2",
            "country", "location", "latitude", "longitude", "notes")
INTER = {str(number): kind for kind, number in export.INTER.items()}
INTER_WORDS = {"state forces": "state_forces", "rebel group": "rebel_group", "political militia": "political_militia",
               "identity militia": "identity_militia", "rioters": "rioters", "protesters": "protesters",
               "civilians": "civilians", "external/other forces": "external_forces", "external forces": "external_forces",
               "other forces": "external_forces"}
PRECISION = {"1": "day", "2": "week", "3": "month"}
DATE_FORMS = ("%d %B %Y", "%Y-%m-%d", "%d-%B-%Y", "%d/%m/%Y", "%B %d, %Y")
PERIOD = re.compile(r"\s*\(\d{4}.*$")  # "(2014-)", "(2004-2021) Special Forces"
OF_STATE = re.compile(r"^(?:Military|Police|Naval|Air) Forces of (?:the )?(.+)$|^Government of (?:the )?(.+)$")
PAREN = re.compile(r"\(([^()]+)\)\s*$")


@dataclass
class AcledSet:
    """The reports and gold records read from one ACLED file, and the rows left out."""
    reports: list[Report] = field(default_factory=list)
    gold: list[dict] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


from ..errors import AcledError  # noqa: E402  defined with the other errors; imported from here too


@functools.cache
def _country_names() -> dict[str, str]:
    out: dict[str, str] = {}
    for code, c in countries().items():
        for name in (c.name, c.state, *c.names.get("en", [])):
            out.setdefault(name.lower(), code)
    return out


def country_code(name: str) -> Optional[str]:
    """ISO alpha-2 of a country as ACLED spells it, or None."""
    name = name.strip()
    if not name:
        return None
    code = _country_names().get(name.lower())
    if code:
        return code
    try:
        return pycountry.countries.lookup(name).alpha_2
    except LookupError:
        return None


def actor_country(name: str) -> Optional[str]:
    """The state an ACLED actor name belongs to: "Military Forces of Iraq (2022-)" -> IQ,
    "Unidentified Armed Group (Syria)" -> SY, "Taliban" -> None."""
    bare = PERIOD.sub("", name).strip()
    m = OF_STATE.match(bare)
    if m:
        return country_code(m.group(1) or m.group(2))
    m = PAREN.search(bare)
    if m:
        return country_code(m.group(1))
    return None


def actor_kind(inter: str) -> Optional[str]:
    inter = (inter or "").strip()
    return INTER.get(inter) or INTER_WORDS.get(inter.lower())


def parse_date(value: str) -> dt.date:
    for form in DATE_FORMS:
        try:
            return dt.datetime.strptime(value.strip(), form).date()
        except ValueError:
            continue
    raise ValueError(f"event_date {value!r} is not a date ACLED writes (e.g. '21 March 2020' or '2020-03-21')")


def gold_dates(day: dt.date, precision: str):
    """The event_date values gold accepts for a date coded at ACLED's time precision."""
    if precision == "week":
        return [(day + dt.timedelta(days=k)).isoformat() for k in range(-4, 5)]
    if precision == "month":
        last = calendar.monthrange(day.year, day.month)[1]
        return [day.strftime("%Y-%m")] + [day.replace(day=k).isoformat() for k in range(1, last + 1)]
    return day.isoformat()


def _actor(name: str, inter: str) -> Optional[dict]:
    name = (name or "").strip()
    if not name:
        return None
    return {"name": name, "kind": actor_kind(inter), "country_code": actor_country(name)}


def _assoc(names: str, inter: str) -> list[dict]:
    return [a for n in (names or "").split(";") if (a := _actor(n, inter))]


def _float(value: str) -> Optional[float]:
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def row_to_gold(row: dict, doc: str) -> dict:
    """One ACLED row as a gold event record of the contract."""
    day = parse_date(row["event_date"])
    precision = PRECISION.get((row.get("time_precision") or "1").strip(), "day")
    location = {"name": row["location"], "country": row["country"],
                "country_code": country_code(row["country"]) or _iso_numeric(row.get("iso")),
                "admin1": row.get("admin1") or None, "admin2": row.get("admin2") or None,
                "latitude": _float(row["latitude"]), "longitude": _float(row["longitude"]),
                "geo_precision": int(row["geo_precision"]) if (row.get("geo_precision") or "").strip().isdigit() else None}
    fatalities = (row.get("fatalities") or "").strip()
    return {"kind": "event", "doc": doc, "event_date": gold_dates(day, precision), "date_precision": precision,
            "event_type": row["event_type"], "sub_event_type": row["sub_event_type"],
            "actor1": _actor(row["actor1"], row["inter1"]), "actor2": _actor(row["actor2"], row["inter2"]),
            "assoc_actor_1": _assoc(row.get("assoc_actor_1", ""), row["inter1"]),
            "assoc_actor_2": _assoc(row.get("assoc_actor_2", ""), row["inter2"]),
            "location": location, "weapon": None, "injuries": None,
            "fatalities": int(fatalities) if fatalities.isdigit() else None, "notes": row["notes"]}


def _iso_numeric(value: Optional[str]) -> Optional[str]:
    if not (value or "").strip().isdigit():
        return None
    country = pycountry.countries.get(numeric=f"{int(value):03d}")
    return country.alpha_2 if country else None


# ACLED's own coding notes at the end of its notes: "Fatalities coded as 0 (local media reported 2).",
# "Fatalities split over 2 locations (3)." They are the coders' words, not the report's.
CODING_NOTE = re.compile(r"\s*\(?\bFatalit(?:y|ies) (?:coded as|split over)\b[^.]*(?:\.|$)\)?", re.I)


def strip_coding_notes(notes: str) -> str:
    """The notes without ACLED's own coding notes."""
    return CODING_NOTE.sub("", notes).strip()


def read_acled(path: Path, coding_notes: bool = True) -> AcledSet:
    """Reports and gold from an ACLED CSV export; `coding_notes=False` takes ACLED's own coding
    notes ("Fatalities coded as 0") out of the reports. Raises AcledError when the file is not
    one; a bad row is reported (file, line, reason) and left out."""
    out = AcledSet()
    try:
        handle = path.open(encoding="utf-8-sig", newline="")
    except OSError as exc:
        raise AcledError(f"{path}: cannot be opened ({exc.strerror or exc})") from None
    with handle:
        try:
            reader = csv.DictReader(handle)
            missing = [c for c in REQUIRED if c not in (reader.fieldnames or [])]
        except (UnicodeDecodeError, csv.Error) as exc:
            raise AcledError(f"{path}: not a UTF-8 CSV file ({exc})") from None
        if missing:
            raise AcledError(f"{path}: not an ACLED export: missing column(s) {', '.join(missing)}")
        try:
            for row in reader:
                line = reader.line_num
                doc = f"{(row.get('event_id_cnty') or row.get('data_id') or f'row{line}').strip()}.txt"
                reason = _row_problem(row)
                if reason:
                    out.problems.append(Problem(str(path), line, reason))
                    continue
                record = row_to_gold(row, doc)
                out.gold.append(record)
                text = row["notes"] if coding_notes else strip_coding_notes(row["notes"])
                out.reports.append(Report(source=f"{path}:{line}", text=text,
                                          published=parse_date(row["event_date"]).isoformat(), source_path=doc))
        except (UnicodeDecodeError, csv.Error) as exc:
            raise AcledError(f"{path}:{reader.line_num}: unreadable CSV ({exc})") from None
    return out


def _row_problem(row: dict) -> Optional[str]:
    if None in row:
        return "more fields than the header has columns"
    if not (row.get("notes") or "").strip():
        return "no notes: nothing to extract from"
    try:
        parse_date(row["event_date"] or "")
    except ValueError as exc:
        return str(exc)
    if actor_kind(row["inter1"]) is None and (row.get("actor1") or "").strip():
        return f"inter1 {row['inter1']!r} is not one of ACLED's actor categories (1-8 or their names)"
    if _float(row["latitude"]) is None or _float(row["longitude"]) is None:
        return f"latitude/longitude {row['latitude']!r}, {row['longitude']!r} are not numbers"
    return None
