"""The `conflictwire` command: a thin layer over the library. This module only assembles the
Typer app; each command lives in its own module (extract, ingest, events, tallies, serve, eval, gate, gazetteer), and what they
share in `common`."""
from __future__ import annotations

import typer

from .eval import EPILOG as EVAL_EPILOG
from .eval import evaluate_command
from .extract import EPILOG as EXTRACT_EPILOG
from .extract import extract_command
from .gate import EPILOG as GATE_EPILOG
from .gate import gate_command
from .gazetteer import gazetteer_app
from .events import events_app
from .ingest import EPILOG as INGEST_EPILOG
from .ingest import ingest_command
from .serve import EPILOG as SERVE_EPILOG
from .serve import serve_command
from .tallies import EPILOG as TALLIES_EPILOG
from .tallies import tallies_command

app = typer.Typer(
    help="conflictwire: read news reports (French, English) and write sourced ACLED-style event, statement and tally records.",
    no_args_is_help=True, add_completion=False, rich_markup_mode="markdown",
)


@app.callback()
def main() -> None:
    """Offline conflict-event extraction from news reports."""


app.command("extract", epilog=EXTRACT_EPILOG)(extract_command)
app.command("eval", epilog=EVAL_EPILOG)(evaluate_command)
app.command("gate", epilog=GATE_EPILOG)(gate_command)
app.command("ingest", epilog=INGEST_EPILOG)(ingest_command)
app.add_typer(events_app, name="events")
app.command("tallies", epilog=TALLIES_EPILOG)(tallies_command)
app.command("serve", epilog=SERVE_EPILOG)(serve_command)
app.add_typer(gazetteer_app, name="gazetteer")

if __name__ == "__main__":
    app()
