"""Places named together, in both languages: a list ("Tula, Kaluga and Smolensk") names places
of their own, each an event, never the areas of one another; a place named with its areas
("Pobè (Plateau)") and the members of a list lie in the one country that has most of them, even
when one of them is another country's capital."""
import pytest

from conflictwire.model import Article


def extract(extractor, text, lang, published="2024-05-10"):
    return extractor.extract_article(Article.create(text, lang, published=published))


def places(r):
    return sorted((e.location.name, e.location.country_code) for e in r.events)


def test_a_list_of_towns_gives_one_event_per_town_en(extractor):
    r = extract(extractor, "Air defences shot down 17 drones over Tula, Kaluga and Smolensk overnight, "
                           "the defence ministry said on Friday.", "en")
    assert places(r) == [("Kaluga", "RU"), ("Smolensk", "RU"), ("Tula", "RU")]
    assert {e.sub_event_type for e in r.events} == {"Disrupted weapons use"}


def test_a_list_of_towns_gives_one_event_per_town_fr(extractor):
    r = extract(extractor, "La police a dispersé lundi des manifestants à Sidon, Tyr, Nabatieh et Jezzine.", "fr")
    assert len(r.events) == 4
    assert {e.location.country_code for e in r.events} == {"LB"}
    assert {e.location.name for e in r.events} >= {"Sidon", "Tyre", "Jezzine"}


def test_the_members_of_a_list_are_not_each_others_areas(extractor):
    """Without the list, "Gao, Ménaka" reads as "Gao in the Ménaka area" and Gao is lost."""
    r = extract(extractor, "Des frappes de drones ont touché Gao, Ménaka et Ansongo dans la nuit de jeudi à vendredi, "
                           "selon l'armée malienne.", "fr")
    assert places(r) == [("Ansongo", "ML"), ("Gao", "ML"), ("Ménaka", "ML")]


def test_a_name_the_ner_misses_in_a_list_is_a_place_en(extractor):
    r = extract(extractor, "Police fired tear gas at protesters in Sidon, Tyre, Nabatieh and Jezzine on Monday.", "en")
    assert len(r.events) == 4 and {e.location.country_code for e in r.events} == {"LB"}


def test_places_named_together_choose_their_country_en(extractor):
    """"Plateau" is a region of Benin and of Nigeria and a town elsewhere; Pobè is a town of
    Benin only: named together, they lie in Benin."""
    r = extract(extractor, "Gunmen attacked a farm near Pobè (Plateau) on Tuesday, killing one herder.", "en")
    [e] = r.events
    assert (e.location.country_code, e.location.admin1) == ("BJ", "Plateau")


def test_places_named_together_choose_their_country_fr(extractor):
    r = extract(extractor, "Des hommes armés ont attaqué mardi une ferme près de Pobè (Plateau), tuant un éleveur.", "fr")
    [e] = r.events
    assert (e.location.country_code, e.location.admin1) == ("BJ", "Plateau")


def test_the_destruction_of_drones_is_an_interception(extractor):
    for lang, text in (
            ("en", "The defence ministry announced on Friday the destruction of 23 drones over the Tula region."),
            ("fr", "Le ministère de la Défense a annoncé vendredi la destruction de 23 drones au-dessus de la région de Toula.")):
        r = extract(extractor, text, lang)
        [e] = r.events
        assert (e.sub_event_type, e.location.country_code) == ("Disrupted weapons use", "RU"), lang


def test_a_town_and_its_areas_outvote_the_areas_namesakes(extractor):
    """Itchede is unknown, Pobè a town of Benin, "Plateau" a region of Benin, of Nigeria and a
    town of the United States: the three named together lie in Benin."""
    for lang, text in (("en", "Gunmen attacked a farm near Itchede (Pobè, Plateau) on Tuesday, killing one herder."),
                       ("fr", "Des hommes armés ont attaqué mardi une ferme près d'Itchede (Pobè, Plateau), tuant un éleveur.")):
        [e] = extract(extractor, text, lang).events
        assert (e.location.country_code, e.location.admin1) == ("BJ", "Plateau"), lang


