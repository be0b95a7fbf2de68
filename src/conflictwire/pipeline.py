"""The extraction pipeline: reports in, `Extraction`s (article, events, statements, tallies) out.

A report goes through four stages, and a failure names the one it stopped at: "read" (the
readers in `conflictwire.ingest`), "language" (detected or given, it must have a pipeline),
"nlp" (spaCy) and "extract" (events, statements, tallies).

`Extractor` is built once with what it needs (pipelines and lexicons per language, the gazetteer,
the actor dictionary), then called on many reports; spaCy runs with `nlp.pipe` over each
language's batch. `extract(text)` is the front door for one string: it reuses one Extractor.
"""
from __future__ import annotations

import datetime as dt
import functools
from typing import Iterable, Iterator, Optional

from .events.claims import link_claims
from .context import DocContext, LanguageTools
from .errors import Failure, InputError, ModelError
from .events.extractor import EventExtractor
from .statements.extractor import StatementExtractor
from .tallies.extractor import TallyExtractor
from .ingest import LanguageDetector, Report
from .ingest.readers import check_date
from .knowledge import SUPPORTED_LANGUAGES
from .model import Article, Extraction
from .nlp import ModelMissing, parse
from .resolve.dates import Published
from .gazetteer.query import Gazetteer, default_gazetteer

ON_ERROR = ("collect", "raise")


def unsupported(language: Optional[str]) -> str:
    """Why a language is refused, and how to say which language a report is in."""
    return (f"language {language or 'unknown'!r} is not supported (supported: {', '.join(SUPPORTED_LANGUAGES)}); "
            "if the report is in one of those, say so: --language on the command line, language= in Python")


class Extractor:
    """`batch_size` reports go through spaCy together: a batch's documents and the network's
    activations are held at once, so eight keeps the peak under 500 MB with both languages loaded
    at no cost in speed (benchmarks/bench_memory.py).

    `on_error="collect"` (the default) yields a `Failure` for a report that fails and goes on;
    `on_error="raise"` raises the failure's own exception instead, traceback and all, for
    whoever is debugging a stage."""

    def __init__(self, language: Optional[str] = None, actors_file: Optional[str] = None,
                 gazetteer: Optional[Gazetteer] = None, batch_size: int = 8, on_error: str = "collect"):
        if language is not None and language not in SUPPORTED_LANGUAGES:
            raise InputError(unsupported(language))
        if on_error not in ON_ERROR:
            raise ValueError(f"on_error={on_error!r}: use one of {', '.join(map(repr, ON_ERROR))}")
        self.language = language
        self.actors_file = actors_file
        self.batch_size = batch_size
        self.on_error = on_error
        self._gazetteer = gazetteer
        self._tools: dict[str, LanguageTools] = {}
        self._detector: Optional[LanguageDetector] = None

    @property
    def gazetteer(self) -> Gazetteer:
        if self._gazetteer is None:
            self._gazetteer = default_gazetteer()
        return self._gazetteer

    def tools(self, language: str) -> LanguageTools:
        if language not in self._tools:
            try:
                self._tools[language] = LanguageTools.build(language, self.actors_file)
            except ModelMissing as exc:
                raise ModelError(str(exc)) from exc
        return self._tools[language]

    def article(self, report: Report) -> Article | Failure:
        language = self.language or report.language
        if language is None:
            if self._detector is None:
                self._detector = LanguageDetector()
            language = self._detector.detect(report.text)
        if language not in SUPPORTED_LANGUAGES:
            return Failure.bad_input(report.source, unsupported(language), "language")
        return Article.create(report.text, language, source_path=report.source_path, url=report.url,
                              title=report.title, published=report.published, outlet=report.outlet)

    def extract_article(self, article: Article, doc=None) -> Extraction:
        tools = self.tools(article.language)
        doc = doc if doc is not None else next(parse(tools.nlp, [article.text]))
        ctx = DocContext(article, doc, tools, self.gazetteer, Published.parse(article.published))
        events, statements = EventExtractor(ctx).run(), StatementExtractor(ctx).run()
        link_claims(events, statements, tools.actors.lex.group_actors)
        return Extraction(article=article, events=events, statements=statements, tallies=TallyExtractor(ctx).run())

    def run(self, items: Iterable[Report | Failure]) -> Iterator[Extraction | Failure]:
        """Extract every report, in batches per language. A report that fails (or a Failure the
        readers passed on) is yielded as a Failure, or raised under on_error="raise"."""
        batch: list[Article] = []
        for item in items:
            article = item if isinstance(item, Failure) else self.article(item)
            if isinstance(article, Failure):
                yield self._failed(article)
                continue
            batch.append(article)
            if len(batch) >= self.batch_size:
                yield from self._flush(batch)
                batch = []
        yield from self._flush(batch)

    def _failed(self, failure: Failure) -> Failure:
        if self.on_error == "raise" and failure.error is not None:
            raise failure.error  # the stage's own exception: its traceback still points at the fault
        return failure

    def _flush(self, batch: list[Article]) -> Iterator[Extraction | Failure]:
        for language in sorted({a.language for a in batch}):
            group = [a for a in batch if a.language == language]
            # A missing model or a bad data file concerns every report, not one: it is raised.
            nlp = self.tools(language).nlp
            for article, doc in self._parsed(nlp, group):
                yield self._failed(doc) if isinstance(doc, Failure) else self._extracted(article, doc)

    def _parsed(self, nlp, group: list[Article]) -> Iterator[tuple[Article, object]]:
        """Each article with its spaCy document; if spaCy breaks down, the articles it had not
        given back yet come with a Failure of stage "nlp" instead."""
        done = 0
        try:
            for doc in parse(nlp, [a.text for a in group], self.batch_size):
                yield group[done], doc
                done += 1
        except Exception as exc:  # spaCy's failure must not take the other languages' reports with it
            for article in group[done:]:
                yield article, Failure(source_of(article), f"language analysis failed: {type(exc).__name__}: {exc}", "nlp", exc)

    def _extracted(self, article: Article, doc) -> Extraction | Failure:
        try:
            return self.extract_article(article, doc)
        except Exception as exc:  # one bad report must not stop the batch
            return self._failed(Failure(source_of(article), f"extraction failed: {type(exc).__name__}: {exc}", "extract", exc))


