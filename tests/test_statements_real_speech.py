"""Statements as real wire copy reports them: a party telling of its own strikes claims them, not of
its own dead or of someone's toll; "according to X" speaks X; "the statement added" and "a-t-il
ajouté" are the last speaker; monitors and witnesses make no statement; a headline repeats the body."""
from conflictwire.model import Article


def extract(extractor, text, lang, published="2024-05-10", title=None):
    return extractor.extract_article(Article.create(text, lang, published=published, title=title))


def kinds(result):
    return [(s.statement_type, s.speaker.country_code) for s in result.statements]


def test_group_announcing_its_own_dead_claims_nothing(extractor):
    r = extract(extractor, "Le Hamas a annoncé que trois de ses commandants avaient été tués dans une frappe près de Rafah.", "fr")
    assert "CLAIM" not in [k for k, _ in kinds(r)]


def test_group_telling_of_its_fighters_attack_claims_it(extractor):
    r = extract(extractor, "Al Shabaab said one of its fighters had attacked an army base near Baidoa on Sunday.", "en")
    assert kinds(r) == [("CLAIM", "SO")]


def test_group_launching_rockets_claims_them(extractor):
    r = extract(extractor, "Hezbollah said it launched dozens of rockets at an army base near Safed on Tuesday.", "en")
    assert kinds(r) == [("CLAIM", "LB")]


def test_police_denying_they_fired_claim_nothing(extractor):
    r = extract(extractor, "Police in Dhaka said that they had not fired on the crowd on Friday.", "en")
    assert "CLAIM" not in [k for k, _ in kinds(r)]


def test_confirming_an_abduction_is_no_claim(extractor):
    r = extract(extractor, "Police confirmed the abduction of 14 farmers near Zaria on Monday.", "en")
    assert "CLAIM" not in [k for k, _ in kinds(r)]


def test_according_to_names_its_own_speaker(extractor):
    r = extract(extractor, "The attacks on shipping will continue until the siege is lifted, according to a Houthi spokesman.", "en")
    [s] = r.statements
    assert s.statement_type == "THREATEN" and s.speaker.text == "a Houthi spokesman"
    r = extract(extractor, "A roadside bomb and a rocket attack near Jalalabad killed at least nine people on Monday, according to authorities.", "en")
    assert "CLAIM" not in [k for k, _ in kinds(r)]


def test_inverted_pronoun_is_the_last_speaker(extractor):
    text = ("Le Hezbollah a affirmé avoir visé une caserne israélienne. "
            "Les soldats israéliens « paieront pour leurs crimes », a-t-il ajouté.")
    r = extract(extractor, text, "fr")
    assert kinds(r) == [("CLAIM", "LB"), ("THREATEN", "LB")]


def test_the_statement_added_is_the_last_speaker(extractor):
    text = ("The Nigerian army said it killed 20 militants near Maiduguri on Sunday. "
            "\"Our troops will not relent until the region is safe,\" the statement added.")
    r = extract(extractor, text, "en")
    assert [s.speaker.country_code for s in r.statements] == ["NG", "NG"]
    assert all(s.speaker.text != "the statement" for s in r.statements)


def test_monitor_and_witness_make_no_statement(extractor):
    fr = extract(extractor, "Les raids sur Ariha sont imputés par une ONG à l'aviation russe, « ils ont tiré sur le marché », a déclaré l'Observatoire.", "fr")
    en = extract(extractor, "According to one eyewitness, \"the gunmen attacked the market and burned the shops,\" he said.", "en")
    assert fr.statements == [] and en.statements == []


def test_headline_statement_repeats_the_body(extractor):
    title = "Le Niger affirme avoir repoussé une attaque jihadiste à Tillabéri"
    text = title + "\nL'armée nigérienne a affirmé avoir repoussé mardi une attaque jihadiste contre un poste près de Tillabéri."
    r = extract(extractor, text, "fr", title=title)
    assert kinds(r) == [("CLAIM", "NE")]


def test_the_lake_chad_force_speaks_for_no_one_state(extractor):
    """The Multinational Joint Task Force ("Force multinationale mixte") is a force of several states."""
    for text, lang in [("« Nos troupes ont tué 12 combattants de Boko Haram près de Kolofata », a indiqué dimanche "
                        "la Force multinationale mixte.", "fr"),
                       ("The Multinational Joint Task Force said its troops killed 12 Boko Haram fighters near "
                        "Kolofata on Sunday.", "en")]:
        [s] = extract(extractor, text, lang).statements
        assert (s.statement_type, s.speaker.name, s.speaker.country_code) == (
            "CLAIM", "MNJTF: Multinational Joint Task Force", None)
