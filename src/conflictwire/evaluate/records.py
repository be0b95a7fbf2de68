"""Reading gold and prediction files (JSON Lines in the record contract) for scoring.

A bad line never stops the evaluation: it is reported with its file, line number and problem, and
left out. What a line must hold: a JSON object with a known `kind`; gold records also name their
report with `doc`; no field outside the contract (a misspelt field would otherwise go unscored
without anyone noticing); event types that exist in ACLED's taxonomy.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..knowledge import ACTOR_KINDS, taxonomy
from ..model import Article, Event, Statement, Tally
from .scorer import doc_of_prediction

GOLD_SUFFIX = ".gold.jsonl"
FIELDS = {"article": set(Article.model_fields), "event": set(Event.model_fields),
          "statement": set(Statement.model_fields), "tally": set(Tally.model_fields)}


@dataclass
class Problem:
    """A line that was left out, and why."""
    path: str
    line: int
    reason: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.reason}" if self.line else f"{self.path}: {self.reason}"


def gold_files(path: Path) -> list[Path]:
    """A gold file, or every *.gold.jsonl under a directory."""
    if path.is_dir():
        return sorted(path.rglob("*" + GOLD_SUFFIX))
    return [path]


def checksum(files: list[Path]) -> str:
    """One hash over the gold files' names and contents, so a changed gold set is noticed."""
    h = hashlib.sha256()
    for f in sorted(files, key=lambda p: p.name):
        h.update(f.name.encode() + b"\0" + f.read_bytes() + b"\0")
    return h.hexdigest()


def load(path: Path, role: str, problems: list[Problem]) -> list[dict]:
    """The good records of a gold ("gold") or prediction ("pred") file or directory."""
    if not path.exists():
        problems.append(Problem(str(path), 0, f"no such {role} file or directory"))
        return []
    files = gold_files(path) if role == "gold" else [path]
    if not files:
        problems.append(Problem(str(path), 0, f"no *{GOLD_SUFFIX} files in this directory"))
    records: list[dict] = []
    for f in files:
        try:
            lines = f.read_text(encoding="utf-8").splitlines()
        except (UnicodeDecodeError, IsADirectoryError, PermissionError) as exc:
            problems.append(Problem(str(f), 0, f"cannot be read as UTF-8 text ({type(exc).__name__})"))
            continue
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                problems.append(Problem(str(f), number, f"not valid JSON ({exc.msg} at column {exc.colno})"))
                continue
            reason = check(record, role)
            if reason:
                problems.append(Problem(str(f), number, reason))
            else:
                records.append(record)
    return records


def check(record: Any, role: str) -> str | None:
    """What is wrong with one record, or None."""
    if not isinstance(record, dict):
        return f"a record must be a JSON object, not {type(record).__name__}"
    kind = record.get("kind")
    if kind not in FIELDS:
        return f"unknown kind {kind!r} (expected one of {', '.join(FIELDS)})"
    allowed = FIELDS[kind] | ({"doc"} if role == "gold" else set())
    unknown = sorted(set(record) - allowed)
    if unknown:
        return f"unknown field(s) {', '.join(unknown)} in a {kind} record"
    if role == "gold" and kind != "article" and not isinstance(record.get("doc"), str):
        return f"gold {kind} record without \"doc\" (the file name of its report)"
    if role == "pred" and kind == "article" and not record.get("article_id"):
        return "article record without article_id"
    if kind == "event":
        return _check_event(record)
    return None


def _check_event(record: dict) -> str | None:
    tax = taxonomy()
    for sub in _values(record.get("sub_event_type")):
        try:
            tax.event_type_of(sub)
        except ValueError:
            return f"unknown sub_event_type {sub!r}"
    for et in _values(record.get("event_type")):
        if et not in tax.types:
            return f"unknown event_type {et!r}"
    for a in ("actor1", "actor2"):
        actor = record.get(a)
        if actor is not None and not isinstance(actor, dict):
            return f"{a} must be an object with name, kind, country_code"
        for kind in _values((actor or {}).get("kind")):
            if kind not in ACTOR_KINDS:
                return f"{a} has unknown kind {kind!r} (expected one of {', '.join(ACTOR_KINDS)})"
    if record.get("location") is not None and not isinstance(record["location"], dict):
        return "location must be an object"
    return None


def _values(value: Any) -> list:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def missing_reports(gold: list[dict], pred: list[dict]) -> list[str]:
    """Gold reports that no predicted article names (their events all count as missed)."""
    _, predicted = doc_of_prediction(pred)
    return sorted({r["doc"] for r in gold if r.get("doc")} - predicted)
