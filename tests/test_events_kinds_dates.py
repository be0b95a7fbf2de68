"""Dates of events in reports whose body repeats its headlines under a filing stamp
(" date 2024-05-10 Headline"): the stamp is when the report was filed, not the day of any event,
and the lead is the first paragraph past those headlines. Invented wire copy, both languages."""
import pytest

from conflictwire.model import Article
from conflictwire.resolve.dates import DateFinder


def extract(extractor, text, lang, published="2024-05-10"):
    return extractor.extract_article(Article.create(text, lang, published=published))


def test_a_stamp_opening_a_line_is_no_time_expression():
    finder = DateFinder("en")
    text = " date 2024-05-10 Gunmen kill two traders\n\nThe attack of 2024-05-08 was the third."
    assert [e.text for e in finder.find(text)] == ["2024-05-08"]


@pytest.mark.parametrize("text, lang, day", [
    (" date 2024-05-10 Soldiers yesterday fired on a crowd in Gao, killing three people\n\n"
     "Soldiers fired on a crowd of traders in Gao, killing three people.", "en", "2024-05-09"),
    (" date 2024-05-10 Des soldats ont tiré hier sur une foule à Gao, tuant trois personnes\n\n"
     "Des soldats ont tiré sur une foule de commerçants à Gao, tuant trois personnes.", "fr", "2024-05-09"),
])
def test_a_stamped_headline_dates_by_its_words_not_its_stamp(extractor, text, lang, day):
    assert {e.event_date for e in extract(extractor, text, lang).events} == {day}


@pytest.mark.parametrize("text, lang", [
    (" date 2024-05-10 Two attacks kill nine in northern Mali\n\n date 2024-05-10 Gunmen struck Gao\n\n"
     "Two attacks killed nine people in northern Mali. Both took place on Wednesday, officials said.\n\n"
     "Gunmen attacked a market in Gao, killing six traders.", "en"),
    (" date 2024-05-10 Deux attaques font neuf morts dans le nord du Mali\n\n date 2024-05-10 Des hommes armés frappent Gao\n\n"
     "Deux attaques ont fait neuf morts dans le nord du Mali. Elles ont eu lieu mercredi, selon des responsables.\n\n"
     "Des hommes armés ont attaqué un marché à Gao, tuant six commerçants.", "fr"),
])
def test_the_lead_is_the_first_paragraph_past_stamped_headlines(extractor, text, lang):
    events = [e for e in extract(extractor, text, lang).events if e.location.name and "Gao" in e.location.name]
    assert events and {e.event_date for e in events} == {"2024-05-08"}


@pytest.mark.parametrize("text, lang", [
    ("The defence ministry said on Saturday that 12 drones were destroyed the previous night over Tambov province, "
     "as troops continue to fight off the incursion launched by enemy units into the province last Monday.", "en"),
    ("Le ministère a indiqué samedi que 12 drones ont été détruits la nuit précédente au-dessus de la région de Tambov, "
     "alors que les troupes continuent de repousser l'incursion lancée lundi dernier dans la région.", "fr"),
])
def test_a_clause_with_a_day_of_its_own_tells_another_event(extractor, text, lang):
    # published Tuesday 7 May: the drones fell the night before the Saturday it was said (3 May);
    # the incursion, last Monday (6 May), is an event of its own
    events = extract(extractor, text, lang, published="2024-05-07").events
    by_type = {e.sub_event_type: e.event_date for e in events}
    assert by_type.get("Disrupted weapons use") == "2024-05-03"
    assert "2024-05-06" in by_type.values() and len(events) == 2


@pytest.mark.parametrize("text, lang", [
    ("Officials said on Friday that nine drones were destroyed over Penza region.", "en"),
    ("Des responsables ont indiqué vendredi que neuf drones avaient été détruits au-dessus de la région de Penza.", "fr"),
])
def test_drones_destroyed_in_the_passive_were_intercepted(extractor, text, lang):
    assert [e.sub_event_type for e in extract(extractor, text, lang).events] == ["Disrupted weapons use"]


