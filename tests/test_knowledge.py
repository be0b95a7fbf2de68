import pytest

from conflictwire.knowledge import KnowledgeError, actor_entries, countries, lexicon, load_actor_entries, taxonomy


def test_taxonomy_has_acled_types_and_plover():
    tax = taxonomy()
    assert len(tax.types) == 6 and sum(len(s) for s in tax.types.values()) == 25
    assert tax.event_type_of("Disrupted weapons use") == "Strategic developments"
    assert tax.plover_of("Air/drone strike") == "ATTACK"
    with pytest.raises(KnowledgeError):
        tax.event_type_of("Drone party")


def test_lexicons_load_in_both_languages():
    for lang in ("en", "fr"):
        lex = lexicon(lang)
        assert lex.triggers["intercept"] and lex.weapons["drone"]
    with pytest.raises(KnowledgeError):
        lexicon("de")


def test_countries_have_names_and_demonyms_in_both_languages():
    c = countries()
    assert "irakien" in c["IQ"].demonyms["fr"] and "Iraqi" in c["IQ"].demonyms["en"]
    assert c["US"].state == "the United States"


def test_conflicting_actor_aliases_are_refused():
    raw = [{"name": "A", "kind": "rebel_group", "aliases": {"en": ["X"]}},
           {"name": "B", "kind": "rebel_group", "aliases": {"en": ["x"]}}]
    with pytest.raises(KnowledgeError, match="names both"):
        load_actor_entries(raw, "mine.yaml")
    with pytest.raises(KnowledgeError, match="kind"):
        load_actor_entries([{"name": "C", "kind": "gang"}], "mine.yaml")


def test_builtin_actor_dictionary_is_valid():
    names = {e.name for e in actor_entries()}
    assert "Taliban" in names and len(names) > 100


def _raw_lexicon(lang: str) -> dict:
    import yaml
    from importlib import resources
    return yaml.safe_load((resources.files("conflictwire") / "data" / lang / "lexicon.yaml").read_text("utf-8"))


def test_a_misspelt_lexicon_key_names_the_file_and_the_key():
    from conflictwire.knowledge.lexicon import parse_lexicon
    raw = _raw_lexicon("en")
    raw["negations"] = raw.pop("negation")
    with pytest.raises(ValueError) as err:
        parse_lexicon(raw, "en/lexicon.yaml")
    assert "en/lexicon.yaml" in str(err.value)
    assert "negations: unknown key" in str(err.value) and "negation: section missing" in str(err.value)


def test_a_lexicon_entry_that_is_not_a_string_is_refused():
    from conflictwire.knowledge.lexicon import parse_lexicon
    raw = _raw_lexicon("fr")
    raw["tallies"]["period"].append(False)  # YAML reads a bare `non` or `no` as a boolean
    with pytest.raises(ValueError, match=r"tallies\.period\.\d+: not a string"):
        parse_lexicon(raw, "fr/lexicon.yaml")


def test_lexicon_sections_are_read_by_attribute():
    lex = lexicon("fr")
    assert len(lex.dates.months) >= 12 and lex.dates.months[0] == "janvier" and lex.dates.months[11] == "décembre"
    assert lex.community_word in ("before", "after")


def test_a_lexicon_label_outside_the_vocabulary_is_refused():
    from conflictwire.knowledge.lexicon import parse_lexicon
    raw = _raw_lexicon("en")
    raw["triggers"]["airstrike"] = raw["triggers"].pop("air_strike")  # the weapon's spelling, not the trigger's
    with pytest.raises(ValueError, match=r"triggers: .*unknown labels \['airstrike'\]"):
        parse_lexicon(raw, "en/lexicon.yaml")
    raw = _raw_lexicon("en")
    raw["casualties"]["wounded"] = raw["casualties"].pop("injured")  # a casualty label is Casualty's
    with pytest.raises(ValueError, match=r"casualties: .*unknown labels \['wounded'\]"):
        parse_lexicon(raw, "en/lexicon.yaml")


def test_taxonomy_and_vocabulary_must_agree():
    from conflictwire.vocab import SubEventType, check_against_taxonomy
    types = {e: dict(subs) for e, subs in taxonomy().types.items()}
    check_against_taxonomy(types)  # the shipped file agrees
    types["Riots"]["Mob  violence"] = types["Riots"].pop(SubEventType.MOB_VIOLENCE)
    with pytest.raises(ValueError, match="Mob  violence"):
        check_against_taxonomy(types)
