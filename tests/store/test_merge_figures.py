"""The merge figures: pairwise precision and recall, and B³, on hand-made clusterings."""
from __future__ import annotations

import pytest

from conflictwire.evaluate.merging import b_cubed, pairwise


def items(*pairs: tuple[str, str]) -> dict:
    return {f"e{n}": pair for n, pair in enumerate(pairs)}


def test_perfect_merging_scores_one():
    perfect = items(("s1", "A"), ("s1", "A"), ("s2", "B"))
    assert pairwise(perfect)["f1"] == 1.0 and b_cubed(perfect)["f1"] == 1.0


def test_a_missed_merge_costs_recall_not_precision():
    missed = items(("s1", "A"), ("s1", "B"), ("s1", "A"))  # three reports of one story, one left apart
    p = pairwise(missed)
    assert p["precision"] == 1.0 and p["recall"] == pytest.approx(1 / 3, abs=1e-3)
    b = b_cubed(missed)
    assert b["precision"] == 1.0 and b["recall"] == pytest.approx((2 / 3 + 1 / 3 + 2 / 3) / 3, abs=1e-3)


def test_a_false_merge_costs_precision_not_recall():
    false = items(("s1", "A"), ("s2", "A"))  # two stories in one store event
    p = pairwise(false)
    assert p["precision"] == 0.0 and p["recall"] == 1.0
    assert b_cubed(false)["precision"] == 0.5 and b_cubed(false)["recall"] == 1.0
