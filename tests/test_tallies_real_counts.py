"""Tallies seen on real reports: a war's toll given as "the deaths of N", counts of people no event
field holds (displaced, detained), totals ("un total de"), periods in hours or between two days, and
two counts of one sentence that each keep their own verb. Invented sentences, French and English."""
from conflictwire.model import Article


def extract(extractor, text, lang, published="2024-05-10"):
    return extractor.extract_article(Article.create(text, lang, published=published))


def counts(r):
    return sorted((t.quantity, t.value) for t in r.tallies)


def test_a_noun_of_death_or_displacement_says_what_the_figure_counts(extractor):
    r = extract(extractor, "Since the war began, the health authorities have recorded the deaths of 12,480 people "
                           "in the province.", "en")
    assert ("killed", 12480) in counts(r)
    r = extract(extractor, "La rébellion, qui a éclaté en 2012, a causé la mort de plus de 8 000 civils et le "
                           "déplacement de 2,3 millions de personnes dans la région.", "fr")
    assert counts(r) == [("displaced", 2300000), ("killed", 8000)]


def test_a_second_verb_after_and_counts_the_second_figure(extractor):
    r = extract(extractor, "The insurgency has killed more than 9,000 people and displaced some 600,000 from their "
                           "homes in the north.", "en")
    assert counts(r) == [("displaced", 600000), ("killed", 9000)]


def test_displaced_people_are_a_tally_without_a_period(extractor):
    r = extract(extractor, "About 3,000 people from nearby hamlets have taken shelter in the town's stadium, a local "
                           "official said.", "en")
    assert counts(r) == [("displaced", 3000)]
    r = extract(extractor, "L'ONU a signalé jeudi près de 2 400 personnes déplacées dans le territoire de Masisi.", "fr")
    assert counts(r) == [("displaced", 2400)]


def test_detentions_told_in_a_passive_perfect_are_a_tally(extractor):
    r = extract(extractor, "The opposition party said 35 of its local officials have been detained.", "en")
    assert counts(r) == [("detained", 35)]
    # told as they happened, an event's arrests stay in its story
    r = extract(extractor, "Police dispersed the march in the capital on Tuesday and detained 14 students.", "en")
    assert counts(r) == []


def test_a_total_and_a_period_in_hours_make_a_tally(extractor):
    r = extract(extractor, "Un total de 61 policiers ont été blessés, a précisé le ministre.", "fr")
    assert counts(r) == [("injured", 61)]
    r = extract(extractor, "En 48 heures, les combats ont fait 93 morts dans la province, selon une ONG.", "fr")
    assert counts(r) == [("killed", 93)]


def test_a_figure_between_two_days_is_a_tally_over_them(extractor):
    r = extract(extractor, "The agency noted that 214 people were killed in the region between March 3 and March 9.",
                "en")
    [t] = r.tallies
    assert (t.quantity, t.value, t.since, t.until) == ("killed", 214, "2024-03-03", "2024-03-09")
    r = extract(extractor, "Selon l'ONU, 143 personnes ont été tuées entre le 2 et le 9 mars dans la province.", "fr")
    assert counts(r) == [("killed", 143)]


def test_a_round_amount_of_kilometres_counts_nothing(extractor):
    r = extract(extractor, "Le camp de déplacés situé à une vingtaine de kilomètres de la ville abrite 40 000 personnes.",
                "fr")
    assert ("displaced", 10) not in counts(r)


def test_a_part_given_after_the_figure_counts_what_the_whole_counts(extractor):
    r = extract(extractor, "Since the coup, soldiers have killed 830 people, 97 of them children, a monitoring "
                           "group said.", "en")
    assert counts(r) == [("killed", 97), ("killed", 830)]
    r = extract(extractor, "Depuis janvier, 214 personnes ont été tuées, 31 d'entre elles dans la capitale, selon "
                           "l'ONU.", "fr")
    assert counts(r) == [("killed", 31), ("killed", 214)]


