"""The offline gazetteer: built once for this module into a temporary CONFLICTWIRE_DATA_DIR (about
15-30 s), then looked up, imported into (on copies) and driven through the CLI."""
from __future__ import annotations

import hashlib
import io
import shutil
import sqlite3
import sys
import time
import zipfile
from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import CliRunner

from conflictwire.cli import app
from conflictwire.gazetteer import GeonamesImportError, build, import_geonames, info, place_key, strip_generic
from conflictwire.gazetteer.store import FILE_NAME, SCHEMA_VERSION, default_path
from conflictwire.model import Place
from conflictwire.gazetteer import query as places_module
from conflictwire.errors import ConflictwireError, GazetteerError
from conflictwire.gazetteer.query import Gazetteer, build_gazetteer

IRAQ = (29.0, 37.5, 38.7, 48.7)  # lat min, lat max, lon min, lon max


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    data = tmp_path_factory.mktemp("data")
    mp = pytest.MonkeyPatch()
    mp.setenv("CONFLICTWIRE_DATA_DIR", str(data))
    shown = io.StringIO()
    started = time.perf_counter()
    summary = build(progress=True, console=Console(file=shown, width=120))
    summary["wall"] = time.perf_counter() - started
    summary["progress"] = shown.getvalue()
    yield summary, data
    mp.undo()


@pytest.fixture(scope="module")
def g(built) -> Gazetteer:
    _, data = built
    gaz = Gazetteer(data / FILE_NAME)
    yield gaz
    gaz.close()


@pytest.fixture
def copy_db(built, tmp_path) -> Path:
    """A copy of the built gazetteer, for tests that change it."""
    _, data = built
    dest = tmp_path / FILE_NAME
    shutil.copy(data / FILE_NAME, dest)
    return dest


def digest(path: Path) -> str:
    with open(path, "rb") as f:
        return hashlib.file_digest(f, "sha256").hexdigest()


def in_iraq(c) -> bool:
    return IRAQ[0] < c.latitude < IRAQ[1] and IRAQ[2] < c.longitude < IRAQ[3]


# --- keys ----------------------------------------------------------------------------------------
def test_keys_fold_case_accents_articles_and_generic_words():
    assert place_key("Al-Mawsil") == place_key("al Mawsil") == place_key("AL MAWSIL") == "mawsil"
    assert place_key("Al\u2011Mawsil") == "mawsil"  # a non-breaking hyphen, as typeset news has
    assert place_key("Ḩarir") == place_key("al-Harir") == "harir"
    assert place_key("St. Petersburg") == place_key("Saint Petersburg")
    assert strip_generic("province d'Anbar") == strip_generic("province d’Anbar") == ("anbar", "admin1")
    assert strip_generic("Anbar Governorate") == ("anbar", "admin1")
    assert strip_generic("Al Asad Air Base") == ("al asad", "airbase")
    assert strip_generic("base aérienne d'Ain al-Asad") == ("ain al-asad", "airbase")
    assert strip_generic("barrage de Mossoul") == ("mossoul", "dam")
    assert strip_generic("Damascus") == ("damascus", None)
    # a list's plural generic word: "the regions of Kursk and ...", "les provinces de Kunar et ..."
    assert strip_generic("regions of Kursk") == ("kursk", "admin1")
    assert strip_generic("provinces de Kunar") == ("kunar", "admin1")


# --- build -----------------------------------------------------------------------------------------
def test_build_is_fast_atomic_versioned_and_shows_progress(built):
    summary, data = built
    assert summary["wall"] < 60, f"build took {summary['wall']:.1f} s"
    assert default_path() == data / FILE_NAME and (data / FILE_NAME).is_file()
    assert [p.name for p in data.iterdir()] == [FILE_NAME]  # no temporary file left behind
    facts = info(data / FILE_NAME)
    assert facts["schema_version"] == SCHEMA_VERSION and facts["built_at"]
    assert facts["places"] > 250_000 and facts["by_feature_class"]["P"] > 200_000
    assert facts["top_feature_codes"]["ADM1"] > 3000 and facts["top_feature_codes"]["PCLI"] > 240
    assert facts["top_feature_codes"]["AIRB"] > 100
    cov = summary["admin1_coverage"]
    assert cov["admin1_codes_named"] / cov["admin1_codes"] > 0.9
    assert cov["places_with_admin1_name"] / cov["places"] > 0.95
    assert "Keying places" in summary["progress"] and "First-level admin areas" in summary["progress"]


