"""The parsed report: the article, its spaCy doc, and the look-ups every stage needs (sentences,
paragraphs, characters to tokens, evidence spans). Nothing is decided here.

Every look-up is indexed once per report (bisection over sentence and paragraph starts), so a stage that asks for the
sentence of each token, or the token at each character, pays the same per question in a 4 KB
report as in a 1 MB one.
"""
from __future__ import annotations

import bisect
import functools
import re
from typing import Iterable, Optional, Protocol, Sequence, TypeVar

from spacy.tokens import Doc, Span, Token

from .model import Article, Evidence
from .nlp import dateline_end


class Located(Protocol):
    start: int
    end: int


T = TypeVar("T", bound=Located)


class Document:
    """An article and its parsed doc, with indexed look-ups over both."""

    def __init__(self, article: Article, doc: Doc):
        self.article, self.doc = article, doc
        # The dateline ("KYIV, Jan 20 -", "BAMAKO (AFP) -") says where and when the report was
        # filed, not when anything happened.
        self.dateline_end = dateline_end(article.text)
        self.sentences: list[Span] = list(doc.sents)
        self._sentence_starts = [s.start for s in self.sentences]
        self.ents = doc.ents  # spaCy rebuilds the tuple at every call
        self._indexes: dict[tuple, tuple] = {}  # per list of matches: its look-up index and the list itself
        self._paragraph_starts = [0] + [m.end() for m in re.finditer(r"\n\s*\n", article.text)]
        # spaCy finds a token's sentence by scanning the doc; this one is a bisection.
        doc.user_token_hooks["sent"] = self._sent_of_token
        doc.user_span_hooks["sent"] = self._sent_of_span

    # --- sentences and paragraphs --------------------------------------------------------------
    def sentence_number(self, token: int) -> int:
        """The number of the sentence a token stands in."""
        return bisect.bisect_right(self._sentence_starts, token) - 1

    @property
    def sentence_of(self) -> "_SentenceOf":
        """Token index -> the number of its sentence, as a mapping (`ctx.sentence_of[i]`)."""
        return _SentenceOf(self)

    def _sent_of_token(self, token: Token) -> Span:
        return self.sentences[self.sentence_number(token.i)]

    def _sent_of_span(self, span: Span) -> Span:
        return self.sentences[self.sentence_number(span.start)]

    def paragraph_of(self, token: int) -> int:
        """The number of the paragraph a token stands in (paragraphs are split by blank lines)."""
        return bisect.bisect_right(self._paragraph_starts, self.doc[token].idx) - 1

    # --- characters and tokens -----------------------------------------------------------------
    def tokens_of(self, start: int, end: int) -> range:
        """The tokens that characters [start, end) touch (spaCy's "expand" alignment)."""
        span = self.doc.char_span(start, end, alignment_mode="expand")
        return range(span.start, span.end) if span is not None else range(0)

    def token_at(self, char: int) -> int:
        """The token at a character offset, or the one after it when it falls between tokens (0
        when there is none)."""
        span = self.doc.char_span(char, char + 1, alignment_mode="expand")
        return span.start if span is not None else 0

    def in_span(self, matches: Sequence[T], span: Span | range, by: str = "start") -> list[T]:
        """The matches whose `by` token ("start", or "head" for actor mentions) lies inside a
        token span, in their list's order."""
        lo, hi = (span.start, span.end) if isinstance(span, Span) else (span.start, span.stop)
        if len(matches) < 16:
            return [m for m in matches if lo <= getattr(m, by) < hi]
        return [matches[k] for k in sorted(self._positions(matches, lo, hi, by))]

    def in_paragraphs(self, matches: Sequence[T], paragraphs: Iterable[int], by: str = "start") -> list[T]:
        """The matches whose `by` token stands in one of `paragraphs`, in their list's order."""
        if len(matches) < 16:
            wanted = set(paragraphs)
            return [m for m in matches if self.paragraph_of(getattr(m, by)) in wanted]
        spans = [self.paragraph_tokens(p) for p in set(paragraphs)]
        chosen = [k for t in spans for k in self._positions(matches, t.start, t.stop, by)]
        return [matches[k] for k in sorted(chosen)]

    def _positions(self, matches: Sequence[T], lo: int, hi: int, by: str) -> list[int]:
        """The positions in `matches` of those whose `by` token lies in [lo, hi), by bisection."""
        positions, keys = self._index(matches, by)
        return positions[bisect.bisect_left(keys, lo):bisect.bisect_left(keys, hi)]

    def paragraph_tokens(self, paragraph: int) -> range:
        """The tokens of a paragraph."""
        starts = self._paragraph_token_starts
        if not 0 <= paragraph < len(starts):
            return range(0)
        return range(starts[paragraph], starts[paragraph + 1] if paragraph + 1 < len(starts) else len(self.doc))

    @functools.cached_property
    def _paragraph_token_starts(self) -> list[int]:
        chars = [t.idx for t in self.doc]
        return [bisect.bisect_left(chars, c) for c in self._paragraph_starts]

    def covering(self, matches: Sequence[T], token: int) -> list[T]:
        """The matches whose token span [start, end) holds `token`, in their list's order."""
        key = ("covering", id(matches), len(matches))
        found = self._indexes.get(key)
        if found is None or found[0] is not matches:
            by_token: dict[int, list[T]] = {}
            for m in matches:
                for i in range(m.start, m.end):
                    by_token.setdefault(i, []).append(m)
            found = (matches, by_token)
            self._indexes[key] = found
        return found[1].get(token, [])

    def _index(self, matches: Sequence[T], by: str) -> tuple[list[int], list[int]]:
        """A list's positions sorted by their `by` token, and those tokens: built once per list."""
        key = (by, id(matches), len(matches))
        found = self._indexes.get(key)
        if found is None or found[0] is not matches:  # the list itself is kept, so its id stays its own
            positions = sorted(range(len(matches)), key=lambda k: getattr(matches[k], by))
            found = (matches, (positions, [getattr(matches[k], by) for k in positions]))
            self._indexes[key] = found
        return found[1]

    # --- evidence ------------------------------------------------------------------------------
    def evidence(self, field_name: str, start_tok: int, end_tok: int) -> Evidence:
        span = self.doc[start_tok:end_tok]
        return Evidence(field=field_name, start=span.start_char, end=span.end_char, text=span.text)

    def char_evidence(self, field_name: str, start: int, end: int) -> Evidence:
        return Evidence(field=field_name, start=start, end=end, text=self.article.text[start:end])

    def char_range(self, start_tok: int, end_tok: int) -> tuple[int, int]:
        """The characters a token span covers."""
        last = self.doc[end_tok - 1]
        return self.doc[start_tok].idx, last.idx + len(last)


class _SentenceOf:
    """A read-only mapping from token index to sentence number, answered by bisection."""

    def __init__(self, document: Document):
        self._document = document

    def __getitem__(self, token: int) -> int:
        if not 0 <= token < len(self._document.doc):
            raise KeyError(token)
        return self._document.sentence_number(token)

    def get(self, token: int, default: Optional[int] = None) -> Optional[int]:
        try:
            return self[token]
        except KeyError:
            return default