def test_a_township_and_its_state_lie_in_one_country(extractor):
    r = extract(extractor, "Rebels clashed with soldiers on Tuesday near Kyethi township, Shan state, and villagers fled to Ho Nam.", "en")
    assert {e.location.country_code for e in r.events} == {"MM"}


def test_a_capital_named_among_other_places_is_the_town_they_point_to(extractor):
    """"Sucre" is Bolivia's capital and a municipality of Venezuela: with Monagas state beside it,
    the report speaks of Venezuela, not of Bolivia's government."""
    r = extract(extractor, "On 6 May 2024, in Caura, Sucre municipality, Monagas state, two miners were killed by "
                           "unidentified gunmen.", "en")
    [e] = r.events
    assert (e.location.country_code, e.location.admin1) == ("VE", "Monagas")


def test_where_weapons_are_downed_is_over_a_place(extractor):
    r = extract(extractor, "Ukrainian air defences shot down nine drones over Poltava on Sunday night, the air force said.", "en")
    [e] = r.events
    assert (e.sub_event_type, e.location.name, e.location.geo_precision) == ("Disrupted weapons use", "Poltava", 1)


def test_where_a_boat_was_heading_is_not_where_it_was_stopped(extractor):
    r = extract(extractor, "Police detained 40 migrants on a boat heading for Italy off Sfax on Monday.", "en")
    [e] = r.events
    assert (e.location.country_code, e.location.name) == ("TN", "Sfax")
    r = extract(extractor, "La police a interpellé lundi 40 migrants sur un bateau à destination de l'Italie au large de Sfax.", "fr")
    assert {e.location.country_code for e in r.events} == {"TN"}


def test_a_capital_named_as_the_area_of_a_place_is_a_place_not_a_government(extractor):
    """ "in Kecioren, Ankara": the capital says where the district lies, not who acted."""
    for lang, text in (("en", "On Monday police detained 14 students at a rally in Kecioren, Ankara."),
                       ("fr", "Lundi, la police a interpellé 14 étudiants lors d'un rassemblement à Keçiören, Ankara.")):
        [e] = extract(extractor, text, lang).events
        assert (e.location.country_code, e.location.admin1, e.location.geo_precision) == ("TR", "Ankara", 2), lang


def test_an_area_named_with_its_generic_word_votes_for_the_areas_of_that_name(extractor):
    """"Merida state" is a state of Venezuela; the Mexican city of Mérida is no state."""
    r = extract(extractor, "On 4 May 2024, in La Punta, Merida, Merida state, residents demonstrated by burning tires "
                           "to demand electric power.", "en")
    [e] = r.events
    assert (e.location.country_code, e.location.admin1) == ("VE", "Merida")


def test_the_area_named_after_a_place_is_looked_for_among_areas(extractor):
    """"(Papua)" after a regency is Indonesia's province, not a hamlet of Tonga called Popua."""
    for lang, text in (("en", "On 1 March 2024, in Kalowe regency (Papua), police dispersed a rally by students."),
                       ("fr", "Le 1er mars 2024, dans la régence de Kalowe (Papua), la police a dispersé un rassemblement d'étudiants.")):
        [e] = extract(extractor, text, lang).events
        assert (e.location.country_code, e.location.admin1) == ("ID", "Papua"), lang


def test_a_name_cut_short_by_the_ner_is_the_longer_name_the_gazetteer_knows(extractor):
    """The NER reads "San Pedro" of "San Pedro del Pinatar", a name of many towns elsewhere."""
    [e] = extract(extractor, "On 5 May 2024, gunmen shot dead a village official in San Pedro del Pinatar.", "en").events
    assert (e.location.name, e.location.country_code) == ("San Pedro del Pinatar", "ES")
    [e] = extract(extractor, "Le 5 mai 2024, des hommes armés ont abattu un élu local à San Pedro del Pinatar.", "fr").events
    assert e.location.country_code == "ES"


