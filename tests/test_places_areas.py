"""Places named with the areas they lie in ("X (district, province)", "X, Y state"), in both
languages: the areas are found even when the NER misses them, they choose the country and the
namesake, and they place a village the gazetteer does not know."""
import math

import pytest

from conflictwire.model import Article


def extract(extractor, text, lang, published="2024-05-10"):
    return extractor.extract_article(Article.create(text, lang, published=published))


def km(a, b):
    la1, lo1, la2, lo2 = map(math.radians, (a[0], a[1], b[0], b[1]))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(min(1.0, h)))


def where(extractor, name, country):
    c = extractor.gazetteer.candidates(name, country)[0]
    return c.latitude, c.longitude


def test_unknown_village_lies_in_the_areas_in_brackets_en(extractor):
    r = extract(extractor, "On 4 May 2024, gunmen abducted two traders in Kassakoro (Bandiagara, Mopti).", "en")
    [e] = r.events
    loc = e.location
    assert (loc.country_code, loc.admin1, loc.geo_precision) == ("ML", "Mopti", 2)
    assert km((loc.latitude, loc.longitude), where(extractor, "Bandiagara", "ML")) < 5
    assert loc.name != "Kassakoro" and "Kassakoro" in loc.text  # the gazetteer's name; the report's words are its text


def test_unknown_village_lies_in_the_areas_in_brackets_fr(extractor):
    r = extract(extractor, "Des hommes armés ont enlevé deux commerçants samedi à Kassakoro (Bandiagara, Mopti).", "fr")
    [e] = r.events
    assert (e.location.country_code, e.location.admin1, e.location.geo_precision) == ("ML", "Mopti", 2)


def test_the_area_named_after_a_place_chooses_the_namesake(extractor):
    """Two towns of Niger share a name: the area in brackets says which one is meant."""
    for area, admin1 in (("Guidan Roumdji, Maradi", "Maradi"), ("Dosso", "Dosso")):
        r = extract(extractor, f"Gunmen attacked the market in Tibiri ({area}) in Niger on Tuesday, killing three traders.", "en")
        [e] = r.events
        assert (e.location.country_code, e.location.admin1, e.location.geo_precision) == ("NE", admin1, 1), area


def test_the_area_named_last_decides_the_country(extractor):
    """No country is named: "San Pedro" is a town of many countries, "Lara state" of one."""
    r = extract(extractor, "Hundreds of residents protested in San Pedro, Lara state, on Monday to demand drinking water.", "en")
    [e] = r.events
    assert (e.location.country_code, e.location.admin1) == ("VE", "Lara")
    r = extract(extractor, "Des centaines d'habitants ont manifesté lundi à San Pedro, Cajamarca, pour réclamer de l'eau potable.", "fr")
    [e] = r.events
    assert (e.location.country_code, e.location.admin1) == ("PE", "Cajamarca")


def test_a_known_place_beside_an_area_keeps_its_own_coordinates(extractor):
    r = extract(extractor, "Soldiers clashed with militants near Tessaoua, Maradi, on Sunday.", "en")
    [e] = r.events
    loc = e.location
    assert loc.name == "Tessaoua" and loc.geo_precision == 2 and loc.admin1 == "Maradi"
    assert km((loc.latitude, loc.longitude), where(extractor, "Tessaoua", "NE")) < 1


def test_a_lower_case_word_is_no_place(extractor):
    """ "of dozens": after a locative word, but a place's name is capitalised."""
    from conflictwire.find.places import entity_places
    from conflictwire.pipeline import parse
    for text, lang, place in (("Rebels say they seized control of dozens of army posts in Zinder.", "en", "Zinder"),
                              ("Les rebelles affirment avoir pris le contrôle de dizaines de postes à Zinder.", "fr", "Zinder")):
        doc = next(parse(extractor.tools(lang).nlp, [text]))
        names = [p.name for p in entity_places(doc, set())]
        assert all(n[:1].isupper() for n in names) and place in names, names


