"""Is a figure a tally, not the toll of one event? It is when it covers a period or several events:

- its sentence has a period or scope cue ("since", "so far", "au total", "over the past three
  months", "during 2024", "between January and March"), or a verb that keeps a count ("recorded",
  "a recensé"), and dates no day of its own;
- a verb of standing figure ("is home to", "compte");
- the subject of its clause is a war, a conflict, an insurgency, a movement ("the insurgency has
  killed", "le conflit a fait plus de 6 000 morts");
- it counts weapons launched or intercepted over a night ("overnight", "pendant la nuit");
- it counts people arrested, detained, abducted, displaced, deported or surrendered: an event has
  no field for them, so even one event's count of them is a tally;
- or it continues, with its source named and a perfect tense, a sentence that gave a period.
"""
from __future__ import annotations

from enum import StrEnum
from typing import Optional

from spacy.tokens import Span, Token

from ..text.lexmatch import Match, fold
from ..vocab import DatePrecision, TallyQuantity, Trigger
from . import periods
from .figures import Figure
from .quantities import Quantity, is_weapon_launch
from .scope import source

# what befalls people that no event field holds: their count is a tally even for one event
NO_EVENT_FIELD = {TallyQuantity.ARRESTED, TallyQuantity.DETAINED, TallyQuantity.ABDUCTED, TallyQuantity.DISPLACED,
                  TallyQuantity.DEPORTED, TallyQuantity.SURRENDERED}
PASSIVE = ("auxpass", "aux:pass")
TOLLS = {TallyQuantity.KILLED, TallyQuantity.INJURED}
ATTACKS = {Trigger.ATTACK, Trigger.CLASH, Trigger.AMBUSH, Trigger.AIR_STRIKE, Trigger.SHELLING, Trigger.EXPLOSION}


class Reason(StrEnum):
    """Why a figure is a tally."""
    NIGHT = "night"  # weapons launched over a night
    STRONG = "strong"  # its sentence gives a period or keeps a count
    STOCK = "stock"  # a standing figure
    CUMULATIVE = "cumulative"  # a war's or a movement's toll
    CONTINUED = "continued"  # it carries on the sentence before
    FATE = "fate"  # people arrested, displaced...: no event field holds them
    SPREAD = "spread"  # one toll for two places together


def is_tally(r, sent: Span, fig: Figure, qty: Quantity, strong: bool, continued: int) -> Optional[Reason]:
    """Why the figure is a tally, or None. `strong`: the sentence gives a period or keeps a count;
    `continued`: 1 when the sentence before gave a period, 2 when it gave a tally."""
    if is_weapon_launch(qty.label) and r.ctx.in_span(r.night, sent):
        return Reason.NIGHT
    if event_dated(r, sent):
        if cue_beside(r, sent, fig, qty):  # "the army struck a depot on Wednesday, where fighting has left 57 dead since Saturday"
            return Reason.STRONG
        if strong and cumulative_subject(r, fig):  # "... after four days of unrest that caused 210 deaths"
            return Reason.CUMULATIVE
        return Reason.FATE if fate_count(r, sent, fig, qty) else None
    if strong:
        return Reason.STRONG
    if r.ctx.in_span(r.stock, sent):
        return Reason.STOCK
    if cumulative_subject(r, fig):
        return Reason.CUMULATIVE
    if qty.label in TOLLS and (two_places(r, sent) or several_places(r, sent)):
        return Reason.SPREAD
    # "More than 220 people have been killed and some 60,000 displaced, according to official
    # figures", after a sentence that gave the period; after a tally, no source is needed
    if continued and (continued == 2 or source(r, sent, fig) is not None) and perfect(r, fig) \
            and not names_an_attack(r, sent):
        return Reason.CONTINUED
    return Reason.FATE if fate_count(r, sent, fig, qty) else None


