"""Scoring extracted records against gold records (the record contract, plus "doc" in gold).

Events are paired one to one within a report, best pairs first: a pair needs the same place
(within 50 km, or the same country when gold knows only the country) or the same date and
sub-event type. Field accuracy is over every gold event that has the field; a gold event that
paired with nothing is wrong on every field. Gold fields may list acceptable values; a null gold
field is not scored. Statements are matched on (type, speaker's country), tallies on (quantity,
value), one to one, in gold order.

The figures and their keys are those of the project's shared scorer (score.py --json).
"""
from __future__ import annotations

import difflib
import os
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any, Iterable, Optional

from ..gazetteer.query import km

PAIR_KM = 50.0
FIELD_KM = 25.0
COARSE_KM = 250.0
EVENT_FIELDS = ("event_type", "sub_event_type", "event_date", "location_25km", "country", "admin1",
                "actor1", "actor2", "weapon", "fatalities", "injuries")


def _options(gold: Any) -> list:
    return gold if isinstance(gold, list) else [gold]


def accepts(gold: Any, value: Any, norm=lambda v: v) -> bool:
    return norm(value) in {norm(o) for o in _options(gold)}


def loose_key(name: Any, junk: tuple[str, ...] = ("governorate", "province", "al-", "al ", "el-", "'", "-", " ")) -> str:
    """A name with accents, case, and the `junk` ("province", "al-", spaces...) set aside."""
    s = unicodedata.normalize("NFKD", str(name)).encode("ascii", "ignore").decode().lower()
    for word in junk:
        s = s.replace(word, "")
    return s


ADMIN_JUNK = ("governorate", "province", "region", "state", "al-", "al ", "el-", "'", "-", " ")


def admin_key(name: Any) -> str:
    """An admin area's name as the shared scorer compares it: no generic word ("region",
    "state"), with doubled letters single (Shabeelle, Shabelle)."""
    return re.sub(r"(.)\1+", r"\1", loose_key(name, ADMIN_JUNK))


def same_admin1(gold: Any, value: Any) -> bool:
    """Equal keys, or, for names of eight letters or more, one transliteration of the other
    (85% alike: "Galgaduud" is "Galguduud", but "Paktia" is not "Paktika")."""
    v = admin_key(value or "")

    def close(o: str) -> bool:
        return min(len(o), len(v)) >= 8 and difflib.SequenceMatcher(None, o, v).ratio() >= 0.85
    return bool(v) and any(admin_key(o) == v or close(admin_key(o)) for o in _options(gold))


def point(record: dict):
    loc = record.get("location") or {}
    if loc.get("latitude") is None or loc.get("longitude") is None:
        return None
    return float(loc["latitude"]), float(loc["longitude"])


def distance(gold: dict, pred: dict) -> Optional[float]:
    g, p = point(gold), point(pred)
    return km(g, p) if g and p else None


def _coarse(gold: dict) -> bool:
    return (gold.get("location") or {}).get("geo_precision") == 3


def _same_date(gold: dict, pred: dict) -> bool:
    return gold.get("event_date") is not None and accepts(gold["event_date"], pred.get("event_date") or "")


def pair_score(gold: dict, pred: dict) -> Optional[float]:
    """How alike a gold and a predicted event are; None where they cannot be the same event."""
    d = distance(gold, pred)
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


def pair_events(gold: list[dict], pred: list[dict]) -> list[tuple[dict, dict]]:
    """One-to-one pairs, best first (ties go as the shared scorer breaks them)."""
    pairs = sorted(((s, i, j) for i, g in enumerate(gold) for j, p in enumerate(pred)
                    if (s := pair_score(g, p)) is not None), reverse=True)
    used_g, used_p, out = set(), set(), []
    for _, i, j in pairs:
        if i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
            out.append((gold[i], pred[j]))
    return out


