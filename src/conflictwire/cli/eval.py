"""`conflictwire eval`: score predictions (or a fresh extraction) against gold, ACLED exports
included, and hold the quality gate."""
from __future__ import annotations

import json
import os
from collections import Counter
from pathlib import Path
from typing import List, Optional

import typer
from rich.table import Table

from ..evaluate import DocResult, field_results, score, why_missed
from ..evaluate import baseline as gate_file
from ..evaluate.acled import AcledError, read_acled
from ..evaluate.merging import merge_scores
from ..evaluate.records import Problem, checksum, gold_files, load, missing_reports
from ..export import write_jsonl
from ..ingest import read_inputs
from .common import ensure_gazetteer, err, out, run_extraction

EPILOG = """**Examples**

* `conflictwire eval --gold gold.jsonl --pred out.jsonl`
* `conflictwire eval --gold tests/data/gold tests/data/gold --show`
* `conflictwire eval --acled acled_export.csv --json`
* `conflictwire eval --gold tests/data/gold tests/data/gold --baseline quality/baseline.json`
* `conflictwire eval --gold tests/data/gold tests/data/gold --merge` (also: how well the store merges reports of one event)
"""


def evaluate_command(
    reports: List[str] = typer.Argument(None, help="Reports to extract and score in one go (files or directories), instead of --pred."),
    gold: Optional[Path] = typer.Option(None, "--gold", "-g", help="Gold records: a .jsonl file, or a directory of *.gold.jsonl files."),
    pred: Optional[Path] = typer.Option(None, "--pred", "-p", help="Predicted records (what `conflictwire extract` wrote)."),
    acled: Optional[Path] = typer.Option(None, "--acled", help="An ACLED CSV export: each row's notes are extracted and scored against the row (with and without ACLED's own coding notes)."),
    coding_notes: bool = typer.Option(True, "--coding-notes/--no-coding-notes", help="With --acled: keep ACLED's own coding notes ('Fatalities coded as 0') in the notes (the main figures); the other way is shown beside them."),
    as_json: bool = typer.Option(False, "--json", help="Print the figures as one JSON object (the keys of the shared score.py --json)."),
    show: bool = typer.Option(False, "--show", help="List every gold event with what it matched or why it was missed."),
    baseline: Optional[Path] = typer.Option(None, "--baseline", help="Fail (exit 1) when a figure drops more than the margin below this baseline, or the gold changed."),
    write_baseline: Optional[Path] = typer.Option(None, "--write-baseline", help="Pin the figures of this run (and the gold checksum) in this file."),
    readme: Optional[Path] = typer.Option(None, "--readme", help="Rewrite the figures table between the markers of this README from the baseline."),
    save_pred: Optional[Path] = typer.Option(None, "--save-pred", help="Also write the predictions of a fresh extraction here."),
    set_key: str = typer.Option(gate_file.DEFAULT_SET, "--set", help="The name this run's figures are pinned and checked under in the baseline file."),
    reason: Optional[str] = typer.Option(None, "--reason", help="Why pinned figures go down (needed when any does; kept in the baseline file)."),
    merge: bool = typer.Option(False, "--merge", help="With reports to extract: also ingest them into a scratch store and score its merges against the gold events' `story` (pairwise precision and recall, B³)."),
) -> None:
    """Score extracted records against gold: events, statements and tallies, field by field."""
    problems: list[Problem] = []
    if merge and (not reports or acled is not None):
        raise typer.BadParameter("--merge scores a fresh extraction: give the reports and --gold", param_hint="--merge")
    extracted: list = []
    gold_records, pred_records, checked = _gold_and_predictions(reports, gold, pred, acled, save_pred, problems, coding_notes,
                                                                extracted)
    for p in problems:
        err.print(f"[red]error[/red] {p}", highlight=False, soft_wrap=True)
    for doc in missing_reports(gold_records, pred_records):
        err.print(f"[yellow]warning[/yellow] no prediction for report {doc}: its gold events count as missed", highlight=False, soft_wrap=True)
    details: list[DocResult] = []
    result = score(gold_records, pred_records, details, names=True)
    if merge:
        result["merge"] = merge_scores(gold_records, extracted)
    if as_json:  # the shared score.py's keys, and only those
        typer.echo(json.dumps({k: v for k, v in result.items() if k != "names"}))
    else:
        out.print(figures_table(result))
        if merge:
            out.print(merge_table(result["merge"]))
        if acled is not None:  # ACLED's coding notes are ACLED's, not the report's: the figures the other way
            other = _gold_and_predictions(None, None, None, acled, None, [], not coding_notes)
            out.print(figures_table(score(other[0], other[1], names=True),
                                    f"{'Without' if coding_notes else 'With'} ACLED's own coding notes"))
    if show:  # to standard error when standard output carries JSON
        for line in show_lines(details):
            (err if as_json else out).print(line, highlight=False, soft_wrap=True)
    failed = bool(problems)
    if write_baseline:
        try:
            gate_file.pin(write_baseline, set_key, result, checksum(checked), corpus=corpus_counts(gold_records, pred_records), reason=reason)
        except gate_file.BaselineError as exc:
            err.print(f"[red]error[/red] {exc}", highlight=False, soft_wrap=True)
            raise typer.Exit(1)
        err.print(f"baseline written to {write_baseline}", highlight=False, soft_wrap=True)
    if baseline:
        failed |= _check_gate(baseline, set_key, result, checked)
    if readme:
        pinned = gate_file.read_baseline(write_baseline or baseline) if (write_baseline or baseline) else None
        if pinned is None:
            raise typer.BadParameter("give --baseline or --write-baseline: the README shows pinned figures", param_hint="--readme")
        changed = gate_file.update_readme(readme, gate_file.markdown_table(pinned))
        err.print(f"{readme}: figures {'updated' if changed else 'already current'}", highlight=False, soft_wrap=True)
    raise typer.Exit(1 if failed else 0)


