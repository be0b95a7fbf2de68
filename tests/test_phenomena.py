"""Small reports written here, one phenomenon each: interceptions, passives, negations, hedges,
several events, statements and tallies, in both languages."""
from conflictwire.model import Article


def extract(extractor, text, lang, published="2024-05-10"):
    return extractor.extract_article(Article.create(text, lang, published=published))


def test_interception_is_disrupted_weapons_use(extractor):
    r = extract(extractor, "Two drones launched at the Ayn Issa base were shot down before reaching their target on Tuesday, the coalition said.", "en")
    assert [e.sub_event_type for e in r.events] == ["Disrupted weapons use"]
    assert "intercepted" in r.events[0].outcome


def test_negated_attack_is_not_an_event(extractor):
    r = extract(extractor, "Les autorités ont démenti qu'une attaque ait visé la ville de Gao. Aucun affrontement n'a eu lieu.", "fr")
    assert r.events == []


def test_passive_voice_gives_roles(extractor):
    r = extract(extractor, "Trois soldats maliens ont été tués par des hommes armés non identifiés jeudi près de Mopti.", "fr")
    [e] = r.events
    assert e.actor1.kind == "political_militia" and e.actor1.name.startswith("Unidentified Armed Group")
    assert e.actor2.kind == "state_forces" and e.actor2.country_code == "ML"
    assert e.fatalities == 3 and e.event_date == "2024-05-09" and e.location.country_code == "ML"


def test_foreign_forces_are_external(extractor):
    r = extract(extractor, "A roadside bomb struck a convoy of American troops near Deir ez-Zor on Sunday, injuring two soldiers.", "en")
    [e] = r.events
    assert e.actor2.kind == "external_forces" and e.actor2.country_code == "US"
    assert e.sub_event_type == "Remote explosive/landmine/IED" and e.injuries == 2 and e.location.country_code == "SY"


def test_two_places_two_events(extractor):
    r = extract(extractor, "Des frappes de drones ont visé jeudi la ville de Kidal et la localité de Tessalit, selon des sources locales.", "fr")
    assert len(r.events) == 2
    assert {e.sub_event_type for e in r.events} == {"Air/drone strike"}


def test_accusation_and_denial_are_statements_not_events(extractor):
    text = ("Le gouvernement malien a accusé l'Algérie de soutenir les rebelles.\n\n"
            "Alger a démenti ces accusations.")
    r = extract(extractor, text, "fr")
    assert [s.statement_type for s in r.statements] == ["ACCUSE", "REJECT"]
    assert r.statements[1].speaker.country_code == "DZ"
    assert r.events == []


def test_tally_with_period_and_qualifier(extractor):
    r = extract(extractor, "More than 300 attacks have been recorded in Burkina Faso since January, according to the UN.", "en")
    [t] = r.tallies
    assert (t.quantity, t.value, t.qualifier, t.since) == ("attacks", 300, "more_than", "2024-01")
    assert t.countries == ["BF"] and r.events == []


def test_protest_event(extractor):
    r = extract(extractor, "Thousands of protesters marched peacefully through Nairobi on Tuesday against the new tax.", "en")
    [e] = r.events
    assert e.event_type == "Protests" and e.actor1.kind == "protesters" and e.location.country_code == "KE"


def test_dateline_and_reporting_dates_are_not_event_dates(extractor):
    text = ("GAO, Mali, March 8 - Three soldiers were killed in an ambush near Gao, the army said on Friday.\n\n"
            "The convoy was attacked on Wednesday evening as it returned from a patrol.")
    ex = extract(extractor, text, "en", published="2024-03-08")
    assert ex.events and ex.events[0].event_date == "2024-03-06"


def test_the_day_before_an_event_is_counted_from_it(extractor):
    text = ("Des jihadistes ont attaqué lundi un poste de l'armée à Ménaka, au Mali, tuant quatre soldats.\n\n"
            "La veille, un engin explosif avait visé un convoi près de Gao, blessant deux militaires.")
    ex = extract(extractor, text, "fr", published="2024-03-08")
    dates = sorted(e.event_date for e in ex.events)
    assert dates == ["2024-03-03", "2024-03-04"], [(e.location.name, e.event_date) for e in ex.events]


def test_a_second_device_is_another_event(extractor):
    text = ("A suicide bomber blew himself up at a police checkpoint in Mogadishu on Tuesday, killing four people.\n\n"
            "Bomb disposal experts later defused a second device hidden in a car parked nearby, police said.")
    ex = extract(extractor, text, "en", published="2024-03-08")
    assert sorted(e.sub_event_type for e in ex.events) == ["Disrupted weapons use", "Suicide bomb"]


def test_a_weapon_with_casualties_and_a_place_tells_an_attack(extractor):
    text = "In the city of Quetta, four people were wounded on Tuesday evening when a hand grenade was hurled at a shop, police said."
    ex = extract(extractor, text, "en", published="2024-03-08")
    assert [e.sub_event_type for e in ex.events] == ["Grenade"] and ex.events[0].injuries == 4


