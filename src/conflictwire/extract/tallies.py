"""Tallies: the aggregate figures a report quotes ("at least 40 attacks since 7 October").

A sentence with a period cue (since, so far, this year, depuis, jusqu'à présent...) and a number
that counts attacks, dead, injured, displaced or arrested people. A figure that follows in the
next sentence without its own period ("so far, 56 were injured in these attacks") inherits the
period and countries of the tally before it.
"""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Span, Token

from ..model import Evidence, Tally, stable_id
from .casualties import number_value
from .context import DocContext


class TallyExtractor:
    def __init__(self, ctx: DocContext):
        self.ctx = ctx

    def run(self) -> list[Tally]:
        out: list[Tally] = []
        previous: Optional[tuple[int, Tally]] = None
        periods: dict[str, str] = {}  # "depuis le début de la guerre" -> the date it was given
        for n, sent in enumerate(self.ctx.doc.sents):
            cues = self.ctx.in_span(self.ctx.periods, sent)
            if not cues:
                continue
            phrase = self.ctx.doc[cues[0].start:min(cues[0].end + 4, sent.end)].text.lower()
            for tally in self.sentence(sent):
                if tally.since is None and phrase in periods:
                    tally.since = periods[phrase]
                if previous and n - previous[0] <= 1 and tally.since is None:
                    tally.since = previous[1].since
                    tally.countries = tally.countries or list(previous[1].countries)
                if tally.since:
                    periods.setdefault(phrase, tally.since)
                out.append(tally)
                previous = (n, tally)
        return out

    def sentence(self, sent: Span) -> list[Tally]:
        ctx, tools = self.ctx, self.ctx.tools
        out = []
        quantities = tools.tally_quantities.find(ctx.keys, sent.start, sent.end)
        for tok in sent:
            if not (tok.like_num or tok.pos_ == "NUM") or self.is_date_part(tok):
                continue
            value = number_value(tok, tools.vague_numbers, tools.language)
            if value is None:
                continue
            quantity = self.quantity_of(tok, quantities)
            if quantity is None:
                continue
            out.append(self.build(sent, tok, value, quantity))
        return out

    def is_date_part(self, tok: Token) -> bool:
        return any(t.start <= tok.idx < t.end for t in self.ctx.times) or (tok.text.isdigit() and len(tok.text) == 4)

    def quantity_of(self, num: Token, quantities) -> Optional[tuple[str, int, int]]:
        """What the number counts: its own noun ("40 attaques", "40 fois"), or the casualty verb
        its noun is the subject of ("56 soldiers were injured")."""
        noun = num.head
        for q in quantities:
            if q.start <= noun.i < q.end or (q.start == num.i + 1):
                return q.label, min(num.i, q.start), max(num.i + 1, q.end)
        verb = noun.head
        for q in quantities:
            if q.start <= verb.i < q.end and q.label != "attacks":
                return q.label, min(num.i, q.start), max(num.i + 1, q.end)
        return None

    def build(self, sent: Span, num: Token, value: int, quantity: tuple[str, int, int]) -> Tally:
        ctx = self.ctx
        label, lo, hi = quantity
        evidence = [ctx.evidence("value", num.i, num.i + 1), ctx.evidence("quantity", lo, hi)]
        qualifier = "exactly"
        for q in ctx.tools.qualifiers.find(ctx.keys, max(sent.start, num.i - 4), num.i):
            if q.end >= num.i - 1:
                qualifier = q.label
                evidence.append(ctx.evidence("qualifier", q.start, q.end))
        since = None
        for t in ctx.times_in(sent.start, sent.end):
            resolved = ctx.tools.dates.resolve(t, ctx.published)
            if resolved and resolved.precision in ("day", "month"):
                since = resolved.value
                evidence.append(ctx.char_evidence("since", t.start, t.end))
                break
        countries = []
        for p in ctx.places:
            if sent.start <= p.start < sent.end and p.country and p.locative and p.country not in countries:
                countries.append(p.country)
                evidence.append(ctx.evidence("countries", p.start, p.end))
        region = next((r.label for r in ctx.region_refs if sent.start <= r.start < sent.end), None)
        subject = self.subject(sent, num)
        attributed = self.attributed(sent)
        if attributed:
            evidence.append(attributed[1])
        return Tally(
            tally_id=stable_id(ctx.article.article_id, "tally", str(num.i)), article_id=ctx.article.article_id,
            quantity=label, value=value, qualifier=qualifier, since=since, countries=countries, region=region,
            subject=subject, attributed_to=attributed[0] if attributed else None, evidence=evidence,
        )

    def subject(self, sent: Span, num: Token) -> Optional[str]:
        actors = [a for a in self.ctx.actors if sent.start <= a.head < sent.end and a.category not in ("state",)]
        return self.ctx.doc[actors[0].start:actors[0].end].text if actors else None

    def attributed(self, sent: Span) -> Optional[tuple[str, Evidence]]:
        """ "selon le Pentagone", "according to the UN" -> who gave the figure."""
        for cue in self.ctx.in_span(self.ctx.statement_cues, sent):
            tok = self.ctx.doc[cue.start]
            if tok.lower_ in ("selon", "according"):
                tail = [t for t in sent if t.i >= cue.end and t.pos_ in ("PROPN", "NOUN")]
                if tail:
                    t = tail[0]
                    return t.text, self.ctx.evidence("attributed_to", t.i, t.i + 1)
        return None
