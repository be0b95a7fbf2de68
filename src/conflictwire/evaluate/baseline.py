"""The quality gate: figures pinned in a committed baseline file, and the README's figures table.

The baseline holds the figures measured on the project's gold corpus and the checksum of the gold
files they were measured on. A run fails the gate when a figure falls more than `margin` below its
pinned value, or when the gold files changed since the baseline was written (then the figures are
not comparable, and the baseline must be written again on purpose).
"""
from __future__ import annotations

import json
import re
from pathlib import Path

MARGIN = 0.02
LABELS = {
    "events_f1": "events F1", "statements_f1": "statements F1", "tallies_f1": "tallies F1",
    "event_type": "event type", "sub_event_type": "sub-event type", "event_date": "date",
    "location_25km": "place within 25 km", "country": "country", "admin1": "admin1",
    "actor1": "actor1 (kind, country)", "actor2": "actor2 (kind, country)", "weapon": "weapon",
    "fatalities": "fatalities", "injuries": "injuries", "evidence_valid": "evidence valid",
    "actor1_name": "actor1 canonical name", "actor2_name": "actor2 canonical name",
}
README_START, README_END = "<!-- figures:start -->", "<!-- figures:end -->"


def figures(result: dict) -> dict[str, float]:
    """The scorer's result flattened to one number per figure, in a fixed order."""
    flat = {"events_f1": result["events"]["f1"], "statements_f1": result["statements"]["f1"],
            "tallies_f1": result["tallies"]["f1"]}
    flat.update({k: v["accuracy"] for k, v in result["fields"].items()})
    flat.update({k: v["accuracy"] for k, v in result.get("names", {}).items()})
    if result.get("evidence_valid") is not None:
        flat["evidence_valid"] = result["evidence_valid"]
    return {k: flat[k] for k in LABELS if k in flat}


def write_baseline(path: Path, result: dict, gold_checksum: str, corpus: dict) -> None:
    body = {"gold_checksum": gold_checksum, "corpus": corpus, "margin": MARGIN, "figures": figures(result),
            "counts": {k: result[k] for k in ("events", "statements", "tallies")}}
    path.write_text(json.dumps(body, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def read_baseline(path: Path) -> dict:
    try:
        body = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ValueError(f"{path}: no baseline file; write one with --write-baseline") from None
    except json.JSONDecodeError as exc:
        raise ValueError(f"{path}: not a baseline file (invalid JSON: {exc.msg}, line {exc.lineno})") from None
    if not isinstance(body, dict) or not isinstance(body.get("figures"), dict) or "gold_checksum" not in body:
        raise ValueError(f"{path}: not a baseline file (needs gold_checksum and figures)")
    return body


def gate(baseline: dict, result: dict, gold_checksum: str) -> list[str]:
    """Why the gate fails, or [] when it passes."""
    if baseline["gold_checksum"] != gold_checksum:
        return ["the gold files changed since the baseline was written (checksum differs); "
                "re-run with --write-baseline to pin figures for the new gold set"]
    margin = float(baseline.get("margin", MARGIN))
    now = figures(result)
    return [f"{LABELS.get(k, k)}: {now.get(k, 0.0):.3f}, more than {margin:.2f} below the pinned {floor:.3f}"
            for k, floor in baseline["figures"].items() if now.get(k, 0.0) < floor - margin - 1e-9]


def markdown_table(baseline: dict) -> str:
    """The figures of a baseline as a Markdown table, for the README."""
    corpus = baseline.get("corpus") or {}
    counts = baseline.get("counts") or {}
    lines = [f"Gold corpus: {corpus.get('reports', '?')} reports ({corpus.get('fr', '?')} French, "
             f"{corpus.get('en', '?')} English), {counts.get('events', {}).get('gold', '?')} events, "
             f"{counts.get('statements', {}).get('gold', '?')} statements, {counts.get('tallies', {}).get('gold', '?')} tallies.",
             "", "| figure | value |", "|---|---|"]
    lines += [f"| {LABELS.get(k, k)} | {v:.3f} |" for k, v in baseline["figures"].items()]
    return "\n".join(lines)


def update_readme(readme: Path, table: str) -> bool:
    """Put the table between the README's figure markers; True when the file changed."""
    text = readme.read_text(encoding="utf-8")
    pattern = re.compile(re.escape(README_START) + r".*?" + re.escape(README_END), re.S)
    if not pattern.search(text):
        raise ValueError(f"{readme}: no {README_START} ... {README_END} markers to put the figures between")
    new = pattern.sub(lambda _: f"{README_START}\n{table}\n{README_END}", text)
    if new != text:
        readme.write_text(new, encoding="utf-8")
    return new != text


def readme_table(readme: Path) -> str:
    """The table currently between the README's markers."""
    text = readme.read_text(encoding="utf-8")
    m = re.search(re.escape(README_START) + r"\n(.*?)\n" + re.escape(README_END), text, re.S)
    return m.group(1) if m else ""