def test_violating_a_ceasefire_is_not_sexual_violence(extractor):
    ceasefire = extract(extractor, "Le cessez-le-feu a été violé mardi à Goma, selon l'armée.", "fr", published="2024-03-08")
    assert all(e.sub_event_type != "Sexual violence" for e in ceasefire.events)
    rape = extract(extractor, "Des hommes armés ont violé trois femmes mardi près de Goma, selon des témoins.", "fr", published="2024-03-08")
    assert [e.sub_event_type for e in rape.events] == ["Sexual violence"]


def test_no_sentence_starts_after_a_word_that_cannot_end_one(extractor):
    from conflictwire.nlp import pipeline
    doc = pipeline("fr")("Dans le nord du pays, un drone turc a frappé lundi un véhicule près de Sinjar, tuant deux hommes. "
                         "Le ministère a démenti.")
    starts = [s.start for s in doc.sents]
    assert len(starts) == 2 and doc[starts[1]].text == "Le"


def test_claiming_a_figure_is_not_claiming_responsibility(extractor):
    figure = extract(extractor, "Le syndicat a revendiqué jeudi plus de 500 000 manifestants dans tout le pays.", "fr", published="2024-03-08")
    assert all(s.statement_type != "CLAIM" for s in figure.statements)
    attack = extract(extractor, "Le groupe JNIM a revendiqué jeudi l'attaque contre le camp militaire de Diapaga.", "fr", published="2024-03-08")
    assert any(s.statement_type == "CLAIM" for s in attack.statements)


def test_a_report_naming_no_country_is_placed_where_most_of_its_places_lie(extractor):
    text = "On 11 June 2021, Taliban fighters shot dead a local commander in Argo district, Badakhshan."
    ex = extract(extractor, text, "en", published="2021-06-12")
    assert ex.events and ex.events[0].location.country_code == "AF"


def test_the_town_named_again_is_the_place_of_the_event(extractor):
    text = ("L'armée a repris vendredi le contrôle de Diapaga, dans l'est du Burkina Faso.\n\n"
            "Mercredi, des hommes armés avaient attaqué le camp militaire de cette ville, tuant dix soldats.")
    ex = extract(extractor, text, "fr", published="2024-03-09")
    attack = [e for e in ex.events if e.event_date == "2024-03-06"]
    assert attack and attack[0].location.name == "Diapaga" and attack[0].location.country_code == "BF"


def test_a_placeless_echo_of_a_placed_event_is_not_another_event(extractor):
    text = ("Gunmen attacked a police post in Bannu, in northwestern Pakistan, on Tuesday, killing two officers.\n\n"
            "The attack on Tuesday was the latest in the country, police said.")
    ex = extract(extractor, text, "en", published="2024-03-08")
    assert len(ex.events) == 1 and ex.events[0].location.name == "Bannu"


def test_dateline_is_not_the_leads_subject(extractor):
    text = "QUETTA, Pakistan, May 10 - Two policemen and three militants were killed when gunmen attacked a checkpoint in Turbat on Thursday, officials said."
    [e] = extract(extractor, text, "en").events
    assert e.fatalities == 5 and e.location.name == "Turbat"


def test_crowd_dispersing_by_itself_is_a_peaceful_protest(extractor):
    text = "On Thursday, hundreds of traders staged a sit-in in Mardan. The crowd dispersed peacefully by the evening."
    [e] = extract(extractor, text, "en").events
    assert e.sub_event_type == "Peaceful protest"


def test_events_on_other_days_in_the_same_town_stay_apart(extractor):
    text = ("Gunmen attacked a police post in Mardan late on Tuesday, killing two officers.\n\n"
            "On Thursday, hundreds of traders in Mardan staged a sit-in outside the district office to demand better security.")
    events = extract(extractor, text, "en").events
    assert sorted((e.event_date, e.event_type) for e in events) == [("2024-05-07", "Battles"), ("2024-05-09", "Protests")]


def test_the_start_of_a_period_is_background(extractor):
    text = "Front lines have barely moved since a truce in 2022. In the capital Sanaa, security forces detained four aid workers on Tuesday."
    [e] = extract(extractor, text, "en").events
    assert e.sub_event_type == "Arrests" and e.location.name == "Sanaa"


def test_source_and_weapon_words_are_no_events(extractor):
    text = "Gunmen with assault rifles shot dead three men in Celaya on Friday, according to the Guanajuato attorney general's office."
    [e] = extract(extractor, text, "en").events
    assert e.sub_event_type == "Attack" and e.fatalities == 3 and e.location.name == "Celaya"


def test_a_place_describing_something_else_is_not_the_events(extractor):
    text = "À Gao, des centaines de femmes ont manifesté lundi pour réclamer la réouverture de la route reliant la ville à Ménaka."
    [e] = extract(extractor, text, "fr").events
    assert e.sub_event_type == "Peaceful protest" and e.location.name == "Gao"


