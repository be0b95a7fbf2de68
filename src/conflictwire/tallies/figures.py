"""Figures: the numbers of a sentence that may count something, as reports write them.

In digits ("1 200", "4,000", "1,5 million"), in words ("ten", "deux millions", "vingt et un",
"a million", "half a million") or as round amounts ("une centaine", "a dozen"). Left out: numbers
inside a date, magnitudes ("tens of thousands", "des dizaines de milliers"), measures ("30 km",
"aged 25"), days of a month ("le 12 mars") and numbers the reader already knows ("the two attacks").
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from spacy.tokens import Span, Token
from text_to_num import text2num

from ..text.lexmatch import fold
from ..text.numbers import DIGITS, digits_value
from .periods import between_days

CURRENCIES = ("$", "€", "£", "US$")


@dataclass
class Figure:
    start: int  # token span of the number phrase
    end: int
    value: int
    approx: bool = False  # "une centaine", "a dozen"


def figures(r, sent: Span) -> list[Figure]:
    """The sentence's figures, left to right."""
    doc, lex = r.ctx.doc, r.lex
    out: list[Figure] = []
    days = between_days(r, sent) or (0, 0)  # "entre le 2 et le 9 mars": days, not figures
    i = sent.start
    while i < sent.end:
        if i in r.in_date or days[0] <= doc[i].idx < days[1]:
            i += 1
            continue
        if doc[i].lower_ in lex.vague_plurals:  # "tens of thousands", "des dizaines de milliers": skip the whole amount
            i += 1
            while i + 1 < sent.end and fold(doc[i].text) in lex.of and doc[i + 1].lower_ in lex.vague_plurals:
                i += 2
            continue
        fig = vague_at(r, i, sent) or digits_at(r, i, sent) or words_at(r, i, sent)
        if fig is None:
            i += 1
            continue
        if not measures_something_else(r, fig, sent) and not next_to_month(r, fig, sent) and not vaguely(r, fig):
            out.append(fig)
        i = fig.end
    return out


def vague_at(r, i: int, sent: Span) -> Optional[Figure]:
    """ "une centaine", "a dozen", "two dozen": a round amount, counted as ACLED does."""
    doc, folded, lex, vague = r.ctx.doc, r.folded, r.lex, r.ctx.tools.vague_numbers
    if folded[i] not in lex.vague_starts:
        return None
    for n in (3, 2, 1):
        if i + n > sent.end:
            continue
        value = vague.get(" ".join(folded[i:i + n]))
        last = folded[i + n - 1]
        if value is None or value < 10 or last in lex.vague_plurals or (n == 1 and last in lex.ones):
            continue
        if n == 1 and i > sent.start and folded[i - 1] in lex.of_or_article:
            continue  # "des centaines", "dozens of": a magnitude
        end = i + n
        # "une centaine de milliers" -> a hundred thousand
        if end + 1 < sent.end and fold(doc[end].text) in lex.of and doc[end + 1].lower_ in r.lex.multipliers:
            value *= r.lex.multipliers[doc[end + 1].lower_]
            end += 2
        return Figure(i, end, int(value), approx=True)
    return None


def digits_at(r, i: int, sent: Span) -> Optional[Figure]:
    """ "1 200", "4,000", "1,5 million", "10 million", "12"; not a year."""
    doc = r.ctx.doc
    text = doc[i].text
    if not DIGITS.match(text.replace("\u202f", " ").replace("\u00a0", " ")):
        return None
    value = digits_value(text)
    if value is None:
        return None
    j = i + 1
    # thousands written with a space, split by the tokenizer: "1" "000", "168" "000"
    if re.match(r"^\d{1,3}$", text):
        while j < sent.end and re.match(r"^\d{3}$", doc[j].text) and doc[j - 1].whitespace_:
            value = value * 1000 + int(doc[j].text)
            j += 1
    if j < sent.end and doc[j].lower_ in r.lex.multipliers:
        value *= r.lex.multipliers[doc[j].lower_]
        j += 1
    elif len(text) == 4 and text.isdigit() and 1900 <= int(text) <= 2100 and j == i + 1:
        return None  # a year
    if value != int(value):
        return None
    return Figure(i, j, int(value))


