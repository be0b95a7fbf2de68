"""A named feature ("le barrage de X", "the X air base") is looked up as a feature of that kind once
a GeoNames file that has it is imported: the report lands on the dam, not on the town it is named
after. The GeoNames rows below are invented (a town, its dam and its air base)."""
import math
import shutil

import pytest

from conflictwire.gazetteer import import_geonames
from conflictwire.gazetteer.query import Gazetteer
from conflictwire.model import Article
from conflictwire.pipeline import Extractor

TOWN, DAM, AIRBASE = (35.50, 39.00), (35.50, 39.386), (35.29, 38.79)  # the dam ~35 km east, the base ~30 km south-west


def geoname_line(gid, name, alt, at, fclass, fcode, pop=0) -> str:
    cols = [gid, name, name, alt, at[0], at[1], fclass, fcode, "SY", "", "", "", "", "", pop, "", "300",
            "Asia/Damascus", "2024-01-01"]
    return "\t".join(map(str, cols)) + "\n"


ROWS = [
    geoname_line(9970001, "Qasr Tabrat", "Tabrat,Tabrat City", TOWN, "P", "PPL", 85000),
    geoname_line(9970002, "Tabrat Dam", "Sadd Tabrat,Barrage de Tabrat", DAM, "H", "DAM"),
    geoname_line(9970003, "Tabrat Air Base", "Base aerienne de Tabrat,Tabrat Airbase", AIRBASE, "S", "AIRB"),
]


def km(a, b):
    la1, lo1, la2, lo2 = map(math.radians, (a[0], a[1], b[0], b[1]))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(min(1.0, h)))


@pytest.fixture(scope="module")
def featured(gazetteer, tmp_path_factory):
    """An extractor whose gazetteer (a copy of the built one) imported the three rows."""
    work = tmp_path_factory.mktemp("features")
    db = shutil.copy(gazetteer, work / gazetteer.name)
    source = work / "SY.txt"
    source.write_text("".join(ROWS), encoding="utf-8")
    import_geonames([source], db, progress=False)
    g = Gazetteer(db)
    yield Extractor(gazetteer=g)
    g.close()


def located(extractor, text, lang):
    [e] = extractor.extract_article(Article.create(text, lang, published="2024-05-10")).events
    return e.location


def test_the_import_keeps_features_and_their_names(featured):
    g = featured.gazetteer
    assert g.lookup("barrage de Tabrat")[0].feature_code == "DAM"
    assert g.lookup("Tabrat", feature="air base")[0].feature_code == "AIRB"
    assert g.lookup("Tabrat")[0].feature_code == "PPL"  # the town, when nothing says which feature


@pytest.mark.parametrize("text,lang", [
    ("Une frappe de drone a touché jeudi un poste de garde près du barrage de Tabrat, dans l'est de la Syrie.", "fr"),
    ("A drone struck a guard post near the Tabrat Dam in eastern Syria on Thursday.", "en"),
])
def test_near_the_dam_is_at_the_dam_not_the_town(featured, text, lang):
    loc = located(featured, text, lang)
    assert km((loc.latitude, loc.longitude), DAM) <= 25 and km((loc.latitude, loc.longitude), TOWN) > 25
    assert loc.name == "Tabrat Dam" and loc.geo_precision == 2  # the gazetteer's name; "near": precision 2


@pytest.mark.parametrize("text,lang", [
    ("Des roquettes ont visé vendredi la base aérienne de Tabrat, en Syrie.", "fr"),
    ("Rockets struck the Tabrat air base in Syria on Friday, damaging a hangar.", "en"),
])
def test_the_air_base_is_the_base_not_the_town(featured, text, lang):
    loc = located(featured, text, lang)
    assert km((loc.latitude, loc.longitude), AIRBASE) <= 25 and loc.name == "Tabrat Air Base"
