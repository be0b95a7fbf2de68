"""ACLED's API query language over the store: `/api/acled/read` takes ACLED's parameter names
and answers with ACLED's column names, so an existing ACLED client reads the store's events.

- A field parameter filters on that column: `country=Mali`, `event_type=Battles`.
- `FIELD_where` picks the operator: `=` (default for most), `LIKE` (default for actors and
  notes, a substring), `>`, `<`, `>=`, `<=`, `BETWEEN` (with `a|b`).
- `a|b` on a date or a number is a range (ACLED's `event_date=2024-01-01|2024-01-31`).
- `:OR:` joins alternatives: `country=Mali:OR:country=Niger` (the parameter's value holds the
  rest) or `country=Mali:OR:Niger`.
- `fields=a|b|c` keeps those columns; `limit` (at most 5,000) and `page` (from 1) page through.
- `key`, `email`, `_format`, `export_type` are accepted as real clients send them.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Optional

import pycountry
from sqlalchemy import Select, and_, exists, func, literal, or_, select
from sqlalchemy.orm import Session

from ..export import INTER, PRECISION
from ..knowledge import taxonomy
from .canonical import outlet_key
from .schema import ArticleRow, EventRow, MentionRow

MAX_LIMIT = 5000
DEFAULT_LIMIT = 5000
IGNORED = {"key", "email", "_format", "export_type", "terms", "access_token"}
PAGING = {"limit", "page", "fields"}


class AcledQueryError(ValueError):
    """A query this API cannot answer: the message says which parameter and why."""


def _iso_numeric(code: Optional[str]) -> Optional[int]:
    country = pycountry.countries.get(alpha_2=code) if code else None
    return int(country.numeric) if country else None


def _alpha2(value: str) -> str:
    value = value.strip()
    if value.isdigit():
        country = pycountry.countries.get(numeric=value.zfill(3))
    else:
        country = pycountry.countries.get(alpha_2=value.upper()) or pycountry.countries.get(alpha_3=value.upper())
    if country is None:
        raise AcledQueryError(f"iso={value!r} is not an ISO 3166 country code")
    return country.alpha_2


@dataclass(frozen=True)
class Column:
    expr: Any  # what the filter compares
    kind: str  # text | number | date
    default_op: str = "="


INTER_KIND = {v: k for k, v in INTER.items()}
COLUMNS: dict[str, Column] = {
    "event_id_cnty": Column(EventRow.id, "text"),
    "event_date": Column(EventRow.event_date, "date"),
    "year": Column(func.substr(EventRow.event_date, 1, 4), "text"),
    "event_type": Column(EventRow.event_type, "text"),
    "sub_event_type": Column(EventRow.sub_event_type, "text"),
    "actor1": Column(EventRow.actor1, "text", "LIKE"),
    "actor2": Column(EventRow.actor2, "text", "LIKE"),
    "inter1": Column(EventRow.actor1_kind, "inter"),
    "inter2": Column(EventRow.actor2_kind, "inter"),
    "country": Column(EventRow.country, "text"),
    "iso": Column(EventRow.country_code, "iso"),
    "admin1": Column(EventRow.admin1, "text"),
    "admin2": Column(EventRow.admin2, "text"),
    "location": Column(EventRow.location, "text"),
    "latitude": Column(EventRow.latitude, "number"),
    "longitude": Column(EventRow.longitude, "number"),
    "geo_precision": Column(EventRow.geo_precision, "number"),
    "fatalities": Column(EventRow.fatalities, "number"),
    "notes": Column(EventRow.notes, "text", "LIKE"),
    "interaction": Column(None, "interaction"),
    "time_precision": Column(EventRow.date_precision, "precision"),
    "disorder_type": Column(EventRow.event_type, "disorder"),
    "civilian_targeting": Column(EventRow.actor2_kind, "civilian"),
    "source": Column(None, "source", "LIKE"),
    "timestamp": Column(EventRow.updated_at, "timestamp", ">="),
}
# ACLED's columns the store does not keep: accepted, and compared with an empty value (so
# "region=Western Africa" finds nothing here, and "tags" with LIKE finds everything).
for _name in ("region", "admin3", "assoc_actor_1", "assoc_actor_2", "source_scale", "tags",
              "population_1km", "population_2km", "population_5km", "population_best"):
    COLUMNS[_name] = Column(literal(""), "text")
OPERATORS = {"=", "LIKE", ">", "<", ">=", "<=", "BETWEEN"}


def _value(name: str, col: Column, raw: str):
    """A parameter's value as the column compares it, or an AcledQueryError naming the parameter."""
    raw = raw.strip()
    try:
        if col.kind == "number":
            return float(raw)
        if col.kind == "date":
            return dt.date.fromisoformat(raw).isoformat()
    except ValueError:
        raise AcledQueryError(f"{name}={raw!r}: not a {'number' if col.kind == 'number' else 'date (YYYY-MM-DD)'}") from None
    return raw


