"""Scoring extracted records against gold records (the record contract, plus "doc" in gold).

Events are paired one to one within a report, best pairs first: a pair needs the same place
(within 50 km, or the same country when gold knows only the country) or the same date and
sub-event type. Field accuracy is over every gold event that has the field; a gold event that
paired with nothing is wrong on every field. Gold fields may list acceptable values; a null gold
field is not scored.
"""
from __future__ import annotations

import math
import os
import unicodedata
from collections import defaultdict
from typing import Any, Iterable

PAIR_KM = 50.0
FIELD_KM = 25.0
COARSE_KM = 250.0


def _options(gold: Any) -> list:
    return gold if isinstance(gold, list) else [gold]


def accepts(gold: Any, value: Any, norm=lambda v: v) -> bool:
    return norm(value) in {norm(o) for o in _options(gold)}


def fold_admin(name: Any) -> str:
    s = unicodedata.normalize("NFKD", str(name)).encode("ascii", "ignore").decode().lower()
    for junk in ("governorate", "province", "al-", "al ", "el-", "'", "-", " "):
        s = s.replace(junk, "")
    return s


def km(a: tuple[float, float], b: tuple[float, float]) -> float:
    la1, lo1, la2, lo2 = map(math.radians, (*a, *b))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(min(1.0, h)))


def point(record: dict):
    loc = record.get("location") or {}
    if loc.get("latitude") is None or loc.get("longitude") is None:
        return None
    return float(loc["latitude"]), float(loc["longitude"])


def _distance(gold: dict, pred: dict):
    g, p = point(gold), point(pred)
    return km(g, p) if g and p else None


def _coarse(gold: dict) -> bool:
    return (gold.get("location") or {}).get("geo_precision") == 3


def _same_date(gold: dict, pred: dict) -> bool:
    return gold.get("event_date") is not None and accepts(gold["event_date"], pred.get("event_date") or "")


def pair_score(gold: dict, pred: dict):
    d = _distance(gold, pred)
    gloc, ploc = gold.get("location") or {}, pred.get("location") or {}
    near = d is not None and (d <= PAIR_KM or (_coarse(gold) and gloc.get("country_code") == ploc.get("country_code")))
    same_date = _same_date(gold, pred)
    same_type = accepts(gold.get("sub_event_type"), pred.get("sub_event_type"))
    if not (near or (same_date and same_type)):
        return None
    return 2.0 * near + same_date + same_type + accepts(gold.get("weapon"), pred.get("weapon")) - (d or 0) / 1000.0


def actor_ok(gold: dict, pred) -> bool:
    if not pred:
        return False
    return accepts(gold.get("kind"), pred.get("kind")) and (
        gold.get("country_code") is None or accepts(gold["country_code"], pred.get("country_code")))


class Tally:
    def __init__(self):
        self.n: dict[str, int] = defaultdict(int)
        self.hits: dict[str, int] = defaultdict(int)
        self.tries: dict[str, int] = defaultdict(int)

    def field(self, name: str, ok: bool) -> None:
        self.tries[name] += 1
        self.hits[name] += bool(ok)


def pair_events(gold: list[dict], pred: list[dict]) -> list[tuple[dict, dict]]:
    pairs = sorted(((s, i, j) for i, g in enumerate(gold) for j, p in enumerate(pred)
                    if (s := pair_score(g, p)) is not None), key=lambda t: (t[0], t[1], t[2]), reverse=True)
    used_g, used_p, out = set(), set(), []
    for _, i, j in pairs:
        if i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
            out.append((gold[i], pred[j]))
    return out


