"""ACLED's API over the store: ACLED's parameter names and operators, its answer's shape and
column names; and the `acled` package (an independent ACLED client) reading the store through it."""
from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import threading
import time

import pytest
import uvicorn
from fastapi.testclient import TestClient

from conflictwire.api import create_app
from factory import ARMY, UNKNOWN, event, report


@pytest.fixture
def filled(store):
    store.add(report("Clash in Gao.", event(date="2025-03-04", fatalities=3)))
    store.add(report("Bomb near Mopti.", event(date="2025-04-10", where="Mopti", etype="Explosions/Remote violence",
                                               sub="Remote explosive/landmine/IED", actor1=UNKNOWN, actor2=ARMY,
                                               weapon="ied", fatalities=7)))
    store.add(report("Clash in Maiduguri.", event(date="2025-05-01", where="Maiduguri", fatalities=0)))
    return store


@pytest.fixture
def client(filled):
    return TestClient(create_app(store=filled))


def read(client, **params):
    r = client.get("/api/acled/read", params=params)
    assert r.status_code == 200, r.text
    return r.json()


def test_answer_is_shaped_like_acleds(client):
    body = read(client, country="Mali", key="any", email="a@b.c", _format="json", export_type="json")
    assert body["success"] is True and body["count"] == 2 and body["total_count"] == 2
    row = body["data"][0]
    for column in ("event_id_cnty", "event_date", "event_type", "sub_event_type", "actor1", "inter1", "actor2", "inter2",
                   "interaction", "iso", "country", "admin1", "location", "latitude", "longitude", "fatalities", "notes"):
        assert column in row
    assert row["iso"] == 466 and row["inter1"] in (1, 2, 3)  # Mali's numeric ISO code; ACLED's actor codes


@pytest.mark.parametrize("params, places", [
    ({"event_date": "2025-03-01|2025-04-30", "event_date_where": "BETWEEN"}, ["Gao", "Mopti"]),
    ({"fatalities": "5", "fatalities_where": ">"}, ["Mopti"]),
    ({"country": "Mali:OR:country=Nigeria"}, ["Gao", "Maiduguri", "Mopti"]),
    ({"iso": "566"}, ["Maiduguri"]),
    ({"actor1": "unidentified"}, ["Mopti"]),                       # LIKE by default for actors
    ({"event_type": "Battles", "admin1": "Gao"}, ["Gao"]),
    ({"interaction": "21"}, ["Gao", "Maiduguri"]),                  # rebel group (2) on state forces (1)
    ({"sub_event_type": "Remote explosive/landmine/IED"}, ["Mopti"]),
])
def test_acled_parameters(client, params, places):
    assert sorted(r["location"] for r in read(client, **params)["data"]) == places


def test_fields_limit_and_page(client):
    body = read(client, fields="event_id_cnty|fatalities", limit=1, page=2)
    assert body["count"] == 1 and body["total_count"] == 3 and set(body["data"][0]) == {"event_id_cnty", "fatalities"}


@pytest.mark.parametrize("params, words", [
    ({"limit": 5001}, "limit"), ({"page": 0}, "page"), ({"fatalities": "lots"}, "not a number"),
    ({"event_date_where": "NEAR", "event_date": "2025-01-01"}, "event_date_where"), ({"colour": "red"}, "unknown parameter"),
])
def test_bad_acled_queries_say_why(client, params, words):
    r = client.get("/api/acled/read", params=params)
    assert r.status_code == 400 and r.json()["success"] is False and words in r.json()["error"][0]["message"]


CLIENT = textwrap.dedent("""
    import json, sys
    from acled import AcledClient
    client = AcledClient(api_key="any-key", email="analyst@example.org")
    events = client.get_data(country=sys.argv[1], limit=10)
    print(json.dumps([[e["location"], str(e["event_date"]), e["fatalities"]] for e in events]))
""")


def test_the_acled_package_reads_the_store(filled, tmp_path):
    """An existing ACLED client, pointed at this server, gets the store's events."""
    server = uvicorn.Server(uvicorn.Config(create_app(store=filled), host="127.0.0.1", port=0, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.time() + 20
    while not server.started and time.time() < deadline:
        time.sleep(0.05)
    port = server.servers[0].sockets[0].getsockname()[1]
    try:
        env = dict(os.environ, ACLED_API_HOST=f"http://127.0.0.1:{port}/api")
        done = subprocess.run([sys.executable, "-c", CLIENT, "Mali"], env=env, capture_output=True, text=True, timeout=60)
        assert done.returncode == 0, done.stderr[-2000:]
        rows = sorted(tuple(r) for r in __import__("json").loads(done.stdout.strip().splitlines()[-1]))
        assert rows == [("Gao", "2025-03-04", 3), ("Mopti", "2025-04-10", 7)]
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def test_every_acled_column_is_a_parameter(client):
    """Parameters for columns the store does not keep are accepted (real clients send them)."""
    for name in ("region", "admin3", "assoc_actor_1", "tags", "source_scale", "population_best"):
        assert client.get("/api/acled/read", params={name: ""}).status_code == 200
    assert read(client, region="Western Africa")["count"] == 0
    assert read(client, timestamp="0")["count"] == 3
    assert read(client, civilian_targeting="Civilian targeting")["count"] == 0