def test_a_province_placed_event_is_placed_in_the_province_not_the_country(extractor):
    """The township is unknown to the gazetteer, the state is not: the state says more than the country."""
    for text, lang, admin1 in (
            ("On 3 March 2024, in Garin Dogo commune, Zinder region, the Nigerien army and rebel fighters clashed.", "en", "Zinder"),
            ("Le 3 mars 2024, des affrontements ont opposé l'armée nigérienne à des rebelles dans la commune de Tamakassa, région de Tahoua.", "fr", "Tahoua")):
        [e] = extract(extractor, text, lang).events
        assert e.location.admin1 == admin1 and e.location.geo_precision == 3, text


def test_an_event_whose_place_is_a_province_only_is_placed_in_it(extractor):
    """No town: the province the sentence names says more than the country."""
    for text, lang in (("La police a arrêté lundi douze militants de l'opposition, ont indiqué des responsables de la région de Tahoua.", "fr"),
                       ("Police arrested twelve opposition activists on Monday, officials of the Tahoua region said.", "en")):
        [e] = extract(extractor, text, lang).events
        assert (e.location.country_code, e.location.admin1, e.location.geo_precision) == ("NE", "Tahoua", 3), text


def test_an_unknown_district_lies_in_the_province_named_beside_it(extractor):
    for text, lang in (("Gunmen killed four villagers in Garin Dogo district on Monday, officials in the Zinder region said.", "en"),
                       ("Des hommes armés ont tué lundi quatre villageois dans le district de Garin Dogo, ont indiqué des responsables de la région de Zinder.", "fr")):
        [loc] = [e.location for e in extract(extractor, text, lang).events if "Garin Dogo" in (e.location.text or "")]
        assert (loc.country_code, loc.admin1, loc.geo_precision) == ("NE", "Zinder", 3), text
        assert loc.name == "Zinder"  # the gazetteer's name; the report's words are its text


def test_the_base_of_a_country_s_army_is_no_place(extractor):
    """ "a Malian military base": whose base, not where; the district named after it is the place."""
    for text, lang in (("Militants attacked a Malian military base, killing 2 soldiers, in Kassakoro district, Mopti.", "en"),
                       ("Des jihadistes ont attaqué une base militaire malienne, tuant deux soldats, dans le district de Kassakoro, Mopti.", "fr")):
        [e] = extract(extractor, text, lang).events
        assert (e.location.country_code, e.location.admin1) == ("ML", "Mopti"), text


@pytest.mark.parametrize("text, lang", [
    ("Al-Shabaab fighters ambushed a supply convoy on Monday, killing four soldiers.", "en"),
    ("Des combattants shebab ont tendu lundi une embuscade à un convoi, tuant quatre soldats.", "fr"),
])
def test_a_report_naming_no_country_is_in_the_country_of_its_national_group(extractor, text, lang):
    """The group's home country votes for the report's country when nothing else does."""
    [e] = extract(extractor, text, lang).events
    assert e.location.country_code == "SO" and e.location.geo_precision == 3


@pytest.mark.parametrize("text, lang, town, country", [
    ("Gunmen killed eleven villagers in Beni, a town near the border with Uganda, on Monday.", "en", "Beni", "CD"),
    ("Des rebelles ont tué onze civils lundi à Beni, ville frontalière de l'Ouganda.", "fr", "Beni", "CD"),
    ("Sept combattants ont été tués mercredi lors de combats près de Saravena, à la frontière avec le Venezuela.", "fr", "Saravena", "CO"),
])
def test_a_country_named_as_a_landmark_is_not_where_it_happened(extractor, text, lang, town, country):
    (event,) = extractor.extract_article(Article.create(text, lang, published="2026-01-22")).events
    assert (event.location.name, event.location.country_code) == (town, country)


