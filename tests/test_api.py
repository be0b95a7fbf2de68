"""The library's front door: `conflictwire.extract` for one string, `Extractor` for batches, the
errors they raise and the names the package exports."""
import ast
import inspect
from pathlib import Path

import pytest

import conflictwire as cw
from conflictwire import pipeline
from conflictwire.ingest import read_inputs

FRENCH = "Trois soldats ont été tués lundi dans une attaque à Kidal."


def test_one_string_in_one_event_out():
    result = cw.extract(FRENCH, published="2024-05-07")
    assert isinstance(result, cw.Extraction) and result.article.language == "fr"
    assert len(result.events) == 1
    event = result.events[0]
    assert event.fatalities == 3 and event.event_date == "2024-05-06" and event.location.country_code == "ML"


def test_the_front_door_reuses_one_extractor():
    assert pipeline.shared_extractor() is pipeline.shared_extractor()


def test_a_date_object_and_a_title_are_taken():
    import datetime
    result = cw.extract(FRENCH, language="fr", published=datetime.date(2024, 5, 7), title="Attaque à Kidal")
    assert result.article.published == "2024-05-07" and result.article.title == "Attaque à Kidal"


@pytest.mark.parametrize("text, kwargs, says", [
    (b"Trois soldats", {}, "as a str, not bytes"),
    (None, {}, "as a str, not NoneType"),
    ("", {}, "empty"),
    ("  \n\t ", {}, "empty"),
    (FRENCH, {"language": "de"}, "supported: en, fr"),
    (FRENCH, {"published": "2024-02-30"}, "YYYY-MM-DD"),
    (FRENCH, {"published": "yesterday"}, "YYYY-MM-DD"),
])
def test_bad_input_raises_an_input_error_that_says_what_to_do(text, kwargs, says):
    with pytest.raises(cw.InputError, match=says) as caught:
        cw.extract(text, **kwargs)
    assert isinstance(caught.value, cw.ConflictwireError)


def test_a_language_without_a_pipeline_says_how_to_pass_one():
    with pytest.raises(cw.InputError, match="language=") as caught:
        cw.extract(FRENCH, language="de")
    assert "'de'" in str(caught.value)
    german = "Bewaffnete haben am Donnerstag in der Stadt zwei Dorfbewohner getötet, teilte die Polizei mit."
    with pytest.raises(cw.InputError, match="'de' is not supported"):
        cw.extract(german)  # detected, not given


def test_an_impossible_date_names_the_expected_form():
    with pytest.raises(cw.InputError) as caught:
        cw.extract(FRENCH, published="2024-02-30")
    message = str(caught.value)
    assert "2024-02-30" in message and "YYYY-MM-DD" in message and "impossible" in message


def test_failures_name_their_stage_and_keep_the_exception(tmp_path, extractor, monkeypatch):
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "ok.txt").write_text("Gunmen killed four herders near Mopti on Sunday.", encoding="utf-8")
    boom = RuntimeError("a stage broke")

    def broken(article, doc=None):
        raise boom

    monkeypatch.setattr(extractor, "extract_article", broken)
    results = list(extractor.run(read_inputs([str(tmp_path)])))
    assert all(isinstance(r, cw.Failure) for r in results)
    read, extracted = sorted(results, key=lambda r: r.stage, reverse=True)
    assert read.stage == "read" and isinstance(read.error, cw.InputError) and str(read).endswith("empty input: no text to read")
    assert extracted.stage == "extract" and extracted.error is boom and boom.__traceback__ is not None
    assert str(extracted) == f"{tmp_path / 'ok.txt'}: extraction failed: RuntimeError: a stage broke"
    assert isinstance(extracted.exception(), cw.ExtractionError) and extracted.exception().__cause__ is boom


def test_on_error_raise_reraises_the_original_exception(tmp_path, extractor, monkeypatch):
    (tmp_path / "ok.txt").write_text("Gunmen killed four herders near Mopti on Sunday.", encoding="utf-8")
    debugging = cw.Extractor(on_error="raise", gazetteer=extractor.gazetteer)
    debugging._tools = extractor._tools  # the spaCy pipelines are already loaded

    def broken(article, doc=None):
        raise ZeroDivisionError("in a stage")

    monkeypatch.setattr(debugging, "extract_article", broken)
    with pytest.raises(ZeroDivisionError, match="in a stage"):
        list(debugging.run(read_inputs([str(tmp_path)])))
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    with pytest.raises(cw.InputError, match="empty"):
        list(debugging.run(read_inputs([str(tmp_path / "empty.txt")])))
    with pytest.raises(ValueError, match="on_error"):
        cw.Extractor(on_error="ignore")


def test_every_error_is_a_conflictwire_error_and_old_import_places_still_work():
    from conflictwire.evaluate.acled import AcledError
    from conflictwire.gazetteer import GazetteerError, GeonamesImportError
    from conflictwire.ingest import Failure, InputError
    from conflictwire.knowledge import KnowledgeError
    for error in (AcledError, GazetteerError, GeonamesImportError, InputError, KnowledgeError, cw.ExtractionError,
                  cw.ModelError):
        assert issubclass(error, cw.ConflictwireError), error
    assert Failure is cw.Failure and pipeline.Failure is cw.Failure
    assert issubclass(KnowledgeError, ValueError) and issubclass(AcledError, ValueError)  # older except clauses


def test_all_lists_every_public_name_and_every_listed_name_resolves():
    """Public: what the package imports from its own modules, and what it defines, without a leading _."""
    tree = ast.parse(Path(cw.__file__).read_text(encoding="utf-8"))
    public = {n for n in cw._LAZY}
    for node in tree.body:
        if isinstance(node, ast.ImportFrom) and node.level > 0:  # from .model import ...; stdlib tools are not exports
            public |= {a.asname or a.name for a in node.names}
        elif isinstance(node, (ast.FunctionDef, ast.ClassDef)):
            public.add(node.name)
        elif isinstance(node, ast.Assign):
            public |= {t.id for t in node.targets if isinstance(t, ast.Name)}
    public = {n for n in public if not n.startswith("_") or n == "__version__"} - {"__all__"}
    assert public <= set(cw.__all__), public - set(cw.__all__)
    for name in cw.__all__:
        assert getattr(cw, name) is not None, name
    assert {"extract", "Extractor", "build_gazetteer", "ConflictwireError", "Failure", "Event"} <= set(cw.__all__)
    assert inspect.signature(cw.extract).parameters.keys() == {"text", "language", "published", "title"}


def test_library_code_never_builds_the_gazetteer(tmp_path, monkeypatch):
    from conflictwire.gazetteer.query import default_gazetteer
    monkeypatch.setenv("CONFLICTWIRE_DATA_DIR", str(tmp_path))
    with pytest.raises(cw.GazetteerError, match="conflictwire gazetteer build") as caught:
        default_gazetteer.__wrapped__()  # what an Extractor opens, without the process's cached one
    assert "build_gazetteer()" in str(caught.value) and not list(tmp_path.iterdir())
