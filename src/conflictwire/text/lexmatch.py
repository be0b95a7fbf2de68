"""Find lexicon phrases in a parsed document, by surface form or by lemma.

A phrase index is compiled once per lexicon section and language; matching a document is one pass
over its tokens with a dictionary look-up per token, so it stays cheap next to the spaCy pipeline.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Mapping

from spacy.tokens import Doc

from .normalize import fold


@dataclass(frozen=True)
class Match:
    start: int  # token index in the doc
    end: int
    label: str
    phrase: str


class TokenKeys:
    """The two keys every token can match by, computed once per document."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self.text = [t.text.replace("’", "'") for t in doc]
        self.lower = [fold(t.text) for t in doc]
        self.lemma = [fold(t.lemma_) for t in doc]


class PhraseIndex:
    """Lexicon phrases, tokenised by the language's own tokenizer, indexed by their first word."""

    def __init__(self, tokenizer, table: Mapping[str, Iterable[str]]):
        self.first: dict[str, list[tuple[tuple[str, ...], str, str]]] = {}
        for label, phrases in table.items():
            for phrase in phrases:
                phrase = str(phrase)
                words = tuple(fold(t.text) for t in tokenizer(phrase))
                if words:
                    self.first.setdefault(words[0], []).append((words, label, phrase))
        # Acronyms ("US", "IS", "EI") match only in capitals, so that "us" and "is" do not.
        self.exact = {p for opts in self.first.values() for _, _, p in opts if p.isupper() and len(p) <= 6}
        for options in self.first.values():
            options.sort(key=lambda o: -len(o[0]))

    def __bool__(self) -> bool:
        return bool(self.first)

    def find(self, keys: TokenKeys, start: int = 0, end: int | None = None) -> list[Match]:
        """Longest matches, left to right, not overlapping."""
        end = len(keys.lower) if end is None else end
        found, i = [], start
        while i < end:
            m = self.match_at(keys, i, end)
            if m:
                found.append(m)
                i = m.end
            else:
                i += 1
        return found

    def match_at(self, keys: TokenKeys, i: int, end: int) -> Match | None:
        lower, lemma, first = keys.lower[i], keys.lemma[i], self.first
        if lower not in first and lemma not in first:  # most tokens start no phrase
            return None
        best = None
        for key in (lower,) if lower == lemma else (lower, lemma):
            for words, label, phrase in self.first.get(key, ()):
                n = len(words)
                if i + n <= end and (best is None or n > best.end - best.start) and all(
                    w == keys.lower[i + k] or w == keys.lemma[i + k] for k, w in enumerate(words)
                ) and (phrase not in self.exact or keys.text[i].isupper()):
                    best = Match(i, i + n, label, phrase)
        return best


def flat(words: Iterable[str]) -> dict[str, list[str]]:
    """A plain word list as a one-label table."""
    return {"_": list(words)}
