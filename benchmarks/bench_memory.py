"""Peak memory while extracting: the example reports (French and English) extracted in a child
process, once with the default pipelines and once with CONFLICTWIRE_SMALL_MODELS=1, and the
corpus figures each gives.

Run by hand: `.venv/bin/python benchmarks/bench_memory.py`. The aim is a peak under 500 MB.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHILD = """
import resource, sys
from conflictwire.cli import app
sys.argv = ["conflictwire", "extract", *sys.argv[1:]]
try:
    app()
except SystemExit:
    pass
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024, file=sys.stderr)
"""


def run(small: bool, reports: list[str], out: Path) -> int:
    env = dict(os.environ, CONFLICTWIRE_SMALL_MODELS="1" if small else "0")
    done = subprocess.run([sys.executable, "-c", CHILD, *reports, "-o", str(out)], env=env, capture_output=True, text=True)
    return int(done.stderr.strip().splitlines()[-1])


def figures(out: Path, gold: Path) -> dict:
    done = subprocess.run([sys.executable, "-m", "conflictwire.cli", "eval", "--gold", str(gold), "--pred", str(out), "--json"],
                          capture_output=True, text=True)
    result = json.loads(done.stdout)
    return {"events F1": result["events"]["f1"], **{k: v["accuracy"] for k, v in result["fields"].items()
                                                      if k in ("sub_event_type", "actor1", "actor2", "location_25km")}}


def main() -> None:
    gold = ROOT / "tests" / "data" / "gold"
    with tempfile.TemporaryDirectory() as tmp:
        for small in (False, True):
            out = Path(tmp) / f"out_{small}.jsonl"
            peak = run(small, [str(ROOT / "examples"), str(gold)], out)
            label = "small French pipeline" if small else "default pipelines"
            print(f"{label:24s} peak RSS {peak:5d} MB (aim < 500)  corpus: "
                  + ", ".join(f"{k} {v:.3f}" for k, v in figures(out, gold).items()))


if __name__ == "__main__":
    main()
