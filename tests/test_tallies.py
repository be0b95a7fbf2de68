"""Tallies: aggregate figures, tied to what they count, with their period and their source.

Small sentences written here, in English and French: a number tied to its noun or participle, a
period cue, a source ("according to", "selon", "X says"), numbers in words; and event tolls that
must stay out of the tallies.
"""
import pytest

from conflictwire.ingest import Report

PUBLISHED = "2024-05-10"  # a Friday


def tallies(extractor, text, lang):
    article = extractor.article(Report(source="t", text=text, published=PUBLISHED, language=lang))
    return extractor.extract_article(article).tallies


def key(t):
    return (t.quantity, t.value, t.qualifier, t.since, t.attributed_to)


# --- English ----------------------------------------------------------------------------------
def test_passive_participle_ties_people_to_what_befell_them(extractor):
    [t] = tallies(extractor, "At least 27 people have been killed in clashes across the province since January, "
                             "according to the Red Cross.", "en")
    assert key(t) == ("killed", 27, "at_least", "2024-01", "Red Cross")


def test_source_is_the_subject_of_says(extractor):
    [t] = tallies(extractor, "Police say more than 400 people have been arrested so far.", "en")
    assert key(t) == ("arrested", 400, "more_than", None, "Police")


def test_war_as_subject_makes_a_cumulative_toll(extractor):
    [t] = tallies(extractor, "The insurgency, which erupted in March 2019, has displaced some 250,000 people, the UN said.", "en")
    assert key(t) == ("displaced", 250000, "about", "2019-03", "UN")


def test_counting_verb_and_a_year(extractor):
    [t] = tallies(extractor, "Monitors recorded 85 attacks on aid workers during 2023.", "en")
    assert key(t) == ("attacks", 85, "exactly", "2023", "Monitors")


def test_weapons_launched_and_intercepted_overnight(extractor):
    ts = tallies(extractor, "The air force said Russia fired 60 drones and four missiles overnight, and that 48 drones were shot down.", "en")
    assert [(t.quantity, t.value) for t in ts] == [("drones launched", 60), ("missiles launched", 4), ("drones intercepted", 48)]
    assert all(t.since == "2024-05-09" and t.attributed_to == "air force" for t in ts)


def test_number_in_words(extractor):
    [t] = tallies(extractor, "A dozen journalists have been detained since the start of the year, a press freedom group said.", "en")
    assert key(t) == ("detained", 12, "about", "2024-01", "press freedom group")


def test_times_takes_its_verb(extractor):
    [t] = tallies(extractor, "Militants have attacked the base more than 30 times since March.", "en")
    assert key(t) == ("attacks", 30, "more_than", "2024-03", None)
    [t] = tallies(extractor, "The army says the rebels have violated the truce 75 times this year.", "en")
    assert key(t) == ("violations", 75, "exactly", "2024-01", "army")


def test_protesters_who_were_arrested_are_arrests(extractor):
    [t] = tallies(extractor, "Since Monday, 130 protesters have been arrested in the capital, the interior ministry said.", "en")
    assert key(t) == ("arrested", 130, "exactly", "2024-05-06", "interior ministry")


@pytest.mark.parametrize("text", [
    "Gunmen killed six villagers and wounded three others on Sunday, police said.",
    "The bombing, the deadliest since 2019, killed 14 people.",
    "About 60 percent of the 3,000 residents have fled since the fighting began.",
    "Eleven insurgents died in the assault, the army said.",
])
def test_event_tolls_and_other_numbers_are_not_tallies(extractor, text):
    assert tallies(extractor, text, "en") == []


# --- French -----------------------------------------------------------------------------------
def test_interpellees_is_arrested(extractor):
    [t] = tallies(extractor, "Plus de 150 personnes ont été interpellées depuis le début de la contestation, "
                             "selon la Ligue tchadienne des droits de l'homme.", "fr")
    assert key(t) == ("arrested", 150, "more_than", None, "Ligue tchadienne des droits de l'homme")


def test_thousands_written_with_a_space_and_this_year(extractor):
    [t] = tallies(extractor, "Au moins 1 200 personnes ont été déplacées cette année dans la région, selon l'Ocha.", "fr")
    assert key(t) == ("displaced", 1200, "at_least", "2024-01", "Ocha")


def test_une_trentaine(extractor):
    [t] = tallies(extractor, "Une trentaine de civils ont été tués depuis mars dans le cercle de Bandiagara, selon des élus locaux.", "fr")
    assert key(t) == ("killed", 30, "about", "2024-03", "élus locaux")