def _gold_and_predictions(reports, gold, pred, acled, save_pred, problems, coding_notes=True, extracted=None):
    """Gold records, predicted records, and the gold files (for the checksum); a fresh
    extraction's results are also added to `extracted`."""
    if acled is not None:
        try:
            data = read_acled(acled, coding_notes)
        except AcledError as exc:
            err.print(f"[red]error[/red] {exc}", highlight=False, soft_wrap=True)
            raise typer.Exit(2)
        problems.extend(data.problems)
        return data.gold, _extract(data.reports, save_pred), [acled]
    if gold is None:
        raise typer.BadParameter("give --gold (or --acled)", param_hint="--gold")
    if bool(reports) == bool(pred):
        raise typer.BadParameter("give either --pred or reports to extract, not both or neither", param_hint="--pred")
    gold_records = load(gold, "gold", problems)
    if pred is not None:
        pred_records = load(pred, "pred", problems)
    else:
        pred_records = _extract(list(read_inputs(reports)), save_pred, extracted)
    return gold_records, pred_records, gold_files(gold) if gold.exists() else []


def _extract(items: list, save_pred: Optional[Path], extracted: Optional[list] = None) -> list[dict]:
    from ..pipeline import Extractor

    ensure_gazetteer()
    results, _ = run_extraction(Extractor(), items)
    if extracted is not None:
        extracted.extend(results)
    if save_pred:
        with save_pred.open("w", encoding="utf-8") as fh:
            write_jsonl(results, fh)
    return [r.model_dump(mode="json") for res in results for r in res.records()]