def test_unknown_quarter_lies_in_the_town_named_with_it(extractor):
    text = "In Taiz, a boy was killed on Wednesday when a mortar round landed beside his home in the al-Mughtaribin neighbourhood."
    [e] = extract(extractor, text, "en").events
    assert e.location.name == "Taiz" and e.fatalities == 1


def test_recapture_of_an_untagged_town_by_troops_backed_by_allies(extractor):
    text = "The attacks followed the recapture on Sunday of Wanlaweyn by Somali troops backed by African Union forces after hours of fighting."
    events = extract(extractor, text, "en").events
    [e] = [e for e in events if e.sub_event_type == "Government regains territory"]
    assert e.location.name == "Wanlaweyn" and e.event_date == "2024-05-05"
    assert (e.actor1.kind, e.actor1.country_code) == ("state_forces", "SO")


def test_rockets_fired_by_backed_militias(extractor):
    [e] = extract(extractor, "Iran-backed militias fired rockets at Ain al-Asad air base on Monday.", "en").events
    assert e.sub_event_type == "Shelling/artillery/missile attack" and e.actor1.kind == "political_militia"
    [e] = extract(extractor, "Des milices soutenues par l'Iran ont tiré des roquettes lundi sur la base aérienne d'Aïn al-Asad.", "fr").events
    assert e.sub_event_type == "Shelling/artillery/missile attack" and e.location.country_code == "IQ"


def test_residents_beating_a_man_is_mob_violence(extractor):
    text = "Residents of Tepexi beat a suspected thief on Sunday outside the market. He died at the scene, police said."
    [e] = extract(extractor, text, "en").events
    assert e.sub_event_type == "Mob violence" and e.fatalities == 1


def test_a_bomb_and_a_club_are_not_strikes(extractor):
    text = "Bomb disposal experts defused a device left near the press club in Beledweyne on Tuesday."
    [e] = extract(extractor, text, "en").events
    assert e.sub_event_type == "Disrupted weapons use"


def test_these_clashes_on_another_day_are_their_own_event_in_the_same_town(extractor):
    text = ("Un cessez-le-feu négocié par des notables est entré en vigueur vendredi à Misrata, au lendemain d'affrontements entre deux milices.\n\n"
            "Au moins quatre personnes ont péri jeudi dans ces combats, selon les urgences.")
    events = extract(extractor, text, "fr").events
    clash = [e for e in events if e.event_date == "2024-05-09"]
    assert len(events) == 2 and len(clash) == 1
    assert clash[0].location.name.startswith("Misrat") and clash[0].fatalities == 4


def test_a_second_device_lies_where_the_first_went_off(extractor):
    text = ("KISMAYO, May 10 - A suicide bomber blew himself up at a police checkpoint in the port city on Thursday, killing three officers.\n\n"
            "Bomb disposal experts later defused a second device hidden in a minibus nearby, police said.")
    events = extract(extractor, text, "en").events
    [stopped] = [e for e in events if e.sub_event_type == "Disrupted weapons use"]
    assert stopped.location.name == "Kismayo" and stopped.location.geo_precision == 2


def test_habits_in_the_present_tense_are_no_events(extractor):
    text = "The group's remaining cells still carry out sporadic attacks in the desert of Anbar and in the mountains of the north."
    assert extract(extractor, text, "en").events == []


def test_a_direction_from_a_town_names_the_town(extractor):
    text = "Last week, militants looted food stores and burned about 30 homes in a village roughly 20 km south of Mueda, residents said."
    [e] = extract(extractor, text, "en").events
    assert e.location.name == "Mueda" and e.location.geo_precision == 2


def test_the_area_is_the_town_named_before(extractor):
    text = ("Insurgents killed four farmers in fields outside Macomia on Sunday, local sources said.\n\n"
            "The group said through its news agency that its fighters had killed four Christians in the area.")
    [e] = extract(extractor, text, "en").events
    assert e.location.name == "Macomia" and e.fatalities == 4


def test_forces_and_drones_of_whoever_says_so(extractor):
    text = ("In a statement on Monday, Rwanda's defence force said its soldiers, operating alongside Mozambican troops, "
            "had fought a group of insurgents near Mocímboa da Praia on Saturday, killing six.")
    [e] = extract(extractor, text, "en").events
    assert (e.actor1.name, e.actor1.kind) == ("Military Forces of Rwanda", "external_forces")
    assert e.location.country_code == "MZ" and e.location.name == "Mocímboa da Praia"
    text = "The army said on Sunday that one of its drones had struck Nyala airport, destroying a cargo plane used by the RSF."
    [e] = extract(extractor, text, "en").events
    assert e.sub_event_type == "Air/drone strike" and e.actor1.name == "Military Forces of Sudan"


def test_an_inverted_speaker_is_no_side(extractor):
    text = ("La défense antiaérienne a abattu mercredi plusieurs drones qui visaient Kassala, a annoncé l'armée, "
            "qui impute l'attaque aux Forces de soutien rapide (FSR).")
    [e] = extract(extractor, text, "fr").events
    assert e.sub_event_type == "Disrupted weapons use" and e.actor1.kind != "state_forces"


