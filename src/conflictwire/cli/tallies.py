"""`conflictwire tallies`: every figure reports gave, beside what the store holds for the same
period, countries and target, and the gap: what the store is missing."""
from __future__ import annotations

import json
from typing import Optional

import typer
from rich import box
from rich.table import Table
from rich.text import Text

from .common import DB_HELP, open_store, out

EPILOG = """**Examples**

* `conflictwire tallies`
* `conflictwire tallies --db postgresql://me@localhost/conflict --json`
"""


def tallies_command(
    db: Optional[str] = typer.Option(None, "--db", envvar="CONFLICTWIRE_DB", help=DB_HELP),
    as_json: bool = typer.Option(False, "--json", help="JSON Lines, one checked figure per line."),
) -> None:
    """The figures reports gave ("at least 40 attacks since 7 October"), each beside the store's
    count of matching events, and the gap between them."""
    with open_store(db, readonly=True) as store:
        checks = store.tallies()
    if as_json:
        for c in checks:
            print(json.dumps(c.model_dump(mode="json"), ensure_ascii=False))
        return
    table = Table(box=box.SIMPLE_HEAD, title="Figures reports gave, and the store's count", title_justify="left")
    for header in ("figure", "period", "where", "source", "store", "gap"):
        table.add_column(header, overflow="fold")
    for c in checks:
        qualifier = {"at_least": "≥", "more_than": ">", "about": "~", "at_most": "≤"}.get(c.qualifier, "")
        figure = f"{qualifier}{c.value} {c.quantity}" + (f" ({c.subject})" if c.subject else "")
        period = f"{c.since or '?'} → {c.until or '?'}"
        source = ", ".join(x for x in (c.attributed_to, c.source, (c.published or "")[:10]) if x)
        store_count = "–" if c.store_count is None else str(c.store_count)
        table.add_row(*map(Text, (figure, period, ", ".join(c.countries) or "–", source, store_count, c.verdict)))
    out.print(table)
