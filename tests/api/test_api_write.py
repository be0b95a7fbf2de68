"""POST /articles: a report in, its records out, stored and merged; the token, the size limit and
bad bodies; `serve` refuses to listen beyond loopback without a token."""
from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from conflictwire.api import create_app
from conflictwire.cli import app as cli

TOKEN = "s3cret-token"
FR = ("Des hommes armés ont attaqué mardi un poste de gendarmerie à Dori, dans le nord du Burkina Faso, "
      "tuant trois gendarmes, selon une source sécuritaire.")
EN = "Gunmen attacked a gendarmerie post in Dori, northern Burkina Faso, on Tuesday, killing three gendarmes, a security source said."


@pytest.fixture
def client(store, extractor):
    return TestClient(create_app(store=store, token=TOKEN, extractor=extractor))


def auth(token: str = TOKEN) -> dict:
    return {"Authorization": f"Bearer {token}"}


def test_a_report_posted_is_extracted_stored_and_merged(client, store):
    first = client.post("/articles", json={"text": FR, "published": "2025-06-11", "source": "Le Courrier"}, headers=auth())
    assert first.status_code == 201, first.text
    body = first.json()
    assert body["status"] == "added" and body["events"][0]["location"]["name"] == "Dori"
    second = client.post("/articles?published=2025-06-11&source=Sahel%20Desk", content=EN.encode(),
                         headers=auth() | {"Content-Type": "text/plain"})
    assert second.status_code == 201, second.text
    assert second.json()["events"][0]["canonical_event_id"] == body["events"][0]["canonical_event_id"]
    (event,) = store.events()
    assert event.n_outlets == 2 and event.grade == "corroborated"
    again = client.post("/articles", json={"text": FR, "published": "2025-06-11", "source": "Le Courrier"}, headers=auth())
    assert again.json()["status"] == "unchanged" and store.stats()["articles"] == 2


@pytest.mark.parametrize("kwargs, status, words", [
    (dict(content=b"{not json", headers={"Content-Type": "application/json"}), 400, "malformed JSON"),
    (dict(json={"text": 42}), 422, "text"),
    (dict(json={"text": "   "}), 422, "empty"),
    (dict(json={"text": "Une attaque.", "published": "2025-02-30"}), 422, "impossible date"),
    (dict(json={"text": "Ein Angriff.", "language": "de"}), 422, "not supported"),
    (dict(json={"text": "An attack.", "colour": "red"}), 422, "colour"),
    (dict(json=["a list"]), 422, "JSON object"),
    (dict(content=b"x" * (2 * 1024 * 1024 + 1), headers={"Content-Type": "text/plain"}), 413, "2 MB"),
    (dict(content=b"<a/>", headers={"Content-Type": "application/xml"}), 415, "text/plain"),
])
def test_bad_bodies_get_a_reason_and_store_nothing(client, store, kwargs, status, words):
    kwargs = dict(kwargs)  # the parameters are shared by both backends' runs
    headers = auth() | kwargs.pop("headers", {})
    r = client.post("/articles", headers=headers, **kwargs)
    assert r.status_code == status and words in r.text, r.text
    assert store.stats()["articles"] == 0


def test_writes_need_the_token(client, store):
    assert client.post("/articles", json={"text": EN}).status_code == 401
    assert client.post("/articles", json={"text": EN}, headers=auth("wrong")).status_code == 403
    assert store.stats()["articles"] == 0
    assert client.get("/events").status_code == 200  # reading needs none


def test_serve_refuses_other_addresses_without_a_token(tmp_path):
    result = CliRunner().invoke(cli, ["serve", "--db", str(tmp_path / "s.db"), "--host", "0.0.0.0"])
    assert result.exit_code == 2 and "--token" in result.output
