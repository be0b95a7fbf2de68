"""The HTTP API over the store, on SQLite and PostgreSQL: every read endpoint, the formats, paging,
and a 4xx with a reason for every bad request."""
from __future__ import annotations

import csv
import io

import pytest
from fastapi.testclient import TestClient

from conflictwire.api import create_app
from factory import ARMY, UNKNOWN, attacks_tally, denial, event, report


@pytest.fixture
def client(store):
    store.add(report("Clash in Gao.", event(date="2025-03-04"), outlet="A"))
    store.add(report("Clash in Gao, told again.", event(date="2025-03-04"), outlet="B"))
    store.add(report("Bomb near Mopti market.", event(date="2025-04-10", where="Mopti", etype="Explosions/Remote violence",
                                                      sub="Remote explosive/landmine/IED", actor1=UNKNOWN, actor2=ARMY,
                                                      weapon="ied", fatalities=7), statements=[denial(3)]))
    store.add(report("Clash in Maiduguri.", event(date="2025-05-01", where="Maiduguri", fatalities=0)))
    store.add(report("At least 5 attacks in Mali since 1 March.", published="2025-05-02",
                     tallies=[attacks_tally(5, "2025-03-01")]))
    return TestClient(create_app(store=store))


def test_events_json_is_paged_with_its_total(client):
    body = client.get("/events", params={"limit": 2}).json()
    assert body["total"] == 3 and body["count"] == 2 and len(body["events"]) == 2
    rest = client.get("/events", params={"limit": 2, "offset": 2}).json()
    assert rest["count"] == 1 and rest["events"][0]["event_id"] not in {e["event_id"] for e in body["events"]}


def test_events_filters_and_formats(client):
    mali = client.get("/events", params={"country": "ML", "format": "geojson"}).json()
    assert mali["type"] == "FeatureCollection" and mali["total"] == 2
    assert {f["properties"]["location"] for f in mali["features"]} == {"Gao", "Mopti"}
    rows = list(csv.DictReader(io.StringIO(client.get("/events", params={"format": "csv", "min_fatalities": 5}).text)))
    assert [r["location"] for r in rows] == ["Mopti"] and rows[0]["fatalities"] == "7"
    assert client.get("/events", params={"bbox": "12,10,14,13"}).json()["events"][0]["location"]["name"] == "Maiduguri"
    assert client.get("/events", params={"grade": "corroborated"}).json()["total"] == 1


def test_one_event_in_full(client):
    gao = client.get("/events", params={"admin1": "Gao"}).json()["events"][0]
    body = client.get(f"/events/{gao['event_id'][:6]}").json()
    assert len(body["reports"]) == 2 and body["event"]["grade"] == "corroborated"
    assert any(d["merged"] and d["step"] == "acled_rule" for d in body["decisions"])
    assert body["row"]["location"] == "Gao"
    article = client.get(f"/articles/{body['reports'][0]['article_id']}").json()
    assert article["text"].startswith("Clash in Gao") and article["events"][0]["canonical_event_id"] == gao["event_id"]


def test_statements_tallies_actors_stats(client):
    assert client.get("/statements", params={"statement_type": "REJECT"}).json()["total"] == 1
    (tally,) = client.get("/tallies").json()["tallies"]
    assert tally["store_count"] == 2 and tally["value"] == 5
    names = {a["name"] for a in client.get("/actors").json()["actors"]}
    assert "Military Forces of Mali" in names
    stats = client.get("/stats", params={"country": "ML"}).json()
    assert stats["events"] == 2 and stats["fatalities"] == 10 and sum(stats["by_week"].values()) == 2


@pytest.mark.parametrize("path, params, status, words", [
    ("/events", {"colour": "red"}, 400, "unknown filter"),
    ("/events", {"limit": 1_000_000}, 400, "limit"),
    ("/events", {"since": "yesterday"}, 400, "not a date"),
    ("/events", {"bbox": "1,2,3"}, 400, "bbox"),
    ("/events", {"min_fatalities": "many"}, 400, "min_fatalities"),
    ("/events", {"format": "xml"}, 422, "format"),
    ("/events/ffffffffffff", {}, 404, "no event"),
    ("/articles/nope", {}, 404, "no article"),
    ("/statements", {"limit": 10 ** 6}, 422, "limit"),
])
def test_bad_requests_get_a_reason(client, path, params, status, words):
    r = client.get(path, params=params)
    assert r.status_code == status and words in r.text, r.text
    assert client.get("/events").status_code == 200  # and the server goes on


def test_openapi_documents_the_endpoints(client):
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/events", "/events/{event_id}", "/articles/{article_id}", "/api/acled/read", "/stats"} <= set(paths)
    assert client.get("/docs").status_code == 200
