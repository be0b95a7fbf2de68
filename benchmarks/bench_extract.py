"""Reports per second: full extraction against bare `nlp.pipe` with the same model on the same texts.

    .venv/bin/python benchmarks/bench_extract.py [PATHS...]   (default: tests/data/gold and examples)

The stages around spaCy should stay cheap: the aim is a ratio of at least 0.7.
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

from conflictwire.ingest import Report, read_inputs
from conflictwire.pipeline import Extractor

ROOT = Path(__file__).resolve().parents[1]
REPEAT = 3


def main(paths: list[str]) -> None:
    extractor = Extractor()
    reports = [r for r in read_inputs(paths or [str(ROOT / "tests/data/gold"), str(ROOT / "examples")]) if isinstance(r, Report)]
    articles = [a for a in map(extractor.article, reports) if hasattr(a, "text")] * REPEAT
    languages = sorted({a.language for a in articles})
    for lang in languages:  # load models, lexicons and the gazetteer outside the timings
        extractor.tools(lang)
    extractor.gazetteer
    list(extractor.run(reports[:2]))

    start = time.perf_counter()
    for lang in languages:
        nlp = extractor.tools(lang).nlp
        for _ in nlp.pipe(a.text for a in articles if a.language == lang):
            pass
    bare = time.perf_counter() - start

    start = time.perf_counter()
    results = list(extractor.run(reports * REPEAT))
    full = time.perf_counter() - start

    n = len(articles)
    print(f"reports: {n} ({', '.join(languages)}), {sum(len(a.text) for a in articles) / n:.0f} characters on average")
    print(f"bare nlp.pipe:   {n / bare:7.1f} reports/s")
    print(f"full extraction: {n / full:7.1f} reports/s  ({sum(len(getattr(r, 'events', [])) for r in results)} events)")
    print(f"ratio full/bare: {bare / full:.2f}  (aim: >= 0.70)")


if __name__ == "__main__":
    main(sys.argv[1:])
