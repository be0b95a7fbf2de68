"""The period a tally covers: "since 7 October", "since January last year", "since 2017", "this
year", "since the start of the month", "last year", "between January and March", "the conflict,
which erupted in late 2016", "overnight", "since then" (the date said just before).

The patterns are built from the lexicon's words (`tallies.dating`, `dates.months`), once per
language; a language only changes its words, never this code.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Callable, Iterable, Optional

from spacy.tokens import Span

from ..knowledge.lexicon import Lexicon
from ..model import Evidence
from ..vocab import DatePrecision

YEAR = r"(?:19|20)\d{2}"
NEVER = "(?!)"  # the alternation of no phrase: a language without such words matches nothing

Dated = tuple[Optional[str], Optional[str], list[Evidence]]  # since, until, the evidence for them


def alternatives(phrases: Iterable[str]) -> str:
    """A regex alternation of lexicon phrases, longest first (so "years" is tried before "year",
    as "years?" would), an apostrophe matching a typographic one too."""
    unique = sorted(set(phrases), key=lambda p: (-len(p), p))
    return "|".join(re.escape(p).replace("'", "['’]") for p in unique) or NEVER


@dataclass(frozen=True)
class PeriodPatterns:
    """One language's period patterns, compiled once."""
    year_period: re.Pattern  # "during 2024", "tout au long de 2023"
    duration: re.Pattern  # "over the past three months", "au cours des trois derniers mois"
    duration_word: re.Pattern  # what makes a duration a bound one: "past", "three", "derniers"
    spelled: re.Pattern  # "three months of fighting", "plus d'un an de conflit"
    between: re.Pattern  # "between January and March"
    between_days: re.Pattern  # "between March 3 and March 9", "entre le 2 et le 9 mars"
    since_year: re.Pattern  # "since 2017", "depuis fin 2016"
    in_year: re.Pattern  # "in 2023"
    this_year: re.Pattern
    last_year: re.Pattern
    since_then: re.Pattern
    this_month: re.Pattern
    this_week: re.Pattern
    edge_month: re.Pattern  # "fin janvier", "mid-March"
    onset: re.Pattern  # "erupted in October 2017", "déclenché fin 2016"
    since_word: re.Pattern  # a word that makes the date after it the start of a period

    @classmethod
    def build(cls, lex: Lexicon) -> "PeriodPatterns":
        d, alt = lex.tallies.dating, alternatives
        month, edge, units = alt(lex.dates.months), alt(d.edges), alt(d.units)

        def rx(pattern: str) -> re.Pattern:
            return re.compile(pattern, re.I)

        def phrases(words: list[str]) -> re.Pattern:
            return rx(rf"\b(?:{alt(words)})\b")

        return cls(
            year_period=rx(rf"\b(?:{alt(d.during_year)})\s+(?:(?:{alt(d.the_year)})\s+)?({YEAR})\b"),
            duration=rx(rf"\b(?:{alt(d.duration_openers)})\s+(?:[\w'’-]+\s+){{0,4}}?(?:{units})\b"),
            duration_word=rx(rf"\b(?:\d+|{alt(d.recent + d.counts)})\b"),
            spelled=rx(rf"\b(?:(?:\d+|{alt(d.counts + d.spelled_counts)})\s+(?:{alt(d.plural_units)})"
                       rf"|(?:{alt(d.more_than_a)})\s*(?:{alt(lex.tallies.ones)})\s+(?:{units}))"
                       rf"\s+(?:{alt(lex.tallies.of)})\s*\w"),
            between=rx(rf"\b(?:{alt(d.between)})\s+(?:(?:{edge})\s*)?({month})(?:\s+({YEAR}))?"
                       rf"\s+(?:{alt(d.between_and)})\s+(?:(?:{edge})\s*)?({month})(?:\s+({YEAR}))?\b"),
            between_days=rx(rf"\b(?:{alt(d.between)})\s+{_bound(month, False)}\s+(?:{alt(d.between_and)})\s+{_bound(month, True)}\b"),
            since_year=rx(rf"\b(?:{alt(d.since_year)})\s+(?:(?:{alt(d.edges + d.year_edges)})\s*)?({YEAR})\b"),
            in_year=rx(rf"\b(?:{alt(d.in_year)})\s+(?:(?:{edge})\s*)?({YEAR})\b"),
            this_year=phrases(d.this_year), last_year=phrases(d.last_year), since_then=phrases(d.since_then),
            this_month=phrases(d.this_month), this_week=phrases(d.this_week),
            edge_month=rx(rf"\b(?:{edge})-?\s*({month})\b(?!\s+\d)"),
            onset=rx(rf"\b(?:{alt(d.onset)})\s+(?:(?:{alt(d.onset_in)})\s+)?(?:(?:{edge})\s*)?(?:({month})\s+)?({YEAR})\b"),
            since_word=phrases(d.since),
        )


