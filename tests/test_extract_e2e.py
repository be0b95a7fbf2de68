"""End to end on the reports the project wrote for tests (tests/data/gold), scored against
their gold records with conflictwire's own scorer."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

from conflictwire.evaluate.baseline import gate, read_baseline
from conflictwire.evaluate.merging import merge_scores
from conflictwire.evaluate.sets import dev_folder, has_stories, project_sets, score_set
from conflictwire.export import write_jsonl
from conflictwire.ingest import read_inputs

ROOT = Path(__file__).parent.parent
GOLD_DIR = Path(__file__).parent / "data" / "gold"
# The figures pinned by `make baseline`; a drop of more than the margin fails the suite.
BASELINE = GOLD_DIR.parent / "baseline.json"


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
    assert len(reports) >= 40
    assert sum(p.name.startswith("fr_") for p in reports) >= 15 and sum(p.name.startswith("en_") for p in reports) >= 15
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


SETS = project_sets(ROOT)


@pytest.mark.parametrize("evaluation_set", SETS, ids=[s.key for s in SETS])
def test_quality_gate_holds_on_every_set(evaluation_set, set_predictions, set_extractions):
    """The project's corpus, and each real development set beside the project, against its pinned
    figures; on a set whose gold tells which reports are one event, the store's merges too."""
    result = score_set(evaluation_set, set_predictions(evaluation_set))
    if has_stories(evaluation_set):
        result["merge"] = merge_scores(evaluation_set.gold_records(), set_extractions(evaluation_set))
    reasons = gate(read_baseline(BASELINE), evaluation_set.key, result, evaluation_set.checksum())
    assert not reasons, "; ".join(reasons)
    assert result["evidence_valid"] == 1.0


@pytest.mark.parametrize("evaluation_set", SETS, ids=[s.key for s in SETS])
def test_our_scorer_agrees_with_the_shared_one(evaluation_set, set_predictions, tmp_path):
    """`conflictwire eval` gives the figures of the shared score.py, key for key, on every set."""
    shared = dev_folder(ROOT).parent / "tools" / "score.py"
    ours = score_set(evaluation_set, set_predictions(evaluation_set))
    ours.pop("names")
    if not shared.is_file():  # a checkout without the shared folder: only the corpus is there to score
        assert not evaluation_set.real and ours["events"]["gold"] > 0
        return
    pred = tmp_path / "pred.jsonl"
    pred.write_text("".join(json.dumps(r) + "\n" for r in set_predictions(evaluation_set)), encoding="utf-8")
    gold = tmp_path / "gold.jsonl"
    gold.write_text("".join(json.dumps(r) + "\n" for r in evaluation_set.gold_records()), encoding="utf-8")
    done = subprocess.run([sys.executable, str(shared), "--gold", str(gold), "--pred", str(pred), "--json"],
                          capture_output=True, text=True, check=True)
    assert json.loads(done.stdout) == ours


def test_gold_statement_and_tally_keys_are_single_values():
    """Statements match on (type, speaker country) and tallies on (quantity, value); the shared
    score.py compares those as plain values, so the corpus keeps them single for both scorers to agree."""
    for f in sorted(GOLD_DIR.glob("*.gold.jsonl")):
        for n, line in enumerate(f.read_text(encoding="utf-8").splitlines(), 1):
            r = json.loads(line)
            keys = {"statement": [r.get("statement_type"), (r.get("speaker") or {}).get("country_code")],
                    "tally": [r.get("quantity"), r.get("value")]}.get(r["kind"], [])
            assert not any(isinstance(k, list) for k in keys), f"{f.name}:{n}"