def test_a_list_of_towns_each_placed_in_its_area_is_a_list(extractor):
    """"Rabak in White Nile state, Kadugli in South Kordofan, ...": no "and" closes it, but towns
    each said to lie in an area are listed, not a chain of areas."""
    for lang, text in (
            ("en", "Over the past week the RSF launched drone attacks on Kosti, Rabak in White Nile state, Kadugli "
                   "in South Kordofan, as well as other towns."),
            ("fr", "Ces derniers jours, les FSR ont lancé des attaques de drones sur Kosti, Rabak dans l'État du Nil "
                   "Blanc, Kadugli au Kordofan du Sud, ainsi que sur d'autres villes.")):
        assert sorted(e.location.name for e in extract(extractor, text, lang).events) == ["Kadugli", "Kosti", "Rabak"], lang


def test_a_town_far_from_where_it_happened_is_no_place_for_it(extractor):
    """"450 km east of the capital Bangui": the capital gives a distance, the village is unknown:
    the event is placed in the country, not hundreds of kilometres off."""
    for lang, text in (
            ("en", "On Sunday rebels attacked army positions in Ngoumbala, 450 km east of the capital Bangui."),
            ("fr", "Dimanche, des rebelles ont attaqué les positions de l'armée et sont entrés dans la ville de "
                   "Ngoumbala, à 450 km à l'est de la capitale Bangui.")):
        [e] = extract(extractor, text, lang).events
        assert (e.location.country_code, e.location.geo_precision) == ("CF", 3), lang
    [e] = extract(extractor, "On Sunday rebels attacked army positions 15 km north of Bambari.", "en").events
    assert e.location.name == "Bambari"  # a town nearby still places it


def test_a_country_opposed_is_no_place_for_the_event(extractor):
    """"protested in Kathua against Pakistan": Kathua is in India; Pakistan is what they oppose."""
    for lang, text in (("en", "On Monday, hundreds of people protested in Kathua against Pakistan."),
                       ("fr", "Lundi, des centaines de personnes ont manifesté à Kathua contre le Pakistan.")):
        [e] = extract(extractor, text, lang).events
        assert (e.sub_event_type, e.location.name, e.location.country_code) == ("Peaceful protest", "Kathua", "IN"), lang


@pytest.mark.parametrize("lang,text", [
    ("en", "Insurgents attacked the town of Pemba on Friday, killing six people. Two shops were looted in the Chokwe "
           "neighbourhood and a school was burned."),
    ("fr", "Des insurgés ont attaqué vendredi la ville de Pemba, tuant six personnes. Deux boutiques ont été pillées "
           "dans le quartier de Chokwe."),
])
def test_a_quarter_lies_in_the_town_named_before_it(extractor, lang, text):
    """A town's neighbourhood is in that town, not the namesake town the gazetteer knows 1,500 km
    away: what happened there is more of the attack on the town."""
    events = extractor.extract_article(Article.create(text, lang, published="2024-05-13")).events
    assert {e.location.name for e in events} == {"Pemba"}
    assert len(events) == 1


@pytest.mark.parametrize("lang,text,town", [
    ("en", "An Israeli drone struck a car in Sidon on Monday, killing two men. On Monday evening, a grenade was thrown "
           "at a cafe in the Bustan neighbourhood, wounding three people.", "Sidon"),
    ("fr", "Une frappe de drone israélienne a touché lundi une voiture à Tyr, tuant deux hommes. Lundi soir, une grenade "
           "a été lancée contre un café du quartier de Bustan, blessant trois personnes.", "Tyre"),
])
def test_a_quarter_neither_chooses_the_country_nor_merges_another_weapon(extractor, lang, text, town):
    """The quarter's namesake town abroad casts no vote for the report's country; a grenade thrown
    in the quarter of the town a drone struck is an event of its own there."""
    events = extractor.extract_article(Article.create(text, lang, published="2024-05-14")).events
    assert sorted((e.sub_event_type, e.location.name) for e in events) == [("Air/drone strike", town), ("Grenade", town)]


