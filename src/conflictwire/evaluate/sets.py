"""The sets the quality gate scores, and scoring one.

Two kinds, kept apart everywhere their figures are shown: the project's own corpus
(`tests/data/gold`, reports written here alongside the rules, so its figures measure the rules as
much as the extractor), and real reports nobody here wrote (the shared development sets beside
the project: news reports and ACLED-coded notes). The real ones say how the extractor does on
what users will give it; `CONFLICTWIRE_DEV_SETS` names their folder when it is elsewhere.
"""
from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from ..ingest import read_inputs
from ..model import Extraction
from .records import GOLD_SUFFIX, checksum
from .scorer import score

CORPUS = "the project's corpus (written with the rules)"
REAL = "real reports (development set)"
DEV_SETS = (("news", "news reports, French and English"),
            ("acled_world", "ACLED notes, 13 countries"),
            ("acled_afg2020", "ACLED notes, Afghanistan 2020"))


@dataclass(frozen=True)
class EvalSet:
    key: str
    label: str
    reports: Path  # a folder of reports
    gold: Path  # a gold file, or a folder of *.gold.jsonl
    real: bool  # written by someone else than the rules' authors

    def gold_files(self) -> list[Path]:
        return sorted(self.gold.rglob("*" + GOLD_SUFFIX)) if self.gold.is_dir() else [self.gold]

    def report_files(self) -> list[Path]:
        return sorted(p for p in self.reports.rglob("*") if p.suffix in (".txt", ".jsonl") and not p.name.endswith(GOLD_SUFFIX))

    def checksum(self) -> str:
        """Over the gold and the report texts: a change to either makes old figures incomparable."""
        return checksum(self.gold_files() + self.report_files())

    def gold_records(self) -> list[dict]:
        return [json.loads(line) for f in self.gold_files() for line in f.read_text(encoding="utf-8").splitlines() if line.strip()]


def dev_folder(root: Path) -> Path:
    return Path(os.environ.get("CONFLICTWIRE_DEV_SETS") or root.resolve().parent / "shared" / "dev")


def project_sets(root: Path) -> list[EvalSet]:
    """The corpus, then each development set found beside the project (`root`: the checkout)."""
    sets = [EvalSet("corpus", CORPUS, root / "tests" / "data" / "gold", root / "tests" / "data" / "gold", False)]
    dev = dev_folder(root)
    for key, what in DEV_SETS:
        folder = dev / key
        if (folder / "docs").is_dir() and (folder / "gold.jsonl").is_file():
            sets.append(EvalSet(key, f"{REAL}: {what}", folder / "docs", folder / "gold.jsonl", True))
    return sets


def extractions(extractor, s: EvalSet) -> list[Extraction]:
    """What the extractor reads in a set's reports (a report that failed gives nothing: its gold
    events count as missed)."""
    return [res for res in extractor.run(read_inputs([str(s.reports)])) if isinstance(res, Extraction)]


def records(results: Iterable[Extraction]) -> list[dict]:
    """The records, as `conflictwire extract` writes them."""
    return [r.model_dump(mode="json") for res in results for r in res.records()]


def predictions(extractor, s: EvalSet) -> list[dict]:
    """Every record the extractor writes for a set's reports."""
    return records(extractions(extractor, s))


def has_stories(s: EvalSet) -> bool:
    """Whether the set's gold says which reports tell one event (a `story` on its events)."""
    return any(r.get("story") for r in s.gold_records() if r.get("kind") == "event")


def score_set(s: EvalSet, pred: Iterable[dict]) -> dict:
    return score(s.gold_records(), list(pred), names=True)