def words_at(r, i: int, sent: Span) -> Optional[Figure]:
    """ "ten", "deux millions", "plus d'un demi-million", "vingt et un", "a million"."""
    doc, lex = r.ctx.doc, r.lex
    tok = doc[i]
    if fold(tok.text) in lex.ones:  # "un million", "a million", "un demi-million"
        if i + 1 < sent.end and doc[i + 1].lower_ in r.lex.multipliers:
            return Figure(i, i + 2, r.lex.multipliers[doc[i + 1].lower_])
        return None
    fraction = _fraction_at(r, i, sent)
    if fraction:
        return fraction
    if not (tok.like_num and tok.is_alpha or (tok.like_num and "-" in tok.text and not _has_digit(tok))):
        return None
    j = i + 1
    while j < sent.end and ((doc[j].like_num and not _has_digit(doc[j]))
                            or (doc[j].lower_ in lex.connectors and j + 1 < sent.end and doc[j + 1].like_num
                                and not _has_digit(doc[j + 1]))):
        j += 1
    while j > i:  # the longest run of words that reads as a number
        try:
            value = int(text2num(" ".join(t.text.lower() for t in doc[i:j]), r.ctx.tools.language))
        except (ValueError, TypeError):
            j -= 1
            continue
        if value < 2 and j == i + 1:
            return None
        if j < sent.end and doc[j].lower_ in r.lex.multipliers and value < 1000:  # "deux millions", "twelve million"
            value *= r.lex.multipliers[doc[j].lower_]
            j += 1
        return Figure(i, j, value)
    return None


def _has_digit(tok: Token) -> bool:
    return any(c.isdigit() for c in tok.text)


def _fraction_at(r, i: int, sent: Span) -> Optional[Figure]:
    """ "half a million": a fraction of a multiplier, spelled out (the lexicon's `fractions`)."""
    for words, value in r.lex.fractions:
        if i + len(words) <= sent.end and tuple(r.folded[i:i + len(words)]) == words:
            return Figure(i, i + len(words), value)
    return None


def next_to_month(r, fig: Figure, sent: Span) -> bool:
    """ "Oct 11 -", "le 12 mars": a day of the month, even where no date was found."""
    doc, lex = r.ctx.doc, r.lex

    def month(tok: Token) -> bool:
        return fold(tok.text).rstrip(".") in lex.months and (tok.text[:1].isupper() or not lex.words.months_capitalised)
    return (fig.start > sent.start and month(doc[fig.start - 1])) or (fig.end < sent.end and month(doc[fig.end]))


def measures_something_else(r, fig: Figure, sent: Span) -> bool:
    """ "30 km", "two years ago", "25 %", "$300", "aged 25", "20-year-old"; and "the two attacks",
    "les 300 manifestants": a number the reader already knows, not a figure."""
    doc, units = r.ctx.doc, r.lex.units
    after = fig.end + (1 if fig.end + 1 < sent.end and doc[fig.end].text == "-" else 0)  # "63-year-old"
    if after + 1 < sent.end and fold(doc[after].text) in r.lex.of:  # "une vingtaine de kilomètres"
        after += 1
    if after < sent.end and (fold(doc[after].text) in units or fold(doc[after].lemma_) in units
                             or fold(doc[after:min(after + 2, sent.end)].text) in units):  # "per cent"
        return True
    before = doc[fig.start - 1] if fig.start > sent.start else None
    if before is not None and fold(before.text) in r.lex.definites:
        return True
    return before is not None and (before.text in CURRENCIES or fold(before.text) in units)


def vaguely(r, fig: Figure) -> bool:
    """ "several hundred villagers", "plusieurs centaines": a magnitude, not a figure."""
    return any(m.end == fig.start for m in r.several)