@pytest.mark.parametrize("text, lang", [
    ("Air defences shot down 12 drones over the Penza region, 5 drones over Saratov and one drone over Tambov overnight, "
     "the defence ministry in Moscow said.", "en"),
    ("La défense antiaérienne a abattu 12 drones au-dessus de la région de Penza, 5 drones au-dessus de Saratov et un drone "
     "au-dessus de Tambov, a indiqué le ministère russe de la Défense.", "fr"),
])
def test_a_region_listed_with_towns_elsewhere_is_a_place_of_its_own(extractor, text, lang):
    """Each item of the list is an event: the region is not the area of the towns (they lie in
    other regions), nor a town the context of the one before it ("over Saratov, 5 drones over...")."""
    r = extract(extractor, text, lang, published="2024-09-14")
    assert sorted(e.location.admin1 for e in r.events) == ["Penza", "Saratov", "Tambov"]
    assert {e.sub_event_type for e in r.events} == {"Disrupted weapons use"}


@pytest.mark.parametrize("text, lang", [
    ("Combatants fired rockets into Israel on Monday. Hours later an air strike hit a house in Beit Lahia, "
     "killing five Palestinians, medics said.", "en"),
    ("Des combattants ont tiré lundi des roquettes sur Israël. Quelques heures plus tard, une frappe aérienne a touché "
     "une maison à Beit Lahia, tuant cinq Palestiniens, selon des secouristes.", "fr"),
])
def test_a_place_next_door_whose_people_the_report_names(extractor, text, lang):
    """The report names Israel only; Beit Lahia lies next door, where the Palestinians it names live."""
    r = extract(extractor, text, lang)
    assert places(r) == [("Bayt Lāhyā", "PS"), ("Israel", "IL")]


@pytest.mark.parametrize("text, lang", [
    ("Violence has spread across Mali this year. On Monday gunmen attacked an army post in Djibo, killing two soldiers.", "en"),
    ("Les violences ont gagné tout le Mali cette année. Lundi, des hommes armés ont attaqué un poste de l'armée à Djibo, "
     "tuant deux soldats.", "fr"),
])
def test_a_town_next_door_is_no_place_when_the_report_names_none_of_its_people(extractor, text, lang):
    """Djibo lies in Burkina Faso, next to Mali, but the report speaks of no Burkinabè."""
    r = extract(extractor, text, lang)
    assert {e.location.country_code for e in r.events} == {"ML"}


@pytest.mark.parametrize("text, lang", [
    ("On Monday a grenade was thrown at the offices of Air Algérie in Gao, damaging the front of the building.", "en"),
    ("Lundi, une grenade a été lancée contre les bureaux d'Air Algérie à Gao, endommageant la façade du bâtiment.", "fr"),
])
def test_a_country_in_an_organisations_name_is_not_where_things_happen(extractor, text, lang):
    r = extract(extractor, text, lang)
    assert places(r) == [("Gao", "ML")]


@pytest.mark.parametrize("text, lang", [
    ("Russian shelling hit the Sumy region on Saturday, the governor said. Two missiles struck the centre of Sumy on "
     "Saturday evening, injuring 12 people.", "en"),
    ("Des bombardements russes ont frappé samedi la région de Soumy, a indiqué le gouverneur. Deux missiles ont touché "
     "samedi soir le centre de Soumy, blessant 12 personnes.", "fr"),
])
def test_the_town_named_after_its_area_places_the_event_there(extractor, text, lang):
    """The region and then the town of the same name: one event, in the town."""
    r = extract(extractor, text, lang, published="2024-05-12")
    assert [(e.location.name, e.location.geo_precision) for e in r.events] == [("Sumy", 1)]


