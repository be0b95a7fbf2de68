import pytest

from conflictwire.events.classify import main_weapon, sub_event_type
from conflictwire.model import Article


@pytest.mark.parametrize("lang,text,killed,injured", [
    ("fr", "Trois soldats ont été blessés dans l'explosion.", 0, 3),
    ("fr", "L'attaque a fait une dizaine de morts.", 10, None),
    ("en", "The blast killed three people and wounded a dozen others.", 3, 12),
    ("en", "Gunmen shot dead 11 villagers.", 11, None),
    ("en", "A roadside bomb hit the convoy; no casualties were reported.", 0, 0),
    ("fr", "Un drone a frappé le dépôt, sans faire de victimes.", 0, 0),
    ("en", "The shelling of the market killed 1,200 people and wounded 2,000 others.", 1200, 2000),
])
def test_casualties_in_words_and_digits(extractor, lang, text, killed, injured):
    art = Article.create(text, lang, published="2024-05-10")
    events = extractor.extract_article(art).events
    assert len(events) == 1
    assert (events[0].fatalities, events[0].injuries) == (killed, injured)


def test_numbers_are_read_in_one_place():
    from conflictwire.text.numbers import digits_value
    assert (digits_value("4,000"), digits_value("1 200"), digits_value("1,5"), digits_value("12")) == (4000, 1200, 1.5, 12)
    assert digits_value("douze") is None


def test_weapon_precedence():
    assert main_weapon(["small_arms", "ied"], {"attack"}) == "ied"
    assert main_weapon([], {"air_strike"}) == "airstrike"
    assert main_weapon([], {"clash"}) is None


@pytest.mark.parametrize("triggers,weapon,outcomes,k1,k2,expected", [
    ({"attack"}, "drone", {"intercepted"}, "political_militia", "external_forces", "Disrupted weapons use"),
    ({"attack"}, "ied", set(), "political_militia", "state_forces", "Remote explosive/landmine/IED"),
    ({"kill"}, "small_arms", set(), "political_militia", "civilians", "Attack"),
    ({"clash"}, None, set(), "rebel_group", "state_forces", "Armed clash"),
    ({"protest"}, None, set(), "protesters", None, "Peaceful protest"),
    ({"protest", "arrest"}, None, set(), "protesters", "state_forces", "Protest with intervention"),
    ({"riot"}, None, set(), "rioters", None, "Violent demonstration"),
    ({"abduct"}, None, set(), "political_militia", "civilians", "Abduction/forced disappearance"),
    ({"arrest"}, None, set(), "state_forces", "civilians", "Arrests"),
    ({"agreement"}, None, set(), "state_forces", "rebel_group", "Agreement"),
    ({"capture"}, None, set(), "rebel_group", "state_forces", "Non-state actor overtakes territory"),
    ({"recapture"}, None, set(), "state_forces", "rebel_group", "Government regains territory"),
    ({"loot"}, None, set(), "political_militia", "civilians", "Looting/property destruction"),
    ({"attack"}, "suicide_bomb", set(), "rebel_group", "civilians", "Suicide bomb"),
    ({"shelling"}, "artillery", set(), "state_forces", "civilians", "Shelling/artillery/missile attack"),
])
def test_sub_event_rules(triggers, weapon, outcomes, k1, k2, expected):
    assert sub_event_type(triggers, weapon, outcomes, k1, k2, 0) == expected


@pytest.mark.parametrize("lang,text", [
    ("en", "Three of the militiamen died on Monday when a drone hit their car near Kfar Kila, a local official said."),
    ("fr", "Trois des miliciens ont été tués lundi lors d'une frappe de drone près de Kfar Kila, selon un élu local."),
])
def test_a_count_of_some_of_a_group_counts_the_dead_and_makes_them_the_target(extractor, lang, text):
    """ "three of the militiamen died": the number is the subject; the militiamen were hit, they did not strike."""
    [e] = extractor.extract_article(Article.create(text, lang, published="2024-05-10")).events
    assert e.fatalities == 3
    assert e.actor2 is not None and e.actor2.kind == "political_militia" and e.actor1.kind != "political_militia"


