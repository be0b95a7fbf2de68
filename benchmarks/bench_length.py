"""Cost against report length: one realistic report (the French example reports' bodies joined,
about 4 KB), then the same text 8 and 64 times over as one report, and a report of about 1 MB.
Each size runs in a child process, so its peak memory is its own.

Run by hand: `.venv/bin/python benchmarks/bench_length.py [--sizes 1,8,64,256]`. The aim: time per
character at 64x at most 1.3 times that at 1x, and a 1 MB report under 700 MB.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHILD = """
import json, resource, sys, time
from conflictwire.pipeline import Extractor
from conflictwire.model import Article
text, language = sys.stdin.read(), sys.argv[1]
extractor = Extractor(language=language)
article = Article.create(text, language, published="2024-05-07")
warm = text[:4000]
extractor.extract_article(Article.create(warm, language, published="2024-05-07"))  # models and caches load untimed
start = time.perf_counter()
result = extractor.extract_article(article)
seconds = time.perf_counter() - start
print(json.dumps({"seconds": seconds, "events": len(result.events), "chars": len(article.text),
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024}))
"""


def base_report() -> str:
    """The bodies of the French example reports (their header line dropped), one after another."""
    bodies = []
    for path in sorted((ROOT / "examples").glob("fr_*.txt")):
        lines = path.read_text(encoding="utf-8").splitlines()
        body = lines[2:] if lines and lines[0].startswith(" date") else lines
        bodies.append("\n".join(body).strip())
    return "\n\n".join(bodies)


def measure(text: str, language: str = "fr") -> dict:
    done = subprocess.run([sys.executable, "-c", CHILD, language], input=text, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(done.stderr)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1,8,64,256", help="multiples of the base report, comma-separated")
    sizes = [int(s) for s in parser.parse_args().sizes.split(",")]
    base = base_report()
    first = None
    print(f"{'size':>5} {'KB':>7} {'seconds':>8} {'ms/KB':>7} {'vs 1x':>6} {'peak MB':>8} {'events':>7}")
    for n in sizes:
        r = measure("\n\n".join([base] * n))
        per_kb = 1000 * r["seconds"] / (r["chars"] / 1000)
        first = first or per_kb
        print(f"{n:>4}x {r['chars'] / 1000:7.0f} {r['seconds']:8.2f} {per_kb:7.1f} {per_kb / first:6.2f} {r['peak_mb']:8d} {r['events']:7d}")


if __name__ == "__main__":
    main()
