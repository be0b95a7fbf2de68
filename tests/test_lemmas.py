"""The lemma tables read from SQLite give the lemmas spaCy's own in-memory tables give."""
from pathlib import Path

import pytest
import spacy

from conflictwire import lemmas
from conflictwire.nlp import MODELS, pipeline

GOLD = Path(__file__).parent / "data" / "gold"


def installed(language: str) -> str:
    for name in MODELS[language]:
        if spacy.util.is_package(name):
            return name
    pytest.fail(f"no {language} pipeline installed; run make setup")


@pytest.mark.parametrize("language", ["fr", "en"])
def test_lemmas_are_spacys_own(language):
    ours = pipeline(language)
    theirs = spacy.load(installed(language))
    texts = [p.read_text(encoding="utf-8") for p in sorted(GOLD.glob(f"{language}_*.txt"))[:8]]
    compared = 0
    for mine, reference in zip(ours.pipe(texts), theirs.pipe(texts)):
        assert [t.text for t in mine] == [t.text for t in reference]
        different = [(t.text, t.lemma_, r.lemma_) for t, r in zip(mine, reference) if t.lemma_ != r.lemma_]
        assert not different
        compared += len(mine)
    assert compared > 2000
    assert isinstance(ours.get_pipe("lemmatizer").lookups, lemmas.StoredLookups)
    def order(nlp):
        return [n for n in nlp.pipe_names if n not in ("senter", "paragraph_breaks")]
    assert order(ours) == order(theirs)


def test_a_damaged_table_file_is_rebuilt(tmp_path, monkeypatch):
    monkeypatch.setenv("CONFLICTWIRE_DATA_DIR", str(tmp_path))
    nlp = spacy.load(installed("fr"), exclude=["lemmatizer"])
    target = lemmas.stored_path(nlp)
    target.parent.mkdir(parents=True)
    target.write_bytes(b"not a database")
    assert not lemmas.is_current(target)
    assert lemmas.attach(nlp)
    assert lemmas.is_current(target)
    assert not list(target.parent.glob("*.part"))
    doc = nlp("Les soldats ont été tués lundi et les rebelles ont pris la ville.")
    assert [t.lemma_ for t in doc if t.text in ("tués", "ont", "rebelles", "pris")] == ["avoir", "tuer", "rebelle", "avoir", "prendre"]


def test_tables_answer_like_spacys(tmp_path):
    nlp = spacy.load(installed("fr"), exclude=["lemmatizer"])
    source = Path(nlp.path) / "lemmatizer" / "lookups" / "lookups.bin"
    target = tmp_path / "fr.sqlite"
    lemmas.build(source, target)
    stored = lemmas.StoredLookups(target)
    reference = spacy.lookups.Lookups().from_disk(source.parent)
    assert sorted(stored.tables) == sorted(reference.tables)
    for word in ("tués", "attaquées", "xyzzy"):
        assert stored.get_table("lemma_lookup").get(word, "?") == reference.get_table("lemma_lookup").get(word, "?")
    for pos in ("verb", "noun", "adj"):
        index, exc = stored.get_table("lemma_index").get(pos), stored.get_table("lemma_exc").get(pos)
        ref_index, ref_exc = reference.get_table("lemma_index")[pos], reference.get_table("lemma_exc")[pos]
        for word in list(ref_index[:50]) + ["xyzzy"]:
            assert (word in index) == (word in ref_index)
        for word in list(ref_exc)[:50] + ["xyzzy"]:
            assert exc.get(word, []) == ref_exc.get(word, [])
        assert stored.get_table("lemma_rules").get(pos) == reference.get_table("lemma_rules")[pos]
    assert stored.get_table("lemma_index").get("propn", {}) == {}