@pytest.mark.parametrize("text, lang", [
    ("Militants stormed an army base in Djibo, killing nine soldiers, two security sources said on Saturday.\n\n"
     "The army said it had pushed the attackers back.\n\n"
     "On the same day, gunmen attacked a police post in Dori, killing two officers, a local official said.", "en"),
    ("Des jihadistes ont attaqué une base de l'armée à Djibo, tuant neuf soldats, ont indiqué samedi deux sources sécuritaires.\n\n"
     "L'armée a affirmé avoir repoussé les assaillants.\n\n"
     "Le même jour, des hommes armés ont attaqué un poste de police à Dori, tuant deux policiers, selon un élu local.", "fr"),
])
def test_the_same_day_is_the_day_named_as_when_the_news_was_told(extractor, text, lang):
    """A day a report names only as when it was told ("sources said on Saturday") is the last day
    named: "the same day" further on is that day, not the publication day."""
    dates = {e.location.name: e.event_date for e in extract(extractor, text, lang, published="2025-05-12").events}
    assert dates.get("Djibo") == "2025-05-10" and dates.get("Dori") == "2025-05-10", dates


@pytest.mark.parametrize("text, lang", [
    ("Gunmen intercepted a minibus on the road to Kaya on Monday and abducted twelve passengers.", "en"),
    ("Des hommes armés ont intercepté lundi un minibus sur la route de Kaya et enlevé douze passagers.", "fr"),
])
def test_a_vehicle_intercepted_is_no_weapon_intercepted(extractor, text, lang):
    """Stopping a bus is part of the abduction, not the interception of a weapon."""
    events = extract(extractor, text, lang).events
    assert [e.sub_event_type for e in events] == ["Abduction/forced disappearance"]


@pytest.mark.parametrize("text, lang", [
    ("Rebels killed 18 civilians in Beni on the night of 9 to 10 June, the mayor said on Thursday.", "en"),
    ("Des rebelles ont tué 18 civils à Beni dans la nuit du 9 au 10 juin, a indiqué jeudi le maire.", "fr"),
])
def test_a_night_across_two_days_is_dated_by_its_first(extractor, text, lang):
    (event,) = extract(extractor, text, lang, published="2025-06-12").events
    assert event.event_date == "2025-06-09"


@pytest.mark.parametrize("text, lang", [
    ("The bus was intercepted by gunmen near Kaya on Monday and twelve passengers were abducted.", "en"),
    ("Le minibus a été intercepté lundi près de Kaya par des hommes armés, qui ont enlevé douze passagers.", "fr"),
])
def test_a_vehicle_intercepted_in_the_passive_is_no_weapon_intercepted(extractor, text, lang):
    events = extract(extractor, text, lang).events
    assert "Disrupted weapons use" not in [e.sub_event_type for e in events] and events


@pytest.mark.parametrize("text, lang", [
    ("The army and the militias have clashed almost daily near Kosti since the start of the war in Khartoum in April.", "en"),
    ("Des échanges de tirs ont opposé presque chaque jour les milices et l'armée près de Kosti depuis le début de la "
     "guerre à Khartoum en avril.", "fr"),
])
def test_what_a_since_phrase_names_dates_and_places_the_period_not_the_event(extractor, text, lang):
    """ "since the start of the war in Khartoum in April": neither Khartoum nor April is the clash's."""
    r = extract(extractor, text, lang, published="2024-08-12")
    assert [(e.location.name, e.event_date) for e in r.events] == [("Kosti", "2024-08-12")]


@pytest.mark.parametrize("text, lang", [
    ("Gunmen killed five policemen in an attack on a police station in Gwoza, officials said on Tuesday. "
     "The attackers raided the station in Borno State late on Monday, the officials added.", "en"),
    ("Des hommes armés ont tué cinq policiers lors d'une attaque contre un commissariat à Gwoza, ont indiqué mardi des "
     "responsables. Les assaillants ont pris d'assaut le commissariat dans l'Etat de Borno lundi soir, ont ajouté les responsables.", "fr"),
])
def test_the_day_the_body_gives_dates_the_event_the_lead_only_said_was_told(extractor, text, lang):
    """The lead dates its news by its telling (Tuesday); the body's account of the attack, in the
    area the town lies in, gives its day (Monday): one event, on Monday."""
    r = extract(extractor, text, lang, published="2024-05-07")
    assert [(e.location.name, e.event_date) for e in r.events] == [("Gwoza", "2024-05-06")]


