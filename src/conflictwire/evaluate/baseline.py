"""The quality gate: figures pinned per evaluation set in a committed baseline file, and the
README's figures table.

A baseline file holds, for each set it pins (the project's corpus, the real development sets),
the figures measured on it and the checksum of its gold and report files. A run fails the gate
when a figure falls more than `margin` below its pinned value, or when the set changed since it
was pinned (the figures are then not comparable, and the set must be pinned again on purpose).
Pinning a figure lower than before needs a reason, which the file keeps (`lowered`), so the
commit that lowers it says why.
"""
from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Optional

MARGIN = 0.02
LABELS = {
    "events_f1": "events F1", "statements_f1": "statements F1", "tallies_f1": "tallies F1",
    "event_type": "event type", "sub_event_type": "sub-event type", "event_date": "date",
    "location_25km": "place within 25 km", "country": "country", "admin1": "admin1",
    "actor1": "actor1 (kind, country)", "actor2": "actor2 (kind, country)", "weapon": "weapon",
    "fatalities": "fatalities", "injuries": "injuries", "evidence_valid": "evidence valid",
    "actor1_name": "actor1 canonical name", "actor2_name": "actor2 canonical name",
    "merge_precision": "merge pairwise precision", "merge_recall": "merge pairwise recall", "merge_b3_f1": "merge B³ F1",
}
# The README's table: one row per set, these columns.
COLUMNS = {"events_f1": "events F1", "sub_event_type": "sub-type", "event_date": "date", "location_25km": "place ≤25 km",
           "country": "country", "actor1": "actor1", "actor2": "actor2", "fatalities": "fatalities",
           "statements_f1": "statements F1", "tallies_f1": "tallies F1"}
README_START, README_END = "<!-- figures:start -->", "<!-- figures:end -->"
DEFAULT_SET = "scored"


class BaselineError(ValueError):
    """A baseline file that cannot be read, or a pin that needs a reason."""


def figures(result: dict) -> dict[str, float]:
    """The scorer's result flattened to one number per figure, in a fixed order."""
    flat = {"events_f1": result["events"]["f1"], "statements_f1": result["statements"]["f1"],
            "tallies_f1": result["tallies"]["f1"]}
    flat.update({k: v["accuracy"] for k, v in result["fields"].items()})
    flat.update({k: v["accuracy"] for k, v in result.get("names", {}).items()})
    if result.get("evidence_valid") is not None:
        flat["evidence_valid"] = result["evidence_valid"]
    if result.get("merge"):
        merge = result["merge"]
        flat.update(merge_precision=merge["pairwise"]["precision"], merge_recall=merge["pairwise"]["recall"],
                    merge_b3_f1=merge["b_cubed"]["f1"])
    return {k: flat[k] for k in LABELS if k in flat}


def read_baseline(path: Path) -> dict:
    try:
        body = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise BaselineError(f"{path}: no baseline file; write one with --write-baseline") from None
    except json.JSONDecodeError as exc:
        raise BaselineError(f"{path}: not a baseline file (invalid JSON: {exc.msg}, line {exc.lineno})") from None
    if not isinstance(body, dict) or not isinstance(body.get("sets"), dict) or not all(
            isinstance(s, dict) and isinstance(s.get("figures"), dict) and "checksum" in s for s in body["sets"].values()):
        raise BaselineError(f"{path}: not a baseline file (needs sets, each with a checksum and figures)")
    return body


