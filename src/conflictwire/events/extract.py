"""The event stages in order: mentions -> drafts -> dated, placed, cast event records.

    mentions.py   a trigger with its arguments (triggers.py: which count; roles.py: who did what)
    grouping.py   mentions -> drafts: same place and day, continuations, recaps
    dating.py     when;  locating.py  where
    sides.py      who acted on whom;  defaults.py  ACLED's default actors
    outcomes.py   outcomes and toll;  classify.py  the ACLED types
    record.py     a draft -> an `Event`;  notes.py  its sentence;  claims.py  what statements add
"""
from __future__ import annotations

from ..context import DocContext
from ..model import Event
from .dating import anchor_dates, lead_date
from .grouping import absorb_recaps, group_mentions
from .mentions import find_mentions
from .record import record, without_echoes
from .report import Report


def extract_events(ctx: DocContext) -> list[Event]:
    """The events one report tells."""
    r = Report(ctx)
    mentions = find_mentions(r)
    anchor_dates(r, mentions)
    drafts, recaps = group_mentions(r, mentions)
    absorb_recaps(drafts, recaps)
    lead = lead_date(r, recaps)
    events = [e for e in (record(r, d, lead) for d in drafts) if e is not None]
    return without_echoes(r, events)
