"""Interceptions on real reports: what was stopped and what hit are two events; a weapon named as
the means of a killing was not downed; "thwarted" with no weapon to stop is a repelled attempt."""
import pytest

from conflictwire.model import Article


def extract(extractor, text, lang, published="2024-05-07"):
    return extractor.extract_article(Article.create(text, lang, published=published))


def subs(r):
    return sorted(e.sub_event_type for e in r.events)


def test_killed_in_drone_strikes_is_a_strike_not_an_interception(extractor):
    en = extract(extractor, "Twelve people were killed in drone strikes on a market in Kassala on Monday, local officials said.", "en")
    fr = extract(extractor, "Douze civils ont été tués dans des frappes de drones sur un marché de Kassala lundi.", "fr")
    assert subs(en) == subs(fr) == ["Air/drone strike"]


def test_downing_with_a_partitive_count_is_an_interception(extractor):
    en = extract(extractor, "Air defences shot down 40 of the 52 drones launched at the Zhytomyr region on Monday.", "en")
    fr = extract(extractor, "La défense antiaérienne a abattu 40 des 52 drones lancés lundi sur la région de Jytomyr.", "fr")
    assert subs(en) == subs(fr) == ["Disrupted weapons use"]


def test_strike_and_interception_are_two_events(extractor):
    en = extract(extractor, "Russian missiles struck Odesa on Tuesday, killing two people and damaging a warehouse. "
                            "Air defences shot down 20 of the 25 drones launched overnight, the air force said.", "en")
    fr = extract(extractor, "Des missiles russes ont frappé Odessa mardi, tuant deux personnes. "
                            "La défense antiaérienne a abattu 20 des 25 drones lancés pendant la nuit, a indiqué l'armée de l'air.", "fr")
    for r in (en, fr):
        assert subs(r) == ["Disrupted weapons use", "Shelling/artillery/missile attack"]
        strike = next(e for e in r.events if e.sub_event_type != "Disrupted weapons use")
        assert strike.fatalities == 2


def test_thwarted_attempt_without_a_weapon_is_a_clash(extractor):
    en = extract(extractor, "Border guards thwarted an attempt by armed men to cross into the Kherson region on Friday, killing six of them.", "en")
    fr = extract(extractor, "Les gardes-frontières ont déjoué vendredi une tentative d'infiltration d'hommes armés près de Kharkiv, tuant six assaillants.", "fr")
    assert subs(en) == subs(fr) == ["Armed clash"]


def test_thwarted_bomb_is_still_disrupted(extractor):
    en = extract(extractor, "Police foiled a bomb attack near a market in Kano on Friday.", "en")
    assert subs(en) == ["Disrupted weapons use"]


def sides(e):
    return (e.actor1 and e.actor1.country_code, e.actor2 and e.actor2.country_code)


@pytest.mark.parametrize("text, lang", [
    ("Ukraine's air force said it had destroyed 27 Russian drones over the Vinnytsia region overnight.", "en"),
    ("L'armée de l'air ukrainienne a affirmé avoir détruit 27 drones russes au-dessus de la région de Vinnytsia dans la nuit.", "fr"),
])
def test_who_says_it_stopped_the_weapons_is_their_target(extractor, text, lang):
    r = extract(extractor, text, lang, published="2024-09-14")
    assert subs(r) == ["Disrupted weapons use"]
    assert sides(r.events[0]) == ("RU", "UA")


@pytest.mark.parametrize("text, lang", [
    ("The defence ministry in Moscow said on Friday that 12 Ukrainian drones were destroyed over the Penza region overnight.", "en"),
    ("Selon le ministère russe de la Défense, 12 drones ukrainiens ont été détruits dans la nuit au-dessus de la région de Penza.", "fr"),
])
def test_weapons_stopped_in_the_passive_are_their_owners(extractor, text, lang):
    r = extract(extractor, text, lang, published="2024-09-14")
    assert subs(r) == ["Disrupted weapons use"]
    assert r.events[0].actor1.country_code == "UA"
    assert r.events[0].actor1.kind in ("state_forces", "external_forces")


@pytest.mark.parametrize("text, lang", [
    ("La défense antiaérienne a abattu 12 drones au-dessus de Saratov dans la nuit.", "fr"),
    ("Air defences shot down 12 drones over Saratov overnight.", "en"),
])
def test_weapons_shot_down_are_no_dead(extractor, text, lang):
    r = extract(extractor, text, lang, published="2024-09-14")
    assert subs(r) == ["Disrupted weapons use"]
    assert r.events[0].fatalities == 0


@pytest.mark.parametrize("text, lang", [
    ("Russian missiles hit Zaporizhzhia overnight, killing two people, the governor said. "
     "Air defences downed seven missiles and 40 of 55 drones over several regions, the air force said.", "en"),
    ("Des missiles russes ont frappé Zaporijjia dans la nuit, tuant deux personnes, a indiqué le gouverneur. "
     "La défense antiaérienne a abattu sept missiles et 40 drones sur 55 au-dessus de plusieurs régions, selon l'armée de l'air.", "fr"),
])
def test_an_interception_that_counts_what_it_stopped_is_an_event_of_its_own(extractor, text, lang):
    r = extract(extractor, text, lang, published="2024-09-14")
    assert subs(r) == ["Disrupted weapons use", "Shelling/artillery/missile attack"]
    strike = next(e for e in r.events if e.sub_event_type != "Disrupted weapons use")
    assert strike.fatalities == 2


def test_most_shot_down_after_a_strike_is_the_same_event(extractor):
    r = extract(extractor, "Russian drones attacked Sumy overnight; most of them were shot down, the air force said.", "en")
    assert len(r.events) == 1


@pytest.mark.parametrize("text, lang", [
    ("Drones targeted a base hosting foreign troops near Kirkuk on Tuesday. The two drones were shot down over the "
     "perimeter, officials said.", "en"),
    ("Des drones ont visé mardi une base abritant des troupes étrangères près de Kirkouk. Les deux drones ont été abattus "
     "au-dessus de l'enceinte, selon des responsables.", "fr"),
])
def test_the_weapons_just_told_shot_down_are_the_same_event(extractor, text, lang):
    r = extract(extractor, text, lang, published="2024-09-14")
    assert len(r.events) == 1


@pytest.mark.parametrize("text, lang", [
    ("Air defences shot down nine Ukrainian drones above Bryansk overnight, the ministry said. Debris from one of them "
     "fell on a house in Bryansk, injuring five people.", "en"),
    ("La défense antiaérienne a abattu neuf drones ukrainiens au-dessus de Briansk dans la nuit, selon le ministère. "
     "Les débris de l'un d'eux sont tombés sur une maison de Briansk, blessant cinq personnes.", "fr"),
])
def test_air_defences_are_the_forces_whose_sky_the_weapons_crossed(extractor, text, lang):
    """Air defences are a state's forces: those that stop a weapon are its target (before the people its
    debris hurt)."""
    [e] = extract(extractor, text, lang, published="2024-08-11").events
    assert (e.actor1.country_code, e.actor2.name) == ("UA", "Military Forces of Russia")
