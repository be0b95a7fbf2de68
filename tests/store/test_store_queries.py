"""Queries over the store, on SQLite and PostgreSQL, through the Python API and the command line:
every filter, every format, a DataFrame."""
from __future__ import annotations

import csv
import io
import json

import pytest
from pydantic import ValidationError
from typer.testing import CliRunner

from conflictwire.cli import app
from factory import ARMY, UNKNOWN, event, report

runner = CliRunner()


@pytest.fixture
def filled(store):
    store.add(report("Clash in Gao.", event(date="2025-03-04", fatalities=3), outlet="A"))
    store.add(report("Clash in Gao, again told.", event(date="2025-03-04", fatalities=3), outlet="B"))
    store.add(report("Bomb near Mopti market.", event(date="2025-04-10", where="Mopti", etype="Explosions/Remote violence",
                                                      sub="Remote explosive/landmine/IED", actor1=UNKNOWN, actor2=ARMY,
                                                      weapon="ied", fatalities=7)))
    store.add(report("Clash in Maiduguri.", event(date="2025-05-01", where="Maiduguri", fatalities=0)))
    return store


def ids(events) -> list[str]:
    return sorted(e.location.name for e in events)


@pytest.mark.parametrize("filters, places", [
    ({}, ["Gao", "Maiduguri", "Mopti"]),
    ({"since": "2025-04-01"}, ["Maiduguri", "Mopti"]),
    ({"until": "2025-04-10"}, ["Gao", "Mopti"]),
    ({"country": "Mali"}, ["Gao", "Mopti"]),
    ({"country": "ng"}, ["Maiduguri"]),
    ({"admin1": "gao"}, ["Gao"]),
    ({"event_type": "Battles"}, ["Gao", "Maiduguri"]),
    ({"sub_event_type": "Remote explosive/landmine/IED"}, ["Mopti"]),
    ({"actor": "unidentified"}, ["Mopti"]),
    ({"bbox": (-5, 14, 1, 17)}, ["Gao", "Mopti"]),
    ({"text": "market"}, ["Mopti"]),          # words of the report's text
    ({"text": "100%"}, []),                    # a wildcard is a character, not a pattern
    ({"min_fatalities": 3}, ["Gao", "Mopti"]),
    ({"grade": "corroborated"}, ["Gao"]),
    ({"limit": 1}, ["Maiduguri"]),             # newest first
])
def test_filters(filled, filters, places):
    assert ids(filled.events(**filters)) == places
    assert filled.count(**{k: v for k, v in filters.items() if k != "limit"}) >= len(places)


def test_bad_filters_are_refused_with_the_reason(filled):
    with pytest.raises(ValidationError, match="bbox"):
        filled.events(bbox=(10, 20, 30, 5))
    with pytest.raises(ValidationError, match="not a date"):
        filled.events(since="last week")
    with pytest.raises(ValidationError, match="extra"):
        filled.events(colour="red")


def test_dataframe(filled):
    frame = filled.events(country="ML").to_pandas()
    assert list(frame.sort_values("location")["location"]) == ["Gao", "Mopti"]
    assert {"event_date", "sub_event_type", "fatalities", "n_reports", "grade", "latitude"} <= set(frame.columns)
    assert str(frame["event_date"].dtype).startswith("datetime64")


def test_command_line_formats(filled, db_url):
    result = runner.invoke(app, ["events", "--db", db_url, "--country", "ML", "--format", "csv"])
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert result.exit_code == 0 and sorted(r["location"] for r in rows) == ["Gao", "Mopti"]
    assert {r["grade"] for r in rows} == {"corroborated", "single source"}
    geo = json.loads(runner.invoke(app, ["events", "--db", db_url, "--format", "geojson"]).stdout)
    assert geo["type"] == "FeatureCollection" and len(geo["features"]) == 3
    assert all(f["geometry"]["type"] == "Point" for f in geo["features"])
    lines = runner.invoke(app, ["events", "--db", db_url, "--format", "jsonl", "--min-fatalities", "5"]).stdout.splitlines()
    assert [json.loads(line)["location"]["name"] for line in lines] == ["Mopti"]
    table = runner.invoke(app, ["events", "--db", db_url, "--bbox", "-5,14,1,17"])
    assert table.exit_code == 0 and "Gao" in table.stdout and "Maiduguri" not in table.stdout
    bad = runner.invoke(app, ["events", "--db", db_url, "--bbox", "1,2,3"])
    assert bad.exit_code == 2 and "west,south,east,north" in bad.output


def test_show_prints_reports_and_merge_reasons(filled, db_url):
    gao = filled.events(admin1="Gao")[0]
    result = runner.invoke(app, ["events", "show", gao.event_id[:6], "--db", db_url])
    assert result.exit_code == 0
    assert "2 report(s), 2 outlet(s): corroborated" in result.stdout
    assert "merged (acled_rule" in result.stdout and "same actors" in result.stdout
    detail = json.loads(runner.invoke(app, ["events", "show", gao.event_id, "--db", db_url, "--json"]).stdout)
    assert len(detail["reports"]) == 2 and detail["decisions"]


def test_split_from_the_command_line(filled, db_url):
    gao = filled.events(admin1="Gao")[0]
    result = runner.invoke(app, ["events", "split", gao.event_id, "--db", db_url])
    assert result.exit_code == 0 and "split into" in result.output
    assert filled.count(admin1="Gao") == 2


def test_a_month_overlapping_the_range_is_in_it(store):
    store.add(report("Fighting in Gao in March.", event(date="2025-03", precision="month")))
    store.add(report("Fighting in Mopti in 2025.", event(date="2025", precision="year", where="Mopti")))
    assert ids(store.events(since="2025-03-10")) == ["Gao", "Mopti"]
    assert ids(store.events(since="2025-04-01")) == ["Mopti"]  # the year still overlaps
    assert ids(store.events(since="2026-01-01")) == []