@pytest.mark.parametrize("text, lang", [
    ("Gunmen ambushed an army convoy near Tera on Tuesday, killing seven soldiers.\n\n"
     "Two fuel tankers were burned and four wounded soldiers were evacuated towards Niamey.", "en"),
    ("Des hommes armés ont tendu mardi une embuscade à un convoi de l'armée près de Téra, tuant sept soldats.\n\n"
     "Deux camions-citernes ont été incendiés et quatre militaires blessés ont été évacués vers Niamey.", "fr"),
])
def test_a_destination_is_not_where_it_happened(extractor, text, lang):
    events = extract(extractor, text, lang, published="2025-09-18").events
    assert [e.location.name for e in events] == ["Téra"]


# --- a country qualified by a compass point ---------------------------------------------------
@pytest.mark.parametrize("country,point,area", [
    ("MZ", "north", "Cabo Delgado"),
    ("ET", "north", "Tigray"),
    ("LB", "south", "Nabatiye"),
    ("SD", "west", "West Darfur"),
    ("CO", "north", "La Guajira"),  # not the islands far off in the Caribbean
])
def test_a_compass_point_chooses_the_first_level_area_that_way(extractor, country, point, area):
    from conflictwire.vocab import COMPASS
    assert extractor.gazetteer.admin1_toward(country, COMPASS[point]).name == area


@pytest.mark.parametrize("lang,text", [
    ("en", "On Tuesday, insurgents attacked two villages in northern Mozambique, killing three fishermen."),
    ("en", "On Tuesday, insurgents attacked two villages in the north of Mozambique, killing three fishermen."),
    ("fr", "Mardi, des insurgés ont attaqué deux villages dans le nord du Mozambique, tuant trois pêcheurs."),
])
def test_a_country_qualified_by_a_compass_point_is_where_it_happened(extractor, lang, text):
    """ "in northern Mozambique": the country is where it happened (the compass word does not hide
    the "in"), in its area that way, no more precisely than the area."""
    [e] = extract(extractor, text, lang).events
    loc = e.location
    assert (loc.country_code, loc.admin1, loc.geo_precision) == ("MZ", "Cabo Delgado", 3)
    assert "Mozambique" in loc.name


@pytest.mark.parametrize("lang,text", [
    ("en", "On Tuesday, an Israeli strike on the village of Khirbet Zaloum in southern Lebanon killed three people."),
    ("fr", "Mardi, une frappe israélienne sur le village de Khirbet Zaloum, dans le sud du Liban, a tué trois personnes."),
])
def test_an_unknown_village_lies_in_the_area_a_compass_point_names(extractor, lang, text):
    [e] = extract(extractor, text, lang).events
    assert (e.location.country_code, e.location.admin1) == ("LB", "Nabatiye")


def test_a_country_in_the_events_own_sentence_beats_a_town_told_before(extractor):
    """The strike in southeast Lebanon is not placed at the Israeli town of the paragraph before."""
    text = ("Hezbollah said it fired a barrage of rockets at Safed on Wednesday, wounding two people.\n"
            "The rockets hit a school yard, the police said. Israel has not commented on the Hezbollah rocket fire "
            "on Wednesday.\n"
            "On Tuesday, Israeli jets struck a depot outside two villages in southeast Lebanon, killing four Hezbollah "
            "members, a security source said. The army later acknowledged the raids.")
    events = extract(extractor, text, "en", published="2024-05-09").events
    strike = next(e for e in events if e.event_date == "2024-05-07")
    assert strike.location.country_code == "LB" and "Lebanon" in strike.location.name


@pytest.mark.parametrize("lang,text", [
    ("en", "On Monday, gunmen attacked the village of Chokwe, 15 km north of Mueda, killing four people."),
    ("fr", "Lundi, des hommes armés ont attaqué le village de Chokwe, à 15 km au nord de Mueda, tuant quatre personnes."),
    ("en", "On Monday, gunmen attacked Chokwe, close to Mueda, killing four people."),
])
def test_a_place_named_near_a_town_is_no_namesake_far_from_it(extractor, lang, text):
    """The Chokwe the gazetteer knows lies 1,500 km south of Mueda: the village near Mueda is
    another, placed near Mueda."""
    [e] = extract(extractor, text, lang).events
    loc = e.location
    assert (loc.country_code, loc.admin1, loc.geo_precision) == ("MZ", "Cabo Delgado", 2)
    assert km((loc.latitude, loc.longitude), where(extractor, "Mueda", "MZ")) < 25