def test_a_claim_in_the_passive_names_the_attackers(extractor):
    text = ("Six soldats ont été tués mardi lors d'une attaque contre une position de l'armée près de Kérou. "
            "Les militaires ont riposté face à une centaine d'hommes armés arrivés à moto.\n\n"
            "L'attaque a été revendiquée mercredi soir par le Groupe de soutien à l'islam et aux musulmans (JNIM).")
    r = extract(extractor, text, "fr")
    assert [s.statement_type for s in r.statements] == ["CLAIM"]
    [e] = r.events
    assert e.actor1.name.startswith("JNIM") and e.actor2.kind == "state_forces" and "claimed" in e.outcome


def test_insurgents_are_the_group_their_paragraph_names(extractor):
    text = ("Somali troops retook Bulo Burte on Sunday after hours of fighting. Al Shabaab fighters had held the town "
            "since last year. The army said eleven insurgents died in the assault.")
    events = extract(extractor, text, "en").events
    assert any(e.actor2 is not None and e.actor2.name == "Al Shabaab" for e in events)


def test_people_killed_in_fighting_were_not_its_target(extractor):
    text = "Au moins trois personnes ont péri jeudi dans des combats entre deux groupes armés rivaux à Zaouïa."
    [e] = extract(extractor, text, "fr").events
    assert e.sub_event_type == "Armed clash" and e.fatalities == 3


def test_the_leads_group_is_not_assumed_where_nobody_claimed(extractor):
    text = ("Pakistani Taliban fighters attacked a police station in Bannu on Wednesday, killing two officers.\n\n"
            "In Quetta, four people were wounded on Tuesday when a hand grenade was hurled at a shop, police said. "
            "No one has claimed responsibility.")
    events = extract(extractor, text, "en").events
    [quetta] = [e for e in events if e.location.name == "Quetta"]
    assert quetta.actor1.name.startswith("Unidentified Armed Group") and quetta.actor2.kind == "civilians"


def test_unnamed_soldiers_are_the_army_named_before(extractor):
    text = ("L'armée israélienne a déclaré avoir visé une cellule près de Jénine.\n\n"
            "La veille, un engin explosif avait détoné au passage d'un véhicule blindé à l'entrée de Qabatiya, "
            "blessant légèrement deux soldats, selon l'armée.")
    events = extract(extractor, text, "fr").events
    [ied] = [e for e in events if e.sub_event_type == "Remote explosive/landmine/IED"]
    assert (ied.actor2.kind, ied.actor2.country_code) == ("external_forces", "IL")


def test_distances_and_durations_make_no_tally_of_an_event(extractor):
    text = ("A plus de 1 500 kilomètres de là, les paramilitaires ont de nouveau bombardé mardi El-Facher, "
            "capitale du Darfour-Nord assiégée depuis plus d'un an.")
    [e] = extract(extractor, text, "fr").events
    assert e.location.name == "El Fasher" and e.location.country_code == "SD"


def test_a_capital_an_attack_aims_at_is_a_place(extractor):
    text = "La défense antiaérienne a abattu mercredi plusieurs drones qui visaient Port-Soudan, a annoncé l'armée."
    [e] = extract(extractor, text, "fr").events
    assert e.location.name == "Port Sudan"


def test_a_truce_that_collapsed_long_ago_is_background(extractor):
    text = "The group has stepped up its campaign since a truce with the government collapsed more than two years ago."
    assert extract(extractor, text, "en").events == []


def test_the_same_day_in_the_town_just_named(extractor):
    text = ("Mardi, un engin explosif a détoné au passage d'un véhicule militaire à l'entrée de Qabatiya, au sud de Jénine. "
            "Au cours de l'opération menée le même jour dans cette localité, les soldats ont interpellé 25 personnes.")
    events = extract(extractor, text, "fr").events
    [arrests] = [e for e in events if e.sub_event_type == "Arrests"]
    assert arrests.event_date == "2024-05-07" and "Qab" in arrests.location.name


def test_a_period_describing_a_place_makes_no_tally(extractor):
    text = ("Lundi, des bulldozers de l'armée ont démoli au moins douze bâtiments dans le camp de réfugiés de Jénine, "
            "vidé de ses habitants depuis le début de l'année, a indiqué la municipalité.")
    [e] = extract(extractor, text, "fr").events
    assert e.sub_event_type == "Looting/property destruction" and e.event_date == "2024-05-06"
    text = "Au moins 40 attaques ont visé la région depuis le début de l'année, selon un collectif."
    r = extract(extractor, text, "fr")
    assert r.events == [] and [t.value for t in r.tallies] == [40]


def test_ground_retaken_and_lost_two_days_earlier_are_two_events(extractor):
    text = ("L'armée centrafricaine a repris lundi le contrôle de Bozoum, ville du nord-ouest dont s'étaient emparés "
            "deux jours plus tôt les rebelles du groupe 3R, a annoncé mardi le gouvernement.")
    events = extract(extractor, text, "fr").events
    assert sorted((e.event_date, e.sub_event_type) for e in events) == [
        ("2024-05-04", "Non-state actor overtakes territory"), ("2024-05-06", "Government regains territory")]


