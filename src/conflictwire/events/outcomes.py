"""What an event left: its outcomes (damage, a fire, a weapon intercepted) and its toll.

The toll is the largest count any one mention gives (reports repeat and revise figures, they do
not add up), unless the report says which count it codes; a report that says nobody was hurt
gives a toll of 0.
"""
from __future__ import annotations

from typing import Optional

from ..model import Evidence
from ..vocab import Casualty, Outcome, Trigger
from .grouping import Draft
from .report import Report

KILLED, INJURED = Casualty.KILLED, Casualty.INJURED  # the kinds of casualty counts


def outcomes(r: Report, d: Draft, evidence: list[Evidence]) -> list[str]:
    """The outcomes the event's mentions tell, first told first, with their words as evidence."""
    found: list[str] = []
    for m in d.mentions:
        for o in m.outcomes:
            if o.label not in found:
                found.append(o.label)
                evidence.append(r.ctx.evidence("outcome", o.start, o.end))
        if Trigger.INTERCEPT in m.classes and Outcome.INTERCEPTED not in found:
            found.append(Outcome.INTERCEPTED)
    return found


def casualties(r: Report, d: Draft, outcomes: list[str], evidence: list[Evidence]) -> tuple[int, Optional[int]]:
    """Fatalities and injuries (None: not told); adds "no_casualties" to `outcomes` when the report says so."""
    ctx = r.ctx
    best: dict[str, Optional[int]] = {KILLED: None, INJURED: None}
    for m in d.mentions:
        per = {KILLED: 0, INJURED: 0}
        for c in m.counts:
            per[c.kind] += c.value
            evidence.append(ctx.evidence("fatalities" if c.kind == KILLED else "injuries", c.start, c.end))
        for kind, value in per.items():
            if value and (best[kind] is None or value > best[kind]):
                best[kind] = value
    paragraphs = r.paragraphs_of(d.mentions)
    coded = next(iter(ctx.in_paragraphs(ctx.coded_fatalities, paragraphs)), None)
    if coded is not None:  # the count the report says it codes ("Fatalities coded as 0 (4 reported)")
        evidence.append(ctx.evidence("fatalities", coded.start, coded.end))
        return coded.value, best[INJURED]
    none = next((m.no_casualties for m in d.mentions if m.no_casualties), None)
    if none is not None:
        evidence.append(ctx.evidence("fatalities", none.start, none.end))
        outcomes.append(Outcome.NO_CASUALTIES)
        return best[KILLED] or 0, best[INJURED] if best[INJURED] is not None else 0
    return best[KILLED] or 0, best[INJURED]
