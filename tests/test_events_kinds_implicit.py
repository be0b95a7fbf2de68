"""Kinds of event beyond armed violence, told without a trigger word or decided by who acts on
whom with what: property destruction, a protest told by its purpose, force used on a protest,
a crowd's violent demonstration, a change to a group's activity. Invented wire copy, both languages."""
import pytest

from conflictwire.model import Article


def extract(extractor, text, lang, published="2024-05-10"):
    return extractor.extract_article(Article.create(text, lang, published=published))


def subs(extractor, text, lang):
    return [e.sub_event_type for e in extract(extractor, text, lang).events]


@pytest.mark.parametrize("text, lang", [
    ("On 4 May 2024, a group of herders destroyed a maize field in the village of Gogounou.", "en"),
    ("On 4 May 2024, gunmen set several houses on fire in Mocimboa da Praia.", "en"),
    ("On 4 May 2024, rebels burned two tractors and a warehouse near Kandi.", "en"),
    ("Le 4 mai 2024, des éleveurs ont détruit un champ de maïs dans le village de Gogounou.", "fr"),
    ("Le 4 mai 2024, des hommes armés ont incendié des engins de chantier près de Kandi.", "fr"),
])
def test_destroying_property_is_property_destruction(extractor, text, lang):
    assert subs(extractor, text, lang) == ["Looting/property destruction"]


@pytest.mark.parametrize("text, lang", [
    ("On 4 May 2024, the army destroyed a ceasefire proposal in Kandi, a minister joked.", "en"),
    ("Le 4 mai 2024, les pluies ont détruit la route de Gogounou, selon la mairie.", "fr"),
])
def test_destroying_what_is_no_property_tells_nothing(extractor, text, lang):
    assert "Looting/property destruction" not in subs(extractor, text, lang)


@pytest.mark.parametrize("text, lang", [
    ("On 4 May 2024, some 300 nurses gathered outside the health ministry in Parakou to demand unpaid wages.", "en"),
    ("Le 4 mai 2024, quelque 300 infirmiers se sont rassemblés devant le ministère à Parakou pour réclamer leurs salaires.", "fr"),
])
def test_a_gathering_with_a_demand_is_a_protest(extractor, text, lang):
    assert subs(extractor, text, lang) == ["Peaceful protest"]


@pytest.mark.parametrize("text, lang", [
    ("On 4 May 2024, some 300 nurses gathered outside the health ministry in Parakou for a training session.", "en"),
    ("Le 4 mai 2024, quelque 300 infirmiers se sont rassemblés à Parakou pour une formation.", "fr"),
])
def test_a_gathering_without_a_demand_is_no_protest(extractor, text, lang):
    assert subs(extractor, text, lang) == []


@pytest.mark.parametrize("text, lang", [
    ("On 4 May 2024, residents blocked roads and burned tires in Natitingou over power cuts.", "en"),
    ("Le 4 mai 2024, des habitants ont bloqué les routes et brûlé des pneus à Natitingou contre les coupures d'électricité.", "fr"),
])
def test_burning_tires_is_a_violent_demonstration(extractor, text, lang):
    assert subs(extractor, text, lang) == ["Violent demonstration"]


@pytest.mark.parametrize("text, lang", [
    ("On 4 May 2024, traders protested in Porto-Novo against new taxes. Police intervened and stopped the protest.", "en"),
    ("Le 4 mai 2024, des commerçants ont manifesté à Porto-Novo contre les nouvelles taxes. La police est intervenue et a mis fin à la manifestation.", "fr"),
])
def test_police_intervening_in_a_protest_is_an_intervention(extractor, text, lang):
    assert subs(extractor, text, lang) == ["Protest with intervention"]


@pytest.mark.parametrize("text, lang", [
    ("On 4 May 2024, police fired live ammunition at a march of students in Parakou.", "en"),
    ("On 4 May 2024, four people were seriously injured as police tried to disperse a demonstration in Parakou.", "en"),
])
def test_shooting_or_maiming_protesters_is_excessive_force(extractor, text, lang):
    assert subs(extractor, text, lang) == ["Excessive force against protesters"]


@pytest.mark.parametrize("text, lang", [
    ("On 4 May 2024, the army increased its presence in the district of Malanville.", "en"),
    ("Le 4 mai 2024, l'armée a renforcé sa présence dans la commune de Malanville.", "fr"),
])
def test_a_force_growing_is_a_change_to_group_activity(extractor, text, lang):
    assert subs(extractor, text, lang) == ["Change to group/activity"]