def field_results(g: dict, p: dict) -> dict[str, bool]:
    """Each field the gold event has, right or wrong in `p` ({} when it matched nothing)."""
    ploc, gloc = p.get("location") or {}, g.get("location") or {}
    out = {"event_type": bool(p) and accepts(g.get("event_type"), p.get("event_type")),
           "sub_event_type": bool(p) and accepts(g.get("sub_event_type"), p.get("sub_event_type"))}
    if g.get("event_date") is not None:
        out["event_date"] = bool(p) and _same_date(g, p)
    if point(g):
        d = distance(g, p) if p else None
        out["location_25km"] = d is not None and (d <= FIELD_KM or (_coarse(g) and d <= COARSE_KM))
    if gloc.get("country_code"):
        out["country"] = bool(p) and accepts(gloc["country_code"], ploc.get("country_code"))
    if gloc.get("admin1"):
        out["admin1"] = bool(p) and same_admin1(gloc["admin1"], ploc.get("admin1"))
    for a in ("actor1", "actor2"):
        if g.get(a):
            out[a] = actor_ok(g[a], p.get(a))
    for name in ("weapon", "fatalities", "injuries"):
        if g.get(name) is not None:
            out[name] = bool(p) and accepts(g[name], p.get(name))
    return out


STATEMENT_KEY = (lambda r: r.get("statement_type"), lambda r: (r.get("speaker") or {}).get("country_code"))
TALLY_KEY = (lambda r: r.get("quantity"), lambda r: r.get("value"))


def match_records(gold: list[dict], pred: list[dict], key) -> int:
    """How many gold records find a predicted one with the same key, one to one in gold order.
    A gold part that is a list accepts any of its values; otherwise parts must be equal."""
    left = [tuple(part(r) for part in key) for r in pred]
    matched = 0
    for g in gold:
        want = [part(g) for part in key]
        for i, have in enumerate(left):
            if all(accepts(w, h) if isinstance(w, list) else w == h for w, h in zip(want, have)):
                del left[i]
                matched += 1
                break
    return matched


@dataclass
class DocResult:
    """What happened to one report's gold events: pairs, misses and extra predictions."""
    doc: str
    pairs: list[tuple[dict, dict]] = field(default_factory=list)
    missed: list[dict] = field(default_factory=list)
    extra: list[dict] = field(default_factory=list)
    predicted: list[dict] = field(default_factory=list)
    has_prediction: bool = True


def _group(records: Iterable[dict], doc_of) -> dict:
    by: dict = defaultdict(lambda: defaultdict(list))
    for r in records:
        if r.get("kind") in ("event", "statement", "tally"):
            by[doc_of(r)][r["kind"]].append(r)
    return by


def doc_of_prediction(pred: list[dict]):
    """A function giving the report (file name) a predicted record belongs to, through its article."""
    articles = {r["article_id"]: r for r in pred if r.get("kind") == "article" and r.get("article_id")}
    names = {aid: os.path.basename(str(a.get("source_path") or a.get("url") or "")) or None for aid, a in articles.items()}

    def doc_of(r: dict):
        for aid in r.get("article_ids") or [r.get("article_id")]:
            if aid in names:
                return names[aid]
        return None
    return doc_of, set(names.values())


def name_results(g: dict, p: dict) -> dict[str, bool]:
    """Whether each gold actor's canonical name is exactly the predicted one (accents and case aside)."""
    out = {}
    for a in ("actor1", "actor2"):
        if (g.get(a) or {}).get("name"):
            out[a + "_name"] = bool((p.get(a) or {}).get("name")) and accepts(g[a]["name"], p[a]["name"], loose_key)
    return out


