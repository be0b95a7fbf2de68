"""What the store adds to extraction: N reports extracted, then stored and merged into a fresh
SQLite store, each timed on its own (`conflictwire ingest` does the one then the other, report
by report). The aim: storing adds at most 15% to the time extraction takes.

    .venv/bin/python benchmarks/bench_ingest.py [N] [--db URL]     (default: 2000 reports, a temporary SQLite file)

The reports are the corpus's, copied with their publication date moved on by a day per copy (so
"on Tuesday" lands on other days and the copies are other events) and a line of their own (so
each is a new text).
"""
from __future__ import annotations

import argparse
import datetime as dt
import tempfile
import time
from pathlib import Path

from conflictwire.ingest import Report, read_inputs
from conflictwire.model import Extraction
from conflictwire.pipeline import Extractor
from conflictwire.store import Store

ROOT = Path(__file__).resolve().parents[1]


def reports(n: int) -> list[Report]:
    base = [r for r in read_inputs([str(ROOT / "tests/data/gold")]) if isinstance(r, Report)]
    out = []
    for k in range(n):
        r = base[k % len(base)]
        copy = k // len(base)
        published = r.published
        if published and len(published) >= 10:
            published = (dt.date.fromisoformat(published[:10]) + dt.timedelta(days=copy)).isoformat()
        out.append(Report(source=f"{r.source}#{copy}", text=f"{r.text}\n\nFile {copy}.", title=r.title,
                          published=published, language=r.language, source_path=f"{r.source_path}#{copy}",
                          outlet=r.outlet))
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("n", nargs="?", type=int, default=2000)
    parser.add_argument("--db", default=None)
    args = parser.parse_args()
    items = reports(args.n)
    extractor = Extractor()
    list(extractor.run(items[:2]))  # models, lexicons and the gazetteer load outside the timings
    start = time.perf_counter()
    results = [r for r in extractor.run(items) if isinstance(r, Extraction)]
    extraction = time.perf_counter() - start
    with tempfile.TemporaryDirectory() as folder:
        with Store(args.db or str(Path(folder) / "bench.db")) as store:
            start = time.perf_counter()
            for r in results:
                store.add(r)
            storing = time.perf_counter() - start
            stats = store.stats()
    print(f"{len(results)} reports, {sum(len(r.events) for r in results)} event records")
    print(f"extraction alone: {extraction:.1f} s ({len(results) / extraction:.1f} reports/s)")
    print(f"storing and merging: {storing:.1f} s ({len(results) / storing:.1f} reports/s)")
    print(f"ingest adds {storing / extraction:.1%} to extraction (aim: at most 15%)")
    print(f"store: {stats['articles']} reports, {stats['mentions']} event records, {stats['events']} canonical events")


if __name__ == "__main__":
    main()