def test_a_day_long_before_the_telling_is_another_event(extractor):
    r = extract(extractor, "Gunmen killed five policemen in an attack on a police station in Gwoza, officials said on Tuesday. "
                           "On 2 April, militants attacked a police station in Borno State.", "en", published="2024-05-07")
    assert {e.event_date for e in r.events} >= {"2024-05-07"}


@pytest.mark.parametrize("text, lang", [
    (" date 2024-05-10 Rival militias agreed on Wednesday to end their fighting around Bunia\n\n"
     "Ten days after talks opened in Kampala, the negotiators of the two camps signed a ceasefire agreement.", "en"),
    (" date 2024-05-10 Les milices rivales ont convenu mercredi de cesser les combats autour de Bunia\n\n"
     "Dix jours après l'ouverture des pourparlers à Kampala, les négociateurs des deux camps ont signé un "
     "accord de cessez-le-feu.", "fr"),
])
def test_when_the_lead_names_no_day_the_stamped_headline_does(extractor, text, lang):
    assert {e.event_date for e in extract(extractor, text, lang).events} == {"2024-05-08"}


@pytest.mark.parametrize("text, lang", [
    ("Police dispersed hundreds of protesters in Kara on Friday, March 14, firing tear gas.", "en"),
    ("La police a dispersé vendredi 14 mars des centaines de manifestants à Kara à coups de gaz lacrymogène.", "fr"),
])
def test_a_weekday_goes_with_the_date_it_names(extractor, text, lang):
    """Published "2025-03" (a month only): "vendredi 14 mars" is 14 March, not a Friday of March."""
    assert {e.event_date for e in extract(extractor, text, lang, published="2025-03").events} == {"2025-03-14"}


@pytest.mark.parametrize("text, lang, places", [
    ("Militants fired rockets at an army base in Bannu on Sunday in response to air strikes on the town of "
     "Miranshah on Friday.", "en", {"2024-05-05": "Bannu", "2024-05-03": "Miran Shah"}),
    ("Rebels attacked an army post in Kidal on Sunday in retaliation for drone strikes on Aguelhok on Friday.", "en",
     {"2024-05-05": "Kidal", "2024-05-03": "Aguelhok"}),
    ("Des rebelles ont attaqué dimanche un poste de l'armée à Kidal en représailles à des frappes de drones sur "
     "Aguelhok vendredi.", "fr", {"2024-05-05": "Kidal", "2024-05-03": "Aguelhok"}),
    ("Les miliciens ont incendié lundi des maisons à Djugu en riposte à une attaque contre Bunia samedi.", "fr",
     {"2024-05-06": "Djugu", "2024-05-04": "Bunia"}),
])
def test_what_an_act_retaliates_for_is_an_earlier_event_of_its_own(extractor, text, lang, places):
    """ "In response to", "en représailles à" open a phrase about another event; the day named
    right after that phrase is its own, however the parse hangs it."""
    r = extract(extractor, text, lang, published="2024-05-07")
    assert {e.event_date: e.location.name for e in r.events} == places


@pytest.mark.parametrize("text, lang", [
    ("A resident inspects a damaged house on Tuesday.\n\nBeirut —Rockets fired from southern Lebanon hit an Israeli "
     "army post near Safed on Tuesday, the army said.", "en"),
    ("Un habitant inspecte une maison endommagée mardi.\n\nBeyrouth —Des roquettes tirées du sud du Liban ont frappé "
     "mardi un poste de l'armée israélienne près de Safed, a indiqué l'armée.", "fr"),
])
def test_city_a_paragraph_is_filed_from_is_no_government(extractor, text, lang):
    [e] = extract(extractor, text, lang, published="2024-05-08").events
    assert e.actor1.name != "Military Forces of Lebanon" and e.actor1.kind == "political_militia"