def score(gold: list[dict], pred: list[dict], details: Optional[list[DocResult]] = None, names: bool = False) -> dict:
    """The figures, with the same keys as the shared scorer's --json output. When `details` is a
    list, one DocResult per gold report is appended to it (for --show). With `names`, the result
    also has "names": how often actor1 and actor2 carry exactly the gold's canonical name."""
    doc_of, predicted_docs = doc_of_prediction(pred)
    G, P = _group(gold, lambda r: r.get("doc")), _group(pred, doc_of)
    n: dict[str, int] = defaultdict(int)
    hits: dict[str, int] = defaultdict(int)
    tries: dict[str, int] = defaultdict(int)
    for doc, gk in G.items():
        pk = P.get(doc, {})
        gev, pev = gk.get("event", []), pk.get("event", [])
        n["gold_events"] += len(gev)
        n["pred_events"] += len(pev)
        matched = pair_events(gev, pev)
        n["matched_events"] += len(matched)
        partner = {id(g): p for g, p in matched}
        for g in gev:
            for name, ok in field_results(g, partner.get(id(g), {})).items():
                tries[name] += 1
                hits[name] += bool(ok)
            for name, ok in name_results(g, partner.get(id(g), {})).items():
                tries["names:" + name] += 1
                hits["names:" + name] += bool(ok)
        for kind, key in (("statement", STATEMENT_KEY), ("tally", TALLY_KEY)):
            n["gold_" + kind] += len(gk.get(kind, []))
            n["pred_" + kind] += len(pk.get(kind, []))
            n["matched_" + kind] += match_records(gk.get(kind, []), pk.get(kind, []), key)
        if details is not None:
            paired = {id(p) for _, p in matched}
            details.append(DocResult(doc, matched, [g for g in gev if id(g) not in partner],
                                     [p for p in pev if id(p) not in paired], pev, doc in predicted_docs))
    ratio = lambda k: {"accuracy": round(hits[k] / tries[k], 3), "scored": tries[k]}  # noqa: E731
    result = {"events": _prf(n, "events"), "statements": _prf(n, "statement"), "tallies": _prf(n, "tally"),
              "fields": {k: ratio(k) for k in tries if not k.startswith("names:")},
              "evidence_valid": evidence_valid(pred)}
    if names:
        result["names"] = {k.split(":", 1)[1]: ratio(k) for k in tries if k.startswith("names:")}
    return result


def evidence_valid(pred: list[dict]) -> Optional[float]:
    """The share of evidence entries whose text is exactly the article's text at their offsets."""
    articles = {r["article_id"]: r for r in pred if r.get("kind") == "article" and r.get("article_id")}
    total = ok = 0
    for r in pred:
        text = (articles.get((r.get("article_ids") or [r.get("article_id")])[0]) or {}).get("text")
        for e in r.get("evidence") or []:
            total += 1
            ok += text is not None and text[e.get("start", 0):e.get("end", 0)] == e.get("text")
    return round(ok / total, 3) if total else None


def _prf(n: dict, kind: str) -> dict:
    g, p, m = n["gold_" + kind], n["pred_" + kind], n["matched_" + kind]
    pr, rc = (m / p if p else 0.0), (m / g if g else 0.0)
    return {"gold": g, "pred": p, "matched": m, "precision": round(pr, 3), "recall": round(rc, 3),
            "f1": round(2 * pr * rc / (pr + rc), 3) if pr + rc else 0.0}


def why_missed(g: dict, result: DocResult) -> str:
    """Why a gold event found no partner, in words."""
    if not result.has_prediction:
        return "no prediction for this report"
    if not result.predicted:
        return "no event predicted in this report"
    candidates = [p for p in result.predicted if pair_score(g, p) is not None]
    if candidates:
        return "its candidates paired better with other gold events"
    near = min(((distance(g, p), p) for p in result.predicted if distance(g, p) is not None),
               key=lambda t: t[0], default=None)
    where = f"; nearest prediction {near[0]:.0f} km away ({near[1].get('sub_event_type')}, {near[1].get('event_date')})" if near else ""
    return f"no predicted event within {PAIR_KM:.0f} km, nor on the same date with the same sub-event type{where}"