@pytest.mark.parametrize("text, lang", [
    ("Nurses marched in Bohicon, calling for the release of two colleagues. Six nurses were arrested.", "en"),
    ("Des infirmiers ont manifesté à Bohicon, appelant à la libération de deux collègues. Six infirmiers ont été arrêtés.", "fr"),
])
def test_a_protest_stating_its_demand_is_still_a_protest(extractor, text, lang):
    # the demand is what the protest is about; it does not make the sentence a mere statement
    assert subs(extractor, text, lang) == ["Protest with intervention"]


def test_police_intervening_against_protesters_needs_no_other_word(extractor):
    text = "On 12 April 2024, police intervened to stop opposition protesters from marching to the prefecture in Lokossa."
    assert subs(extractor, text, "en") == ["Protest with intervention"]


@pytest.mark.parametrize("text, lang", [
    ("Supporters of the opposition leader clashed with security forces in Thies on Thursday.", "en"),
    ("On Thursday, protesters marched in Thies and clashed with police.", "en"),
    ("Jeudi, des manifestants ont défilé à Thiès et se sont affrontés avec la police.", "fr"),
])
def test_a_crowd_fighting_the_police_is_a_violent_demonstration(extractor, text, lang):
    assert subs(extractor, text, lang) == ["Violent demonstration"]


@pytest.mark.parametrize("text, lang", [
    ("Dock workers gathered at a depot in Mombasa on Monday. Some threw stones at the gates, prompting police to fire "
     "warning shots to scatter them.", "en"),
    ("Des dockers se sont rassemblés lundi devant un dépôt à Mombasa. Certains ont lancé des pierres sur le portail, poussant "
     "la police à effectuer des tirs de sommation pour disperser la foule.", "fr"),
])
def test_warning_shots_are_no_warning_that_silences_the_sentence(extractor, text, lang):
    """A warning word about weapons ("warning shots", "tirs de sommation") is no statement: the
    sentence still tells the riot."""
    r = extractor.extract_article(Article.create(text, lang, published="2024-05-10"))
    assert [e.sub_event_type for e in r.events] == ["Violent demonstration"]


@pytest.mark.parametrize("text, lang", [
    ("Des habitants de Kayes ont entendu plusieurs déflagrations lundi soir, selon des témoins.", "fr"),
    ("Plusieurs explosions ont été entendues lundi soir à Kayes, selon des témoins.", "fr"),
    ("Residents of Kano heard several blasts overnight on Monday, witnesses said.", "en"),
    ("Several explosions were heard in Kano on Monday night, witnesses said.", "en"),
])
def test_an_explosion_someone_heard_is_no_attack_of_its_own(extractor, text, lang):
    r = extract(extractor, text, lang, "2024-05-07")
    assert not any(e.sub_event_type == "Remote explosive/landmine/IED" for e in r.events)


def test_an_explosion_that_killed_is_still_one(extractor):
    r = extract(extractor, "An explosion killed two people at a market in Kano on Monday.", "en", "2024-05-07")
    assert [e.sub_event_type for e in r.events] == ["Remote explosive/landmine/IED"]


@pytest.mark.parametrize("text, lang", [
    ("The two sides agreed on Wednesday to a truce, three years into an insurgency that has killed more than 2,000 "
     "people.", "en"),
    ("Les deux camps ont signé mercredi une trêve, deux ans après le début d'une guerre qui a tué des milliers "
     "de personnes.", "fr"),
])
def test_a_war_that_killed_thousands_is_a_toll_not_an_attack(extractor, text, lang):
    r = extract(extractor, text, lang, "2024-05-09")
    assert [(e.sub_event_type, e.fatalities) for e in r.events] == [("Agreement", 0)]


@pytest.mark.parametrize("text, lang", [
    ("Fierce fighting broke out in Gao between soldiers and jihadists on Sunday, with bursts of automatic fire and "
     "several loud blasts in the town centre.", "en"),
    ("De violents combats ont éclaté dimanche à Gao entre l'armée et des jihadistes, avec des tirs nourris et de "
     "fortes explosions dans plusieurs quartiers.", "fr"),
])
def test_explosions_amid_fighting_are_the_fighting(extractor, text, lang):
    r = extract(extractor, text, lang, "2024-05-07")
    assert [e.sub_event_type for e in r.events] == ["Armed clash"]