def source_of(article: Article) -> str:
    return article.source_path or article.article_id


@functools.cache
def shared_extractor() -> Extractor:
    """The one Extractor behind `extract`: pipelines, lexicons and the gazetteer load once."""
    return Extractor()


def extract(text: str, language: Optional[str] = None, published: Optional[str | dt.date] = None,
            title: Optional[str] = None) -> Extraction:
    """The events, statements and tallies of one report.

    `language` is "en" or "fr" (detected when None); `published` is the report's date
    (YYYY-MM-DD, YYYY-MM or YYYY, or a date), which relative dates ("on Monday") count from.
    Raises InputError for text it cannot take, ExtractionError when a stage fails on it, and
    GazetteerError when no gazetteer was built (`conflictwire gazetteer build`)."""
    result = next(shared_extractor().run([report_of(text, language, published, title)]))
    if isinstance(result, Failure):
        raise result.exception()
    return result


def report_of(text: str, language: Optional[str], published: Optional[str | dt.date], title: Optional[str]) -> Report:
    """The front door's arguments as a Report, or an InputError saying what to pass instead."""
    if not isinstance(text, str):
        raise InputError(f"extract() takes the report's text as a str, not {type(text).__name__}; "
                         "to read files, use read_inputs() with an Extractor")
    if not text.strip():
        raise InputError("the text is empty: pass the body of a news report")
    if language is not None and language not in SUPPORTED_LANGUAGES:
        raise InputError(unsupported(language))
    if isinstance(published, dt.date):
        published = published.isoformat()[:10]
    elif published is not None:
        try:
            published = check_date(str(published))
        except InputError as exc:
            raise InputError(f"published={published!r}: {exc}") from None
    return Report(source="<text>", text=text, title=title, published=published, language=language)
