"""The scorer, gold and prediction files, ACLED exports as gold, and the quality gate, on small
hand-made files (nothing outside the repository)."""
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conflictwire.cli import app
from conflictwire.evaluate import score
from conflictwire.evaluate import baseline as gate_file
from conflictwire.evaluate.sets import project_sets
from conflictwire.evaluate.acled import AcledError, actor_country, actor_kind, read_acled
from conflictwire.evaluate.records import load

runner = CliRunner()
ROOT = Path(__file__).resolve().parent.parent


def article(doc, aid=None, text="x" * 40):
    return {"kind": "article", "article_id": aid or doc, "source_path": f"/some/dir/{doc}", "language": "en", "text": text}


def event(doc=None, aid=None, date="2024-03-01", sub="Armed clash", etype="Battles", lat=10.0, lon=10.0, cc="ML", **more):
    r = {"kind": "event", "event_date": date, "event_type": etype, "sub_event_type": sub,
         "location": {"name": "P", "country_code": cc, "latitude": lat, "longitude": lon, "geo_precision": 1}, **more}
    if doc:
        r["doc"] = doc
    if aid:
        r["article_ids"] = [aid]
    return r


def test_perfect_prediction_scores_one_and_fields_are_counted():
    gold = [event("a.txt", actor1={"name": "X", "kind": "rebel_group", "country_code": None}, fatalities=2)]
    pred = [article("a.txt"), event(aid="a.txt", actor1={"name": "Y", "kind": "rebel_group", "country_code": "ML"}, fatalities=2)]
    s = score(gold, pred)
    assert s["events"] == {"gold": 1, "pred": 1, "matched": 1, "precision": 1.0, "recall": 1.0, "f1": 1.0}
    assert s["fields"]["actor1"]["accuracy"] == 1.0  # a null gold country is not scored
    assert s["fields"]["fatalities"] == {"accuracy": 1.0, "scored": 1}
    assert "injuries" not in s["fields"] and "admin1" not in s["fields"]  # absent gold fields are not scored


def test_pairs_are_one_to_one_best_first():
    # two gold events at the same spot, one prediction: only one can match; the better one (same type) wins
    gold = [event("a.txt", sub="Attack", etype="Violence against civilians"), event("a.txt", sub="Armed clash")]
    pred = [article("a.txt"), event(aid="a.txt", sub="Armed clash")]
    s = score(gold, pred)
    assert s["events"]["matched"] == 1 and s["events"]["recall"] == 0.5
    assert s["fields"]["sub_event_type"]["accuracy"] == 0.5  # the clash paired with the clash


def test_ties_are_broken_like_the_shared_scorer():
    # identical gold events and identical predictions: pairs are taken from the highest indices down
    gold = [event("a.txt", fatalities=1), event("a.txt", fatalities=2)]
    pred = [article("a.txt"), event(aid="a.txt", fatalities=2), event(aid="a.txt", fatalities=1)]
    s = score(gold, pred)
    assert s["events"]["matched"] == 2
    assert s["fields"]["fatalities"]["accuracy"] == 0.0  # gold[1] took pred[1], gold[0] pred[0]


def test_far_away_on_another_day_is_not_a_match_and_counts_wrong_on_every_field():
    gold = [event("a.txt", date="2024-03-01", weapon="drone")]
    pred = [article("a.txt"), event(aid="a.txt", date="2024-03-05", lat=12.0, lon=10.0)]
    s = score(gold, pred)
    assert s["events"]["matched"] == 0 and s["events"]["precision"] == 0.0
    assert all(v["accuracy"] == 0.0 for v in s["fields"].values())
    assert s["fields"]["weapon"]["scored"] == 1


