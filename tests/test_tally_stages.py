"""The tally and statement stages one by one: figures, what they count, periods, scope, the
lexicon settings that stand for language differences, and what is compiled once per language.
Invented sentences only."""
import pytest

from conflictwire.context import DocContext
from conflictwire.ingest import Report
from conflictwire.knowledge import lexicon
from conflictwire.resolve.dates import Published
from conflictwire.tallies import periods
from conflictwire.tallies.decide import structural_period
from conflictwire.tallies.figures import figures
from conflictwire.tallies.periods import PeriodPatterns, alternatives
from conflictwire.tallies.quantities import counted, is_weapon_launch
from conflictwire.tallies.report import TallyDoc, tally_lexicon
from conflictwire.tallies.scope import is_determiner, source
from conflictwire.statements.said import quote
from conflictwire.statements.words import statement_words

PUBLISHED = "2024-05-10"


def report(extractor, text, lang):
    """The tally view of one invented report."""
    article = extractor.article(Report(source="t", text=text, published=PUBLISHED, language=lang))
    tools = extractor.tools(lang)
    ctx = DocContext(article, tools.nlp(text), tools, extractor.gazetteer, Published.parse(PUBLISHED))
    return TallyDoc.of(ctx)


def values(r, n=0):
    return [(f.value, f.approx) for f in figures(r, r.ctx.sentences[n])]


# --- figures ----------------------------------------------------------------------------------
def test_number_words_joined_by_a_connector_and_a_round_amount_multiplied(extractor):
    r = report(extractor, "Les miliciens ont enlevé vingt et un villageois et une dizaine de millions d'habitants ont fui.", "fr")
    assert values(r) == [(21, False), (10_000_000, True)]


def test_a_fraction_counts_and_magnitudes_and_measures_do_not(extractor):
    r = report(extractor, "Half a million people fled, and tens of thousands walked 30 km to the border.", "en")
    assert values(r) == [(500_000, False)]


def test_a_number_the_reader_knows_is_no_figure(extractor):
    r = report(extractor, "Les 300 manifestants ont été libérés, mais 45 autres restent détenus.", "fr")
    assert [v for v, _ in values(r)] == [45]


# --- what a figure counts ---------------------------------------------------------------------
def test_people_take_what_befell_them(extractor):
    r = report(extractor, "Police said 42 protesters were arrested in the capital.", "en")
    assert [(q.label, f.value) for f, q in counted(r, r.ctx.sentences[0])] == [("arrested", 42)]


def test_weapon_launches_are_told_by_their_last_word():
    assert is_weapon_launch("drones intercepted") and is_weapon_launch("missiles launched")
    assert not is_weapon_launch("chemical attacks") and not is_weapon_launch("killed")


# --- periods ----------------------------------------------------------------------------------
def test_period_patterns_are_built_from_each_language_s_words():
    en, fr = PeriodPatterns.build(lexicon("en")), PeriodPatterns.build(lexicon("fr"))
    m = en.between.search("between early January and March 2024")
    assert m and (m.group(1), m.group(3), m.group(4)) == ("January", "March", "2024")
    assert fr.between.search("entre janvier et mars") and not fr.between.search("between January and March")
    assert fr.edge_month.search("depuis le début du mouvement, fin janvier").group(1) == "janvier"
    assert fr.last_year.search("depuis l’an dernier")  # a typographic apostrophe as well
    assert en.since_word.search("so far since") and not en.since_word.search("sincere")


def test_no_phrases_match_nothing():
    import re
    assert alternatives([]) and re.search(rf"\b(?:{alternatives([])})\b", "anything at all") is None
    assert alternatives(["year", "years"]).startswith("years")  # the longer tried first


def test_between_two_months_gives_since_and_until(extractor):
    r = report(extractor, "Entre janvier et mars, 40 attaques ont été recensées dans la province.", "fr")
    since, until, evidence = periods.period(r, r.ctx.sentences[0], 0, True)
    assert (since, until) == ("2024-01", "2024-03") and evidence[0].field == "since"


def test_a_spelled_stretch_of_time_is_a_period(extractor):
    r = report(extractor, "Three months of fighting have left the town in ruins.", "en")
    assert structural_period(r, r.ctx.sentences[0])
    r = report(extractor, "The fighting left the town in ruins.", "en")
    assert not structural_period(r, r.ctx.sentences[0])


# --- scope ------------------------------------------------------------------------------------
def test_source_after_selon_without_its_determiner(extractor):
    r = report(extractor, "Au moins 30 civils ont été tués depuis janvier, selon l'ONU.", "fr")
    sent = r.ctx.sentences[0]
    [(fig, _)] = counted(r, sent)
    assert source(r, sent, fig)[0] == "ONU"


def test_an_acronym_is_no_determiner(extractor):
    r = report(extractor, "Un rapport de l'UN cite un chiffre.", "fr")
    doc = r.ctx.doc
    assert is_determiner(r, doc[0]) and not is_determiner(r, next(t for t in doc if t.text == "UN"))


# --- what a language sets, once ---------------------------------------------------------------
def test_language_differences_are_lexicon_settings():
    en, fr = lexicon("en").tallies, lexicon("fr").tallies
    assert en.months_capitalised and not fr.months_capitalised
    assert fr.inverted_incise and not en.inverted_incise
    assert en.perfect_auxiliaries == ["have"] and fr.perfect_auxiliaries == []
    assert "et" in fr.number_connectors and en.number_connectors == []


def test_words_are_compiled_once_per_language(extractor):
    tools = extractor.tools("en")
    assert tally_lexicon(tools) is tally_lexicon(tools)
    assert statement_words("fr") is statement_words("fr")
    assert "selon" in statement_words("fr").according and "il" in statement_words("fr").pronouns


def test_a_tally_quantity_outside_the_vocabulary_is_refused():
    import yaml
    from importlib import resources
    from conflictwire.knowledge.lexicon import parse_lexicon
    raw = yaml.safe_load((resources.files("conflictwire") / "data" / "en" / "lexicon.yaml").read_text("utf-8"))
    raw["tallies"]["quantities"]["kiled"] = raw["tallies"]["quantities"].pop("killed")
    with pytest.raises(ValueError, match=r"tallies\.quantities: .*unknown labels \['kiled'\]"):
        parse_lexicon(raw, "en/lexicon.yaml")
    raw = yaml.safe_load((resources.files("conflictwire") / "data" / "fr" / "lexicon.yaml").read_text("utf-8"))
    raw["tallies"]["launches"]["fired"] = raw["tallies"]["launches"].pop("launched")
    with pytest.raises(ValueError, match=r"Launch"):
        parse_lexicon(raw, "fr/lexicon.yaml")


# --- statements -------------------------------------------------------------------------------
def test_a_nickname_in_quotes_quotes_nobody(extractor):
    tools = extractor.tools("en")
    doc = tools.nlp('The commander, known as "Caliche", was arrested. He said "we will keep fighting".')
    sents = list(doc.sents)
    assert quote(sents[0]) is None
    assert quote(sents[-1])[2] == "we will keep fighting"