def _bound(month: str, needs_month: bool) -> str:
    """One end of "between 3 March and 9 March 2024", "entre le 2 et le 9 mars": a short
    article, a day, a month (needed at the far end), a year."""
    optional = "" if needs_month else "?"
    return (rf"(?:[^\W\d]{{1,3}}\s+)?(?:\d{{1,2}}\w{{0,2}}\s*)?(?:(?:{month})\.?){optional}"
            rf"(?:\s+\d{{1,2}}\w{{0,2}})?(?:,?\s+{YEAR})?")


def period(r, sent: Span, n: int, cued: bool) -> Dated:
    """The dates the figure of sentence `n` covers, the first way the sentence gives them; a cued
    sentence ("so far", "au total") may give them by any date; "since then" takes the last date
    of the sentence before."""
    pub = r.ctx.published
    between = _between(r, sent)
    if between:
        return between
    for t in r.ctx.times_in(sent.start, sent.end):  # a date introduced by "since", "depuis", "from"
        before = r.ctx.article.text[max(sent.start_char, t.start - 60):t.start].lower()
        if r.lex.periods.since_word.search(before):
            found = _resolved(r, t)
            if found:
                return found.value, None, [r.ctx.char_evidence("since", t.start, t.end)]
    m = r.lex.periods.edge_month.search(sent.text)  # "depuis le début du mouvement, fin janvier"
    if m and pub:
        month = r.ctx.tools.dates.month_number(m.group(1))
        year = pub.date.year - (month > pub.date.month)
        return f"{year:04d}-{month:02d}", None, _evidence(r, sent, m)
    named = _named(r, sent)
    if named:
        return named
    if cued:
        dated = _last_date(r, r.ctx.times_in(sent.start, sent.end))
        if dated:
            return dated
    if r.lex.periods.since_then.search(sent.text) and n > 0:
        return _since_then(r, r.ctx.sentences[n - 1])
    return None, None, []


def _evidence(r, sent: Span, m: re.Match) -> list[Evidence]:
    return [r.ctx.char_evidence("since", sent.start_char + m.start(), sent.start_char + m.end())]


def _resolved(r, t):
    """A date of day or month precision; "since January last year" a year earlier."""
    ctx = r.ctx
    found = ctx.tools.dates.resolve(t, ctx.published)
    if not found or found.precision not in (DatePrecision.DAY, DatePrecision.MONTH):
        return None
    if r.lex.periods.last_year.match(ctx.article.text[t.end:t.end + 30].strip()) and found.value[:4].isdigit():
        return found.__class__(f"{int(found.value[:4]) - 1:04d}{found.value[4:]}", found.precision, t)
    return found


def _last_date(r, times) -> Optional[Dated]:
    """The first of `times` that resolves to a day or a month."""
    for t in times:
        found = _resolved(r, t)
        if found:
            return found.value, None, [r.ctx.char_evidence("since", t.start, t.end)]
    return None


def _between(r, sent: Span) -> Optional[Dated]:
    """ "between January and March", "entre janvier et mars 2024": from the one to the other."""
    pub, months = r.ctx.published, r.ctx.tools.dates.month_number
    m = r.lex.periods.between.search(sent.text)
    if not (m and pub):
        return _between_days(r, sent)
    first, last = months(m.group(1)), months(m.group(3))
    y2 = int(m.group(4)) if m.group(4) else pub.date.year - (last > pub.date.month)
    y1 = int(m.group(2)) if m.group(2) else y2 - (first > last)
    return f"{y1:04d}-{first:02d}", f"{y2:04d}-{last:02d}", _evidence(r, sent, m)


