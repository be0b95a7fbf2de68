"""The killed and injured counts a clause reports (its numbers are read in numbers.py).

"Trois soldats ont été blessés", "killing 10 soldiers", "faisant une dizaine de morts",
"a dozen people were wounded", "no casualties were reported".
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from spacy.tokens import Span, Token

from ..text.lexmatch import Match
from ..text.numbers import number_value, phrase_value
from ..vocab import HURT, Casualty
from .places import is_of

NUMBER_DEPS = {"nummod", "num", "quantmod", "det", "nmod", "compound", "amod"}


@dataclass
class Count:
    value: int
    kind: str  # Casualty.KILLED or Casualty.INJURED
    start: int  # token span of the evidence
    end: int
    number: int = -1  # the token that gives the count


def count_near(word: Token, vague: dict[str, int], language: str, people: frozenset = frozenset()) -> Optional[tuple[int, Token]]:
    """The number that counts the people a casualty word is about."""
    candidates = [word]
    # whom an active verb hit before who hit ("a bomb killed two guards"): its object first
    arguments = [c for c in word.children if c.dep_ in ("nsubj", "nsubj:pass", "nsubjpass", "obj", "dobj", "appos", "obl:arg")]
    candidates += sorted(arguments, key=lambda c: c.dep_ not in ("obj", "dobj"))
    if word.dep_ in ("amod", "acl", "acl:relcl") or word.pos_ in ("ADJ",):
        candidates.append(word.head)
    # "the deaths of three soldiers", "claimed the lives of two people"
    candidates += [g for c in word.children if c.dep_ == "prep" and is_of(c) for g in c.children if g.dep_ == "pobj"]
    if word.dep_ in ("obj", "dobj"):  # "ont coûté la vie à une femme": whom the phrase's verb names
        candidates += [c for c in word.head.children if c.dep_ in ("obl:arg", "iobj", "dative")]
    for c in candidates:
        if c.pos_ == "PRON" and c.dep_.startswith("nsubj") and c.morph.get("Number") == ["Sing"] and c.morph.get("Person") == ["3"]:
            return 1, c  # "he died at the scene", "elle a été blessée"
        own = own_number(c, vague, language)
        if own is None and c is not word and c.like_num:  # "trois des miliciens sont morts": the number is the subject
            value = number_value(c, vague, language)
            own = (value, c) if value is not None else None
        if own is not None:
            # "4 militiamen and 3 militants were killed": the counts of coordinated nouns add up
            # (not "deux morts et sept blessés": the casualty word's own conjuncts count other casualties)
            more = (own_number(n, vague, language) for n in c.conjuncts if n.i > c.i and c is not word)
            return own[0] + sum(m[0] for m in more if m is not None), own[1]
        window = list(c.doc[max(c.sent.start, c.i - 4):c.i])
        if window:
            found = phrase_value(window, vague, language)
            if found:
                return found
    # "3 killed", "killing 2": a bare number right before or after the word
    for j in (word.i - 1, word.i + 1):
        if 0 <= j < len(word.doc) and word.doc[j].like_num:
            value = number_value(word.doc[j], vague, language)
            if value is not None:
                return value, word.doc[j]
    # "killing the driver", "blessant son fils": one person (`people`: the tokens of the report's
    # actors), named by a singular noun
    for c in candidates[1:]:
        if c.i in people and c.pos_ == "NOUN" and c.morph.get("Number") == ["Sing"] \
                and any(d.dep_ in ("det", "poss", "nmod:poss") for d in c.children):
            return 1, c
    return None


def own_number(noun: Token, vague: dict[str, int], language: str) -> Optional[tuple[int, Token]]:
    """The number written before a noun and attached to it ("12 soldiers", "trois civils")."""
    for child in noun.children:
        if child.dep_ in NUMBER_DEPS and child.i < noun.i:
            value = number_value(child, vague, language)
            if value is not None:
                return value, child
    return None


def casualty_counts(span: Span, matches, vague: dict[str, int], language: str, people: frozenset = frozenset()) -> list[Count]:
    """Killed and injured counts whose casualty word lies in `span`."""
    counts = []
    for m in matches:
        if m.label not in HURT or not (span.start <= m.start < span.end):
            continue
        word = span.doc[m.end - 1]
        found = count_near(word, vague, language, people)
        if found is None:
            continue
        value, num = found
        lo, hi = min(num.i, m.start), max(num.i + 1, m.end)
        counts.append(Count(value, m.label, lo, hi, num.i))
    return counts


def coded_count(doc, m: Match, vague: dict[str, int], language: str) -> Optional[Count]:
    """The count a report says it codes: the first number after "Fatalities coded as", or the
    one in brackets after "Fatalities split over 2 locations"."""
    sent_end = doc[m.start].sent.end
    after = doc[m.end:sent_end]
    if m.label == "in_brackets":
        opened = [t.i for t in after if t.text == "("]
        after = doc[opened[0] + 1:sent_end] if opened else doc[0:0]
    for t in after:
        if t.text in (")", "("):
            break
        value = number_value(t, vague, language) if t.like_num else None
        if value is not None:
            return Count(value, Casualty.KILLED, m.start, t.i + 1, t.i)
    return None