def pin(path: Path, key: str, result: dict, checksum: str, *, label: str = "", corpus: Optional[dict] = None,
        reason: Optional[str] = None) -> list[str]:
    """Pin a set's figures in the baseline file (created when missing); returns the figures that
    went down. A figure lower than its pinned value needs `reason` (BaselineError without one),
    unless the set itself changed (its checksum differs: the old figures measured other data)."""
    body = read_baseline(path) if path.exists() else {"margin": MARGIN, "sets": {}, "lowered": []}
    old = body["sets"].get(key)
    now = figures(result)
    drops = [] if old is None or old["checksum"] != checksum else [
        f"{LABELS.get(k, k)}: {old['figures'][k]:.3f} -> {v:.3f}" for k, v in now.items()
        if k in old["figures"] and v < old["figures"][k] - 0.0005]
    if drops and not reason:
        raise BaselineError(f"{key}: figures would go down ({'; '.join(drops)}); say why with --reason")
    if drops:
        body.setdefault("lowered", []).append({"set": key, "date": dt.date.today().isoformat(), "figures": drops, "reason": reason})
    body["sets"][key] = {"label": label or (old or {}).get("label", key), "checksum": checksum, "corpus": corpus or {},
                         "figures": now, "counts": {k: result[k] for k in ("events", "statements", "tallies")}}
    path.write_text(json.dumps(body, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return drops


def gate(baseline: dict, key: str, result: dict, checksum: str) -> list[str]:
    """Why the gate fails for one set, or [] when it passes."""
    pinned = baseline["sets"].get(key)
    if pinned is None:
        return [f"{key}: not pinned in the baseline; pin it with --write-baseline"]
    if pinned["checksum"] != checksum:
        return [f"{key}: its gold or reports changed since it was pinned (checksum differs); "
                "pin it again on purpose, in a commit that says why"]
    margin = float(baseline.get("margin", MARGIN))
    now = figures(result)
    return [f"{key}: {LABELS.get(k, k)} {now.get(k, 0.0):.3f}, more than {margin:.2f} below the pinned {floor:.3f}"
            for k, floor in pinned["figures"].items() if now.get(k, 0.0) < floor - margin - 1e-9]


def markdown_table(baseline: dict) -> str:
    """The pinned figures as a Markdown table for the README: a row per set, the real reports first."""
    sets = sorted(baseline["sets"].values(), key=lambda s: s.get("label", "").startswith("the project's"))
    lines = ["| set | reports | events | " + " | ".join(COLUMNS.values()) + " |",
             "|---|---|---|" + "---|" * len(COLUMNS)]
    for s in sets:
        counts = s.get("counts", {})
        cells = [f"{s['figures'][k]:.2f}" if k in s["figures"] else "–" for k in COLUMNS]
        if not counts.get("statements", {}).get("gold"):
            cells[list(COLUMNS).index("statements_f1")] = "–"  # ACLED notes hold no statements or tallies
        if not counts.get("tallies", {}).get("gold"):
            cells[list(COLUMNS).index("tallies_f1")] = "–"
        lines.append(f"| {s.get('label', '')} | {s.get('corpus', {}).get('reports', '?')} | "
                     f"{counts.get('events', {}).get('gold', '?')} | " + " | ".join(cells) + " |")
    merged = [s for s in sets if "merge_b3_f1" in s["figures"]]
    if merged:  # the store's merges, on the sets whose gold says which reports tell one event
        lines += ["", "| merging reports of one event | pairwise precision | pairwise recall | B³ F1 |", "|---|---|---|---|"]
        lines += [f"| {s.get('label', '')} | {s['figures']['merge_precision']:.2f} | {s['figures']['merge_recall']:.2f} | "
                  f"{s['figures']['merge_b3_f1']:.2f} |" for s in merged]
    return "\n".join(lines)


def update_readme(readme: Path, table: str) -> bool:
    """Put the table between the README's figure markers; True when the file changed."""
    text = readme.read_text(encoding="utf-8")
    pattern = re.compile(re.escape(README_START) + r".*?" + re.escape(README_END), re.S)
    if not pattern.search(text):
        raise BaselineError(f"{readme}: no {README_START} ... {README_END} markers to put the figures between")
    new = pattern.sub(lambda _: f"{README_START}\n{table}\n{README_END}", text)
    if new != text:
        readme.write_text(new, encoding="utf-8")
    return new != text


def readme_table(readme: Path) -> str:
    """The table currently between the README's markers."""
    text = readme.read_text(encoding="utf-8")
    m = re.search(re.escape(README_START) + r"\n(.*?)\n" + re.escape(README_END), text, re.S)
    return m.group(1) if m else ""
