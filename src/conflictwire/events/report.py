"""What the event stages share about one report: its context, its language's words, and facts
found once and read by many rules (who speaks, which sentences accuse, which groups it names)."""
from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass, field
from typing import Optional

from ..context import DocContext
from ..find.actors import ActorMention
from ..model import Actor
from ..resolve.actors import branch_in, canonical
from ..resolve.dates import ResolvedDate
from ..vocab import HURT, NON_STATE_KINDS, STATE_KINDS, Category, StatementType, Trigger
from . import syntax
from .words import EventWords, event_words

PERIOD_REACH = 12  # tokens a period phrase may run ("since the start of the war in Khartoum in April")


@dataclass
class Report:
    ctx: DocContext
    words: EventWords = field(init=False)
    anchors: dict[int, Optional[dt.date]] = field(default_factory=dict)  # mention -> the last day named before it
    paragraph_dates: dict[int, ResolvedDate] = field(default_factory=dict)  # mention -> a date told earlier in its paragraph
    filed_from: set[str] = field(default_factory=set)  # events put at the dateline's city for want of a place of their own
    dated: set[str] = field(default_factory=set)  # events their own words date (not only when they were told)

    def __post_init__(self):
        self.words = event_words(self.ctx.tools)

    # --- who speaks ------------------------------------------------------------------------
    @functools.cached_property
    def speakers(self) -> set[int]:
        """The first tokens of statement cues: "..., police said" tells, it takes no part."""
        return {c.start for c in self.ctx.statement_cues}

    @functools.cached_property
    def saying_verbs(self) -> set[int]:
        return {c.start for c in self.ctx.statement_cues
                if c.label == StatementType.SAY and self.ctx.doc[c.start].pos_ in syntax.VERBS}

    @functools.cached_property
    def reporting(self) -> set[int]:
        """Tokens of the report's reporting clauses ("the army said on Monday", "a indiqué mardi"):
        the saying verb's own words, without the content it reports."""
        return syntax.reporting_tokens(self.ctx.doc, self.ctx.statement_cues)

    @functools.cached_property
    def people(self) -> frozenset:
        """Tokens of the report's actor mentions: the nouns that name people."""
        return frozenset(i for a in self.ctx.actors for i in range(a.start, a.end))

    @functools.cached_property
    def disputed(self) -> set[int]:
        """Sentences that accuse or deny: the groups they name are not proven sides."""
        ctx = self.ctx
        return {n for n, sent in enumerate(ctx.sentences)
                if any(c.label in (StatementType.ACCUSE, StatementType.REJECT) for c in ctx.in_span(ctx.statement_cues, sent))}

    @functools.cached_property
    def periods(self) -> frozenset[int]:
        """Tokens of the report's period phrases, from "since"/"depuis" to the clause's next verb,
        punctuation, or a subject or object of its own ("since the start of the war in Khartoum in
        April"; "depuis deux semaines | leurs frappes"): what they name dates and places the period,
        not an event."""
        doc, out = self.ctx.doc, set()
        for p in self.ctx.periods:
            if doc[p.start].lower_ not in self.words.since:  # "over the past week" dates what it tells
                continue
            end, stop = p.end, min(p.start + PERIOD_REACH, doc[p.start].sent.end)
            while end < stop and not (doc[end].is_punct and doc[end].text not in "-'’") \
                    and doc[end].pos_ not in syntax.VERBS and not self._new_argument(doc[end], p.end):
                end += 1
            out.update(range(p.start, end))
        return frozenset(out)

    @staticmethod
    def _new_argument(t, after: int) -> bool:
        """ "depuis deux semaines leurs frappes": a subject or object that starts after the period."""
        arg = syntax.argument_of(t)
        return arg is not None and arg.i >= after

    @functools.cached_property
    def hurt_verbs(self) -> set[int]:
        """The first tokens of the report's killed and injured words."""
        return {c.start for c in self.ctx.casualties if c.label in HURT}

    @functools.cached_property
    def hurt_tokens(self) -> frozenset[int]:
        """Every token of the report's killed and injured words."""
        return frozenset(i for c in self.ctx.casualties if c.label in HURT for i in range(c.start, c.end))

    @functools.cached_property
    def killing_verbs(self) -> frozenset[int]:
        """The first tokens of the report's killing triggers ("tuer", "neutraliser", "shot dead")."""
        return frozenset(m.start for m in self.ctx.triggers if m.label == Trigger.KILL)

    @functools.cached_property
    def actors_by_sentence(self) -> dict[int, list[int]]:
        """Sentence number -> the positions in `ctx.actors` of the actors whose head stands in it."""
        return self._actors_by(self.ctx.sentence_number)

    @functools.cached_property
    def actors_by_paragraph(self) -> dict[int, list[int]]:
        return self._actors_by(self.ctx.paragraph_of)

    def _actors_by(self, unit) -> dict[int, list[int]]:
        out: dict[int, list[int]] = {}
        for k, a in enumerate(self.ctx.actors):
            out.setdefault(unit(a.head), []).append(k)
        return out

    # --- the groups it names ---------------------------------------------------------------
    def opposes_state(self, a: ActorMention) -> bool:
        """A named non-state group that does not fight beside the state's forces."""
        return a.category == Category.GROUP and a.group is not None and a.group.kind in NON_STATE_KINDS \
            and a.group.name not in self.ctx.tools.actors.lex.state_allies

    @functools.cached_property
    def proven_groups(self) -> list[ActorMention]:
        """The groups opposed to the state the report names, other than in accusations and
        denials, and other than as another group's affiliate ("le JNIM, lié à Al-Qaïda")."""
        ctx = self.ctx
        groups = [g for g in ctx.actors if self.opposes_state(g) and ctx.sentence_of.get(g.head) not in self.disputed]
        return [g for g in groups if not any(h is not g and h.group.name != g.group.name and self.qualifies(g, h) for h in groups)]

    def qualifies(self, a: ActorMention, b: ActorMention) -> bool:
        """`a` is named inside `b`'s phrase, not beside it: "le JNIM, affilié à Al-Qaïda" (but in
        "X and Y", Y stands beside X)."""
        x = self.ctx.doc[a.head]
        while x.head.i != x.i and x.dep_ != syntax.CONJ:
            x = x.head
            if b.covers(x.i):
                return True
        return False

    @functools.cached_property
    def only_forces(self) -> Optional[tuple[str, int]]:
        """The country whose forces the report names, when it names one country's only, and the
        token where it first does: unnamed "soldiers" and "troops" after it are those forces
        ("l'armée israélienne ... les soldats" in the West Bank are Israeli, not Palestinian)."""
        named = [(a.country, a.head) for a in self.ctx.actors if a.category == Category.MILITARY and a.country] + \
            [(a.group.country_code, a.head) for a in self.ctx.actors if a.category == Category.GROUP and a.group is not None
             and a.group.kind in STATE_KINDS and a.group.country_code]
        if len({code for code, _ in named}) != 1:
            return None
        return min(named, key=lambda n: n[1])

    def paragraphs_of(self, mentions) -> set[int]:
        """The paragraphs the mentions' sentences stand in."""
        ctx = self.ctx
        return {ctx.paragraph_of(ctx.sentences[m.sent].start) for m in mentions}

    def speaks(self, a: ActorMention) -> bool:
        """The actor is who says something about the event ("a statement by X added that..."),
        not a side in it."""
        return syntax.speaks_at(self.ctx.doc[a.head], self.speakers)

    def resolved(self, a: ActorMention, country: Optional[str], military: bool = True, text: str = "") -> Actor:
        """The actor a mention names, as the event records it: canonical, and the branch or
        community militia of the event's country."""
        return branch_in(canonical(a, country, military, text), country, self.ctx.tools.actors.lex.group_actors)