def score_fields(t: Tally, g: dict, p: dict) -> None:
    ploc, gloc = p.get("location") or {}, g.get("location") or {}
    t.field("event_type", bool(p) and accepts(g.get("event_type"), p.get("event_type")))
    t.field("sub_event_type", bool(p) and accepts(g.get("sub_event_type"), p.get("sub_event_type")))
    if g.get("event_date") is not None:
        t.field("event_date", bool(p) and _same_date(g, p))
    if point(g):
        d = _distance(g, p) if p else None
        t.field("location_25km", d is not None and (d <= FIELD_KM or (_coarse(g) and d <= COARSE_KM)))
    if gloc.get("country_code"):
        t.field("country", bool(p) and accepts(gloc["country_code"], ploc.get("country_code")))
    if gloc.get("admin1"):
        t.field("admin1", bool(p) and accepts(gloc["admin1"], ploc.get("admin1") or "", fold_admin))
    for a in ("actor1", "actor2"):
        if g.get(a):
            t.field(a, actor_ok(g[a], p.get(a)))
    for name in ("weapon", "fatalities", "injuries"):
        if g.get(name) is not None:
            t.field(name, bool(p) and accepts(g[name], p.get(name)))


def _group(records: Iterable[dict], doc_of) -> dict:
    by: dict = defaultdict(lambda: defaultdict(list))
    for r in records:
        if r.get("kind") in ("event", "statement", "tally"):
            by[doc_of(r)][r["kind"]].append(r)
    return by


KEYS = {
    "statement": lambda r: (r.get("statement_type"), (r.get("speaker") or {}).get("country_code")),
    "tally": lambda r: (r.get("quantity"), r.get("value")),
}


def score(gold: list[dict], pred: list[dict]) -> dict:
    """The figures, with the same keys as the shared scorer's --json output."""
    articles = {r["article_id"]: r for r in pred if r.get("kind") == "article"}
    doc_of_article = {aid: os.path.basename(str(a.get("source_path") or a.get("url") or "")) or None for aid, a in articles.items()}

    def pred_doc(r: dict):
        for aid in r.get("article_ids") or [r.get("article_id")]:
            if aid in doc_of_article:
                return doc_of_article[aid]
        return None

    G, P, t = _group(gold, lambda r: r.get("doc")), _group(pred, pred_doc), Tally()
    for doc, gk in G.items():
        pk = P.get(doc, {})
        gev, pev = gk.get("event", []), pk.get("event", [])
        t.n["gold_events"] += len(gev)
        t.n["pred_events"] += len(pev)
        matched = pair_events(gev, pev)
        t.n["matched_events"] += len(matched)
        partner = {id(g): p for g, p in matched}
        for g in gev:
            score_fields(t, g, partner.get(id(g), {}))
        for kind, key in KEYS.items():
            gl, left = [key(r) for r in gk.get(kind, [])], [key(r) for r in pk.get(kind, [])]
            t.n["gold_" + kind] += len(gl)
            t.n["pred_" + kind] += len(left)
            for k in gl:
                if k in left:
                    left.remove(k)
                    t.n["matched_" + kind] += 1
    return {"events": _prf(t, "events"), "statements": _prf(t, "statement"), "tallies": _prf(t, "tally"),
            "fields": {k: {"accuracy": round(t.hits[k] / t.tries[k], 3), "scored": t.tries[k]} for k in t.tries},
            "evidence_valid": evidence_valid(pred, articles)}


def evidence_valid(pred: list[dict], articles: dict):
    total = ok = 0
    for r in pred:
        text = (articles.get((r.get("article_ids") or [r.get("article_id")])[0]) or {}).get("text")
        for e in r.get("evidence") or []:
            total += 1
            ok += text is not None and text[e.get("start", 0):e.get("end", 0)] == e.get("text")
    return round(ok / total, 3) if total else None


def _prf(t: Tally, kind: str) -> dict:
    g, p, m = t.n["gold_" + kind], t.n["pred_" + kind], t.n["matched_" + kind]
    pr, rc = (m / p if p else 0.0), (m / g if g else 0.0)
    return {"gold": g, "pred": p, "matched": m, "precision": round(pr, 3), "recall": round(rc, 3),
            "f1": round(2 * pr * rc / (pr + rc), 3) if pr + rc else 0.0}
