"""What statements say about who did it: a claim of responsibility makes the claimant the event's
actor1; so does an accusation of an armed group when the report names no attacker (ACLED codes
the authorities' attribution), and the event notes that it was attributed, with the accusation as
evidence.

A state's forces saying whom their strike was aimed at ("said it had targeted a Hezbollah
operative") name the event's actor2 when the report gave none.

A statement speaks of the event told closest before it in the report (or the first event, when
the statement comes first); a claim takes it only while its attacker is unknown: unidentified, or
the other side of state forces that fought back.
"""
from __future__ import annotations

import bisect
from typing import Optional

from ..model import Actor, Event, Statement
from ..resolve.actors import branch_in
from ..vocab import NON_STATE_KINDS, STATE_KINDS, ActorKind, EventType, Outcome, StatementType
from .notes import write_notes

UNIDENTIFIED = "Unidentified Armed Group"


def link_claims(events: list[Event], statements: list[Statement], known: Optional[dict[str, Actor]] = None) -> None:
    """Update events in place from the report's claims and accusations; `known`, the dictionary's
    groups, gives a transnational claimant its branch in the country it struck."""
    timeline = Timeline(events)
    for s in statements:
        if s.statement_type == StatementType.CLAIM and s.speaker.kind in NON_STATE_KINDS:
            event = _event_spoken_of(timeline, s, s.speaker.name)
            if event is not None:
                claimant = s.speaker.model_copy(update={"role": None})
                # a transnational group, in the country it struck
                claimant = branch_in(claimant, event.location.country_code, known or {})
                if event.actor1 is not None and event.actor1.name == claimant.name:
                    pass  # the claimant is already the attacker: the claim confirms it
                elif not _unidentified(event.actor1):
                    # "soldiers fought back against gunmen ... JNIM claimed the attack": the
                    # claimant attacked them
                    event.actor2, event.actor1 = event.actor1, claimant
                else:
                    event.actor1 = claimant
                _note(event, Outcome.CLAIMED, s)
        elif s.statement_type in (StatementType.CLAIM, StatementType.ASSERT) and s.target is not None \
                and s.target.kind in NON_STATE_KINDS:
            # "the Israeli military said it had targeted a Hezbollah operative", "a affirmé avoir éliminé
            # un responsable du Hamas": whom its strike was aimed at
            event = timeline.closest(s)
            if event is not None and s.statement_type == StatementType.CLAIM and s.speaker.kind in STATE_KINDS \
                    and _unidentified(event.actor1) and event.actor2 is not None and event.actor2.name == s.target.name:
                # "selon l'état-major, « 25 jihadistes ont été neutralisés »": the forces that claim
                # the group's dead fought it
                event.actor1 = s.speaker.model_copy(update={"role": None, "text": None})
                _note(event, Outcome.CLAIMED, s)
                continue
            # (a claim may correct "civilians" to the group aimed at; a plain statement only fills a gap)
            if event is not None and event.actor1 is not None and event.actor1.country_code == s.speaker.country_code \
                    and s.target.name != event.actor1.name \
                    and (event.actor2 is None
                         or event.actor2.kind == ActorKind.CIVILIANS and s.statement_type == StatementType.CLAIM):
                event.actor2 = s.target.model_copy(update={"role": None})
                _note(event, Outcome.CLAIMED, s)
        elif s.statement_type == StatementType.ACCUSE and s.target is not None:
            event = _event_spoken_of(timeline, s)
            if event is not None:
                if _unidentified(event.actor1) and s.target.kind in NON_STATE_KINDS \
                        and s.target.country_code in (None, event.location.country_code) \
                        and (event.actor2 is None or event.actor2.name != s.target.name):
                    # "the governor blamed the attack on the rebels": an attacker nobody else names is the
                    # group of that country the authorities accuse (ACLED codes the attribution, not a claim),
                    # unless it was the one attacked
                    event.actor1 = branch_in(s.target.model_copy(update={"role": None}), event.location.country_code,
                                             known or {})
                _note(event, Outcome.ATTRIBUTED, s)


def _position(record: Event | Statement) -> int:
    return min((e.start for e in record.evidence if e.field == "trigger"), default=0)


def _unidentified(actor) -> bool:
    return actor is None or actor.name.startswith(UNIDENTIFIED)


class Timeline:
    """The report's events by the position of their trigger, to find the one told before a point."""

    def __init__(self, events: list[Event]):
        order = sorted(range(len(events)), key=lambda k: (_position(events[k]), k))
        self.events = [events[k] for k in order]
        self.positions = [_position(e) for e in self.events]

    def closest(self, s: Statement) -> Optional[Event]:
        """The event told just before the statement, or the first when the statement comes first
        (of several at one position, the one the report's list gives first)."""
        if not self.events:
            return None
        before = bisect.bisect_right(self.positions, _position(s))
        at = self.positions[before - 1] if before else self.positions[0]
        return self.events[bisect.bisect_left(self.positions, at)]


def _event_spoken_of(timeline: Timeline, s: Statement, claimant: Optional[str] = None) -> Optional[Event]:
    """The event told just before the statement (the first, when it comes first), when its
    attacker is still unknown: unidentified, or the other side of state forces fighting back
    (the claimant itself, when the report named it there)."""
    event = timeline.closest(s)
    if event is None:
        return None
    state_fought_back = event.actor1 is not None and event.actor1.kind in STATE_KINDS \
        and (_unidentified(event.actor2) or event.actor2.name == claimant) and event.event_type == EventType.BATTLES
    return event if _unidentified(event.actor1) or state_fought_back else None


def _note(event: Event, outcome: str, s: Statement) -> None:
    """Add the outcome, with the statement's words as evidence: its verb for the outcome, and its
    speaker for actor1 (a claimant) or for the outcome (an accuser)."""
    if outcome not in event.outcome:
        event.outcome.append(outcome)
    speaker_field = "actor1" if outcome == Outcome.CLAIMED else "outcome"
    for e in s.evidence:
        if e.field in ("trigger", "speaker"):
            field = "outcome" if e.field == "trigger" else speaker_field
            event.evidence.append(e.model_copy(update={"field": field}))
    event.notes = write_notes(event)
