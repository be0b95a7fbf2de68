"""Merging reports of one event, on SQLite and PostgreSQL: same event in other words merges; a
similar event elsewhere or on another day does not; ACLED's rule is a step of its own; every
decision keeps its reasons; disagreements and corroboration are kept."""
from __future__ import annotations

import pytest

from conflictwire.store import StoreError
from factory import ARMY, JNIM, UNKNOWN, attacks_tally, denial, event, report


def test_a_second_report_of_the_same_event_joins_it(store):
    first = store.add(report("Jihadists attacked an army post in Gao on Tuesday.", event(), outlet="Sahel Wire"))
    second = store.add(report("Des jihadistes ont attaqué un poste de l'armée à Gao mardi.", event(),
                              outlet="Le Courrier", language="fr"))
    assert second.placed[0].merged and second.placed[0].event_id == first.placed[0].event_id
    assert second.placed[0].step == "acled_rule"  # same actors, day, place and type
    (e,) = store.events()
    assert e.n_reports == 2 and e.n_outlets == 2 and e.grade == "corroborated"
    assert sorted(e.article_ids) == sorted([first.article_id, second.article_id])


def test_scored_merge_when_the_reports_name_the_actors_differently(store):
    store.add(report("Gunmen attacked soldiers near Gao on 4 March.", event(actor1=UNKNOWN, geo=2), outlet="A"))
    result = store.add(report("JNIM said it attacked an army post in Gao.", event(fatalities=4), outlet="B"))
    placed = result.placed[0]
    assert placed.merged and placed.step == "scored"
    detail = store.event(placed.event_id)
    decision = next(d for d in detail.decisions if d.mention_id == placed.mention_id)
    assert {r["feature"] for r in decision.reasons} >= {"date", "place", "actors", "casualties", "words"}
    # the casualty figures disagree: both are kept, each with its report
    fat = detail.event.disagreements["fatalities"]
    assert sorted(v["value"] for v in fat) == [3, 4] and all(len(v["articles"]) == 1 for v in fat)
    assert detail.event.fatalities == 3  # a tie goes to the lower figure


@pytest.mark.parametrize("other, why", [
    (dict(date="2025-03-09"), "days"),            # five days later, same place
    (dict(date="2025-03-05"), "days"),            # the next day, same place
    (dict(where="Mopti"), "486 km apart"),        # far away
    (dict(where="Mopti", geo=3), "provinces"),    # only the province known, another province
    (dict(where="Bourem"), "km apart"),           # same province, ~80 km off
    (dict(etype="Protests", sub="Peaceful protest", actor1=None, actor2=None, weapon=None, fatalities=0), "event types"),
])
def test_similar_events_elsewhere_or_on_other_days_stay_apart(store, other, why):
    store.add(report("A first attack.", event(), outlet="A"))
    result = store.add(report("A second attack.", event(**other), outlet="B"))
    assert not result.placed[0].merged
    assert store.count() == 2
    decision = next(d for d in store.event(result.placed[0].event_id).decisions if d.mention_id == result.placed[0].mention_id)
    assert decision.step == "blocked" and why in decision.reasons[0]["detail"]


def test_neighbouring_town_the_same_day_is_another_event(store):
    store.add(report("Clash in Maiduguri.", event(where="Maiduguri", actor2=ARMY)))
    result = store.add(report("Clash in Konduga.", event(where="Konduga", actor2=ARMY)))
    assert not result.placed[0].merged and store.count() == 2


def test_one_reports_own_events_are_never_merged_together(store):
    result = store.add(report("Two attacks on one day in Gao.", event(), event(fatalities=1)))
    assert len({p.event_id for p in result.placed}) == 2


def test_a_denial_makes_the_event_contested(store):
    store.add(report("Soldiers killed civilians in Gao, witnesses said.", event(sub="Attack", etype="Violence against civilians",
                     actor1=ARMY, actor2=None), outlet="A"))
    result = store.add(report("The army denied killing civilians in Gao.", event(sub="Attack", etype="Violence against civilians",
                              actor1=ARMY, actor2=None), outlet="B", statements=[denial()]))
    assert store.event(result.placed[0].event_id).event.grade == "contested"


def test_split_undoes_a_merge_and_is_remembered(store):
    a = report("Report A of the Gao attack.", event(), outlet="A")
    b = report("Report B of the Gao attack.", event(), outlet="B")
    store.add(a)
    merged = store.add(b).placed[0].event_id
    events = store.split(merged)
    assert len(events) == 2 and store.count() == 2
    assert store.add(b, force=True).status == "replaced"  # re-extracted: still apart
    assert store.count() == 2
    third = store.add(report("Report C of the Gao attack.", event(), outlet="C"))
    assert third.placed[0].merged and store.count() == 2  # joins one of them, never both
    kept = store.event(store.full_id(events[0][:8]))
    assert any(d.step == "split" for d in store.event(events[1]).decisions)
    assert kept.event.n_reports in (1, 2)


def test_split_refuses_an_event_with_one_report(store):
    result = store.add(report("Only one report.", event()))
    with pytest.raises(StoreError, match="one report"):
        store.split(result.placed[0].event_id)


def test_tally_is_set_beside_the_store_count(store):
    store.add(report("Attack one.", event(date="2025-02-01")))
    store.add(report("Attack two.", event(date="2025-02-10", where="Mopti")))
    store.add(report("Attack in Nigeria.", event(date="2025-02-11", where="Maiduguri")))
    store.add(report("At least 5 attacks in Mali since 1 February.", published="2025-02-20",
                     tallies=[attacks_tally(5, "2025-02-01")]))
    (check,) = store.tallies()
    assert check.store_count == 2 and check.gap == 3 and "misses 3" in check.verdict


def test_a_report_silent_on_deaths_does_not_vote_for_none(store):
    store.add(report("Gunmen attacked soldiers in Gao; seven were killed.", event(fatalities=7), outlet="A"))
    silent = event(fatalities=0)  # no evidence for fatalities: the report did not say
    result = store.add(report("Gunmen attacked soldiers in Gao.", silent, outlet="B"))
    assert store.event(result.placed[0].event_id).event.fatalities == 7


def test_looting_told_as_a_riot_and_as_looting_is_one_event(store):
    """Reports may code the same looting as a riot or as looting (a strategic development)."""
    crowd = event(etype="Riots", sub="Violent demonstration", actor1=UNKNOWN, actor2=None, weapon=None, fatalities=0,
                  notes="On 2025-03-04, a crowd looted a bank in Gao.")
    looting = event(etype="Strategic developments", sub="Looting/property destruction", actor1=UNKNOWN, actor2=None,
                    weapon=None, fatalities=0, notes="On 2025-03-04, armed men looted a bank in Gao.")
    store.add(report("A crowd looted a bank in Gao.", crowd, outlet="A"))
    result = store.add(report("Armed men looted a bank in Gao.", looting, outlet="B"))
    assert result.placed[0].merged and store.count() == 1
