"""The extraction pipeline: reports in, `Extraction`s (article, events, statements, tallies) out.

Built once with what it needs (pipelines and lexicons per language, the gazetteer, the actor
dictionary), then called on many reports. spaCy runs with `nlp.pipe` over each language's batch.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Iterator, Optional

from .events.claims import link_claims
from .context import DocContext, LanguageTools
from .events.extractor import EventExtractor
from .statements.extractor import StatementExtractor
from .tallies.extractor import TallyExtractor
from .ingest import InputError, LanguageDetector, Report
from .knowledge import SUPPORTED_LANGUAGES
from .model import Article, Extraction
from .resolve.dates import Published
from .gazetteer.query import Gazetteer, default_gazetteer


@dataclass
class Failure:
    """A report that could not be extracted, and why."""
    source: str
    reason: str

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"


class Extractor:
    """`batch_size` reports go through spaCy together: a batch's documents and the network's
    activations are held at once, so eight keeps the peak under 500 MB with both languages loaded
    at no cost in speed (benchmarks/bench_memory.py)."""

    def __init__(self, language: Optional[str] = None, actors_file: Optional[str] = None,
                 gazetteer: Optional[Gazetteer] = None, batch_size: int = 8):
        if language is not None and language not in SUPPORTED_LANGUAGES:
            raise ValueError(f"language {language!r} is not supported; use one of {', '.join(SUPPORTED_LANGUAGES)}")
        self.language = language
        self.actors_file = actors_file
        self.batch_size = batch_size
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
            self._tools[language] = LanguageTools.build(language, self.actors_file)
        return self._tools[language]

    def article(self, report: Report) -> Article | Failure:
        language = self.language or report.language
        if language is None:
            if self._detector is None:
                self._detector = LanguageDetector()
            language = self._detector.detect(report.text)
        if language not in SUPPORTED_LANGUAGES:
            return Failure(report.source, f"language {language or 'unknown'!r} is not supported (supported: {', '.join(SUPPORTED_LANGUAGES)}); use --language to override")
        return Article.create(report.text, language, source_path=report.source_path, url=report.url,
                              title=report.title, published=report.published)

    def extract_article(self, article: Article, doc=None) -> Extraction:
        tools = self.tools(article.language)
        doc = doc if doc is not None else tools.nlp(article.text)
        ctx = DocContext(article, doc, tools, self.gazetteer, Published.parse(article.published))
        events, statements = EventExtractor(ctx).run(), StatementExtractor(ctx).run()
        link_claims(events, statements, tools.actors.lex.group_actors)
        return Extraction(article=article, events=events, statements=statements, tallies=TallyExtractor(ctx).run())

    def run(self, items: Iterable[Report | InputError]) -> Iterator[Extraction | Failure | InputError]:
        """Extract every report, in batches per language; failures are yielded, not raised."""
        batch: list[Article] = []
        for item in items:
            if isinstance(item, InputError):
                yield item
                continue
            article = self.article(item)
            if isinstance(article, Failure):
                yield article
                continue
            batch.append(article)
            if len(batch) >= self.batch_size:
                yield from self._flush(batch)
                batch = []
        yield from self._flush(batch)

    def _flush(self, batch: list[Article]) -> Iterator[Extraction | Failure]:
        for language in sorted({a.language for a in batch}):
            group = [a for a in batch if a.language == language]
            nlp = self.tools(language).nlp
            for article, doc in zip(group, nlp.pipe(a.text for a in group)):
                try:
                    yield self.extract_article(article, doc)
                except Exception as exc:  # one bad report must not stop the batch
                    yield Failure(article.source_path or article.article_id, f"extraction failed: {type(exc).__name__}: {exc}")