def test_only_the_explicit_step_builds_a_missing_or_outdated_file(built, tmp_path, monkeypatch):
    _, data = built
    calls = []

    def fake_build(path, progress=True, console=None):  # a copy stands in for a 20 s build
        calls.append(Path(path))
        shutil.copy(data / FILE_NAME, path)

    monkeypatch.setattr(sys.modules["conflictwire.gazetteer.build"], "build", fake_build)
    missing = tmp_path / "new" / FILE_NAME
    missing.parent.mkdir()
    with pytest.raises(GazetteerError, match="conflictwire gazetteer build"):
        Gazetteer(missing)  # opening never builds
    assert calls == [] and not missing.exists()
    assert build_gazetteer(missing) == missing
    Gazetteer(missing).close()
    old = tmp_path / FILE_NAME
    shutil.copy(data / FILE_NAME, old)
    con = sqlite3.connect(old)
    con.execute("PRAGMA user_version = 1")
    con.commit()
    con.close()
    with pytest.raises(GazetteerError, match="no gazetteer of the current version"):
        Gazetteer(old)
    build_gazetteer(old)
    build_gazetteer(old)  # current now: nothing to do
    assert calls == [missing, old]
    build_gazetteer(old, force=True)
    assert calls == [missing, old, old]
    assert isinstance(GazetteerError("x"), ConflictwireError)


# --- lookups ---------------------------------------------------------------------------------------
def test_exonyms_and_transliterations_meet(g):
    ids = {g.candidates(n, "IQ")[0].geonameid for n in ("Mossoul", "Mosul", "Al Mawsil", "al-Mawsil", "MOSUL")}
    assert ids == {99072}
    assert g.lookup("Bagdad")[0].name == "Baghdad"
    assert g.candidates("Harir", "IQ")[0].geonameid == g.candidates("al-Harir", "IQ")[0].geonameid == 96046


def test_focus_country_decides_tripoli(g):
    assert g.candidates("Tripoli", "LB")[0].country_code == "LB"
    assert g.candidates("Tripoli", "LY")[0].country_code == "LY"
    lb = g.lookup("Tripoli", near=(34.4, 35.9))[0]
    assert lb.country_code == "LB"
    assert g.lookup("Tripoli", country="LY")[0].score > g.lookup("Tripoli")[0].score


def test_an_acronym_in_running_text_is_no_code(g):
    """ "an NLD official": candidates are for running text, where capitals are a party's or a
    group's acronym; a country's or an airport's code is found by `lookup` only."""
    assert g.lookup("NLD")[0].country_code in ("NL", "MX")
    assert g.candidates("NLD") == []


def test_places_know_their_admin1(g):
    assert g.candidates("Mosul", "IQ")[0].admin1 in ("Ninawa", "Nineveh")
    assert g.candidates("Ramadi", "IQ")[0].admin1 == "Anbar"
    assert g.candidates("Erbil", "IQ")[0].admin1 in ("Arbil", "Erbil")
    assert g.candidates("Herat", "AF")[0].admin1 == "Herat"
    assert g.candidates("Gao", "ML")[0].admin1 == "Gao"
    assert g.candidates("El Fasher", "SD")[0].admin1 == "North Darfur"  # corrected from "Northern Darfur"