def _check_gate(path: Path, set_key: str, result: dict, checked: list[Path]) -> bool:
    try:
        pinned = gate_file.read_baseline(path)
    except ValueError as exc:
        err.print(f"[red]error[/red] {exc}", highlight=False, soft_wrap=True)
        return True
    reasons = gate_file.gate(pinned, set_key, result, checksum(checked))
    for reason in reasons:
        err.print(f"[red]gate failed[/red] {reason}", highlight=False, soft_wrap=True)
    if not reasons:
        err.print(f"[green]gate passed[/green] against {path}", highlight=False, soft_wrap=True)
    return bool(reasons)


def corpus_counts(gold: list[dict], pred: list[dict]) -> dict:
    docs = {r["doc"] for r in gold if r.get("doc")}
    langs = Counter(a.get("language") for a in pred if a.get("kind") == "article"
                    and os.path.basename(str(a.get("source_path") or a.get("url") or "")) in docs)
    return {"reports": len(docs), **{k: v for k, v in sorted(langs.items()) if k}}


def figures_table(result: dict, title: str = "Scores against gold") -> Table:
    table = Table(title=title)
    for col in ("", "gold", "predicted", "matched", "precision", "recall", "F1"):
        table.add_column(col, justify="right" if col else "left")
    for kind in ("events", "statements", "tallies"):
        r = result[kind]
        table.add_row(kind, str(r["gold"]), str(r["pred"]), str(r["matched"]), f"{r['precision']:.3f}",
                      f"{r['recall']:.3f}", f"[bold]{r['f1']:.3f}[/bold]")
    table.add_section()
    for name, v in result["fields"].items():
        table.add_row(gate_file.LABELS.get(name, name), str(v["scored"]), "", "", "", "", f"{v['accuracy']:.3f}")
    if result.get("evidence_valid") is not None:
        table.add_row("evidence valid", "", "", "", "", "", f"{result['evidence_valid']:.3f}")
    for name, v in result.get("names", {}).items():
        table.add_row(gate_file.LABELS.get(name, name), str(v["scored"]), "", "", "", "", f"{v['accuracy']:.3f}")
    return table


def merge_table(merge: dict) -> Table:
    counts = merge["counts"]
    table = Table(title=f"Merging reports of one event ({counts['matched']} of {counts['gold_events']} gold events "
                        f"matched; {counts['stories']} stories, {counts['store_events']} store events)")
    for col in ("", "precision", "recall", "F1"):
        table.add_column(col, justify="right" if col else "left")
    for name, label in (("pairwise", "pairs of reports"), ("b_cubed", "B³")):
        m = merge[name]
        table.add_row(label, f"{m['precision']:.3f}", f"{m['recall']:.3f}", f"[bold]{m['f1']:.3f}[/bold]")
    return table


def _value(v) -> str:
    return " / ".join(map(str, v)) if isinstance(v, list) else str(v)


def _event_line(e: dict) -> str:
    loc = e.get("location") or {}
    a1, a2 = (e.get("actor1") or {}).get("name"), (e.get("actor2") or {}).get("name")
    return (f"{_value(e.get('event_date'))} {_value(e.get('sub_event_type'))} at {_value(loc.get('name'))} "
            f"({loc.get('country_code')}): {_value(a1)} -> {_value(a2)}")


def show_lines(details: list[DocResult]) -> list[str]:
    """Each gold event with its partner and wrong fields, or why it was missed; then extra predictions."""
    lines = []
    for d in details:
        lines.append(f"[bold]{d.doc}[/bold]")
        for g, p in d.pairs:
            wrong = [name for name, ok in field_results(g, p).items() if not ok]
            lines.append(f"  [green]matched[/green] {_event_line(g)}")
            lines.append(f"          by {_event_line(p)}")
            if wrong:
                lines.append(f"          [yellow]wrong:[/yellow] {', '.join(wrong)}")
        for g in d.missed:
            lines.append(f"  [red]missed[/red]  {_event_line(g)}")
            lines.append(f"          why: {why_missed(g, d)}")
        for p in d.extra:
            lines.append(f"  [yellow]extra[/yellow]   {_event_line(p)} (no gold event)")
    return lines