def test_two_figures_joined_by_and_share_what_the_second_counts(extractor):
    r = extract(extractor, "Depuis dimanche, 18 policiers et neuf civils ont été tués dans la région, selon une ONG.",
                "fr")
    assert counts(r) == [("killed", 9), ("killed", 18)]
    r = extract(extractor, "Over the past week, 22 soldiers and seven civilians were killed in the district, the "
                           "monitor said.", "en")
    assert counts(r) == [("killed", 7), ("killed", 22)]


def test_a_period_beside_the_figure_makes_a_tally_in_a_dated_sentence(extractor):
    r = extract(extractor, "L'armée a frappé mercredi un dépôt d'armes dans le nord, où les combats ont fait 57 morts "
                           "depuis samedi.", "fr", published="2024-05-09")
    assert counts(r) == [("killed", 57)]
    r = extract(extractor, "The army struck a depot on Wednesday in the north, where fighting has left 57 dead since "
                           "Saturday.", "en", published="2024-05-09")
    assert counts(r) == [("killed", 57)]


def test_a_figure_said_again_is_one_tally(extractor):
    text = ("Plus de 640 personnes ont été tuées depuis le début de l'année dans la province, selon l'ONU.\n\n"
            "Selon le dernier rapport de l'ONU, 640 personnes ont été tuées depuis janvier.")
    r = extract(extractor, text, "fr")
    assert counts(r) == [("killed", 640)]
    text = ("At least 310 people have been arrested since the protests began, rights groups said.\n\n"
            "Rights groups said 310 people have been arrested so far.")
    r = extract(extractor, text, "en")
    assert counts(r) == [("arrested", 310)]


def test_a_hundred_thousand_in_french(extractor):
    r = extract(extractor, "Une centaine de milliers de personnes ont fui les combats depuis janvier, selon l'ONU.", "fr")
    assert counts(r) == [("displaced", 100000)]


def test_a_toll_for_two_places_together_is_a_tally(extractor):
    r = extract(extractor, "Le ministre a fait état de onze décès à Kano et à Kaduna, selon un communiqué.", "fr")
    assert counts(r) == [("killed", 11)]
    r = extract(extractor, "Eleven people were killed in Kano and Kaduna, the interior minister said.", "en")
    assert counts(r) == [("killed", 11)]
    # one place: the event's own count
    r = extract(extractor, "Eleven people were killed in Kano, the interior minister said.", "en")
    assert counts(r) == []


def test_a_toll_over_several_villages_is_a_tally(extractor):
    r = extract(extractor, "Seize civils ont également péri dans des bombardements sur plusieurs localités de la "
                           "province, selon une ONG.", "fr")
    assert counts(r) == [("killed", 16)]
    r = extract(extractor, "Sixteen civilians were also killed in raids on several villages of the province, a "
                           "monitor said.", "en")
    assert counts(r) == [("killed", 16)]


def test_a_war_toll_over_a_spelled_period_in_a_dated_sentence(extractor):
    r = extract(extractor, "L'aviation a frappé mardi 14 mai un dépôt près de la ville, après quatre jours de troubles "
                           "qui ont causé plus de 210 morts.", "fr", published="2024-05-15")
    assert counts(r) == [("killed", 210)]


def test_how_long_an_event_lasted_is_no_period_of_its_toll(extractor):
    r = extract(extractor, "During the siege, which lasted for more than 36 hours, the gunmen killed more than twelve "
                           "people, a witness said.", "en")
    assert counts(r) == []
    r = extract(extractor, "Lors de l'occupation, qui s'est prolongée sur plus de 36 heures, les assaillants ont tué "
                           "plus de douze personnes, selon un témoin.", "fr")
    assert counts(r) == []


def test_several_hundred_is_a_magnitude_not_a_figure(extractor):
    r = extract(extractor, "Several hundred villagers have fled to the district capital since the clashes began.", "en")
    assert counts(r) == []
    r = extract(extractor, "Some 300 villagers have fled to the district capital since the clashes began.", "en")
    assert counts(r) == [("displaced", 300)]
