"""The store's commands as a person runs them: ingest prints a summary, a second run adds
nothing, tallies lists the figures beside the store's counts."""
from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from conflictwire.cli import app
from factory import attacks_tally, event, report

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
runner = CliRunner()


def test_ingest_merges_the_two_reports_of_one_event_and_a_rerun_adds_nothing(db_url):
    pair = [str(EXAMPLES / "fr_niger_tera_convoi.txt"), str(EXAMPLES / "en_niger_tera_convoy.txt")]
    first = runner.invoke(app, ["ingest", *pair, "--db", db_url])
    assert first.exit_code == 0, first.output
    assert "reports added" in first.output and "events merged into stored ones" in first.output
    listed = runner.invoke(app, ["events", "--db", db_url, "--format", "jsonl"]).stdout.splitlines()
    (tera,) = [e for e in map(json.loads, listed) if e["location"]["name"] == "Téra"]
    assert tera["n_reports"] == 2 and tera["n_outlets"] == 2 and tera["grade"] == "corroborated"
    assert tera["fatalities"] == 7
    again = runner.invoke(app, ["ingest", *pair, "--db", db_url])
    assert again.exit_code == 0 and "store: reports / events" in again.output
    assert runner.invoke(app, ["events", "--db", db_url, "--format", "jsonl"]).stdout.splitlines() == listed


def test_tallies_lists_each_figure_beside_the_store(store, db_url):
    store.add(report("Attack one in Gao.", event(date="2025-02-01")))
    store.add(report("At least 4 attacks in Mali since 1 February.", published="2025-02-20",
                     tallies=[attacks_tally(4, "2025-02-01")]))
    table = runner.invoke(app, ["tallies", "--db", db_url])
    assert table.exit_code == 0 and "≥4 attacks" in table.stdout and "misses 3" in table.stdout
    (line,) = runner.invoke(app, ["tallies", "--db", db_url, "--json"]).stdout.splitlines()
    assert json.loads(line)["store_count"] == 1