@pytest.mark.parametrize("text, lang", [
    ("Police fired tear gas at hundreds of protesters in Abidjan Abobo on Monday.", "en"),
    ("La police a dispersé lundi à coups de gaz lacrymogène des centaines de manifestants à Abidjan Abobo.", "fr"),
])
def test_a_part_of_a_town_named_after_the_town_is_found_by_its_own_name(extractor, text, lang):
    """ "Abidjan Abobo" is no name the gazetteer holds; Abobo, which lies in Abidjan, is."""
    assert places(extract(extractor, text, lang)) == [("Abobo", "CI")]


def test_a_part_named_after_a_town_lies_in_that_town():
    """The rest of the name finds only places within a few km of the town ("Alma Shaab" is no
    "Shaab" 30 km away)."""
    from types import SimpleNamespace as C

    from conflictwire.resolve.parts import town_part
    towns = {"Alma": [C(feature_class="P", latitude=33.10, longitude=35.20)],
             "Shaab": [C(feature_class="P", latitude=33.37, longitude=35.20)],  # 30 km north
             "Bahri": [C(feature_class="P", latitude=33.12, longitude=35.21)]}  # 2 km
    assert town_part("Alma Shaab", lambda name: towns.get(name, [])) == []
    assert town_part("Alma Bahri", lambda name: towns.get(name, [])) == towns["Bahri"]


@pytest.mark.parametrize("text, lang", [
    ("Rioters looted shops and set cars on fire overnight in Mayotte, while lawmakers in Paris debated the "
     "voting reform.", "en"),
    ("Des émeutiers ont pillé des commerces et incendié des voitures dans la nuit en Polynésie française, alors que les "
     "députés débattaient à Paris de la réforme électorale.", "fr"),
])
def test_a_territory_of_a_state_the_report_names_is_a_place_it_may_name(extractor, text, lang):
    """The report names France by its capital; Mayotte and French Polynesia (named in French too)
    are among its territories."""
    r = extract(extractor, text, lang)
    assert {("Mayotte", "YT"), ("French Polynesia", "PF")} & set(places(r))


@pytest.mark.parametrize("text, lang", [
    ("On Sunday night gunmen attacked a farm in the village of Kavumu (Rugombo commune), in Cibitoke province, "
     "killing nine people.", "en"),
    ("Dans la nuit de dimanche, des hommes armés ont attaqué une ferme dans la localité de Kavumu (commune de Rugombo), "
     "dans la province burundaise de Cibitoke, tuant neuf personnes.", "fr"),
])
def test_names_the_gazetteer_does_not_know_lie_in_the_area_named_with_them(extractor, text, lang):
    """A village and a commune the gazetteer does not hold, and the province they lie in ("la
    province burundaise de", its people's adjective between): one event, in the province."""
    r = extract(extractor, text, lang, published="2024-02-26")
    assert [(e.location.admin1, e.location.geo_precision) for e in r.events] == [("Cibitoke", 3)]


@pytest.mark.parametrize("text, lang", [
    ("On Tuesday the Ukrainian army launched an attack on the territory of Russia's Bryansk region.", "en"),
    ("Mardi, l'armée ukrainienne a lancé une attaque sur le territoire de la région russe de Belgorod.", "fr"),
])
def test_an_area_named_with_its_peoples_adjective_or_in_english_spelling_is_the_area(extractor, text, lang):
    """ "la région russe de Belgorod" is the region; "Bryansk region" is the area the gazetteer
    spells "Brjansk". A foreign army's attack on a whole region is going in on the ground."""
    r = extract(extractor, text, lang, published="2024-05-10")
    assert [(e.location.geo_precision, e.sub_event_type) for e in r.events] == [(3, "Armed clash")]


def test_cyrillic_names_spelt_the_dutch_way_are_given_their_english_spelling():
    from conflictwire.gazetteer.build import english_spelling
    assert [english_spelling(n) for n in ("Brjansk", "Voronezj", "Orjol", "Jaroslavl", "Kamtsjatka", "Kursk")] == \
        ["Bryansk", "Voronezh", "Oryol", "Yaroslavl", "Kamchatka", "Kursk"]