def test_anbar_is_a_province_with_a_centre_and_aliases(g):
    top = g.lookup("Anbar province")[0]
    assert (top.country_code, top.feature_code, top.admin1) == ("IQ", "ADM1", "Anbar") and in_iraq(top)
    for alias in ("Anbar", "Al Anbar", "Anbar Governorate", "province d'Anbar", "al-Anbar province"):
        assert g.lookup(alias, country="IQ")[0].geonameid == top.geonameid, alias
    place = g.admin_place("Anbar", "IQ", text="Anbar province")
    assert isinstance(place, Place) and place.geo_precision == 3 and place.admin1 == "Anbar"
    assert place.latitude == top.latitude and place.geonameid is None
    # A place that cannot be located falls back to its admin area.
    ramadi = g.candidates("Ramadi", "IQ")[0]
    assert g.admin_place(ramadi).admin1 == "Anbar" and g.admin1_of(ramadi) == "Anbar"
    assert g.admin1_of(("IQ", ramadi.admin1_code)) == "Anbar"


def test_an_iso_name_a_vowel_apart_is_an_alias_not_a_new_name(g):
    """ISO 3166-2 writes "Kunar" where GeoNames writes "Konar": the same province, found by both;
    the shown name is kept when ISO's is only a vowel apart ("Tigray", not "Tigrai")."""
    [konar] = [c for c in g.candidates("Kunar province") if c.feature_code == "ADM1"][:1]
    assert (konar.country_code, konar.name) == ("AF", "Konar")
    assert g.candidates("Tigray")[0].name == "Tigray"


def test_between_equal_scores_the_name_as_written_wins(g):
    """GeoNames gives another town "Slov'iansk" as an old name: "Sloviansk" is Slovyansk."""
    assert g.candidates("Sloviansk")[0].name == "Slovyansk"


def test_feature_words_choose_the_kind_of_place(g):
    assert g.lookup("Herat")[0].feature_code.startswith("PPL")
    assert g.lookup("Herat province")[0].feature_code == "ADM1"
    assert g.lookup("Herat", feature="province")[0].feature_code == "ADM1"
    assert g.lookup("Mosul airport")[0].feature_code == "AIRP"
    assert g.lookup("Mosul")[0].feature_code == "PPL"


def test_air_bases_and_airports_are_found_by_name(g):
    names = ("Al Asad Air Base", "al-Asad air base", "Ain al-Asad", "base aérienne d'Ain al-Asad", "Al Asad")
    found = {n: g.lookup(n, country="IQ")[0] for n in names}
    assert {c.name for c in found.values()} == {"Al Asad Air Base"}
    base = found["Ain al-Asad"]
    assert base.feature_code == "AIRB" and base.admin1 == "Anbar" and in_iraq(base)
    assert g.lookup("BGW")[0].name in ("Baghdad", "Baghdad International Airport")
    assert any(c.feature_code == "AIRB" for c in g.lookup("Shayrat air base", country="SY"))


def test_candidates_and_places_keep_the_extractor_interface(g):
    c = g.candidates("Mossoul", "IQ")[0]
    assert {"geonameid", "name", "country_code", "latitude", "longitude", "population"} <= set(vars(c))
    p = g.city_place(c, 1, "Mossoul")
    assert (p.name, p.country, p.country_code, p.admin1, p.geonameid, p.geo_precision, p.text) == \
        ("Mosul", "Iraq", "IQ", c.admin1, 99072, 1, "Mossoul")
    assert abs(p.latitude - 36.335) < 0.01 and abs(p.longitude - 43.119) < 0.01
    assert g.city_place(g.lookup("Anbar province")[0], 1, "Anbar").geo_precision == 3
    country = g.country("IQ", "Irak")
    assert country.geo_precision == 3 and country.text == "Irak" and in_iraq(g.get(country.geonameid))
    assert g.country_code_of("Irak") == "IQ" and g.country_code_of("Mosul") is None
    assert g.candidates("Qzxwv", "IQ") == [] and g.lookup("") == []