def test_lists_of_acceptable_values():
    gold = [event("a.txt", sub=["Air/drone strike", "Disrupted weapons use"], etype=["Explosions/Remote violence", "Strategic developments"],
                  date=["2024-03-01", "2024-03-02"]),
            {"kind": "statement", "doc": "a.txt", "statement_type": ["WARN", "THREATEN"], "speaker": {"country_code": "ML"}},
            {"kind": "tally", "doc": "a.txt", "quantity": ["attacks", "strikes"], "value": 40}]
    pred = [article("a.txt"), event(aid="a.txt", sub="Disrupted weapons use", etype="Strategic developments", date="2024-03-02"),
            {"kind": "statement", "article_id": "a.txt", "statement_type": "THREATEN", "speaker": {"country_code": "ML"}},
            {"kind": "tally", "article_id": "a.txt", "quantity": "strikes", "value": 40}]
    s = score(gold, pred)
    assert s["fields"]["sub_event_type"]["accuracy"] == 1.0 and s["fields"]["event_date"]["accuracy"] == 1.0
    assert s["statements"]["f1"] == 1.0 and s["tallies"]["f1"] == 1.0


def test_statements_need_the_speakers_country_and_match_once():
    gold = [{"kind": "statement", "doc": "a.txt", "statement_type": "ACCUSE", "speaker": {"country_code": "US"}}] * 2
    pred = [article("a.txt"), {"kind": "statement", "article_id": "a.txt", "statement_type": "ACCUSE", "speaker": {"country_code": "US"}},
            {"kind": "statement", "article_id": "a.txt", "statement_type": "ACCUSE", "speaker": {"country_code": "IR"}}]
    s = score(gold, pred)
    assert s["statements"]["matched"] == 1 and s["statements"]["precision"] == 0.5


def test_a_report_without_prediction_counts_as_missed_and_unknown_reports_are_ignored():
    gold = [event("a.txt"), event("b.txt")]
    pred = [article("a.txt"), event(aid="a.txt"), article("c.txt"), event(aid="c.txt")]
    s = score(gold, pred)
    assert s["events"] == {"gold": 2, "pred": 1, "matched": 1, "precision": 1.0, "recall": 0.5, "f1": 0.667}


def test_coarse_gold_place_matches_anywhere_in_the_country():
    gold = [event("a.txt", date="2024-01-01") | {"location": {"country_code": "ML", "latitude": 17.0, "longitude": -4.0, "geo_precision": 3}}]
    pred = [article("a.txt"), event(aid="a.txt", date="2024-02-02", lat=14.0, lon=-4.0, cc="ML")]
    s = score(gold, pred)
    assert s["events"]["matched"] == 1 and s["fields"]["location_25km"]["accuracy"] == 0.0  # 330 km: over 250


def test_evidence_validity_is_the_share_of_exact_quotes():
    pred = [article("a.txt", text="Gunmen attacked Gao."),
            event(aid="a.txt", evidence=[{"field": "trigger", "start": 7, "end": 15, "text": "attacked"},
                                         {"field": "location", "start": 0, "end": 3, "text": "Gao"}])]
    assert score([event("a.txt")], pred)["evidence_valid"] == 0.5


def test_bad_lines_are_named_and_left_out(tmp_path):
    f = tmp_path / "g.gold.jsonl"
    lines = [json.dumps(event("a.txt")), "{not json", json.dumps({"kind": "event", "event_type": "Battles"}),
             json.dumps(event("a.txt") | {"evnt_date": "2024"}), json.dumps({"kind": "wish"}),
             json.dumps(event("a.txt", sub="Skirmish")), json.dumps(event("a.txt", actor1={"name": "X", "kind": "army"})), "[1, 2]"]
    f.write_text("\n".join(lines) + "\n", encoding="utf-8")
    problems = []
    records = load(f, "gold", problems)
    assert len(records) == 1
    text = [str(p) for p in problems]
    assert text[0].startswith(f"{f}:2: not valid JSON")
    assert f"{f}:3:" in text[1] and '"doc"' in text[1]
    assert f"{f}:4:" in text[2] and "evnt_date" in text[2]
    assert "unknown kind 'wish'" in text[3] and "'Skirmish'" in text[4] and "'army'" in text[5]
    assert "JSON object" in text[6]
    missing = []
    assert load(tmp_path / "nope.jsonl", "pred", missing) == [] and "no such pred file" in str(missing[0])


