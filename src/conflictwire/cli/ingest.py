"""`conflictwire ingest`: extract reports and keep their records in the event store, merged
with the events already there. Each report is stored whole or not at all, so an interrupted
batch is completed by running the same command again."""
from __future__ import annotations

import time
from pathlib import Path
from typing import List, Optional

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, ProgressColumn, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from ..errors import ConflictwireError, Failure
from ..ingest import read_inputs
from ..store import StoreError
from .common import DB_HELP, PROGRESS_FROM, abort, checked_extractor, ensure_gazetteer, err, open_store, say

EPILOG = """**Examples**

* `conflictwire ingest reports/` (into the default SQLite file; `conflictwire events` lists what it holds)
* `conflictwire ingest feed.jsonl --db events.db`
* `conflictwire ingest reports/ --db postgresql://me@localhost:5432/conflict`
* `conflictwire ingest reports/ --force` (re-extract reports already stored, e.g. after an upgrade)
"""


SUMMARY = {"added": "reports added", "replaced": "reports replaced", "unchanged": "reports unchanged",
           "failed": "reports failed", "new events": "new events", "merged": "events merged into stored ones"}


class RateColumn(ProgressColumn):
    def render(self, task) -> Text:
        return Text(f"{task.speed:.1f} reports/s" if task.speed else "", style="progress.data.speed")


def ingest_command(
    paths: List[str] = typer.Argument(..., help="Report files (.txt, .jsonl), directories (searched recursively), or - for standard input."),
    db: Optional[str] = typer.Option(None, "--db", envvar="CONFLICTWIRE_DB", help=DB_HELP),
    language: Optional[str] = typer.Option(None, "--language", "-l", help="Language of every report (en, fr); detected per report when not given."),
    published: Optional[str] = typer.Option(None, "--published", help="Publication date (YYYY-MM-DD, YYYY-MM) for reports that do not give one."),
    actors: Optional[Path] = typer.Option(None, "--actors", help="A YAML file of extra actors laid over the built-in dictionary."),
    force: bool = typer.Option(False, "--force", help="Re-extract reports already stored and replace their records (splits are kept)."),
) -> None:
    """Extract reports and store their events, merged with the events already stored."""
    extractor = checked_extractor(language, published, actors)
    store = open_store(db)
    ensure_gazetteer()
    items = list(read_inputs(paths, published))
    counts = {"added": 0, "unchanged": 0, "replaced": 0, "failed": 0, "new events": 0, "merged": 0}
    started = time.perf_counter()
    try:
        with store, _bar(len(items)) as bar:
            task = bar.add_task("ingesting", total=len(items))
            for result in extractor.run(items):
                _store_one(store, result, force, counts)
                bar.advance(task)
            totals = store.stats()
    except ConflictwireError as exc:
        abort(exc, 1)
    _summary(counts, totals, len(items), time.perf_counter() - started)
    raise typer.Exit(1 if counts["failed"] else 0)


def _bar(total: int) -> Progress:
    return Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), RateColumn(),
                    TimeElapsedColumn(), console=err, disable=total < PROGRESS_FROM or not err.is_terminal, transient=True)


def _store_one(store, result, force: bool, counts: dict) -> None:
    if isinstance(result, Failure):
        counts["failed"] += 1
        say(f"[red]error[/red] {result}")
        return
    try:
        outcome = store.add(result, force=force)
    except StoreError as exc:  # this report is not stored; the others go on
        counts["failed"] += 1
        say(f"[red]error[/red] {exc}")
        return
    counts[outcome.status] += 1
    counts["merged"] += sum(p.merged for p in outcome.placed)
    counts["new events"] += sum(not p.merged for p in outcome.placed)


def _summary(counts: dict, totals: dict, n: int, seconds: float) -> None:
    table = Table(title=f"Ingested {n} report(s) in {seconds:.1f} s ({n / seconds if seconds else 0:.1f} reports/s)",
                  show_header=False, title_justify="left")
    table.add_column("what")
    table.add_column("count", justify="right")
    for key, label in SUMMARY.items():
        table.add_row(label, str(counts[key]))
    table.add_row("store: reports / events", f"{totals['articles']} / {totals['events']}")
    err.print(table)
