"""The `conflictwire` command: a thin layer over the library."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Iterable, Iterator, List, Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from .eval import EPILOG as EVAL_EPILOG
from .eval import evaluate_command
from .gazetteer import gazetteer_app
from ..export import write_csv, write_jsonl
from ..ingest import InputError, read_inputs
from ..ingest.readers import check_date
from ..model import Extraction

app = typer.Typer(
    help="conflictwire: read news reports (French, English) and write sourced ACLED-style event, statement and tally records.",
    no_args_is_help=True, add_completion=False, rich_markup_mode="markdown",
)
app.add_typer(gazetteer_app, name="gazetteer")
err = Console(stderr=True)
PROGRESS_FROM = 5  # reports; fewer finish before a bar would help


@app.callback()
def main() -> None:
    """Offline conflict-event extraction from news reports."""


@app.command(epilog="""**Examples**

* `conflictwire extract report.txt`
* `conflictwire extract reports/ -o events.jsonl`
* `conflictwire extract feed.jsonl --format csv -o events.csv`
* `cat report.txt | conflictwire extract - --language fr --published 2024-03-08`
""")
def extract(
    paths: List[str] = typer.Argument(..., help="Report files (.txt with or without a ` date YYYY-MM-DD title` header, .jsonl), directories (searched recursively), or - for standard input."),
    output: Optional[Path] = typer.Option(None, "-o", "--output", help="Write records here instead of standard output."),
    fmt: str = typer.Option("jsonl", "--format", "-f", help="jsonl (articles, events, statements, tallies) or csv (events, ACLED column names)."),
    language: Optional[str] = typer.Option(None, "--language", "-l", help="Language of every report (en, fr); detected per report when not given."),
    published: Optional[str] = typer.Option(None, "--published", help="Publication date (YYYY-MM-DD, YYYY-MM) for reports that do not give one."),
    actors: Optional[Path] = typer.Option(None, "--actors", help="A YAML file of extra actors laid over the built-in dictionary."),
    table: bool = typer.Option(False, "--table", help="Also print a table of the events found on standard error."),
) -> None:
    """Extract events, statements and tallies from reports, as JSON Lines or CSV."""
    from ..pipeline import Extractor

    if fmt not in ("jsonl", "csv"):
        raise typer.BadParameter("use jsonl or csv", param_hint="--format")
    if published:
        try:
            check_date(published)
        except ValueError as exc:
            raise typer.BadParameter(str(exc), param_hint="--published")
    try:
        extractor = Extractor(language=language, actors_file=str(actors) if actors else None)
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--language")
    counts = {"reports": 0, "events": 0, "failed": 0}
    shown: list[Extraction] = []  # events only, for the table

    def counted(results: Iterable[Extraction]) -> Iterator[Extraction]:
        for r in results:
            counts["reports"] += 1
            counts["events"] += len(r.events)
            if table:
                shown.append(Extraction(article=r.article.model_copy(update={"text": ""}), events=r.events))
            yield r

    out = output.open("w", encoding="utf-8", newline="") if output else sys.stdout
    try:  # records are written as reports are read: memory does not grow with the batch
        (write_csv if fmt == "csv" else write_jsonl)(counted(iter_extraction(extractor, list(read_inputs(paths, published)), counts)), out)
    finally:
        if output:
            out.close()
    if table:
        err.print(events_table(shown))
    err.print(f"{counts['reports']} report(s) read, {counts['events']} event(s), {counts['failed']} failed",
              highlight=False, soft_wrap=True)
    raise typer.Exit(1 if counts["failed"] else 0)


def run_extraction(extractor, items: list) -> tuple[list[Extraction], int]:
    """Extract every item with a progress bar; failures are printed and counted, not raised."""
    counts = {"failed": 0}
    results = list(iter_extraction(extractor, items, counts))
    return results, counts["failed"]


def iter_extraction(extractor, items: list, counts: dict) -> Iterator[Extraction]:
    """The extractions one by one, with a progress bar; failures are printed and counted in
    counts["failed"], not raised."""
    from ..pipeline import Failure

    with _progress(len(items)) as progress:
        task = progress.add_task("extracting", total=len(items))
        for result in extractor.run(items):
            progress.advance(task)
            if isinstance(result, (InputError, Failure)):
                counts["failed"] = counts.get("failed", 0) + 1
                err.print(f"[red]error[/red] {result}", highlight=False, soft_wrap=True)
            else:
                yield result


def _progress(total: int) -> Progress:
    return Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                    console=err, disable=total < PROGRESS_FROM or not err.is_terminal, transient=True)


def events_table(results: list[Extraction]) -> Table:
    table = Table(title="Events found", show_lines=False)
    for col in ("report", "date", "type", "actor 1", "actor 2", "place", "weapon", "killed", "injured"):
        table.add_column(col, overflow="fold")
    for r in results:
        name = Path(r.article.source_path or r.article.article_id).name
        for e in r.events:
            table.add_row(name, e.event_date or "?", e.sub_event_type, e.actor1.name if e.actor1 else "",
                          e.actor2.name if e.actor2 else "", f"{e.location.name or '?'} ({e.location.country_code or '?'})",
                          e.weapon or "", str(e.fatalities), "" if e.injuries is None else str(e.injuries))
    return table


app.command("eval", epilog=EVAL_EPILOG)(evaluate_command)

if __name__ == "__main__":
    app()