@pytest.mark.parametrize("text, lang", [
    ("Soldiers repelled an attack on a base near Damboa on Sunday, killing ten militants. The war has killed more "
     "than 12,000 people and displaced two million.", "en"),
    ("Des soldats ont repoussé dimanche une attaque contre une base près de Damboa, tuant dix assaillants. Le conflit "
     "a fait plus de 35 000 morts et deux millions de déplacés.", "fr"),
])
def test_a_wars_toll_adds_no_dead_to_the_event_before(extractor, text, lang):
    r = extract(extractor, text, lang, "2024-05-07")
    assert [e.fatalities for e in r.events] == [10]


@pytest.mark.parametrize("text, lang", [
    ("On 3 March 2021, about 200 villagers clashed with traders over land at a market in Kaduna, injuring six people.", "en"),
    ("Le 3 mars 2021, des villageois se sont affrontés avec des commerçants au sujet d'un terrain sur un marché de "
     "Parakou, faisant six blessés.", "fr"),
])
def test_unarmed_people_fighting_each_other_is_mob_violence(extractor, text, lang):
    r = extract(extractor, text, lang, "2021-03-04")
    [e] = r.events
    assert e.sub_event_type == "Mob violence" and e.actor1.kind == "rioters"


@pytest.mark.parametrize("text, lang", [
    ("Police who sought to detain a suspect came under fire in Parakou on Monday, and two officers were wounded.", "en"),
    ("Des gendarmes qui cherchaient à arrêter un suspect ont essuyé des tirs lundi à Parakou, blessant deux d'entre eux.", "fr"),
])
def test_an_act_only_sought_is_not_done(extractor, text, lang):
    """ "Sought to detain", "cherchaient à arrêter": an intention under another verb is no arrest."""
    r = extract(extractor, text, lang, "2024-05-07")
    assert "Arrests" not in [e.sub_event_type for e in r.events]


@pytest.mark.parametrize("text, lang", [
    ("The Arakan Army warned of heavy strikes on army bases in Sittwe on Sunday and urged residents to leave.", "en"),
    ("L'Armée d'Arakan a menacé dimanche de frappes massives sur les bases de l'armée à Sittwe.", "fr"),
])
def test_a_strike_only_threatened_is_no_event(extractor, text, lang):
    """ "Warned of strikes", "menacé de frappes": the threat is a statement, the strike is not done."""
    r = extract(extractor, text, lang, "2024-05-07")
    assert r.events == []
    assert [s.statement_type for s in r.statements][:1] == ["THREATEN"]


def test_an_arrest_made_is_one(extractor):
    r = extract(extractor, "Police arrested a suspect in Parakou on Monday.", "en", "2024-05-07")
    assert [e.sub_event_type for e in r.events] == ["Arrests"]


@pytest.mark.parametrize("text, lang", [
    ("« Des renforts sont arrivés dans la soirée », a raconté dimanche un habitant de Gao.", "fr"),
    ("Rescuers pulled out two children from the rubble of a collapsed house in Gao on Sunday.", "en"),
])
def test_a_move_no_force_makes_is_no_change_of_activity(extractor, text, lang):
    assert "Change to group/activity" not in subs(extractor, text, lang)


@pytest.mark.parametrize("text, lang", [
    ("The army deployed reinforcements to Gao on Sunday.", "en"),
    ("L'armée a déployé dimanche des renforts à Gao.", "fr"),
])
def test_forces_that_deploy_change_their_activity(extractor, text, lang):
    assert subs(extractor, text, lang) == ["Change to group/activity"]


@pytest.mark.parametrize("text, lang, sub", [
    ("Heavy fighting broke out between the army and rebels near Kyauktaw on Monday, with the army bringing in two "
     "attack helicopters.", "en", "Armed clash"),
    ("Des combats ont éclaté lundi entre l'armée et des rebelles près de Kyauktaw, l'armée attaquant avec deux "
     "hélicoptères.", "fr", "Armed clash"),
    ("Army helicopters struck rebel positions near Kyauktaw on Monday.", "en", "Air/drone strike"),
    ("Des hélicoptères de l'armée ont bombardé lundi des positions rebelles près de Kyauktaw.", "fr", "Air/drone strike"),
])
def test_aircraft_in_fighting_support_the_clash_and_strike_alone(extractor, text, lang, sub):
    assert subs(extractor, text, lang) == [sub]
