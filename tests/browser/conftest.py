"""The dashboard in a real browser: Debian's Chromium (headless, driven by Playwright) over the
app served by uvicorn in a background thread, on a store filled by this session from the
project's reports, plus one report that carries HTML meant to run in the analyst's browser."""
from __future__ import annotations

import socket
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

import httpx
import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")

# An ordinary attack report, but its title, outlet and body carry markup that must stay text.
INJECTION = """ date 2025-03-12 Gunmen kill five villagers near Mopti <script>window.__pwned = 1</script>
 source Sahel Wire <img src=x onerror="window.__pwned = 3">

Gunmen on motorbikes attacked the village of Sofara near Mopti in central Mali on Tuesday, killing five civilians and burning a granary, local officials said.

A resident posted: <script>window.__pwned = 1</script> and <img src=x onerror="window.__pwned = 2"> before the network went down.

The army said it had sent reinforcements to the area.
"""


@dataclass
class Filled:
    store: object
    injection_article: str
    injection_event: str  # the injection report's event that has a place on the map


@pytest.fixture(scope="session")
def chromium_path() -> Path:
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: the browser tests drive Debian's Chromium, which `apt-get install chromium` "
                    "provides (browsers are never downloaded by `playwright install` here)", pytrace=False)
    return CHROMIUM


@pytest.fixture(scope="session")
def filled_store(tmp_path_factory, extractor) -> Filled:
    from conflictwire.ingest import read_inputs
    from conflictwire.ingest.readers import parse_text
    from conflictwire.store import Store

    store = Store(str(tmp_path_factory.mktemp("dashboard") / "events.db"))
    reports = list(read_inputs([str(ROOT / "tests" / "data" / "gold"), str(ROOT / "examples")]))
    reports.append(parse_text(INJECTION, "injection.txt", None))
    injection_article, injection_events = None, []
    for extraction in extractor.run(reports):
        if not hasattr(extraction, "article"):
            continue  # a report the extractor could not read is no concern of the dashboard's
        result = store.add(extraction)
        if extraction.article.source_path == "injection.txt":
            injection_article = extraction.article.article_id
            injection_events = [p.event_id for p in result.placed]
    placed = [e for e in injection_events if store.event(e).event.location.latitude is not None]
    assert injection_article and placed, "the injection report must give an event with a place on the map"
    yield Filled(store, injection_article, placed[0])
    store.close()


@pytest.fixture(scope="session")
def base_url(filled_store) -> str:
    import uvicorn

    from conflictwire.api import create_app

    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(store=filled_store.store), log_level="warning"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        assert thread.is_alive() and time.monotonic() < deadline, "the dashboard's server did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(10)
    sock.close()


@pytest.fixture(scope="session")
def api(base_url):
    with httpx.Client(base_url=base_url, timeout=20) as client:
        def get(path: str):
            response = client.get(path)
            assert response.status_code == 200, (path, response.status_code, response.text[:300])
            return response.json()
        yield get


@pytest.fixture(scope="session")
def browser(chromium_path):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(chromium_path), headless=True, args=["--no-sandbox"])
        yield browser
        browser.close()


@dataclass
class Dashboard:
    page: object
    dialogs: list = field(default_factory=list)
    errors: list = field(default_factory=list)
    outside: list = field(default_factory=list)  # requests that left the server: there must be none

    def rows(self) -> list[str]:
        return self.page.eval_on_selector_all("#events-table tbody tr", "rows => rows.map(r => r.dataset.eventId)")


@pytest.fixture
def dashboard(browser, base_url):
    """The dashboard opened at 1400x900, its data loaded and drawn (body[data-ready="1"])."""
    # The page's Content-Security-Policy forbids inline scripts; the tests set it aside (bypass_csp),
    # so that what they check is the dashboard's own code never turning data into markup.
    context = browser.new_context(viewport={"width": 1400, "height": 900}, accept_downloads=True, bypass_csp=True)
    page = context.new_page()
    page.set_default_timeout(15000)
    dash = Dashboard(page)
    origin = urlparse(base_url).netloc

    def route(r):
        if urlparse(r.request.url).netloc == origin or r.request.url.startswith(("blob:", "data:")):
            r.continue_()
        else:
            dash.outside.append(r.request.url)
            r.abort()

    page.route("**/*", route)
    page.on("dialog", lambda d: (dash.dialogs.append(d.message), d.dismiss()))
    page.on("pageerror", lambda e: dash.errors.append(str(e)))
    page.goto(base_url + "/")
    page.wait_for_selector("body[data-ready]")
    assert page.get_attribute("body", "data-ready") == "1", f"the dashboard did not start: {page.inner_text('#status')}"
    yield dash
    context.close()
    assert not dash.errors, f"errors in the page: {dash.errors}"
    assert not dash.outside, f"the dashboard fetched from outside its server: {dash.outside}"
