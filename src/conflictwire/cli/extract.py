"""`conflictwire extract`: reports in, records out (JSON Lines or CSV), with a table of the
events for a person when asked."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Iterable, Iterator, List, Optional

import typer

from ..errors import ConflictwireError
from ..export import write_csv, write_jsonl
from ..ingest import read_inputs
from ..model import Extraction
from .common import abort, checked_extractor, ensure_gazetteer, err, iter_extraction, say
from .table import print_events

EPILOG = """**Examples**

* `conflictwire extract report.txt`
* `conflictwire extract reports/ -o events.jsonl --table`
* `conflictwire extract feed.jsonl --format csv -o events.csv`
* `cat report.txt | conflictwire extract - --language fr --published 2024-03-08`
"""


def extract_command(
    paths: List[str] = typer.Argument(..., help="Report files (.txt with or without a ` date YYYY-MM-DD title` header, .jsonl), directories (searched recursively), or - for standard input."),
    output: Optional[Path] = typer.Option(None, "-o", "--output", help="Write records here instead of standard output."),
    fmt: str = typer.Option("jsonl", "--format", "-f", help="jsonl (articles, events, statements, tallies) or csv (events, ACLED column names)."),
    language: Optional[str] = typer.Option(None, "--language", "-l", help="Language of every report (en, fr); detected per report when not given."),
    published: Optional[str] = typer.Option(None, "--published", help="Publication date (YYYY-MM-DD, YYYY-MM) for reports that do not give one."),
    actors: Optional[Path] = typer.Option(None, "--actors", help="A YAML file of extra actors laid over the built-in dictionary."),
    table: bool = typer.Option(False, "--table", help="Also print a table of the events found on standard error (80 columns)."),
    wide: bool = typer.Option(False, "--wide", help="Print the table with every column in full (implies --table)."),
) -> None:
    """Extract events, statements and tallies from reports, as JSON Lines or CSV."""
    if fmt not in ("jsonl", "csv"):
        raise typer.BadParameter("use jsonl or csv", param_hint="--format")
    extractor = checked_extractor(language, published, actors)
    ensure_gazetteer()
    counts = {"reports": 0, "events": 0, "failed": 0}
    shown: Optional[list[Extraction]] = [] if (table or wide) else None
    try:
        write(extractor, list(read_inputs(paths, published)), fmt, output, counts, shown)
    except ConflictwireError as exc:  # a missing model or a bad actors file: nothing can go on
        abort(exc)
    if shown is not None:
        print_events(err, shown, wide=wide)
    say(f"{counts['reports']} report(s) read, {counts['events']} event(s), {counts['failed']} failed")
    raise typer.Exit(1 if counts["failed"] else 0)


def write(extractor, items: list, fmt: str, output: Optional[Path], counts: dict, shown: Optional[list]) -> None:
    """Records are written as reports are extracted, so memory does not grow with the batch."""
    writer = write_csv if fmt == "csv" else write_jsonl
    out = output.open("w", encoding="utf-8", newline="") if output else sys.stdout
    try:
        writer(counted(iter_extraction(extractor, items, counts), counts, shown), out)
    finally:
        if output:
            out.close()


def counted(results: Iterable[Extraction], counts: dict, shown: Optional[list]) -> Iterator[Extraction]:
    for r in results:
        counts["reports"] += 1
        counts["events"] += len(r.events)
        if shown is not None:  # events only: the table needs no text, statements or tallies
            shown.append(Extraction(article=r.article.model_copy(update={"text": ""}), events=r.events))
        yield r