def test_fuzzy_fallback_only_when_nothing_matches_exactly(g):
    fuzzy = g.lookup("Mosol", country="IQ")[0]  # no place has that spelling
    assert fuzzy.name == "Mosul" and fuzzy.score < g.lookup("Mosul", country="IQ")[0].score
    assert g.lookup("Mosol", fuzzy=False) == [] and g.candidates("Mosol", "IQ") == []  # the extractor's path is exact
    # but tries the English form of a French spelling
    assert g.lookup("Mosoul", fuzzy=False) == [] and g.candidates("Mosoul", "IQ")[0].name == "Mosul"


def test_lookups_search_an_index_not_the_whole_table(built):
    """Lookup speed comes from the index on name keys (the benchmark measures the time)."""
    _, data = built
    con = sqlite3.connect(data / FILE_NAME)
    plan = " ".join(row[-1] for row in con.execute(
        "EXPLAIN QUERY PLAN " + places_module.SQL.format("?"), ("mosul",)))
    con.close()
    assert "USING INDEX" in plan or "USING COVERING INDEX" in plan or "PRIMARY KEY" in plan, plan
    assert "SCAN n" not in plan, plan


# --- GeoNames import -------------------------------------------------------------------------------
def geoname_line(gid, name, alt, lat, lon, fclass, fcode, cc, admin1, pop=0) -> str:
    cols = [gid, name, name, alt, lat, lon, fclass, fcode, cc, "", admin1, "", "", "", pop, "", "300",
            "Asia/Baghdad", "2024-01-01"]
    return "\t".join(map(str, cols)) + "\n"


IQ_LINES = [
    geoname_line(9990001, "Camp Speicher", "COB Speicher,Speicher Base", 34.656, 43.543, "S", "MILB", "IQ", "18"),
    geoname_line(9990002, "Mosul Dam", "Saddam Dam", 36.630, 42.823, "H", "DAM", "IQ", "15"),
    geoname_line(99062, "Nineveh Governorate", "Muhafazat Ninawa", 36.0, 42.5, "A", "ADM1", "IQ", "15", 3729998),
    geoname_line(9990003, "Al Asad Airbase", "Ayn al Asad", 33.7900, 42.4400, "S", "AIRB", "IQ", "01"),
]
ALT_LINES = [
    "1\t9990002\tfr\tBarrage de Mossoul\t\t\t\t\t\t\n",
    "2\t9990002\tar\tسد الموصل\t\t\t\t\t\t\n",
    "3\t9990001\ten\tTikrit Air Academy\t\t\t\t\t\t\n",
    "4\t9990002\ten\tSadd al-Mawsil\t\t\t\t\t\t\n",
]
ADMIN1_LINES = ["IQ.15\tNineveh\tNineveh\t99062\n", "IQ.18\tSalah ad Din\tSalah ad Din\t99063\n"]


def write(path: Path, lines) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(lines), encoding="utf-8")
    return path


