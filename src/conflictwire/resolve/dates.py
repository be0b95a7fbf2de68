"""Time expressions: find them in a report and resolve them against its publication date.

Candidates are found with patterns compiled once from the language's lexicon (weekdays, months,
relative words); only those candidates go to dateparser. A resolved date is never later than the
publication date, and its precision is honest: a weekday against a month-only publication date
gives the month, never an invented day.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Optional

import dateparser

from ..knowledge import lexicon
from ..vocab import DatePrecision


@dataclass(frozen=True)
class Published:
    """A publication date and how much of it is known."""
    date: dt.date  # the last day it can be, for month- and year-only dates
    precision: str  # a DatePrecision: day, month or year

    @classmethod
    def parse(cls, value: Optional[str]) -> Optional[Published]:
        if not value:
            return None
        parts = [int(p) for p in value[:10].split("-")]
        if len(parts) == 3:
            return cls(dt.date(*parts), DatePrecision.DAY)
        if len(parts) == 2:
            nxt = dt.date(parts[0] + parts[1] // 12, parts[1] % 12 + 1, 1)
            return cls(nxt - dt.timedelta(days=1), DatePrecision.MONTH)
        return cls(dt.date(parts[0], 12, 31), DatePrecision.YEAR)

    def as_event_date(self) -> tuple[str, str]:
        return format_date(self.date, self.precision), self.precision


@dataclass(frozen=True)
class TimeExpr:
    start: int  # character offsets into the article text
    end: int
    text: str
    kind: str  # "explicit", "day_range", "month_year", "month_alone", "weekday", "relative"
    key: str = ""  # weekday index, relative label
    last: bool = False  # "last Tuesday", "mardi dernier"


@dataclass(frozen=True)
class ResolvedDate:
    value: str
    precision: str
    expr: Optional[TimeExpr] = None


ISO = re.compile(r"\d{4}-\d{2}(?:-\d{2})?")  # a day, or a month ("2023-06")


def format_date(day: dt.date, precision: str) -> str:
    if precision == DatePrecision.YEAR:
        return f"{day.year:04d}"
    if precision == DatePrecision.MONTH:
        return f"{day.year:04d}-{day.month:02d}"
    return day.isoformat()


def _alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def stamp(text: str, start: int, found: str) -> bool:
    """An ISO date opening a line (after one label word at most, " date 2024-05-07 Headline") is a
    report's filing stamp repeated in its body, not the day of anything it tells."""
    if not ISO.fullmatch(found):
        return False
    line = text[text.rfind("\n", 0, start) + 1:start].split()
    return len(line) <= 1 and all(w.isalpha() for w in line)


def stamped(paragraph: str) -> bool:
    """The paragraph is a headline under a filing stamp (" date 2024-05-07 Headline")."""
    m = ISO.search(paragraph)
    return m is not None and stamp(paragraph, m.start(), m.group(0))


