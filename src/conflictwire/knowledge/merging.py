"""The store's settings: the merge step (data/merge.yaml) and what it counts beside a tally
(data/tally_counts.yaml), typed and checked on load."""
from __future__ import annotations

from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict, Field

from ..vocab import EventType, Outcome, SubEventType

FEATURES = ("date", "place", "sub_event_type", "actors", "weapon", "casualties", "words")


class MergeRules(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    window_days: int = Field(ge=0)
    max_km: float = Field(gt=0)
    same_place_km: float = Field(gt=0)
    threshold: float = Field(gt=0, le=1)
    weights: dict[str, float]
    compatible_types: list[tuple[EventType, EventType]]
    generic_actors: list[str]

    def model_post_init(self, _context) -> None:
        missing = set(FEATURES) - set(self.weights)
        unknown = set(self.weights) - set(FEATURES)
        if missing or unknown:
            raise ValueError(f"weights must name exactly {', '.join(FEATURES)} "
                             f"(missing: {sorted(missing)}, unknown: {sorted(unknown)})")

    def compatible(self, a: str, b: str) -> bool:
        return a == b or (a, b) in self.compatible_types or (b, a) in self.compatible_types

    def generic(self, name: str | None) -> bool:
        return not name or any(name.startswith(g) for g in self.generic_actors)


class TallyCount(BaseModel):
    """How the store counts what one tally quantity counts (data/tally_counts.yaml)."""
    model_config = ConfigDict(extra="forbid", frozen=True)
    count: Optional[Literal["events"]] = None
    sum: Optional[Literal["fatalities", "injuries"]] = None
    event_types: list[EventType] = Field(default_factory=list)
    sub_event_types: list[SubEventType] = Field(default_factory=list)
    outcome: Optional[Outcome] = None

    def model_post_init(self, _context) -> None:
        if (self.count is None) == (self.sum is None):
            raise ValueError("give either count: events or sum: fatalities|injuries")