@pytest.mark.parametrize("text, lang", [
    ("A bomb hidden in a cart killed two guards and wounded four traders in Kunduz on Monday.", "en"),
    ("Une bombe cachée dans une charrette a tué deux gardiens et blessé quatre commerçants lundi à Kunduz.", "fr"),
])
def test_a_weapon_that_killed_is_not_counted_among_the_dead(extractor, text, lang):
    """The object of "killed" is whom it killed; "a bomb" counts no one."""
    r = extractor.extract_article(Article.create(text, lang, published="2024-05-10"))
    assert [(e.fatalities, e.injuries) for e in r.events] == [(2, 4)]


@pytest.mark.parametrize("text, lang", [
    ("Shelling on Kherson left two dead and seven wounded on Saturday.", "en"),
    ("Des tirs d'artillerie sur Kherson ont fait samedi deux morts et sept blessés.", "fr"),
])
def test_the_dead_and_the_wounded_are_not_added_up(extractor, text, lang):
    r = extractor.extract_article(Article.create(text, lang, published="2024-05-10"))
    assert [(e.fatalities, e.injuries) for e in r.events] == [(2, 7)]


@pytest.mark.parametrize("text, lang", [
    ("Russian missile strikes hit the Dnipro region overnight, the governor said. Three people were killed by the strikes "
     "in Pavlohrad.", "en"),
    ("Des frappes de missiles russes ont touché la région de Dnipro dans la nuit, a indiqué le gouverneur. Trois personnes "
     "ont été tuées par les frappes à Pavlohrad.", "fr"),
])
def test_a_strike_named_without_its_means_was_made_with_the_weapon_named_before(extractor, text, lang):
    r = extractor.extract_article(Article.create(text, lang, published="2024-05-10"))
    town = [e for e in r.events if e.location.name == "Pavlohrad"]
    assert [(e.sub_event_type, e.weapon) for e in town] == [("Shelling/artillery/missile attack", "missile")]


@pytest.mark.parametrize("text, lang", [
    ("Ukrainian missiles hit Belgorod on Monday. Hours later a Russian strike killed three people in Kharkiv.", "en"),
    ("Des missiles ukrainiens ont touché Belgorod lundi. Quelques heures plus tard, une frappe russe a tué trois "
     "personnes à Kharkiv.", "fr"),
])
def test_the_other_sides_weapon_tells_nothing_of_a_strike(extractor, text, lang):
    r = extractor.extract_article(Article.create(text, lang, published="2024-05-10"))
    russian = [e for e in r.events if e.actor1 and e.actor1.country_code == "RU"]
    assert [e.sub_event_type for e in russian] == ["Air/drone strike"]


@pytest.mark.parametrize("text, lang", [
    ("Israeli attacks on Baalbek killed four people on Tuesday, the health ministry said.", "en"),
    ("Des attaques israéliennes contre Baalbek ont tué quatre personnes mardi, selon le ministère de la Santé.", "fr"),
])
def test_a_foreign_armys_attack_on_a_town_with_no_means_named_is_a_strike(extractor, text, lang):
    r = extractor.extract_article(Article.create(text, lang, published="2024-05-10"))
    assert [e.sub_event_type for e in r.events] == ["Air/drone strike"]


@pytest.mark.parametrize("text, lang, sub", [
    ("Gunmen attacked a village in Kaduna state on Friday, killing twelve people and abducting twenty women.", "en", "Attack"),
    ("Des hommes armés ont attaqué vendredi un village de l'Etat de Kaduna, tuant douze personnes et enlevant vingt femmes.",
     "fr", "Attack"),
    ("Gunmen abducted twenty women from a village in Kaduna state on Friday.", "en", "Abduction/forced disappearance"),
    ("Des hommes armés ont enlevé vendredi vingt femmes dans un village de l'Etat de Kaduna.", "fr",
     "Abduction/forced disappearance"),
])
def test_an_attack_that_killed_and_carried_people_off_is_the_attack(extractor, text, lang, sub):
    r = extractor.extract_article(Article.create(text, lang, published="2024-05-10"))
    assert [e.sub_event_type for e in r.events] == [sub]