def _condition(name: str, col: Column, raw: str, op: str):
    if col.kind == "inter":
        kinds = [INTER_KIND.get(int(v)) for v in raw.split("|") if v.strip().isdigit()]
        if not kinds:
            raise AcledQueryError(f"{name}={raw!r}: ACLED's actor codes are 1 to 8")
        return col.expr.in_([str(k) for k in kinds if k])
    if col.kind == "interaction":
        digits = raw.strip()
        if not (digits.isdigit() and len(digits) in (1, 2)):
            raise AcledQueryError(f"interaction={raw!r}: two ACLED actor codes, e.g. 12")
        a = INTER_KIND.get(int(digits[0]))
        b = INTER_KIND.get(int(digits[1])) if len(digits) == 2 else None
        return and_(EventRow.actor1_kind == str(a), EventRow.actor2_kind == str(b) if b else EventRow.actor2_kind.is_(None))
    if col.kind == "civilian":  # "Civilian targeting": the target is civilians
        return col.expr == "civilians" if raw.strip() else col.expr != "civilians"
    if col.kind == "source":
        return _from_outlet(raw.strip())
    if col.kind == "timestamp":
        try:
            since = dt.datetime.fromtimestamp(int(raw.split("|")[0]), tz=dt.timezone.utc)
        except ValueError:
            raise AcledQueryError(f"timestamp={raw!r}: a Unix time in seconds") from None
        return col.expr >= since
    if col.kind == "iso":
        return col.expr.in_([_alpha2(v) for v in raw.split("|")])
    if col.kind == "precision":
        wanted = {k for k, v in PRECISION.items() if str(v) == raw.strip()}
        return col.expr.in_([str(w) for w in wanted])
    if col.kind == "disorder":
        types = [t for t in taxonomy().types if taxonomy().disorder_of(t).lower() == raw.strip().lower()]
        return col.expr.in_(types)
    if "|" in raw and col.kind in ("number", "date") or op == "BETWEEN":
        low, _, high = raw.partition("|")
        if not high:
            raise AcledQueryError(f"{name}={raw!r}: a range is low|high")
        low_v, high_v = _value(name, col, low), _value(name, col, high)
        return col.expr.between(low_v, high_v + ("\uffff" if col.kind == "date" else 0))
    value = _value(name, col, raw)
    if op == "LIKE":
        return func.lower(col.expr).like(f"%{str(value).lower()}%")
    if op == "=":
        return func.lower(col.expr) == str(value).lower() if col.kind == "text" else col.expr == value
    return {">": col.expr > value, "<": col.expr < value, ">=": col.expr >= value, "<=": col.expr <= value}[op]


def _from_outlet(name: str):
    """Events one of whose reports came from an outlet whose name holds `name`."""
    return exists(select(MentionRow.id).join(ArticleRow, ArticleRow.id == MentionRow.article_id).where(
        MentionRow.event_id == EventRow.id, func.lower(ArticleRow.outlet).like(f"%{name.lower()}%")))