def test_a_report_hung_under_the_saying_verb_keeps_its_day(extractor):
    text = ("L'armée et ses supplétifs ont repris vendredi le contrôle de Diapaga, deux jours après sa chute, "
            "a annoncé samedi soir la télévision publique.")
    [e] = extract(extractor, text, "fr").events
    assert e.sub_event_type == "Government regains territory" and e.event_date == "2024-05-10"


def test_livestock_carried_off_and_a_post_taken_without_resistance(extractor):
    text = ("Jeudi, des hommes armés circulant à moto ont emporté plusieurs centaines de têtes de bétail près d'Inékar.\n\n"
            "Samedi, les soldats avaient évacué leur poste d'Andéramboukane. Des combattants y sont entrés dans la soirée "
            "sans rencontrer la moindre résistance.")
    subs = sorted(e.sub_event_type for e in extract(extractor, text, "fr").events)
    assert subs == ["Looting/property destruction", "Non-violent transfer of territory"]


def test_drones_destroyed_over_a_city_were_intercepted(extractor):
    text = "Dans la nuit de mercredi à jeudi, la défense antiaérienne a détruit 38 drones de type Shahed au-dessus d'Odessa."
    [e] = extract(extractor, text, "fr").events
    assert e.sub_event_type == "Disrupted weapons use" and e.location.country_code == "UA"


def test_pupils_blocking_schools_protest(extractor):
    text = "À Créteil, des élèves ont bloqué l'entrée de plusieurs lycées jeudi matin, sans incident."
    [e] = extract(extractor, text, "fr").events
    assert e.sub_event_type == "Peaceful protest"


def test_a_man_shot_near_a_roadblock_is_an_event_but_bullet_wounds_are_not(extractor):
    text = "Mardi soir, à Païta, un jeune homme de 19 ans a été grièvement blessé par balle près d'un barrage tenu par des militants."
    [e] = extract(extractor, text, "fr").events
    assert e.injuries == 1 and e.location.name in ("Païta", "Paita")
    text = "Several of the wounded had bullet injuries, a doctor at a hospital in Savar said."
    assert extract(extractor, text, "en").events == []


def test_rioters_are_rioters_and_ground_regained_is_taken_from_someone(extractor):
    text = "À Païta, des militants indépendantistes ont incendié des voitures et lancé des pierres sur les gendarmes mardi soir."
    [e] = extract(extractor, text, "fr").events
    assert e.sub_event_type == "Violent demonstration" and e.actor1.kind == "rioters"
    text = ("L'armée a repris lundi le contrôle de Bozoum. Les rebelles du groupe 3R tenaient la ville depuis samedi.")
    [e] = [e for e in extract(extractor, text, "fr").events if e.sub_event_type == "Government regains territory"]
    assert e.actor2 is not None and e.actor2.name.startswith("3R")


def test_drones_shot_down_come_from_the_state_named_beside_them_not_the_defender(extractor):
    text = "US air defences at Erbil airport shot down a drone as it approached the base on Tuesday."
    [e] = extract(extractor, text, "en").events
    assert e.actor1.kind == "political_militia" and e.actor2.country_code == "US"


def test_fighting_that_pits_one_side_against_another(extractor):
    text = ("De violents combats ont opposé mardi les rebelles du M23 à l'armée congolaise près de Sake, "
            "à une vingtaine de kilomètres à l'ouest de Goma.")
    [e] = extract(extractor, text, "fr").events
    assert e.actor1.name.startswith("M23") and e.actor2.kind == "state_forces" and e.location.name == "Sake"


def test_soldiers_hurt_when_their_vehicle_hit_a_mine_are_its_target(extractor):
    text = "Lundi, deux militaires béninois ont été blessés lorsque leur véhicule a sauté sur un engin explosif près de Tanguiéta."
    [e] = extract(extractor, text, "fr").events
    assert e.actor2.kind == "state_forces" and e.injuries == 2


def test_the_other_side_is_never_the_same_army(extractor):
    text = ("L'armée israélienne a déclaré avoir visé mercredi à Jénine une cellule qui s'apprêtait à attaquer des soldats, "
            "tuant trois hommes.")
    for e in extract(extractor, text, "fr").events:
        assert e.actor2 is None or e.actor2.name != e.actor1.name


def test_a_state_claiming_its_target_names_the_other_side_and_one_person_counts_one(extractor):
    text = ("An Israeli drone strike hit a car on the outskirts of Tyre on Wednesday, killing the driver.\n\n"
            'The Israeli military said it had targeted "a Hezbollah operative who was transporting weapons".')
    [e] = extract(extractor, text, "en").events
    assert e.actor2.name == "Hezbollah" and e.fatalities == 1
    text = "The army said one of its drones had struck Nyala airport on Sunday, destroying a cargo plane."
    [e] = extract(extractor, text, "en").events
    assert e.fatalities == 0