class DateFinder:
    """Finds and resolves the time expressions of one language."""

    RELATIVE_DAYS = {"today": 0, "yesterday": 1, "two_days_ago": 2}
    ANAPHORIC_DAYS = {"same_day": 0, "day_before": -1, "two_days_before": -2, "day_after": 1, "two_days_after": 2}

    def __init__(self, language: str):
        self.language = language
        dates = lexicon(language).dates
        self.weekdays = [w.lower() for w in dates.weekdays]
        months = _alternation(dates.months)
        days = _alternation(self.weekdays)
        last = _alternation(dates.relative.get("last_weekday", []))
        ordinal = r"(?:st|nd|rd|th|er)?"
        joiners = _alternation(dates.range_joiners) if dates.range_joiners else None
        self.patterns = [
            *([("day_range", re.compile(rf"\b(\d{{1,2}}){ordinal}\s*(?:{joiners})\s*\d{{1,2}}{ordinal}\s+(?:of\s+)?"
                                        rf"((?:{months}))\.?(?:,?\s+(\d{{4}}))?\b", re.I))] if joiners else []),
            ("explicit", re.compile(rf"\b(\d{{1,2}}){ordinal}\s+(?:of\s+)?(?:{months})\.?(?:,?\s+\d{{4}})?\b", re.I)),
            ("explicit", re.compile(rf"\b(?:{months})\.?\s+\d{{1,2}}{ordinal}(?:,?\s+\d{{4}})?\b", re.I)),
            ("explicit", re.compile(r"\b\d{4}-\d{2}-\d{2}\b")),
            ("month_year", re.compile(rf"\b(?:{months})\s+\d{{4}}\b", re.I)),
            ("month_alone", re.compile(rf"\b(?:{_alternation(dates.since)})\s+((?:{months}))\b(?!\s*\d)", re.I)),
            *([("month_alone", re.compile(rf"\b(?:{_alternation(dates.in_month)})[\s-]+((?:{months}))\b(?!\s*\d)", re.I))]
              if dates.in_month else []),
            ("weekday", re.compile(rf"\b(?:(?:{last})\s+)?({days})(?:\s+(?:{last}))?\b", re.I)),
        ]
        self.relative = [
            (label, re.compile(rf"(?<!\w)(?:{_alternation(words)})(?!\w)", re.I))
            for label, words in dates.relative.items() if label != "last_weekday" and words
        ]
        self.last_words = {w.lower() for w in dates.relative.get("last_weekday", [])}

    def find(self, text: str, start: int = 0, end: Optional[int] = None) -> list[TimeExpr]:
        """Time expressions in text[start:end], left to right, not overlapping."""
        end = len(text) if end is None else end
        chunk = text[start:end]
        found: list[TimeExpr] = []
        for kind, pattern in self.patterns:
            for m in pattern.finditer(chunk):
                key, last = "", False
                if kind == "month_alone":  # "since January": the expression is the month itself
                    found.append(TimeExpr(start + m.start(1), start + m.end(1), m.group(1), "month_alone"))
                    continue
                if kind == "explicit" and stamp(chunk, m.start(), m.group(0)):
                    continue
                if kind == "day_range":  # dated by its first day: "9 au 10 juin" is 9 June
                    key = " ".join(g for g in m.groups() if g)
                if kind == "weekday":
                    key = str(self.weekdays.index(m.group(1).lower()))
                    last = any(w in self.last_words for w in m.group(0).lower().split())
                found.append(TimeExpr(start + m.start(), start + m.end(), m.group(0), kind, key, last))
        for label, pattern in self.relative:
            for m in pattern.finditer(chunk):
                found.append(TimeExpr(start + m.start(), start + m.end(), m.group(0), "relative", label))
        # "dans la nuit du 9 au 10 juin", "on the night of 9 June": the night is the date's, not last night
        dated = [e for e in found if e.kind in ("explicit", "day_range")]
        found = [e for e in found if not (e.kind == "relative" and any(0 <= d.start - e.end <= 5 for d in dated))]
        # "vendredi 14 mars", "Friday, March 14": the weekday goes with the date it names
        found = [e for e in found if not (e.kind == "weekday" and any(0 <= d.start - e.end <= 2 for d in dated))]
        found.sort(key=lambda e: (e.start, -(e.end - e.start)))
        kept: list[TimeExpr] = []
        for expr in found:
            if not kept or expr.start >= kept[-1].end:
                kept.append(expr)
        return kept

    def resolve(self, expr: TimeExpr, published: Optional[Published],
                anchor: Optional[dt.date] = None) -> Optional[ResolvedDate]:
        """The date an expression names; `anchor` is the day of the event told just before, which
        "la veille" or "the next day" count from."""
        if expr.key in self.ANAPHORIC_DAYS:
            return self._anaphoric(expr, published, anchor)
        if expr.kind == "explicit":
            return self._explicit(expr, published)
        if expr.kind == "day_range":
            first = self._explicit(TimeExpr(expr.start, expr.end, expr.key, "explicit"), published)
            return ResolvedDate(first.value, first.precision, expr) if first else None
        if expr.kind == "month_year":
            day = self._parse(expr.text, published, {"PREFER_DAY_OF_MONTH": "first"})
            return ResolvedDate(format_date(day, DatePrecision.MONTH), DatePrecision.MONTH, expr) if day else None
        if published is None:
            return None
        if expr.kind == "month_alone":
            month = self.month_number(expr.text)
            year = published.date.year - (month > published.date.month)
            return ResolvedDate(f"{year:04d}-{month:02d}", DatePrecision.MONTH, expr)
        if expr.kind == "weekday":
            return self._weekday(expr, published)
        return self._relative(expr, published)

    def month_number(self, word: str) -> int:
        parsed = dateparser.parse(f"1 {word} 2000", languages=[self.language])
        return parsed.month if parsed else 1

    def _parse(self, text: str, published: Optional[Published], extra: dict) -> Optional[dt.date]:
        settings = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False, **extra}
        if published:
            settings["RELATIVE_BASE"] = dt.datetime.combine(published.date, dt.time(23, 59))
        parsed = dateparser.parse(text, languages=[self.language], settings=settings)
        return parsed.date() if parsed else None

    def _explicit(self, expr: TimeExpr, published: Optional[Published]) -> Optional[ResolvedDate]:
        has_year = re.search(r"\d{4}", expr.text) is not None
        if not has_year and published is None:
            return None
        day = self._parse(expr.text, published, {"REQUIRE_PARTS": ["day", "month"]})
        if day is None:
            return None
        if published and not has_year and day > published.date:
            day = day.replace(year=day.year - 1)
        return ResolvedDate(day.isoformat(), DatePrecision.DAY, expr)

    def _weekday(self, expr: TimeExpr, published: Published) -> ResolvedDate:
        if published.precision != DatePrecision.DAY:
            return ResolvedDate(format_date(published.date, published.precision), published.precision, expr)
        back = (published.date.weekday() - int(expr.key)) % 7
        if expr.last and back == 0:
            back = 7
        return ResolvedDate((published.date - dt.timedelta(days=back)).isoformat(), DatePrecision.DAY, expr)

    def _anaphoric(self, expr: TimeExpr, published: Optional[Published], anchor: Optional[dt.date]) -> Optional[ResolvedDate]:
        offset = self.ANAPHORIC_DAYS[expr.key]
        if anchor is None:
            if published is None or published.precision != DatePrecision.DAY:
                return None
            anchor = published.date
        day = anchor + dt.timedelta(days=offset)
        if published is not None and day > published.date:
            day = published.date
        return ResolvedDate(day.isoformat(), DatePrecision.DAY, expr)

    def _relative(self, expr: TimeExpr, published: Published) -> ResolvedDate:
        if published.precision != DatePrecision.DAY:
            return ResolvedDate(format_date(published.date, published.precision), published.precision, expr)
        if expr.key in self.RELATIVE_DAYS:
            day = published.date - dt.timedelta(days=self.RELATIVE_DAYS[expr.key])
            return ResolvedDate(day.isoformat(), DatePrecision.DAY, expr)
        if expr.key in ("last_week", "this_week"):
            # ACLED codes a week-precise event in the middle of its week, never after publication.
            monday = published.date - dt.timedelta(days=published.date.weekday() + (7 if expr.key == "last_week" else 0))
            midweek = min(monday + dt.timedelta(days=2), published.date)
            return ResolvedDate(midweek.isoformat(), DatePrecision.WEEK, expr)
        month = published.date.replace(day=1) - dt.timedelta(days=1) if expr.key == "last_month" else published.date
        return ResolvedDate(format_date(month, DatePrecision.MONTH), DatePrecision.MONTH, expr)
