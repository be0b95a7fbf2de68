"""End to end on the reports the project wrote for tests (tests/data/gold), scored against
their gold records with conflictwire's own scorer."""
import json
from pathlib import Path

import pytest

from conflictwire.evaluate import score
from conflictwire.export import write_jsonl
from conflictwire.ingest import read_inputs

GOLD_DIR = Path(__file__).parent / "data" / "gold"
# Floors a little under the figures measured when they were set: a drop below fails the suite.
FLOORS = {"events_f1": 0.65, "sub_event_type": 0.48, "event_date": 0.56, "country": 0.67, "actor1": 0.34,
          "actor2": 0.27, "statements_f1": 0.28, "tallies_f1": 0.27}


@pytest.fixture(scope="module")
def run(extractor, tmp_path_factory):
    results = [r for r in extractor.run(read_inputs([str(GOLD_DIR)]))]
    out = tmp_path_factory.mktemp("pred") / "pred.jsonl"
    with out.open("w", encoding="utf-8") as fh:
        write_jsonl(results, fh)
    pred = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    gold = [json.loads(line) for f in sorted(GOLD_DIR.glob("*.gold.jsonl")) for line in f.read_text(encoding="utf-8").splitlines() if line.strip()]
    return results, pred, gold


def test_corpus_is_big_and_bilingual():
    reports = sorted(GOLD_DIR.glob("*.txt"))
    assert len(reports) >= 16
    assert {p.name[:2] for p in reports} == {"en", "fr"}
    for p in reports:
        assert (p.parent / (p.stem + ".gold.jsonl")).exists(), f"{p.name} has no gold"


def test_every_report_is_read_and_every_evidence_quotes_its_text(run):
    results, pred, _ = run
    assert all(hasattr(r, "article") for r in results), [str(r) for r in results if not hasattr(r, "article")]
    for r in results:
        text = r.article.text
        for record in [*r.events, *r.statements, *r.tallies]:
            assert record.evidence, f"{record.kind} without evidence in {r.article.source_path}"
            for e in record.evidence:
                assert text[e.start:e.end] == e.text


def test_events_carry_trigger_evidence_and_valid_types(run):
    from conflictwire.knowledge import taxonomy
    results, _, _ = run
    for r in results:
        for e in r.events:
            assert any(ev.field == "trigger" for ev in e.evidence)
            assert taxonomy().event_type_of(e.sub_event_type) == e.event_type
            assert 0.0 <= e.confidence <= 1.0 and e.notes.endswith(".")


def test_scores_stay_above_floors(run):
    _, pred, gold = run
    s = score(gold, pred)
    figures = {"events_f1": s["events"]["f1"], "statements_f1": s["statements"]["f1"], "tallies_f1": s["tallies"]["f1"],
               **{k: v["accuracy"] for k, v in s["fields"].items()}}
    low = {k: (figures.get(k, 0.0), floor) for k, floor in FLOORS.items() if figures.get(k, 0.0) < floor}
    assert not low, f"figures under their floors: {low}"
    assert s["evidence_valid"] == 1.0
