"""The event stage's entry point for the pipeline (see extract.py for the stages)."""
from __future__ import annotations

from ..context import DocContext
from ..model import Event
from .extract import extract_events


class EventExtractor:
    def __init__(self, ctx: DocContext):
        self.ctx = ctx

    def run(self) -> list[Event]:
        return extract_events(self.ctx)
