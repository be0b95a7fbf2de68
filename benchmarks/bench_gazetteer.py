"""The offline gazetteer: build time, lookup latency, memory.

    .venv/bin/python benchmarks/bench_gazetteer.py [--db PATH] [--n 1000]

Builds a fresh gazetteer in a temporary directory (in a child process, so its memory does not
count below), then times `Gazetteer.lookup` over ~1,000 toponyms (names of places of every kind
drawn from the file, with the variants reports write: lower case, "province of X", "X air
base", exonyms), first uncached then cached, and reports the peak RSS of this process after
opening the gazetteer and after loading the spaCy pipelines as well. With --db, uses that file
instead of building one.

Aims: build under 60 s, median lookup under 1 ms.
"""
from __future__ import annotations

import argparse
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

NAMED = ["Mossoul", "Mosul", "Al Mawsil", "Tripoli", "Anbar province", "province d'Anbar", "Ain al-Asad",
         "al-Asad air base", "Harir", "Herat", "Kandahar", "Qandahar", "Mogadishu", "Bagdad", "Erbil", "Kirkuk",
         "El Fasher", "Goma", "Kyiv", "Kharkiv", "Sanaa", "Taiz", "Marib", "Gao", "Kidal", "Tombouctou",
         "Nord-Kivu", "Rakhine State", "Borno", "Maiduguri", "Idlib", "Deir ez-Zor", "Raqqa", "Aleppo", "Homs"]


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def toponyms(path: Path, n: int) -> list[str]:
    import sqlite3

    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    rng = random.Random(7)
    rows = con.execute("SELECT name, feature_code FROM places WHERE feature_code NOT IN ('AIRH')").fetchall()
    sample = rng.sample(rows, min(n, len(rows)))
    con.close()
    out = list(NAMED)
    for name, code in sample:
        r = rng.random()
        if code == "ADM1" and r < 0.5:
            out.append(f"province of {name}")
        elif code and code.startswith("AIR") and r < 0.5:
            out.append(name.replace("Airport", "").strip() + " air base")
        elif r < 0.2:
            out.append(name.lower())
        else:
            out.append(name)
    return out[:n]


def misspell(name: str) -> str:
    """One vowel changed after the first letter ("Mosul" -> "Mosal"), as transliterations do."""
    for i, ch in enumerate(name[1:], 1):
        if ch in "aeiou":
            return name[:i] + {"a": "e", "e": "i", "i": "e", "o": "u", "u": "o"}[ch] + name[i + 1:]
    return name + "h"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--db", type=Path, help="use this gazetteer file instead of building one")
    ap.add_argument("--n", type=int, default=1000, help="how many toponyms to look up")
    args = ap.parse_args()

    tmp = None
    if args.db:
        path = args.db
    else:
        tmp = tempfile.TemporaryDirectory(prefix="cw-gazetteer-")
        path = Path(tmp.name) / "gazetteer.sqlite"
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", "import sys; from conflictwire.gazetteer.build import build; "
                        "build(sys.argv[1], progress=False)", str(path)], check=True)
        print(f"build:            {time.perf_counter() - start:6.1f} s  (aim: < 60 s; child process)")
    print(f"file size:        {path.stat().st_size / 1e6:6.1f} MB")

    rss0 = peak_rss_mb()
    from conflictwire.gazetteer.query import Gazetteer

    start = time.perf_counter()
    g = Gazetteer(path)
    opened = time.perf_counter() - start
    names = toponyms(path, args.n)
    found = 0
    cold, warm = [], []
    for name in names:
        t = time.perf_counter()
        found += bool(g.lookup(name, fuzzy=False))
        cold.append(time.perf_counter() - t)
    for name in names:
        t = time.perf_counter()
        g.lookup(name, fuzzy=False)
        warm.append(time.perf_counter() - t)
    g._lookup.cache_clear()
    fuzzy, fuzzy_found = [], 0
    for name in names[:200]:
        wrong = misspell(name)
        t = time.perf_counter()
        found_fuzzy = g.lookup(wrong, fuzzy=True)  # when no exact match: the fuzzy fallback runs
        fuzzy.append(time.perf_counter() - t)
        fuzzy_found += bool(found_fuzzy) and found_fuzzy[0].name == name

    def ms(xs, q):
        xs = sorted(xs)
        return 1000 * (statistics.median(xs) if q == 50 else xs[min(len(xs) - 1, int(len(xs) * q / 100))])

    print(f"open:             {opened * 1000:6.1f} ms")
    print(f"lookups:          {len(names)} toponyms, {found} found")
    print(f"lookup uncached:  median {ms(cold, 50):.3f} ms, p95 {ms(cold, 95):.3f} ms  (aim: median < 1 ms)")
    print(f"lookup cached:    median {ms(warm, 50):.4f} ms, p95 {ms(warm, 95):.4f} ms")
    print(f"fuzzy fallback:   median {ms(fuzzy, 50):.3f} ms, p95 {ms(fuzzy, 95):.3f} ms  "
          f"({len(fuzzy)} names with a vowel changed, {fuzzy_found} found as the place they came from)")
    rss_g = peak_rss_mb()
    print(f"peak RSS:         {rss0:6.0f} MB at start, {rss_g:6.0f} MB with the gazetteer open and used")
    from conflictwire.nlp import pipeline

    for lang in ("en", "fr"):
        pipeline(lang)
    print(f"peak RSS:         {peak_rss_mb():6.0f} MB with the gazetteer and the spaCy pipelines (en, fr)")
    g.close()
    if tmp is not None:
        tmp.cleanup()


if __name__ == "__main__":
    main()
