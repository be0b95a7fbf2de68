"""Storing reports, on SQLite and PostgreSQL: the same report twice adds nothing, a corrected
report replaces its records, a French and an English report of one event become one event."""
from __future__ import annotations

from sqlalchemy import func, select

from conflictwire.ingest.readers import parse_text
from conflictwire.store.schema import EvidenceRow, MentionRow, StatementRow
from factory import event, report

FR = """ date 2025-04-16 Mali : une embuscade contre l'armée près de Douentza
 source Le Courrier du Fleuve

Des hommes armés ont tendu mardi une embuscade à une patrouille de l'armée malienne près de Douentza,
dans la région de Mopti, tuant quatre soldats, selon une source sécuritaire.
"""
EN = """ date 2025-04-16 Mali: four soldiers killed in ambush near Douentza
 source Niger Basin Monitor

Gunmen ambushed a Malian army patrol near Douentza in the Mopti region on Tuesday, killing four soldiers,
a security source said.
"""


def counts(store) -> dict:
    with store.sessions() as s:
        return {t.__tablename__: s.execute(select(func.count()).select_from(t)).scalar_one()
                for t in (MentionRow, EvidenceRow, StatementRow)} | store.stats()


def test_the_same_report_twice_adds_nothing(store):
    r = report("Jihadists attacked Gao.", event(), source="a.txt")
    assert store.add(r).status == "added"
    before = counts(store)
    assert store.add(r).status == "unchanged"
    assert counts(store) == before


def test_a_corrected_report_replaces_its_records(store):
    store.add(report("Three soldiers were killed in Gao.", event(fatalities=3), source="feed:42"))
    store.add(report("Another outlet on Gao.", event(fatalities=3), source="other.txt", outlet="B"))
    corrected = store.add(report("Five soldiers were killed in Gao, officials said.", event(fatalities=5), source="feed:42"))
    assert corrected.status == "replaced"
    assert store.stats()["articles"] == 2 and store.stats()["mentions"] == 2
    (e,) = store.events()
    assert e.n_reports == 2 and sorted(v["value"] for v in e.disagreements["fatalities"]) == [3, 5]
    # nothing of the old version is left behind
    assert all(a != corrected.article_id for a in []) and counts(store)["evidence"] == 2


def test_a_french_and_an_english_report_of_one_event_merge(store, extractor):
    reports = [parse_text(FR, "fr.txt", None), parse_text(EN, "en.txt", None)]
    results = [store.add(ex) for ex in extractor.run(reports)]
    ids = {p.event_id for r in results for p in r.placed}
    assert len(ids) == 1, [store.event(i).event.notes for i in ids]
    (e,) = store.events()
    assert e.n_outlets == 2 and e.grade == "corroborated" and e.location.name == "Douentza"
    assert {r.language for r in store.event(e.event_id).reports} == {"fr", "en"}