def test_la_guerre_a_fait(extractor):
    ts = tallies(extractor, "La guerre a fait plus de 5 000 morts et quelque deux millions de déplacés, selon les Nations unies.", "fr")
    assert [key(t) for t in ts] == [("killed", 5000, "more_than", None, "Nations unies"),
                                    ("displaced", 2_000_000, "about", None, "Nations unies")]


def test_au_total_with_two_participles_and_an_incise(extractor):
    ts = tallies(extractor, "Au total, 42 manifestants ont été interpellés et 9 gendarmes blessés, a indiqué la préfecture.", "fr")
    assert [key(t) for t in ts] == [("arrested", 42, "exactly", None, "préfecture"),
                                    ("injured", 9, "exactly", None, "préfecture")]


def test_drones_dont_abattus(extractor):
    ts = tallies(extractor, "Dans la nuit, la Russie a lancé 80 drones contre l'Ukraine, dont 65 ont été abattus, selon l'armée de l'air.", "fr")
    assert [(t.quantity, t.value) for t in ts] == [("drones launched", 80), ("drones intercepted", 65)]
    assert all(t.since == "2024-05-09" and t.attributed_to == "armée de l'air" for t in ts)


def test_fois_and_depuis_le_debut_de_l_annee(extractor):
    [t] = tallies(extractor, "Les jihadistes ont attaqué la ville au moins 12 fois depuis le début de l'année.", "fr")
    assert key(t) == ("attacks", 12, "at_least", "2024-01", None)


def test_une_centaine_d_arrestations_depuis_lundi(extractor):
    [t] = tallies(extractor, "Amnesty International a recensé une centaine d'arrestations depuis lundi.", "fr")
    assert key(t) == ("arrested", 100, "about", "2024-05-06", "Amnesty International")


def test_a_country_that_hosts_refugees(extractor):
    [t] = tallies(extractor, "Le Tchad accueille plus de 600 000 réfugiés soudanais, selon le HCR.", "fr")
    assert key(t) == ("displaced", 600000, "more_than", None, "HCR")


@pytest.mark.parametrize("text", [
    "Trois soldats ont été tués jeudi dans une embuscade près de Gao, a annoncé l'armée.",
    "Des hommes armés ont tué quatre personnes mardi dans un village du centre du pays.",
    "Les forces de l'ordre ont dispersé les 300 manifestants rassemblés devant la mairie.",
    "Le groupe compte environ 2 000 combattants, selon des experts.",
])
def test_french_event_tolls_are_not_tallies(extractor, text):
    assert tallies(extractor, text, "fr") == []


# --- figures that follow the sentence giving their period --------------------------------------
def test_a_toll_after_the_sentence_that_gives_its_period(extractor):
    text = ("Fighting between the two militias has raged in the region since June 2023. "
            "More than 500 people have been killed and some 80,000 people displaced, according to the health ministry.")
    ts = tallies(extractor, text, "en")
    assert [key(t) for t in ts] == [("killed", 500, "more_than", "2023-06", "health ministry"),
                                    ("displaced", 80000, "about", "2023-06", "health ministry")]


def test_a_past_day_after_a_period_is_not_a_tally(extractor):
    text = "Al-Shabaab fighters had held the town since 2019. The army said nine militants died in the assault."
    assert tallies(extractor, text, "en") == []


def test_a_second_figure_after_a_tally(extractor):
    text = ("Selon l'ONU, plus de 3 000 personnes ont été tuées depuis le début du conflit. "
            "Plus d'un million de personnes ont dû quitter leur foyer.")
    ts = tallies(extractor, text, "fr")
    assert [(t.quantity, t.value, t.qualifier) for t in ts] == [("killed", 3000, "more_than"), ("displaced", 1_000_000, "more_than")]


@pytest.mark.parametrize("lang,text,tally", [
    # "depuis" + where from: a toll of one strike, not a period
    ("fr", "Lundi, l'armée a tiré deux missiles depuis un navire en mer Noire sur Odessa, tuant trois civils.", False),
    ("fr", "Au moins 40 civils ont été tués dans la province depuis la semaine dernière.", True),
    ("en", "Gunmen have killed 40 villagers in the district since the army withdrew from its base.", True),
])
def test_a_bare_since_opens_a_period_only_before_a_date_an_event_or_a_clause(extractor, lang, text, tally):
    """A lone "since"/"depuis" makes a figure a tally when a date, an event, a war or a clause
    follows it, and is no period before the place a shot came from."""
    article = extractor.article(Report(source="t", text=text, published=PUBLISHED, language=lang))
    found = extractor.extract_article(article)
    assert bool(found.tallies) == tally
    assert bool(found.events) != tally
