"""Tallies: the aggregate figures a report quotes ("at least 40 attacks since 7 October").

The stages, each in its module:
1. `figures`: the numbers of a sentence ("1 200", "deux millions", "une centaine");
2. `quantities`: what each counts ("40 attaques", "300 people have been arrested");
3. `decide`: whether it is a tally, not the toll of one event (a period, a count kept, a war's toll);
4. `periods`: the dates it covers ("since 7 October", "between January and March", "overnight");
5. `scope`: where, about whom, and who gave it ("according to the UN").

This module runs them sentence by sentence and carries what a sentence passes to the next: a
figure without a period of its own inherits the period of the tally just before it.
"""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Span

from ..context import DocContext
from ..model import Tally, stable_id
from ..vocab import Qualifier
from . import periods, scope
from .decide import Reason, event_dated, is_tally, period_cues, structural_period
from .figures import Figure
from .quantities import QUOTES, Quantity, counted
from .report import TallyDoc

INHERITING = (Reason.STRONG, Reason.CONTINUED)  # tallies that may take the period said just before


class TallyExtractor:
    """Runs the tally stages over one report; holds only what passes from sentence to sentence."""

    def __init__(self, ctx: DocContext):
        self.r = TallyDoc.of(ctx)
        self.previous: Optional[tuple[int, Tally]] = None  # the last tally, with its sentence
        self.periods: dict[str, str] = {}  # "depuis le début de la guerre" -> the date it was given
        self.cue_sents: set[int] = set()  # sentences that give a period of their own
        self.tally_sents: set[int] = set()  # sentences that gave a tally

    def run(self) -> list[Tally]:
        out: list[Tally] = []
        for n, sent in enumerate(self.r.ctx.sentences):
            made = self.sentence(n, sent)
            out.extend(t for t in made if not restated(t, out))
            if made:
                self.previous = (n, made[-1])
                self.tally_sents.add(n)
        return out

    def sentence(self, n: int, sent: Span) -> list[Tally]:
        r = self.r
        cues = period_cues(r, sent)
        own_period = structural_period(r, sent)
        strong = bool(cues) or own_period or bool(r.ctx.in_span(r.counting, sent))
        if strong and not event_dated(r, sent):
            self.cue_sents.add(n)
        continued = self.continued(n, sent)
        phrase = r.ctx.doc[cues[0].start:min(cues[0].end + 4, sent.end)].text.lower() if cues else None
        made = []
        for fig, qty in counted(r, sent):
            reason = is_tally(r, sent, fig, qty, strong, continued)
            if reason is None:
                continue
            tally = self.build(sent, fig, qty, n, reason, bool(cues))
            if tally.since is None and phrase in self.periods:
                tally.since = self.periods[phrase]
            if reason in INHERITING and not own_period:
                self.inherit(tally, n, reason)
            if tally.since and phrase:
                self.periods.setdefault(phrase, tally.since)
            if not tally.countries and not tally.region and r.ctx.focus:
                tally.countries = [r.ctx.focus]
            made.append(tally)
        return made

    def continued(self, n: int, sent: Span) -> int:
        """2 when the sentence before, in the same paragraph, gave a tally; 1 when it gave a period; else 0."""
        ctx = self.r.ctx
        if n == 0 or ctx.paragraph_of(ctx.sentences[n - 1].start) != ctx.paragraph_of(sent.start):
            return 0
        return 2 if n - 1 in self.tally_sents else 1 if n - 1 in self.cue_sents else 0

    def inherit(self, tally: Tally, n: int, reason: Reason) -> None:
        """ "Jusqu'à présent, 56 militaires ont été blessés": the period of the figure just before,
        or of the sentence before that gave one."""
        if tally.since is None and self.previous and n - self.previous[0] <= 1:
            tally.since = self.previous[1].since
            tally.countries = tally.countries or list(self.previous[1].countries)
        if tally.since is None and reason == Reason.CONTINUED and n - 1 in self.cue_sents:
            tally.since = periods.period(self.r, self.r.ctx.sentences[n - 1], n - 1, True)[0]

    def build(self, sent: Span, fig: Figure, qty: Quantity, n: int, reason: Reason, cued: bool) -> Tally:
        r, ctx = self.r, self.r.ctx
        evidence = [ctx.evidence("value", fig.start, fig.end), ctx.evidence("quantity", qty.start, qty.end)]
        qualifier = Qualifier.ABOUT if fig.approx else Qualifier.EXACTLY
        for q in ctx.tools.qualifiers.find(ctx.keys, max(sent.start, fig.start - 4), fig.start):
            if all(t.lower_ in QUOTES for t in ctx.doc[q.end:fig.start]):
                qualifier = q.label
                evidence.append(ctx.evidence("qualifier", q.start, q.end))
        since, until, dated = periods.period(r, sent, n, cued)
        if since is None and reason == Reason.NIGHT:
            since, dated = periods.night_of(r, sent)
        evidence.extend(dated)
        countries, placed = scope.countries(r, sent)
        evidence.extend(placed)
        attributed = scope.source(r, sent, fig)
        if attributed:
            evidence.append(attributed[1])
        return Tally(
            tally_id=stable_id(ctx.article.article_id, "tally", str(fig.start)), article_id=ctx.article.article_id,
            quantity=qty.label, value=fig.value, qualifier=qualifier, since=since, until=until, countries=countries,
            region=scope.region(r, sent), subject=scope.subject(r, sent),
            attributed_to=attributed[0] if attributed else None, evidence=evidence,
        )


def restated(tally: Tally, earlier: list[Tally]) -> bool:
    """The same count of the same thing said again (the headline's figure in the body, a
    source's statement repeating the lead): one tally, which takes the period the restatement
    gives if it had none."""
    same = next((t for t in earlier if (t.quantity, t.value) == (tally.quantity, tally.value)), None)
    if same is not None and same.since is None and tally.since is not None:
        same.since, same.until = tally.since, tally.until
    return same is not None