def test_who_the_relative_pronoun_is_not_the_world_health_organization(extractor):
    text = "The Houthis, who have encircled parts of the city for years, denied firing the round."
    [s] = extract(extractor, text, "en").statements
    assert s.statement_type == "REJECT" and s.speaker.country_code == "YE"
    text = "The WHO said two hospitals in Khartoum had been shelled, and demanded that all sides protect health workers."
    assert all(s.speaker.country_code is None for s in extract(extractor, text, "en").statements)


def test_who_moved_in_and_who_pulled_out(extractor):
    text = "Lebanese troops deployed in the border village of Alma al-Shaab on Tuesday after Israeli forces pulled out."
    [e] = extract(extractor, text, "en").events
    assert e.sub_event_type == "Non-violent transfer of territory"
    assert (e.actor1.country_code, e.actor2.country_code) == ("LB", "IL")


def test_an_army_saying_whom_it_killed_fills_in_the_other_side(extractor):
    text = ("Une frappe de drone israélienne a visé lundi une voiture à l'entrée nord de Saïda, tuant ses deux occupants.\n\n"
            "L'armée israélienne a affirmé avoir « éliminé » un responsable du Hamas.")
    [e] = extract(extractor, text, "fr").events
    assert e.actor2 is not None and e.actor2.name == "Hamas Movement"


def test_a_comma_after_a_district_brings_in_its_province(extractor):
    text = "On 7 July 2021, a Taliban sniper shot dead 2 soldiers in Nahrin district, Baghlan."
    [e] = extract(extractor, text, "en").events
    assert e.location.country_code == "AF" and e.actor2.name.startswith("Military Forces of Afghanistan")


def test_a_claimant_is_its_branch_in_the_country_it_struck(extractor):
    text = ("Des hommes armés ont tué trois soldats dimanche près de Ménaka, dans le nord-est du Mali.\n\n"
            "L'organisation État islamique a revendiqué l'attaque lundi.")
    [e] = extract(extractor, text, "fr").events
    assert e.actor1.name == "Islamic State (Sahel)" and "claimed" in e.outcome


def test_guided_bombs_are_an_air_strike(extractor):
    r = extract(extractor, "Des bombes aériennes guidées ont frappé mardi une usine de Kherson, tuant un ouvrier, selon le gouverneur.", "fr")
    [e] = r.events
    assert e.sub_event_type == "Air/drone strike" and e.fatalities == 1
    r = extract(extractor, "Russian glide bombs hit a market in Kostiantynivka on Monday, killing four people, officials said.", "en")
    [e] = r.events
    assert e.sub_event_type == "Air/drone strike" and e.actor1.country_code == "RU" and e.fatalities == 4


def test_lives_lost_are_counted(extractor):
    r = extract(extractor, "Mercredi, des tirs d'artillerie sur Kherson ont coûté la vie à une femme de 54 ans, selon les autorités.", "fr")
    [e] = r.events
    assert e.fatalities == 1
    r = extract(extractor, "Shelling in Sloviansk on Friday claimed the lives of three civilians, the regional governor said.", "en")
    [e] = r.events
    assert e.fatalities == 3 and e.actor2.kind == "civilians"


def test_a_missile_that_falls_on_a_building_kills_only_whom_it_killed(extractor):
    text = ("Un missile russe s'est abattu jeudi sur un immeuble de Dnipro, dans l'est de l'Ukraine, tuant "
            "deux personnes, dont une fillette, et en blessant neuf autres, a annoncé le gouverneur régional.")
    [e] = extract(extractor, text, "fr").events
    assert e.fatalities == 2 and e.injuries == 9
    assert e.actor1.country_code == "RU" and e.actor2.kind == "civilians"


def test_drones_shot_down_come_from_the_state_said_to_launch_them(extractor):
    text = ("Dans la nuit, la défense antiaérienne a détruit 40 drones au-dessus de Kiev, selon l'administration militaire.\n\n"
            "Des débris sont tombés sur une maison sans faire de victimes.\n\n"
            "Au total, la Russie a lancé pendant la nuit 90 drones contre l'Ukraine, a précisé l'armée de l'air.")
    [e] = extract(extractor, text, "fr").events
    assert e.sub_event_type == "Disrupted weapons use"
    assert (e.actor1.country_code, e.actor1.kind) == ("RU", "external_forces") and e.actor2.country_code == "UA"
    # a state named in an other paragraph, but not beside such weapons, is not taken for the launcher
    text = ("US air defences shot down a drone as it approached Erbil airport late on Tuesday, a security source said.\n\n"
            "In the north, Turkish forces set up a new base near Amadiya last week, residents said.")
    [e] = [e for e in extract(extractor, text, "en").events if e.sub_event_type == "Disrupted weapons use"]
    assert e.actor1 is None or e.actor1.country_code != "TR"


