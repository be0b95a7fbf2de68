"""How well the store merges reports of one event: gold events carry a `story` (the real event
they tell; events of different reports that tell one event share it), the reports are ingested
into a scratch store, and each gold event is followed to the canonical event its matched
prediction was merged into.

Two measures over the gold events that matched a prediction (a missed event is an extraction
error, counted by the event figures, not a merge error):
- pairwise: of the pairs the store put in one event, how many are one story (precision); of the
  pairs that are one story, how many the store put in one event (recall);
- B³: per event, the overlap of its store cluster and its story, averaged (Bagga & Baldwin).
A gold event without a story is a story of its own, so a false merge with it counts.
"""
from __future__ import annotations

import os
import tempfile
from collections import defaultdict
from itertools import combinations
from pathlib import Path
from typing import Iterable

from ..model import Extraction
from .scorer import pair_events


def _prf(tp: float, predicted: float, actual: float) -> dict:
    p = tp / predicted if predicted else 1.0
    r = tp / actual if actual else 1.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0}


def pairwise(items: dict[str, tuple[str, str]]) -> dict:
    """items: id -> (story, store event)."""
    tp = predicted = actual = 0
    for a, b in combinations(sorted(items), 2):
        same_story, same_event = items[a][0] == items[b][0], items[a][1] == items[b][1]
        tp += same_story and same_event
        predicted += same_event
        actual += same_story
    return _prf(tp, predicted, actual) | {"pairs_merged": predicted, "pairs_same_story": actual}


def b_cubed(items: dict[str, tuple[str, str]]) -> dict:
    story, event = defaultdict(set), defaultdict(set)
    for key, (s, e) in items.items():
        story[s].add(key)
        event[e].add(key)
    if not items:
        return _prf(0, 0, 0)
    p = sum(len(story[s] & event[e]) / len(event[e]) for s, e in items.values()) / len(items)
    r = sum(len(story[s] & event[e]) / len(story[s]) for s, e in items.values()) / len(items)
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0}


def _doc(ex: Extraction) -> str:
    return os.path.basename(ex.article.source_path or ex.article.url or ex.article.article_id)


def merge_items(gold: list[dict], extractions: Iterable[Extraction], store) -> tuple[dict, dict]:
    """Ingest the reports (oldest first, as a feed brings them) and follow each gold event to its
    canonical event. Returns (items, counts)."""
    ordered = sorted(extractions, key=lambda ex: (ex.article.published or "", _doc(ex)))
    placed: dict[str, dict[int, str]] = {}
    for ex in ordered:
        result = store.add(ex)
        placed[_doc(ex)] = {n: p.event_id for n, p in enumerate(result.placed)}
    by_doc: dict[str, list[dict]] = defaultdict(list)
    for g in gold:
        if g.get("kind") == "event":
            by_doc[g.get("doc")].append(g)
    docs = {_doc(ex): ex for ex in ordered}
    items: dict[str, tuple[str, str]] = {}
    n_gold = 0
    for doc, events in by_doc.items():
        n_gold += len(events)
        ex = docs.get(doc)
        if ex is None:
            continue
        preds = [e.model_dump(mode="json") | {"_n": n} for n, e in enumerate(ex.events)]
        position = {id(g): n for n, g in enumerate(events)}  # two equal gold events are still two
        for g, p in pair_events(events, preds):
            key = f"{doc}#{position[id(g)]}"
            items[key] = (str(g.get("story") or key), placed[doc][p["_n"]])
    return items, {"gold_events": n_gold, "matched": len(items),
                   "stories": len({s for s, _ in items.values()}), "store_events": len({e for _, e in items.values()})}


def merge_scores(gold: list[dict], extractions: Iterable[Extraction]) -> dict:
    """The merge figures of a set, from a scratch SQLite store that is removed afterwards."""
    from ..store import Store

    with tempfile.TemporaryDirectory(prefix="conflictwire-merge-") as folder:
        with Store(str(Path(folder) / "merge.db")) as store:
            items, counts = merge_items(gold, extractions, store)
    return {"pairwise": pairwise(items), "b_cubed": b_cubed(items), "counts": counts}