@pytest.mark.parametrize("lang,text", [
    ("en", "On Wednesday, a rocket fired from Lebanon hit a house, wounding two people, the Israeli army said."),
    ("fr", "Mercredi, une roquette tirée depuis le Liban a touché une maison, blessant deux personnes, selon l'armée israélienne."),
])
def test_where_a_shot_came_from_is_not_where_it_landed(extractor, lang, text):
    [e] = extract(extractor, text, lang).events
    assert e.location.country_code == "IL"


@pytest.mark.parametrize("lang,text", [
    ("en", "On Monday, drones targeted the airport at Tessalit, north of Gao, wounding two soldiers."),
    ("fr", "Lundi, des drones ont visé l'aéroport de Tessalit, au nord de Gao, blessant deux soldats."),
])
def test_a_town_named_by_a_direction_from_a_far_city_keeps_its_place(extractor, lang, text):
    """Tessalit lies 400 km north of Gao: a direction from a city may reach that far, no namesake."""
    [e] = extract(extractor, text, lang).events
    assert "Tessalit" in e.location.name and e.location.geo_precision == 1


@pytest.mark.parametrize("lang,text", [
    ("en", "Russian troops captured the town of Kupiansk on Tuesday, a gain for Moscow, which took two other towns last month."),
    ("fr", "Mardi, les troupes russes se sont emparées de la ville de Koupiansk, un gain pour Moscou, qui a pris deux "
           "autres villes le mois dernier."),
])
def test_a_capital_a_relative_clause_says_acted_is_its_government_not_a_place(extractor, lang, text):
    [e] = extract(extractor, text, lang).events
    assert e.location.name != "Moscow"


@pytest.mark.parametrize("text, lang", [
    ("Hezbollah fired rockets at Nahariya on Wednesday. Israeli strikes on the village of Kfar Toumine in southern "
     "Lebanon killed two people on Wednesday.", "en"),
    ("Le Hezbollah a tiré mercredi des roquettes sur Nahariya. Des frappes israéliennes sur le village de Kfar "
     "Toumine, dans le sud du Liban, ont tué deux personnes mercredi.", "fr"),
])
def test_part_of_a_country_named_beside_an_unknown_village_outweighs_the_town_before(extractor, text, lang):
    """ "The village of X in southern Lebanon", X unknown: not the Israeli town the report named before."""
    r = extractor.extract_article(Article.create(text, lang, published="2024-05-09"))
    strike = next(e for e in r.events if e.sub_event_type == "Air/drone strike")
    assert strike.location.country_code == "LB" and strike.actor1.kind == "external_forces"


@pytest.mark.parametrize("text, lang", [
    ("Air defences shot down drones over the Russian regions of Bryansk and Voronezh on Sunday, the ministry said.", "en"),
    ("Des frappes aériennes ont visé dimanche les provinces de Kunar et de Paktika, selon le ministère.", "fr"),
])
def test_the_names_a_plural_area_word_lists_are_areas_too(extractor, text, lang):
    """ "the regions of A and B": A and B are regions (coarse, at the region), not their namesake towns."""
    events = extract(extractor, text, lang, published="2024-08-12").events
    assert {e.location.geo_precision for e in events} == {3}
    assert len(events) == 2


def test_the_compass_word_before_and_names_the_sibling_area_the_coordination_left_out(extractor):
    """ "East and South Darfur": two regions, East Darfur and South Darfur (French writes these lists with
    determiners, "le Nord et le Sud-Kivu", which this does not read)."""
    events = extract(extractor, "Government jets bombed several villages in East and South Darfur on Tuesday, local "
                                "officials said.", "en", published="2025-10-21").events
    assert sorted(e.location.name for e in events) == ["East Darfur", "South Darfur"]