def test_who_condemns_an_attack_did_not_carry_it_out(extractor):
    text = ("À Bunia, une grenade a été lancée lundi soir dans un bar, blessant six personnes, a indiqué la police.\n\n"
            "La Mission de l'ONU en RDC (Monusco) a condamné l'attaque et appelé les autorités à renforcer la sécurité.")
    [e] = extract(extractor, text, "fr").events
    assert e.sub_event_type == "Grenade" and e.actor1.name == "Unidentified Armed Group (Democratic Republic of Congo)"


def test_a_grenade_in_an_unknown_quarter_is_no_echo_of_a_drone_strike(extractor):
    text = ("Une frappe de drone israélienne a visé lundi une voiture à Saïda, au Liban, tuant ses deux occupants.\n\n"
            "Lundi soir, une grenade a été lancée contre un café du quartier de Zahret, blessant trois personnes.")
    r = extract(extractor, text, "fr", published="2025-09-23")
    assert sorted(e.sub_event_type for e in r.events) == ["Air/drone strike", "Grenade"]


def test_the_count_a_note_says_it_codes_is_the_events(extractor):
    text = ("On 9 June 2024, Taliban fighters stormed a police post in Gardez city, Paktia, and 3 officers died. "
            "Fatalities coded as 0 (local sources gave 3 fatalities).")
    [e] = extract(extractor, text, "en", published="2024-05-04").events
    assert e.fatalities == 0 and any(ev.field == "fatalities" and ev.text.startswith("Fatalities coded as 0") for ev in e.evidence)
    text = ("On 3 May 2024, security forces killed 6 militants in Gereshk and Sangin districts, Helmand. "
            "Fatalities split over 2 locations (3).")
    events = extract(extractor, text, "en", published="2024-05-04").events
    assert events and all(e.fatalities == 3 for e in events)


def test_the_demonym_of_the_forces_weighs_for_their_country_between_namesakes(extractor):
    text = "On 12 June 2024, Afghan forces fought off an assault by Taliban fighters on an army outpost in Chora district."
    [e] = extract(extractor, text, "en", published="2024-05-05").events
    assert e.location.country_code == "AF" and e.actor1.country_code != "GR"


def test_the_country_a_named_group_is_based_in_weighs_between_namesakes(extractor):
    # a district name found in China and in Afghanistan, a province name in Afghanistan: the Taliban tip the balance
    text = "On 15 June 2024, Taliban gunmen raided a police post in Gelan district, Ghazni, killing one policeman."
    [e] = extract(extractor, text, "en", published="2024-05-05").events
    assert e.location.country_code == "AF" and e.actor2.name == "Police Forces of Afghanistan"


def test_an_inverted_speaker_after_the_words_is_who_speaks(extractor):
    text = ("L'armée ukrainienne a accusé jeudi les forces russes d'avoir utilisé des munitions chimiques près de Koupiansk.\n\n"
            "Les soldats russes capturés ne sont pas blessés, a précisé l'armée ukrainienne dans un communiqué.")
    r = extract(extractor, text, "fr", published="2025-02-21")
    assert [(s.statement_type, s.speaker.country_code) for s in r.statements] == [("ACCUSE", "UA")]
    # the Russian soldiers are what the army speaks of: they deny nothing


def test_a_call_to_act_parted_from_its_verb_is_a_demand(extractor):
    r = extract(extractor, "Le ministère malien des Affaires étrangères a appelé la Cédéao à « prendre ses responsabilités ».", "fr")
    assert [(s.statement_type, s.speaker.country_code) for s in r.statements] == [("DEMAND", "ML")]
    r = extract(extractor, "Kenya's interior minister urged protesters to stay away from parliament on Tuesday.", "en")
    assert [(s.statement_type, s.speaker.country_code) for s in r.statements] == [("DEMAND", "KE")]
    # naming someone is no call to act
    r = extract(extractor, "Les habitants ont appelé le quartier « la zone rouge » depuis les combats.", "fr")
    assert not [s for s in r.statements if s.statement_type == "DEMAND"]


def test_a_nickname_in_quotes_is_no_statement_and_a_vow_to_hunt_down_is_a_threat(extractor):
    r = extract(extractor, "Police said the man, known by the alias \"Chucho\", was flown to Bogota on Tuesday.", "en")
    assert r.statements == []
    r = extract(extractor, "A provincial government spokesman said those behind the raid \"will be hunted down wherever they hide\".", "en")
    assert [s.statement_type for s in r.statements] == ["THREATEN"]
    r = extract(extractor, "Le gouverneur a affirmé que les auteurs de l'attaque « seront traqués jusqu'au dernier ».", "fr")
    assert [s.statement_type for s in r.statements] == ["THREATEN"]


def test_a_group_the_ner_takes_for_a_person_still_claims(extractor):
    r = extract(extractor, "Al Shabaab said in a statement that its fighters had attacked the base near Baidoa.", "en")
    [s] = r.statements
    assert s.statement_type == "CLAIM" and s.speaker.name == "Al Shabaab" and s.speaker.kind == "rebel_group"