def fate_count(r, sent: Span, fig: Figure, qty: Quantity) -> bool:
    """People displaced, whatever the sentence; people arrested, detained, abducted... when a
    perfect tells the count as it stands ("the ministry said 40 had been detained"): an event's
    arrests told as they happened ("police detained 12", "48 were detained") stay in its story.
    Where the lexicon names no perfect auxiliary (French, whose passé composé also tells what
    happened), only the displaced."""
    if qty.label == TallyQuantity.DISPLACED:
        return True
    return qty.label in NO_EVENT_FIELD and perfect(r, fig, any_tense=True) and not names_an_attack(r, sent)


def cue_beside(r, sent: Span, fig: Figure, qty: Quantity) -> bool:
    """A period cue right after the counted words ("57 morts depuis samedi") or right before the
    figure ("since the coup, 830 killed"): the period is the figure's own, whatever day another
    clause of the sentence dates."""
    doc = r.ctx.doc
    end = max(fig.end, qty.end)
    for c in period_cues(r, sent):
        gap = doc[end:c.start] if c.start >= end else doc[c.end:fig.start] if c.end <= min(fig.start, qty.start) else None
        if gap is not None and len(gap) <= 2 and not any(t.is_punct for t in gap):
            return True
    return False


def two_places(r, sent: Span) -> bool:
    """ "eleven deaths in Kano and Kaduna", "à Mopti et dans la région de Ségou": a toll given
    for two places joined by "and", which no single event's count covers."""
    doc = r.ctx.doc
    places = sorted((p for p in r.ctx.places if sent.start <= p.start < sent.end and p.place is not None
                     and p.country is None), key=lambda p: p.start)
    for a, b in zip(places, places[1:]):
        between = doc[a.end:b.start]
        if a.place != b.place and len(between) <= 6 and any(t.pos_ == "CCONJ" for t in between) \
                and not any(t.is_punct for t in between):
            return True
    return False


def several_places(r, sent: Span) -> bool:
    """ "in shelling on several villages", "sur plusieurs villages": a toll over several places."""
    doc, nouns = r.ctx.doc, r.ctx.tools.settlement_nouns
    return any(m.end < sent.end and (doc[m.end].lemma_.lower() in nouns or doc[m.end].lower_.rstrip("s") in nouns)
               for m in r.ctx.in_span(r.several, sent))


def period_cues(r, sent: Span) -> list[Match]:
    """The sentence's period cues ("since", "so far"), but not one that dates a comparison."""
    return [c for c in r.ctx.in_span(r.ctx.periods, sent) if not superlative_before(r, c)]


def superlative_before(r, cue: Match) -> bool:
    """ "the deadliest day since the protests began", "the first vote since...", "the first
    attack in two years", "le pire bilan depuis": the period dates a comparison, not a figure."""
    doc, lex = r.ctx.doc, r.lex
    for t in doc[max(doc[cue.start].sent.start, cue.start - 5):cue.start]:
        if t.tag_ == "JJS" or fold(t.text) in lex.superlatives \
                or (fold(t.text) in lex.superlative_adverbs and t.i + 1 < cue.start and doc[t.i + 1].pos_ == "ADJ"):
            return True
    return False


def event_dated(r, sent: Span) -> bool:
    """The sentence dates one day of its own ("on Tuesday", "yesterday", "on 3 May") that no
    period word introduces: its figures are that day's toll."""
    ctx = r.ctx
    doc = ctx.doc
    spans = [*ctx.in_span(r.night, sent), *ctx.in_span(ctx.periods, sent)]
    covered = [(doc[m.start].idx, doc[m.end - 1].idx + len(doc[m.end - 1]) + 12) for m in spans]
    between = periods.between_days(r, sent)  # "between March 3 and March 9": a period's bounds
    covered += [between] if between else []
    for t in ctx.times_in(sent.start, sent.end):
        if any(a <= t.start < b for a, b in covered):  # "overnight", "over the past week"
            continue
        found = ctx.tools.dates.resolve(t, ctx.published)
        if found is None or found.precision not in (DatePrecision.DAY, DatePrecision.WEEK):
            continue
        # "since 7 October", "depuis lundi": the start of the period, not the day of an event
        span = doc.char_span(t.start, t.end, alignment_mode="expand")
        near = doc[max(sent.start, span.start - 4):span.start].text.lower() if span is not None else ""
        before = r.ctx.article.text[max(sent.start_char, t.start - 80):t.start].lower() if t.kind == "explicit" else near
        if r.lex.periods.since_word.search(before):
            continue
        return True
    return False