def test_cli_reports_bad_lines_and_missing_reports_and_still_scores(tmp_path):
    gold, pred = tmp_path / "gold.jsonl", tmp_path / "pred.jsonl"
    gold.write_text(json.dumps(event("a.txt")) + "\n" + json.dumps(event("b.txt")) + "\n", encoding="utf-8")
    pred.write_text(json.dumps(article("a.txt")) + "\n" + json.dumps(event(aid="a.txt")) + "\n{broken\n", encoding="utf-8")
    result = runner.invoke(app, ["eval", "--gold", str(gold), "--pred", str(pred), "--json", "--show"])
    assert result.exit_code == 1
    assert f"{pred}:3: not valid JSON" in result.output
    assert "no prediction for report b.txt" in result.output
    figures = json.loads(result.stdout.splitlines()[0])
    assert figures["events"]["recall"] == 0.5
    assert "missed" in result.output and "why: no prediction for this report" in result.output


ACLED_HEADER = ("event_id_cnty,event_date,year,time_precision,event_type,sub_event_type,actor1,assoc_actor_1,inter1,"
                "actor2,assoc_actor_2,inter2,interaction,iso,country,admin1,admin2,admin3,location,latitude,longitude,"
                "geo_precision,source,notes,fatalities")


def acled_file(tmp_path, rows, header=ACLED_HEADER):
    f = tmp_path / "export.csv"
    f.write_text(header + "\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return f


ROWS = [
    'XYZ1,12 May 2024,2024,1,Battles,Armed clash,"Military Forces of Mali (2021-)","Wagner Group",1,"JNIM: Group for Support of Islam and Muslims",,2,12,466,Mali,Gao,Ansongo,,Ansongo,15.6597,0.5022,1,Local media,"On 12 May 2024, Malian soldiers clashed with JNIM militants near Ansongo (Gao). Four soldiers were killed.",4',
    'XYZ2,2024-05-14,2024,2,Riots,Violent demonstration,"Rioters (Nigeria)",,Rioters,,,,50,566,Nigeria,Kano,Kano,,Kano,12.0001,8.5167,1,Daily paper,"Around 14 May 2024, rioters set fire to a bus station in Kano during a protest over fuel prices.",0',
]


def test_acled_rows_become_gold_with_kinds_countries_and_date_precision(tmp_path):
    data = read_acled(acled_file(tmp_path, ROWS))
    assert not data.problems and len(data.gold) == 2 and len(data.reports) == 2
    clash, riot = data.gold
    assert clash["doc"] == "XYZ1.txt" and clash["event_date"] == "2024-05-12" and clash["date_precision"] == "day"
    assert clash["actor1"] == {"name": "Military Forces of Mali (2021-)", "kind": "state_forces", "country_code": "ML"}
    assert clash["actor2"]["kind"] == "rebel_group" and clash["actor2"]["country_code"] is None
    assert clash["assoc_actor_1"][0]["name"] == "Wagner Group"
    assert clash["location"]["country_code"] == "ML" and clash["location"]["admin1"] == "Gao" and clash["fatalities"] == 4
    assert riot["actor1"] == {"name": "Rioters (Nigeria)", "kind": "rioters", "country_code": "NG"} and riot["actor2"] is None
    assert riot["date_precision"] == "week" and "2024-05-11" in riot["event_date"] and "2024-05-18" in riot["event_date"]
    assert data.reports[0].published == "2024-05-12" and data.reports[0].source_path == "XYZ1.txt"


@pytest.mark.parametrize("name,code", [
    ("Military Forces of Iraq (2022-)", "IQ"), ("Unidentified Armed Group (Syria)", "SY"), ("Taliban", None),
    ("Police Forces of Afghanistan (2014-) Afghan Local Police", "AF"), ("Military Forces of the United States", "US"),
    ("Civilians (Burkina Faso)", "BF"), ("Government of Niger (2023-)", "NE")])
def test_actor_country_from_acled_names(name, code):
    assert actor_country(name) == code


def test_inter_in_both_forms():
    assert actor_kind("8") == actor_kind("External/Other forces") == "external_forces"
    assert actor_kind("Identity militia") == "identity_militia" and actor_kind("9") is None


def test_acled_bad_rows_and_bad_files(tmp_path):
    rows = [ROWS[0], 'XYZ3,31 February 2024,2024,1,Battles,Armed clash,A,,2,B,,2,22,466,Mali,Gao,,,Gao,16.27,-0.04,1,S,"Notes.",0',
            'XYZ4,12 May 2024,2024,1,Battles,Armed clash,A,,2,B,,2,22,466,Mali,Gao,,,Gao,16.27,-0.04,1,S,,0']
    data = read_acled(acled_file(tmp_path, rows))
    assert len(data.gold) == 1
    assert [p.line for p in data.problems] == [3, 4]
    assert "31 February 2024" in data.problems[0].reason and "no notes" in data.problems[1].reason
    with pytest.raises(AcledError, match="missing column.*notes"):
        read_acled(acled_file(tmp_path, [], header=ACLED_HEADER.replace(",notes", "")))
    binary = tmp_path / "bin.csv"
    binary.write_bytes(b"\xff\xfe\x00\x01" * 10)
    with pytest.raises(AcledError, match="bin.csv"):
        read_acled(binary)


def test_acled_file_is_scored_end_to_end(tmp_path):
    f = acled_file(tmp_path, ROWS)
    result = runner.invoke(app, ["eval", "--acled", str(f), "--json"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.stdout)
    assert figures["events"]["gold"] == 2 and figures["events"]["matched"] >= 1
    assert figures["fields"]["country"]["scored"] == 2
    missing = runner.invoke(app, ["eval", "--acled", str(acled_file(tmp_path, [], header="a,b,c"))])
    assert missing.exit_code == 2 and "missing column" in missing.output


@pytest.fixture
def corpus(tmp_path):
    """A temporary copy of a small gold set, predictions for it, and a baseline pinned on them."""
    gold_dir = tmp_path / "gold"
    gold_dir.mkdir()
    (gold_dir / "a.gold.jsonl").write_text("\n".join(json.dumps(event("a.txt", date=f"2024-03-0{i}", lat=10 + i)) for i in range(1, 5)) + "\n")
    pred = tmp_path / "pred.jsonl"
    pred.write_text("\n".join([json.dumps(article("a.txt"))] + [json.dumps(event(aid="a.txt", date=f"2024-03-0{i}", lat=10 + i)) for i in range(1, 5)]) + "\n")
    base = tmp_path / "baseline.json"
    made = runner.invoke(app, ["eval", "--gold", str(gold_dir), "--pred", str(pred), "--write-baseline", str(base)])
    assert made.exit_code == 0, made.output
    return gold_dir, pred, base


def test_gate_passes_on_unchanged_results_and_fails_when_a_result_gets_worse(corpus):
    gold_dir, pred, base = corpus
    ok = runner.invoke(app, ["eval", "--gold", str(gold_dir), "--pred", str(pred), "--baseline", str(base)])
    assert ok.exit_code == 0 and "gate passed" in ok.output
    worse = pred.read_text().splitlines()[:-1]  # lose one event on purpose
    pred.write_text("\n".join(worse) + "\n")
    failed = runner.invoke(app, ["eval", "--gold", str(gold_dir), "--pred", str(pred), "--baseline", str(base)])
    assert failed.exit_code == 1 and "gate failed" in failed.output and "events F1" in failed.output


def test_gate_notices_a_changed_gold_set(corpus):
    gold_dir, pred, base = corpus
    with (gold_dir / "a.gold.jsonl").open("a") as fh:
        fh.write(json.dumps(event("a.txt", date="2024-03-09")) + "\n")
    result = runner.invoke(app, ["eval", "--gold", str(gold_dir), "--pred", str(pred), "--baseline", str(base)])
    assert result.exit_code == 1 and "changed since it was pinned" in result.output


def test_gate_tolerates_a_drop_within_the_margin():
    pinned = {"margin": 0.02, "sets": {"corpus": {"checksum": "c", "figures": {"events_f1": 0.80}}}}
    result = {"events": {"f1": 0.785}, "statements": {"f1": 0}, "tallies": {"f1": 0}, "fields": {}}
    assert gate_file.gate(pinned, "corpus", result, "c") == []
    result["events"]["f1"] = 0.77
    assert gate_file.gate(pinned, "corpus", result, "c")
    assert "not pinned" in gate_file.gate(pinned, "news", result, "c")[0]


def test_pinning_a_lower_figure_needs_a_reason_and_keeps_it(corpus):
    gold_dir, pred, base = corpus
    worse = pred.read_text().splitlines()[:-1]  # one event fewer: events F1 goes down
    pred.write_text("\n".join(worse) + "\n")
    refused = runner.invoke(app, ["eval", "--gold", str(gold_dir), "--pred", str(pred), "--write-baseline", str(base)])
    assert refused.exit_code == 1 and "say why with --reason" in refused.output
    assert gate_file.read_baseline(base)["sets"]["scored"]["figures"]["events_f1"] == 1.0  # nothing pinned
    pinned = runner.invoke(app, ["eval", "--gold", str(gold_dir), "--pred", str(pred), "--write-baseline", str(base),
                                 "--reason", "one gold event was a duplicate"])
    assert pinned.exit_code == 0, pinned.output
    body = gate_file.read_baseline(base)
    assert body["sets"]["scored"]["figures"]["events_f1"] < 1.0
    assert body["lowered"][-1]["reason"] == "one gold event was a duplicate" and "events F1" in body["lowered"][-1]["figures"][0]


def test_readme_shows_the_pinned_figures_of_every_set():
    """The README's table is written by `make baseline` from the committed baseline; it must not go stale."""
    pinned = gate_file.read_baseline(ROOT / "tests" / "data" / "baseline.json")
    table = gate_file.readme_table(ROOT / "README.md")
    assert table == gate_file.markdown_table(pinned)
    assert "the project's corpus (written with the rules)" in table and "real reports (development set)" in table
    corpus = [s for s in project_sets(ROOT) if s.key == "corpus"][0]
    assert pinned["sets"]["corpus"]["checksum"] == corpus.checksum()  # gold and report texts both


def test_canonical_names_are_scored_apart_from_kind_and_country():
    gold = [event("a.txt", actor1={"name": ["Military Forces of Mali", "FAMa"], "kind": "state_forces", "country_code": "ML"},
                  actor2={"name": "Civilians (Mali)", "kind": "civilians", "country_code": "ML"})]
    pred = [article("a.txt"), event(aid="a.txt", actor1={"name": "military forces of mali", "kind": "state_forces", "country_code": "ML"},
                                    actor2={"name": "Civilians (Burkina Faso)", "kind": "civilians", "country_code": "ML"})]
    s = score(gold, pred, names=True)
    assert s["names"] == {"actor1_name": {"accuracy": 1.0, "scored": 1}, "actor2_name": {"accuracy": 0.0, "scored": 1}}
    assert s["fields"]["actor2"]["accuracy"] == 1.0  # kind and country are right all the same
    assert "names" not in score(gold, pred)
    assert gate_file.figures(s)["actor2_name"] == 0.0


def test_acleds_own_coding_notes_can_be_taken_out_of_the_notes(tmp_path):
    """ "Fatalities coded as 0 (...)" is the coders' word, not the report's: `eval --acled` shows
    the figures with it and without it."""
    from conflictwire.evaluate.acled import strip_coding_notes
    assert strip_coding_notes("Gunmen killed 3 herders near Ansongo. Fatalities coded as 0 (local radio reported 3).") \
        == "Gunmen killed 3 herders near Ansongo."
    assert strip_coding_notes("Troops killed 8 militants in two villages. Fatalities split over 2 locations (4).") \
        == "Troops killed 8 militants in two villages."
    assert strip_coding_notes("Police arrested 5 men. No fatalities.") == "Police arrested 5 men. No fatalities."
    row = ROWS[0].replace("Four soldiers were killed.", "Four soldiers were killed. Fatalities coded as 0 (local media reported 4).")
    kept, taken = read_acled(acled_file(tmp_path, [row])), read_acled(acled_file(tmp_path, [row]), coding_notes=False)
    assert "coded as 0" in kept.reports[0].text and "coded as" not in taken.reports[0].text
    shown = runner.invoke(app, ["eval", "--acled", str(acled_file(tmp_path, [row]))])
    assert shown.exit_code == 0 and "Without ACLED's own coding notes" in shown.output