def where_clauses(params: dict[str, str]) -> list:
    """The WHERE clauses of ACLED-style parameters; unknown parameters are an AcledQueryError."""
    clauses = []
    for name, raw in params.items():
        if name in IGNORED or name in PAGING or name.endswith("_where"):
            continue
        col = COLUMNS.get(name)
        if col is None:
            raise AcledQueryError(f"unknown parameter {name!r}; ACLED's fields here are {', '.join(sorted(COLUMNS))}")
        op = params.get(f"{name}_where", col.default_op).strip().upper()
        if op not in OPERATORS:
            raise AcledQueryError(f"{name}_where={op!r}: use one of {', '.join(sorted(OPERATORS))}")
        alternatives = [alt.split("=", 1)[1] if alt.startswith(f"{name}=") else alt for alt in raw.split(":OR:")]
        clauses.append(or_(*(_condition(name, col, alt, op) for alt in alternatives)))
    return clauses


def acled_row(row: EventRow, sources: list[str]) -> dict:
    """One event with ACLED's column names."""
    inter1 = INTER.get(row.actor1_kind, "") if row.actor1_kind else ""
    inter2 = INTER.get(row.actor2_kind, "") if row.actor2_kind else ""
    return {
        "event_id_cnty": row.id, "event_date": row.event_date, "year": int(row.event_date[:4]) if row.event_date else None,
        "time_precision": PRECISION.get(row.date_precision, 3) if row.date_precision else None,
        "disorder_type": taxonomy().disorder_of(row.event_type), "event_type": row.event_type,
        "sub_event_type": row.sub_event_type, "actor1": row.actor1 or "", "assoc_actor_1": "", "inter1": inter1,
        "actor2": row.actor2 or "", "assoc_actor_2": "", "inter2": inter2,
        "interaction": int(f"{inter1}{inter2 or 0}") if inter1 else None,
        "civilian_targeting": "Civilian targeting" if row.actor2_kind == "civilians" else "",
        "iso": _iso_numeric(row.country_code), "region": "", "country": row.country or "", "admin1": row.admin1 or "",
        "admin2": row.admin2 or "", "admin3": "", "location": row.location or "",
        "latitude": row.latitude, "longitude": row.longitude, "geo_precision": row.geo_precision,
        "source": "; ".join(sources), "source_scale": "", "notes": row.notes or "", "fatalities": row.fatalities or 0,
        "tags": "", "timestamp": int(row.updated_at.timestamp()) if row.updated_at else None,
    }


def read(session: Session, params: dict[str, str]) -> dict:
    """ACLED's answer: success, count, total_count, data (rows with ACLED's column names)."""
    limit, page = _paging(params)
    clauses = where_clauses(params)
    base: Select = select(EventRow).where(*clauses)
    total = session.execute(select(func.count()).select_from(base.subquery())).scalar_one()
    rows = session.execute(base.order_by(EventRow.event_date.desc(), EventRow.id)
                           .offset((page - 1) * limit).limit(limit)).scalars().all()
    sources = _sources(session, [r.id for r in rows])
    fields = [f for f in params.get("fields", "").split("|") if f]
    data = []
    for r in rows:
        row = acled_row(r, sources.get(r.id, []))
        data.append({k: row[k] for k in fields if k in row} if fields else row)
    return {"success": True, "status": 200, "count": len(data), "total_count": total, "page": page, "limit": limit,
            "data": data}


def _paging(params: dict[str, str]) -> tuple[int, int]:
    try:
        limit = int(params.get("limit") or DEFAULT_LIMIT)
        page = int(params.get("page") or 1)
    except ValueError:
        raise AcledQueryError("limit and page are whole numbers") from None
    if not 1 <= limit <= MAX_LIMIT:
        raise AcledQueryError(f"limit={limit}: between 1 and {MAX_LIMIT}")
    if page < 1:
        raise AcledQueryError(f"page={page}: pages start at 1")
    return limit, page


def _sources(session: Session, ids: list[str]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for chunk in range(0, len(ids), 500):
        rows = session.execute(select(MentionRow.event_id, ArticleRow).join(ArticleRow, ArticleRow.id == MentionRow.article_id)
                               .where(MentionRow.event_id.in_(ids[chunk:chunk + 500]))).all()
        for event_id, article in rows:
            name = article.outlet or outlet_key(article)
            if not name.startswith("report:") and name not in out.setdefault(event_id, []):
                out[event_id].append(name)
    return out
