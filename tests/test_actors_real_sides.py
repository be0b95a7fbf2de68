"""Who acted on whom, as ACLED codes it, on sentences written here in the style of wire copy (issue 12)."""
import pytest

from conflictwire.model import Article


def extract(extractor, text, lang, published="2024-05-07"):
    return extractor.extract_article(Article.create(text, lang, published=published))


def sides(event):
    return tuple((a.kind, a.country_code) if a else None for a in (event.actor1, event.actor2))


@pytest.mark.parametrize("text, lang, country", [
    ("Two demonstrators were shot dead during a protest in Mombasa on Friday.", "en", "KE"),
    ("Un rassemblement d'étudiants a été dispersé à Lomé mardi.", "fr", "TG"),
])
def test_force_that_met_protest_is_police_by_default(extractor, text, lang, country):
    [e] = extract(extractor, text, lang).events
    assert sides(e) == (("protesters", country), ("state_forces", country))
    assert e.actor2.name.startswith("Police Forces of")


@pytest.mark.parametrize("text, lang", [
    ("An army vehicle struck a roadside bomb near Gao on Friday, killing three soldiers.", "en"),
    ("Un véhicule de l'armée a sauté sur une mine près de Tessit dimanche, tuant deux soldats.", "fr"),
])
def test_forces_that_meet_a_planted_charge_are_its_target(extractor, text, lang):
    [e] = extract(extractor, text, lang).events
    assert e.sub_event_type == "Remote explosive/landmine/IED"
    assert sides(e) == (("political_militia", "ML"), ("state_forces", "ML"))


def test_charge_laid_by_forces_keeps_them_as_actor1(extractor):
    [e] = extract(extractor, "A bomb planted by soldiers exploded near the village of Hpakant on Monday.", "en").events
    assert sides(e)[0] == ("state_forces", "MM")


@pytest.mark.parametrize("text, lang, country", [
    ("American troops were targeted in a drone attack on the Harir air base in northern Iraq on Monday, officials said.", "en", "IQ"),
    ("Des soldats américains ont été visés lundi par une attaque de drone contre la base d'Al-Tanf, dans le sud de la Syrie.", "fr", "SY"),
])
def test_unnamed_drone_attack_on_forces_is_not_by_their_state_nor_the_host(extractor, text, lang, country):
    [e] = extract(extractor, text, lang).events
    assert sides(e) == (("political_militia", country), ("external_forces", "US"))
    assert e.actor1.name.startswith("Unidentified Armed Group")
