"""`conflictwire gate`: extract and score every evaluation set of the project (its own corpus, and
the real development reports beside it), hold the figures pinned in the baseline file, or pin
them anew."""
from __future__ import annotations

from pathlib import Path
from typing import List, Optional

import typer
from rich import box
from rich.table import Table

from ..evaluate import baseline as gate_file
from ..evaluate.merging import merge_scores
from ..evaluate.sets import EvalSet, extractions, has_stories, project_sets, records, score_set
from .common import ensure_gazetteer, err, out

EPILOG = """**Examples**

* `conflictwire gate` (check every set against tests/data/baseline.json)
* `conflictwire gate --pin --readme README.md` (pin the figures and write the README's table)
* `conflictwire gate --pin --set corpus --reason "gold of en_07 corrected: two events, not one"`
"""


def gate_command(
    baseline: Path = typer.Option(Path("tests/data/baseline.json"), "--baseline", help="The baseline file of pinned figures."),
    root: Path = typer.Option(Path("."), "--root", help="The project's checkout: its corpus is ROOT/tests/data/gold, the development sets ROOT/../shared/dev (or CONFLICTWIRE_DEV_SETS)."),
    only: Optional[List[str]] = typer.Option(None, "--set", help="Only these sets (corpus, news, acled_world, acled_afg2020)."),
    pin: bool = typer.Option(False, "--pin", help="Pin this run's figures instead of checking them."),
    reason: Optional[str] = typer.Option(None, "--reason", help="Why pinned figures go down (needed when any does; kept in the baseline file)."),
    readme: Optional[Path] = typer.Option(None, "--readme", help="Rewrite the figures table between the markers of this README from the baseline."),
) -> None:
    """Score the project's corpus and the real development sets, and hold (or pin) their figures."""
    from ..pipeline import Extractor

    sets = [s for s in project_sets(root) if not only or s.key in only]
    if not sets:
        raise typer.BadParameter(f"no such set; the sets here are {', '.join(s.key for s in project_sets(root))}", param_hint="--set")
    ensure_gazetteer()
    extractor, results = Extractor(), {}
    for s in sets:
        err.print(f"scoring {s.key}: {s.label}", highlight=False, soft_wrap=True)
        found = extractions(extractor, s)
        results[s.key] = score_set(s, records(found))
        if has_stories(s):  # and how well the store merges reports of one event
            results[s.key]["merge"] = merge_scores(s.gold_records(), found)
    out.print(sets_table(sets, results))
    for s in sets:
        if "merge" in results[s.key]:
            m = results[s.key]["merge"]
            out.print(f"merging on {s.key}: pairwise precision {m['pairwise']['precision']:.3f}, recall "
                      f"{m['pairwise']['recall']:.3f}; B³ F1 {m['b_cubed']['f1']:.3f}", highlight=False)
    failed = _pin(baseline, sets, results, reason) if pin else _check(baseline, sets, results)
    if readme and not failed:
        changed = gate_file.update_readme(readme, gate_file.markdown_table(gate_file.read_baseline(baseline)))
        err.print(f"{readme}: figures {'updated' if changed else 'already current'}", highlight=False, soft_wrap=True)
    raise typer.Exit(1 if failed else 0)


def _pin(baseline: Path, sets: list[EvalSet], results: dict, reason: Optional[str]) -> bool:
    for s in sets:
        corpus = {"reports": len(s.report_files())}
        try:
            drops = gate_file.pin(baseline, s.key, results[s.key], s.checksum(), label=s.label, corpus=corpus, reason=reason)
        except gate_file.BaselineError as exc:
            err.print(f"[red]error[/red] {exc}", highlight=False, soft_wrap=True)
            return True
        err.print(f"pinned {s.key}" + (f" (lower: {'; '.join(drops)})" if drops else ""), highlight=False, soft_wrap=True)
    return False


def _check(baseline: Path, sets: list[EvalSet], results: dict) -> bool:
    try:
        pinned = gate_file.read_baseline(baseline)
    except gate_file.BaselineError as exc:
        err.print(f"[red]error[/red] {exc}", highlight=False, soft_wrap=True)
        return True
    reasons = [r for s in sets for r in gate_file.gate(pinned, s.key, results[s.key], s.checksum())]
    for r in reasons:
        err.print(f"[red]gate failed[/red] {r}", highlight=False, soft_wrap=True)
    if not reasons:
        err.print(f"[green]gate passed[/green] on {len(sets)} sets against {baseline}", highlight=False, soft_wrap=True)
    return bool(reasons)


# Short headings: the table fits an 80-column terminal.
HEADINGS = {"events_f1": "events", "sub_event_type": "type", "event_date": "date", "location_25km": "place",
            "country": "ctry", "actor1": "act1", "actor2": "act2", "fatalities": "dead",
            "statements_f1": "stmt", "tallies_f1": "tally"}


COUNTED = ("events_f1", "statements_f1", "tallies_f1")


def sets_table(sets: list[EvalSet], results: dict) -> Table:
    """A row per set: F1 for events, statements and tallies, accuracy for the fields (sub-event
    type, date, place within 25 km, country, actors' kind and country, fatalities)."""
    table = Table(title="Figures per set (real reports first)", box=box.SIMPLE_HEAD, padding=(0, 1), pad_edge=False, collapse_padding=True)
    table.add_column("set", no_wrap=True)
    for heading in HEADINGS.values():
        table.add_column(heading, justify="right", no_wrap=True)
    for s in sorted(sets, key=lambda s: not s.real):
        result, figs = results[s.key], gate_file.figures(results[s.key])
        shown = {k: v for k, v in figs.items() if not (k in COUNTED and not result[k[:-3]]["gold"])}  # nothing to find
        table.add_row(s.key.removeprefix("acled_"), *(f"{shown[k]:.2f}" if k in shown else "–" for k in HEADINGS))
    return table
