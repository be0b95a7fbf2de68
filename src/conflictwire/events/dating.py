"""When an event took place: the date in its trigger's clause, else in its sentence, else when it
was reported, else the day its paragraph has been telling of, else the lead's, else the day the
report was published. Relative days ("la veille", "the next day") count from the last day named
before the mention."""
from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Optional

from ..model import Evidence
from ..resolve.dates import ResolvedDate, stamped
from ..vocab import DatePrecision
from .report import Report

if TYPE_CHECKING:
    from .grouping import Draft
    from .mentions import Mention


def anchor_dates(r: Report, mentions: list["Mention"]) -> None:
    """For each mention, the last day named before it ("la veille", "the next day" count from
    it), and the date told earlier in its paragraph."""
    ctx = r.ctx
    day: Optional[dt.date] = None
    last: Optional[tuple[int, ResolvedDate]] = None
    for m in sorted(mentions, key=lambda m: m.tokens.start):
        r.anchors[id(m)] = day
        paragraph = ctx.paragraph_of(m.tokens.start)
        if last is not None and last[0] == paragraph:
            r.paragraph_dates[id(m)] = last[1]
        # a day named only as when it was told ("..., sources said on Saturday") is named too
        expr = m.time or m.sentence_time or m.report_time
        resolved = ctx.tools.dates.resolve(expr, ctx.published, day) if expr else None
        if resolved is not None and resolved.precision == DatePrecision.DAY:
            day = dt.date.fromisoformat(resolved.value)
            last = (paragraph, resolved)


def resolve(r: Report, m: "Mention", expr=None) -> Optional[ResolvedDate]:
    """The date `expr` (the mention's own clause's, by default) names, counted from its anchor."""
    expr = expr or m.time
    if expr is None:
        return None
    dates = r.ctx.tools.dates
    anchor = r.anchors.get(id(m))
    if expr.key in dates.ANAPHORIC_DAYS and m.report_time is not None and m.report_time is not expr:
        # "said on Saturday that 12 drones were destroyed the previous night": counted from the telling
        said = dates.resolve(m.report_time, r.ctx.published, anchor)
        if said is not None and said.precision == DatePrecision.DAY:
            anchor = dt.date.fromisoformat(said.value)
    return dates.resolve(expr, r.ctx.published, anchor)


def when(r: Report, m: "Mention") -> Optional[ResolvedDate]:
    """The day a mention tells of: from its trigger's clause, else from its sentence."""
    return resolve(r, m) or (resolve(r, m, m.sentence_time) if m.sentence_time else None)


def same_day(r: Report, d: "Draft", date: ResolvedDate) -> bool:
    """The event is on that day, or has no day of its own yet."""
    own = d.dated()
    resolved = when(r, own) if own is not None else None
    return resolved is None or resolved.value == date.value


def lead_date(r: Report, recaps: list["Mention"]) -> Optional[ResolvedDate]:
    """The date the report's lead gives its news, for events that carry none of their own:
    a recap's date ("three attacks took place on Thursday"), else the first paragraph's, else
    (the first is only a headline) the second's, else the stamped headlines' above them."""
    for m in recaps:
        if m.time is not None:
            return resolve(r, m)
    ctx, text = r.ctx, r.ctx.article.text
    lead_start, lead_end = lead_span(text)
    # the lead; when it is only a headline (dated by the page's stamp, which is no time), the paragraph after it;
    # else the stamped headlines before it ("rival militias agreed on Wednesday to ...")
    after = text.find("\n\n", lead_end + 2)
    for start, end in ((lead_start, lead_end), (lead_end, len(text) if after < 0 else after), (0, lead_start)):
        for expr in ctx.times:
            if start <= expr.start < end and ctx.token_at(expr.start) not in r.periods \
                    and (resolved := ctx.tools.dates.resolve(expr, ctx.published)) is not None:
                return resolved
    return None


def lead_span(text: str) -> tuple[int, int]:
    """Where the lead paragraph lies: the first one, past headlines repeated under a filing stamp."""
    start = 0
    while True:
        end = text.find("\n\n", start)
        end = len(text) if end < 0 else end
        if end >= len(text) or not stamped(text[start:end]):
            return start, end
        start = end + 2


def date_of(r: Report, d: "Draft", lead: Optional[ResolvedDate],
            evidence: list[Evidence]) -> tuple[Optional[str], Optional[str], bool]:
    """The event's date and precision, with the words that tell it as evidence, and whether the
    event's own words date it (not only when it was told, its paragraph, the lead or the page)."""
    own = d.date_mention()
    resolved = resolve(r, own) if own else None
    first = d.mentions[0]
    if resolved is None and first.sentence_time is not None:
        resolved = resolve(r, first, first.sentence_time)
    dated = resolved is not None
    if resolved is None and first.report_time is not None:
        resolved = resolve(r, first, first.report_time)
    if resolved is None:  # the day its paragraph has been telling of, else the lead's
        resolved = r.paragraph_dates.get(id(first), lead)
    if resolved is not None:
        if resolved.expr is not None:
            evidence.append(r.ctx.char_evidence("event_date", resolved.expr.start, resolved.expr.end))
        return resolved.value, resolved.precision, dated
    if r.ctx.published is not None:
        return (*r.ctx.published.as_event_date(), False)
    return None, None, False