def structural_period(r, sent: Span) -> bool:
    """ "during 2024", "between January and March", "three months of fighting", "over the
    past three months", "au cours des trois derniers mois"."""
    p, text = r.lex.periods, sent.text
    if p.year_period.search(text) or p.between.search(text) or p.spelled.search(text) or periods.between_days(r, sent):
        return True
    for m in p.duration.finditer(text):
        words = m.group(0).split(None, 1)[1] if " " in m.group(0) else ""  # after the opener
        if not p.duration_word.search(words):
            continue
        span = r.ctx.doc.char_span(sent.start_char + m.start(), sent.start_char + m.end(), alignment_mode="expand")
        if span is not None and not superlative_before(r, Match(span.start, span.end, "_", m.group(0))) \
                and not _in_relative(span[-1]):
            return True
    return False


def _in_relative(tok: Token) -> bool:
    """ "the siege, which lasted for more than 36 hours, ...": a duration inside a clause that
    describes a noun says how long that lasted, not what period a figure covers."""
    for _ in range(6):
        if tok.pos_ in ("VERB", "AUX") or tok.head.i == tok.i:
            return tok.dep_ in ("relcl", "acl:relcl")
        tok = tok.head
    return False


def names_an_attack(r, sent: Span) -> bool:
    """ "...killed by artillery fire on a district": the toll of an attack the sentence tells."""
    return any(m.label in ATTACKS for m in r.ctx.in_span(r.ctx.triggers, sent))


def perfect(r, fig: Figure, any_tense: bool = False) -> bool:
    """ "have been killed", "ont dû quitter", "have since been driven": a toll that has grown
    up to now, not a past day's ("eleven insurgents died"). Where the lexicon names perfect
    auxiliaries, one of them in the present; else any auxiliary. `any_tense`: a passive perfect
    in any tense ("had been detained", reported speech), and only where the lexicon names
    perfect auxiliaries."""
    tok = r.ctx.doc[fig.end - 1]
    for _ in range(6):
        if tok.pos_ in ("VERB", "AUX"):
            aux = [c for c in tok.children if c.dep_.startswith("aux")]
            # "some 60,000 people displaced": a participle coordinated with a perfect
            if not aux and tok.dep_ == "conj" and not any_tense:
                aux = [c for c in tok.head.children if c.dep_.startswith("aux")]
            perfects = r.lex.words.perfect_auxiliaries
            if any_tense:  # "have been detained": a passive perfect of the verb itself
                return any(c.lemma_ in perfects for c in aux) and any(c.dep_ in PASSIVE for c in aux)
            return any(c.lemma_ in perfects and _present(c) for c in aux) if perfects else bool(aux)
        if tok.head.i == tok.i:
            break
        tok = tok.head
    return False


def _present(tok: Token) -> bool:
    return tok.morph.get("Tense") == ["Pres"] and tok.morph.get("VerbForm") == ["Fin"]


def cumulative_subject(r, fig: Figure) -> bool:
    """The clause's subject is a war, a conflict, an insurgency, a movement: "the war has
    killed", "le conflit, qui a éclaté en 2009, a fait plus de 40 000 morts"."""
    tok = r.ctx.doc[fig.end - 1]
    for _ in range(8):
        if tok.pos_ in ("VERB", "AUX"):
            if any(c.dep_.startswith("nsubj") and _cumulative(r, c) for c in tok.children):
                return True
            if tok.dep_ in ("acl:relcl", "relcl") and _cumulative(r, tok.head):
                return True
        if tok.head.i == tok.i:
            break
        tok = tok.head
    return False


def _cumulative(r, tok: Token) -> bool:
    words = r.lex.cumulative
    if fold(tok.text) in words or fold(tok.lemma_) in words:
        return True
    # "un mouvement de protestation", "the war between the army and the RSF": look at the phrase
    return any(fold(c.text) in words or fold(c.lemma_) in words
               for c in tok.children if c.dep_ in ("compound", "amod", "nmod"))