def test_geonames_import_adds_features_names_and_admin_names(copy_db, tmp_path):
    src = tmp_path / "src"
    country = write(src / "IQ.txt", IQ_LINES)
    with zipfile.ZipFile(src / "IQ.zip", "w", zipfile.ZIP_DEFLATED) as z:  # as geonames.org publishes it
        z.write(country, "IQ.txt")
        z.writestr("readme.txt", "not data\n")
    alt = write(src / "alternateNamesV2.txt", ALT_LINES)
    admin1 = write(src / "admin1CodesASCII.txt", ADMIN1_LINES)
    summary = import_geonames([src / "IQ.zip", alt, admin1], copy_db, progress=False)
    assert [(f["kind"], f["rows"]) for f in summary["files"]] == [("admin1", 2), ("geoname", 4), ("alternate", 4)]
    g = Gazetteer(copy_db)
    base = g.lookup("Camp Speicher")[0]
    assert (base.geonameid, base.feature_code, base.admin1) == (9990001, "MILB", "Salah ad Din")
    assert g.lookup("Speicher", feature="military base")[0].geonameid == 9990001
    assert g.lookup("Tikrit Air Academy")[0].geonameid == 9990001
    dam = g.lookup("barrage de Mossoul")[0]
    assert (dam.geonameid, dam.feature_code, dam.admin1) == (9990002, "DAM", "Nineveh")
    assert g.lookup("Sadd al-Mawsil")[0].geonameid == 9990002
    assert g.lookup("Mosul", feature="dam")[0].geonameid == 9990002
    assert g.lookup("Mosul")[0].geonameid == 99072  # the city still, without a cue
    assert g.candidates("Mosul", "IQ")[0].admin1 == "Nineveh"  # admin1CodesASCII names the area now
    # GeoNames' own ADM1 replaces the one made from packaged data and keeps its aliases.
    for alias in ("Ninawa", "Nineveh province", "Ninawa Governorate"):
        top = g.lookup(alias, country="IQ")[0]
        assert (top.geonameid, top.feature_code) == (99062, "ADM1"), alias
    assert g.get(99062).name == "Nineveh"
    # The same air base from airportsdata and from GeoNames is one candidate: GeoNames'.
    bases = [c for c in g.lookup("al-Asad air base", country="IQ") if c.feature_code.startswith("AIR")]
    assert [c.geonameid for c in bases] == [9990003]
    imports = info(copy_db)["imports"]
    assert [i["kind"] for i in imports] == ["admin1", "geoname", "alternate"] and imports[1]["member"] == "IQ.txt"
    g.close()


@pytest.mark.parametrize("name,lines,message", [
    ("IQ.txt", IQ_LINES[:2] + [IQ_LINES[2][:40]], r"IQ\.txt: line 3: expected 19 tab-separated columns, found 3 \(truncated"),
    ("IQ.txt", IQ_LINES[:1] + [IQ_LINES[1].replace("36.63", "north")], r"IQ\.txt: line 2: .*must be numbers"),
    ("IQ.txt", IQ_LINES[:1] + [IQ_LINES[1].replace("2024-01-01", "2024-0")], r"IQ\.txt: line 2: modification date"),
    ("IQ.txt", ADMIN1_LINES, r"IQ\.txt: line 1: expected a GeoNames geoname table .* found 4 .*admin1CodesASCII"),
    ("alternateNamesV2.txt", IQ_LINES, r"alternateNamesV2\.txt: line 1: expected a GeoNames alternate names file"),
    ("admin1CodesASCII.txt", ["IQ.15\tNineveh\n"], r"admin1CodesASCII\.txt: line 1: expected a GeoNames admin1CodesASCII"),
    ("IQ.txt", [], r"IQ\.txt: empty file"),
    ("IQ.txt", ["\n", "  \n"], r"IQ\.txt: empty file"),
    ("notes.csv", ["a,b,c\n"], r"notes\.csv: line 1: not a GeoNames file"),
])
def test_bad_files_are_refused_naming_file_and_line(copy_db, tmp_path, name, lines, message):
    before = digest(copy_db)
    good = write(tmp_path / "ok" / "admin1CodesASCII.txt", ADMIN1_LINES)  # a good file in the same import
    bad = write(tmp_path / "bad" / name, lines)
    with pytest.raises(GeonamesImportError, match=message):
        import_geonames([good, bad], copy_db, progress=False)
    assert digest(copy_db) == before  # nothing half-imported


def test_a_truncated_zip_member_is_refused_and_nothing_is_kept(copy_db, tmp_path):
    before = digest(copy_db)
    path = tmp_path / "IQ.zip"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("IQ.txt", "".join(IQ_LINES) + IQ_LINES[0][:70])
    with pytest.raises(GeonamesImportError, match=rf"IQ\.zip \(IQ\.txt\): line {len(IQ_LINES) + 1}: expected 19"):
        import_geonames([path], copy_db, progress=False)
    assert digest(copy_db) == before
    g = Gazetteer(copy_db)
    assert all(c.geonameid != 9990001 for c in g.lookup("Camp Speicher"))
    g.close()