def test_quoted_words_that_name_a_wrong_accuse(extractor):
    r = extract(extractor, "Iraq's foreign ministry called the new Turkish base \"a flagrant violation of Iraqi sovereignty\" "
                           "and demanded that Ankara withdraw its troops.", "en")
    assert sorted(s.statement_type for s in r.statements) == ["ACCUSE", "DEMAND"]
    accusation = next(s for s in r.statements if s.statement_type == "ACCUSE")
    assert accusation.speaker.country_code == "IQ" and accusation.target.country_code == "TR"
    r = extract(extractor, "« C'est un crime de guerre contre notre peuple », a déclaré le maire de Kherson.", "fr")
    assert [s.statement_type for s in r.statements] == ["ACCUSE"]
    r = extract(extractor, "« Nous poursuivrons les réformes annoncées en mars », a déclaré le ministre malien de l'Économie.", "fr")
    assert [s.statement_type for s in r.statements] != ["ACCUSE"]


def test_attacks_an_armed_group_says_will_go_on_are_a_threat_not_a_claim(extractor):
    r = extract(extractor, "Les groupes armés qui ont visé les bases étrangères affirment que les attaques continueront tant que "
                           "les troupes étrangères resteront au Niger.", "fr")
    assert [s.statement_type for s in r.statements] == ["THREATEN"]
    r = extract(extractor, "Al Shabaab said its fighters had attacked the base and would continue until foreign troops left.", "en")
    assert "CLAIM" in [s.statement_type for s in r.statements]


def test_a_quote_before_its_speaker_is_what_was_said(extractor):
    r = extract(extractor, "\"Those who attack our villages will face the full force of the law,\" the state's chief minister "
                           "told reporters in Imphal on Thursday.", "en")
    assert [s.statement_type for s in r.statements] == ["THREATEN"]
    r = extract(extractor, "« Les frappes doivent cesser immédiatement », a déclaré le ministre libanais des Affaires étrangères.", "fr")
    assert [(s.statement_type, s.speaker.country_code) for s in r.statements] == [("DEMAND", "LB")]


def test_a_quote_that_demands_makes_its_saying_a_demand(extractor):
    r = extract(extractor, "\"We demand that both sides keep civilians out of the fighting,\" Colombia's ombudsman said.", "en")
    assert [(s.statement_type, s.speaker.country_code) for s in r.statements] == [("DEMAND", "CO")]


def test_the_day_of_an_accusation_is_not_the_day_of_what_it_accuses(extractor):
    text = ("KIEV - L'armée ukrainienne a accusé jeudi les forces russes d'avoir largué mardi, au moyen de drones, "
            "des grenades chargées de gaz toxique sur ses positions près de Pokrovsk, intoxiquant trois soldats.")
    [e] = extract(extractor, text, "fr", published="2025-02-21").events
    assert e.sub_event_type == "Chemical weapon" and e.event_date == "2025-02-18"


def test_a_warning_adjective_warns_only_with_a_complement(extractor):
    """ "inévitable" / "inevitable" warn when they qualify a noun or bring in a clause, not bare."""
    def kinds(text, lang):
        return [s.statement_type for s in extract(extractor, text, lang, published="2025-04-11").statements]
    assert "WARN" in kinds("Le président libanais a affirmé jeudi qu'il serait « inévitable » que le conflit s'étende au sud.", "fr")
    assert "WARN" in kinds("Le ministre iranien a déclaré mardi qu'une riposte inévitable attendait Israël.", "fr")
    assert "WARN" in kinds("The Houthi leader said on Tuesday that a wider war was inevitable.", "en")
    assert "WARN" not in kinds("Le porte-parole de l'armée malienne a déclaré mardi que c'était inévitable.", "fr")
    assert "WARN" not in kinds("The army spokesman said on Tuesday it had been inevitable.", "en")


def test_a_claim_by_the_attacker_already_named_changes_no_side():
    """A group that claims what it is already the attacker of, or names itself as the target,
    does not become the other side too."""
    from conflictwire.events.claims import link_claims
    from conflictwire.model import Actor, Event, Evidence, Place, Statement
    group = Actor(name="Invented Front", kind="rebel_group", country_code="SD")

    def looting() -> Event:
        return Event(event_id="e", article_ids=["a"], event_type="Strategic developments",
                     sub_event_type="Looting/property destruction", actor1=group,
                     actor2=Actor(name="Civilians (Sudan)", kind="civilians", country_code="SD"),
                     location=Place(country_code="SD"), evidence=[Evidence(field="trigger", start=10, end=16, text="looted")])

    spokesman = Actor(name="Front spokesman", country_code="SD")  # no kind: the person, not the group
    for speaker in (group, spokesman):
        event = looting()
        claim = Statement(statement_id="s", article_id="a", statement_type="CLAIM", speaker=speaker, target=group,
                          evidence=[Evidence(field="trigger", start=40, end=47, text="claimed")])
        link_claims([event], [claim])
        assert event.actor1.name == "Invented Front" and event.actor2.name == "Civilians (Sudan)"