def between_days(r, sent: Span) -> Optional[tuple[int, int]]:
    """The characters of "between March 3 and March 9" in the sentence, if it has one."""
    m = r.lex.periods.between_days.search(sent.text)
    return (sent.start_char + m.start(), sent.start_char + m.end()) if m and any(c.isdigit() for c in m.group(0)) \
        else None


def _between_days(r, sent: Span) -> Optional[Dated]:
    """ "between March 3 and March 9": the first and last dates found inside, resolved."""
    span = between_days(r, sent)
    if span is None:
        return None
    inside = [_resolved(r, t) for t in r.ctx.times_in(sent.start, sent.end) if span[0] <= t.start < span[1]]
    inside = [f for f in inside if f]
    if not inside:
        return None
    return inside[0].value, inside[-1].value if len(inside) > 1 else None, \
        [r.ctx.char_evidence("since", span[0], span[1])]


def _year(m: re.Match, pub, r) -> Optional[str]:
    return m.group(1)


def _onset(m: re.Match, pub, r) -> Optional[str]:
    month = f"-{r.ctx.tools.dates.month_number(m.group(1)):02d}" if m.group(1) else ""
    return m.group(2) + month


def _this_year(m: re.Match, pub, r) -> Optional[str]:
    return f"{pub.date.year:04d}-01" if pub else None


def _this_month(m: re.Match, pub, r) -> Optional[str]:
    return f"{pub.date.year:04d}-{pub.date.month:02d}" if pub else None


def _this_week(m: re.Match, pub, r) -> Optional[str]:
    """The Monday of the week published, when the day is known."""
    if pub is None or pub.precision != DatePrecision.DAY:
        return None
    return (pub.date - dt.timedelta(days=pub.date.weekday())).isoformat()


def _last_year(m: re.Match, pub, r) -> Optional[str]:
    return f"{pub.date.year - 1:04d}" if pub else None


def _named(r, sent: Span) -> Optional[Dated]:
    """A period named by its words, the first of these kinds the sentence has: "since 2017",
    "this year", "this month", "this week", "during 2024", "erupted in late 2016", "last year",
    "in 2023". A relative one needs the publication date."""
    p = r.lex.periods
    kinds: list[tuple[re.Pattern, Callable]] = [
        (p.since_year, _year), (p.this_year, _this_year), (p.this_month, _this_month), (p.this_week, _this_week),
        (p.year_period, _year), (p.onset, _onset), (p.last_year, _last_year), (p.in_year, _year)]
    for pattern, value_of in kinds:
        m = pattern.search(sent.text)
        value = value_of(m, r.ctx.published, r) if m else None
        if value:
            return value, None, _evidence(r, sent, m)
    return None


def _since_then(r, prev: Span) -> Dated:
    """ "since then": the last date of the sentence before, or its last year."""
    dated = _last_date(r, reversed(r.ctx.times_in(prev.start, prev.end)))
    if dated:
        return dated
    years = re.findall(YEAR, prev.text)
    return (years[-1], None, []) if years else (None, None, [])


def night_of(r, sent: Span) -> tuple[Optional[str], list[Evidence]]:
    """ "overnight", "pendant la nuit": the night before the report, unless dated otherwise."""
    ctx, pub = r.ctx, r.ctx.published
    for t in ctx.times_in(sent.start, sent.end):
        found = ctx.tools.dates.resolve(t, pub)
        if found and found.precision == DatePrecision.DAY:
            return found.value, [ctx.char_evidence("since", t.start, t.end)]
    if pub and pub.precision == DatePrecision.DAY:
        night = ctx.in_span(r.night, sent)[0]
        return (pub.date - dt.timedelta(days=1)).isoformat(), [ctx.evidence("since", night.start, night.end)]
    return None, []
