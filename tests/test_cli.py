import csv
import io
import json

from typer.testing import CliRunner

from conflictwire.cli import app

runner = CliRunner()


def test_help_has_examples():
    result = runner.invoke(app, ["extract", "--help"])
    assert result.exit_code == 0 and "Examples" in result.output and "--published" in result.output


def test_bad_inputs_are_reported_and_the_rest_goes_on(tmp_path):
    (tmp_path / "good.txt").write_text(" date 2024-03-08 T\n\nGunmen killed two villagers near Gao on Thursday.", encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "german.txt").write_text("Bewaffnete haben am Donnerstag in der Stadt zwei Dorfbewohner getötet, teilte die Polizei mit.", encoding="utf-8")
    (tmp_path / "feed.jsonl").write_text('{"text": "Police arrested ten protesters in Dakar on Monday.", "published": "2024-03-04"}\n{oops\n', encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["extract", str(tmp_path), "-o", str(out)])
    assert result.exit_code == 1
    assert "empty.txt" in result.output and "german.txt" in result.output and "'de'" in result.output
    assert "feed.jsonl:2" in result.output
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    articles = [r for r in records if r["kind"] == "article"]
    assert len(articles) == 2
    assert any(r["kind"] == "event" for r in records)


def test_clean_run_exits_zero_and_csv_has_acled_columns(tmp_path):
    (tmp_path / "r.txt").write_text(" date 2024-03-08 T\n\nA suicide bomber killed five people at a market in Maiduguri on Wednesday.", encoding="utf-8")
    out = tmp_path / "out.csv"
    result = runner.invoke(app, ["extract", str(tmp_path / "r.txt"), "--format", "csv", "-o", str(out)])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert rows and {"event_date", "event_type", "sub_event_type", "actor1", "inter1", "fatalities", "geo_precision"} <= set(rows[0])
    assert rows[0]["sub_event_type"] == "Suicide bomb" and rows[0]["iso"] == "NG"


def test_language_override_and_bad_published(tmp_path):
    f = tmp_path / "r.txt"
    f.write_text("Des hommes armés ont tué deux civils.", encoding="utf-8")
    assert runner.invoke(app, ["extract", str(f), "--published", "2024-02-30"]).exit_code != 0
    result = runner.invoke(app, ["extract", str(f), "--language", "fr", "--published", "2024-02-10"])
    assert result.exit_code == 0
    lines = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    assert lines[0]["language"] == "fr" and lines[0]["published"] == "2024-02-10"


def test_table_has_a_report_column_only_for_several_reports(tmp_path):
    one = tmp_path / "one.txt"
    one.write_text(" date 2024-03-08 T\n\nGunmen killed two villagers near Gao on Thursday.", encoding="utf-8")
    alone = runner.invoke(app, ["extract", str(one), "-o", str(tmp_path / "a.jsonl"), "--table"])
    assert alone.exit_code == 0 and "Events found" in alone.output and "report " not in alone.output
    other = tmp_path / "two.txt"
    other.write_text(" date 2024-03-09 T\n\nSoldiers killed three militants near Menaka on Friday.", encoding="utf-8")
    both = runner.invoke(app, ["extract", str(one), str(other), "-o", str(tmp_path / "b.jsonl"), "--table"])
    assert both.exit_code == 0 and "report " in both.output and "one.txt" in both.output
    assert max(len(line) for line in both.output.splitlines() if "│" not in line) <= 80


def test_wide_shows_names_in_full(tmp_path):
    f = tmp_path / "r.txt"
    f.write_text(" date 2024-03-08 T\n\nGunmen killed two villagers near Gao on Thursday.", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(f), "-o", str(tmp_path / "a.jsonl"), "--wide"])
    records = [json.loads(line) for line in (tmp_path / "a.jsonl").read_text(encoding="utf-8").splitlines()]
    names = [r["actor1"]["name"] for r in records if r["kind"] == "event" and r.get("actor1")]
    assert result.exit_code == 0 and names and all(name in result.output for name in names)
    assert "weapon" in result.output and "…" not in result.output


def test_extract_builds_a_missing_gazetteer_visibly(tmp_path, monkeypatch):
    import shutil
    import sys
    from conflictwire.gazetteer.store import default_path
    built = default_path()  # the session's gazetteer stands in for a 20 s build
    calls = []

    def fake_build(path, progress=True, console=None):
        calls.append(path)
        shutil.copy(built, path)

    monkeypatch.setattr(sys.modules["conflictwire.gazetteer.build"], "build", fake_build)
    monkeypatch.setenv("CONFLICTWIRE_DATA_DIR", str(tmp_path / "data"))
    (tmp_path / "data").mkdir()
    f = tmp_path / "r.txt"
    f.write_text(" date 2024-03-08 T\n\nGunmen killed two villagers near Gao on Thursday.", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(f), "-o", str(tmp_path / "a.jsonl")])
    assert result.exit_code == 0, result.output
    assert "building the gazetteer (first run" in result.output and calls == [tmp_path / "data" / "gazetteer.sqlite"]
    again = runner.invoke(app, ["extract", str(f), "-o", str(tmp_path / "a.jsonl")])
    assert again.exit_code == 0 and "building" not in again.output and len(calls) == 1
