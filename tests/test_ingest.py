import json

from conflictwire.ingest import Failure, InputError, Report, read_inputs
from conflictwire.ingest.readers import MAX_FILE_BYTES


def one(path):
    items = list(read_inputs([str(path)]))
    assert len(items) == 1
    return items[0]


def test_header_gives_date_and_title(tmp_path):
    f = tmp_path / "r.txt"
    f.write_text(" date 2024-03-08 Attaque à Gao\n\nDes hommes armés ont attaqué un poste.\n", encoding="utf-8")
    r = one(f)
    assert isinstance(r, Report)
    assert (r.published, r.title) == ("2024-03-08", "Attaque à Gao")
    assert r.text.strip() == "Des hommes armés ont attaqué un poste."


def test_header_without_leading_space_and_month_only(tmp_path):
    f = tmp_path / "r.txt"
    f.write_text("date 2023-11 Title\n\nBody.\n", encoding="utf-8")
    assert one(f).published == "2023-11"


def test_plain_text_has_no_date_unless_given(tmp_path):
    f = tmp_path / "r.txt"
    f.write_text("Gunmen killed two people.", encoding="utf-8")
    assert one(f).published is None
    assert list(read_inputs([str(f)], published="2024-01-02"))[0].published == "2024-01-02"


def test_impossible_header_date(tmp_path):
    f = tmp_path / "bad.txt"
    f.write_text(" date 2023-13-45 Title\n\nBody.", encoding="utf-8")
    r = one(f)
    assert isinstance(r, Failure) and "bad.txt" in str(r) and "impossible date" in r.reason
    assert r.stage == "read" and isinstance(r.error, InputError) and isinstance(r.error.__cause__, ValueError)


def test_empty_binary_and_non_utf8_files(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "bin.txt").write_bytes(b"\x89PNG\x00\x00\x01\x02" * 50)
    (tmp_path / "latin.txt").write_bytes("Des soldats ont été tués à Kidal.".encode("latin-1"))
    reasons = {r.source.split("/")[-1]: r.reason for r in read_inputs([str(tmp_path)])}
    assert "empty" in reasons["empty.txt"]
    assert "binary" in reasons["bin.txt"]
    assert "UTF-8" in reasons["latin.txt"]


def test_too_large_file_is_refused_not_truncated(tmp_path):
    f = tmp_path / "huge.txt"
    with f.open("wb") as h:
        h.truncate(50 * 1024 * 1024)  # 50 MB
    r = one(f)
    assert isinstance(r, Failure) and "MB" in r.reason and f.stat().st_size > MAX_FILE_BYTES


def test_jsonl_reports_and_malformed_line_number(tmp_path):
    f = tmp_path / "feed.jsonl"
    good = {"id": "a1", "title": "T", "text": "Protesters marched in Nairobi.", "published": "2024-06-25", "language": "en"}
    f.write_text(json.dumps(good) + "\n{not json\n" + json.dumps({"title": "no text"}) + "\n", encoding="utf-8")
    items = list(read_inputs([str(f)]))
    assert isinstance(items[0], Report) and items[0].language == "en" and items[0].published == "2024-06-25"
    assert isinstance(items[1], Failure) and "line 2" in items[1].reason and items[1].source.endswith("feed.jsonl:2")
    assert isinstance(items[2], Failure) and "'text'" in items[2].reason


def test_directory_is_walked_recursively_and_gold_files_skipped(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.txt").write_text("Body one.", encoding="utf-8")
    (tmp_path / "two.txt").write_text("Body two.", encoding="utf-8")
    (tmp_path / "two.gold.jsonl").write_text('{"kind": "event"}\n', encoding="utf-8")
    items = list(read_inputs([str(tmp_path)]))
    assert sorted(i.text for i in items) == ["Body one.", "Body two."]


def test_missing_path(tmp_path):
    r = one(tmp_path / "nope.txt")
    assert isinstance(r, Failure) and "no such file" in r.reason


def test_language_of_short_and_long_reports():
    from conflictwire.ingest.language import LanguageDetector
    detector = LanguageDetector()
    assert detector.detect("On 10 March 2020, a sniper shot and killed 1 soldier in Bala Buluk district, Farah.") == "en"
    assert detector.detect("Le 3 mars, des hommes armés ont tué deux gendarmes près de Gao.") == "fr"
    long_fr = "Des hommes armés ont attaqué jeudi un poste de gendarmerie dans le nord du pays, selon des sources locales. " * 5
    assert detector.detect(long_fr) == "fr"
    assert detector.detect("Bewaffnete haben am Donnerstag in der Stadt zwei Dorfbewohner getötet, teilte die Polizei mit.") == "de"
    # a wire note full of names: few English words to go by
    assert detector.detect("On 14 March 2021, 1 Taliban fighter died in clashes with Afghan commando units in Jurm district, Badakhshan.") == "en"
    assert detector.detect("Tres soldados murieron el jueves en un ataque en Cauca.") == "es"


def test_small_models_are_preferred_on_request(monkeypatch):
    from conflictwire.nlp import model_names
    monkeypatch.delenv("CONFLICTWIRE_SMALL_MODELS", raising=False)
    assert model_names("fr")[0] == "fr_core_news_md"
    monkeypatch.setenv("CONFLICTWIRE_SMALL_MODELS", "1")
    assert model_names("fr")[0] == "fr_core_news_sm" and set(model_names("fr")) == {"fr_core_news_sm", "fr_core_news_md"}
