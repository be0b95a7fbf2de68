"""Interceptions on real reports: what was stopped and what hit are two events; a weapon named as
the means of a killing was not downed; "thwarted" with no weapon to stop is a repelled attempt."""
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
