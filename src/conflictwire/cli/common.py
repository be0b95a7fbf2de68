"""What the commands share: the consoles, error lines, the progress bar, the extraction loop
that prints failures as it goes, and the gazetteer a command needs."""
from __future__ import annotations

from pathlib import Path
from typing import Iterator, NoReturn, Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from ..errors import Failure
from ..model import Extraction

out = Console()
err = Console(stderr=True)
PROGRESS_FROM = 5  # reports; fewer finish before a bar would help


def say(message: str) -> None:
    """A plain line on standard error: no markup guessing, no wrapping of paths."""
    err.print(message, highlight=False, soft_wrap=True)


def abort(exc: Exception, code: int = 2) -> NoReturn:
    """Stop the command on an error that concerns the whole run (not one report)."""
    say(f"[red]error:[/red] {exc}")
    raise typer.Exit(code)


def progress(total: int) -> Progress:
    return Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                    console=err, disable=total < PROGRESS_FROM or not err.is_terminal, transient=True)


def iter_extraction(extractor, items: list, counts: dict) -> Iterator[Extraction]:
    """The extractions one by one, with a progress bar; failures are printed and counted in
    counts["failed"], not raised."""
    with progress(len(items)) as bar:
        task = bar.add_task("extracting", total=len(items))
        for result in extractor.run(items):
            bar.advance(task)
            if isinstance(result, Failure):
                counts["failed"] = counts.get("failed", 0) + 1
                say(f"[red]error[/red] {result}")
            else:
                yield result


def run_extraction(extractor, items: list) -> tuple[list[Extraction], int]:
    """Extract every item with a progress bar; failures are printed and counted, not raised."""
    counts = {"failed": 0}
    results = list(iter_extraction(extractor, items, counts))
    return results, counts["failed"]


def ensure_gazetteer(path: Optional[Path] = None) -> Path:
    """The gazetteer a command needs. The library never builds it behind one's back; a command
    may, as a step the user sees, the first time."""
    from ..gazetteer.query import build_gazetteer
    from ..gazetteer.store import default_path, is_current

    path = Path(path or default_path())
    if not is_current(path):
        say(f"building the gazetteer (first run, ~20 s) at {path}")
        build_gazetteer(path, progress=True, console=err)
    return path


DB_HELP = ("The event store: a SQLite file path or an SQLAlchemy URL (sqlite:///events.db, "
           "postgresql://user@host:5432/name); default: CONFLICTWIRE_DB, else events.db in the user data directory.")


def open_store(db: Optional[str], readonly: bool = False):
    """The store a command works on, or exit status 1 with one line saying why it cannot be opened."""
    from ..store import Store, StoreError

    try:
        return Store(db, readonly=readonly)
    except StoreError as exc:
        abort(exc, 1)


def checked_extractor(language: Optional[str], published: Optional[str], actors: Optional[Path]):
    """The Extractor the extracting commands share, after checking their options: a bad
    --published or --language is a usage error naming the option."""
    from ..ingest.readers import check_date
    from ..pipeline import Extractor

    if published:
        try:
            check_date(published)
        except ValueError as exc:
            raise typer.BadParameter(str(exc), param_hint="--published")
    try:
        return Extractor(language=language, actors_file=str(actors) if actors else None)
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--language")