# --- CLI -------------------------------------------------------------------------------------------
def test_cli_lookup_info_and_import(built, tmp_path):
    _, data = built
    runner = CliRunner()
    env = {"CONFLICTWIRE_DATA_DIR": str(data), "COLUMNS": "160"}
    r = runner.invoke(app, ["gazetteer", "lookup", "Mossoul", "--country", "IQ", "--limit", "3"], env=env)
    assert r.exit_code == 0, r.output
    assert "Mosul" in r.output and "Ninawa" in r.output and "score" in r.output and "36.335" in r.output
    r = runner.invoke(app, ["gazetteer", "lookup", "Tripoli", "--near", "34.4,35.9", "--limit", "2", "--details"], env=env)
    assert r.exit_code == 0 and r.output.index(" LB ") < r.output.index(" LY "), r.output
    r = runner.invoke(app, ["gazetteer", "lookup", "Qzxwvq"], env=env)
    assert r.exit_code == 1 and "no place called" in r.output
    r = runner.invoke(app, ["gazetteer", "lookup", "Mosul", "--near", "north"], env=env)
    assert r.exit_code == 2 and "LAT,LON" in r.output
    r = runner.invoke(app, ["gazetteer", "info"], env=env)
    assert r.exit_code == 0 and FILE_NAME in r.output and "ADM1" in r.output and "admin1 coverage" in r.output
    bad = write(tmp_path / "IQ.txt", ADMIN1_LINES)
    r = runner.invoke(app, ["gazetteer", "import", str(bad)], env=env)
    assert r.exit_code == 1 and "IQ.txt: line 1" in r.output and "nothing was imported" in r.output


def test_with_geonames_features_every_base_and_dam_is_placed_within_25_km(copy_db, tmp_path, extractor):
    """Air bases and a dam that packaged data lacks are placed exactly once a GeoNames file has them."""
    from conflictwire.gazetteer.query import km
    from conflictwire.pipeline import Extractor
    lines = IQ_LINES + [geoname_line(9990004, "Harir Air Base", "Al Harir Airbase", 36.545, 44.352, "S", "AIRB", "IQ", "11")]
    import_geonames([write(tmp_path / "src" / "IQ.txt", lines), write(tmp_path / "src" / "alternateNamesV2.txt", ALT_LINES)],
                    copy_db, progress=False)
    own = Extractor(gazetteer=Gazetteer(copy_db))
    own._tools = extractor._tools  # the spaCy pipelines are already loaded
    text = ("Un engin explosif a frappé mardi un convoi militaire près du barrage de Mossoul, dans le nord de l'Irak, "
            "sans faire de victimes.\n\n"
            "Mercredi, deux drones ont visé la base aérienne d'Aïn al-Asad, dans l'ouest du pays, et un troisième "
            "la base aérienne d'al-Harir, au Kurdistan irakien ; ils ont été abattus, selon la coalition.")
    from conflictwire.model import Article
    ex = own.extract_article(Article.create(text, "fr", published="2024-03-08"))
    truth = {"Mosul Dam": (36.630, 42.823), "Al Asad": (33.786, 42.441), "Harir": (36.545, 44.352)}
    for name, point in truth.items():
        d = min(km(point, (e.location.latitude, e.location.longitude)) for e in ex.events if e.location.latitude is not None)
        assert d <= 25, (name, [(e.location.name, e.location.latitude, e.location.longitude) for e in ex.events])


def test_french_spellings_are_tried_in_their_english_form():
    from conflictwire.gazetteer.keys import transliterations
    assert "el-fasher" in transliterations("El-Facher")
    assert "mosul" in transliterations("Mossoul")
    assert transliterations("Kadugli") == []


def test_countries_and_territories_are_known_by_their_french_names(g):
    """pycountry's French translations: "Nouvelle-Calédonie", "Polynésie française"."""
    assert [(c.country_code, c.feature_code) for c in g.candidates("Nouvelle-Calédonie")[:1]] == [("NC", "PCLI")]
    assert [c.country_code for c in g.candidates("Polynésie française")[:1]] == ["PF"]
