"""Writes docs/dashboard.png: the analyst's dashboard over a store filled from the project's
reports (tests/data/gold and examples), as headless Chromium shows it at 1400x900, with the card
of the best-supported event open.

    .venv/bin/python docs/screenshot.py [--db STORE] [--out docs/dashboard.png] [--no-card]

Without --db the reports are extracted into a fresh SQLite store in a temporary folder (about
20 s). Needs Debian's Chromium at /usr/bin/chromium and web/node_modules (`npm install` in web/).
"""
from __future__ import annotations

import argparse
import socket
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = Path("/usr/bin/chromium")


def fill_store(path: Path):
    from conflictwire import build_gazetteer
    from conflictwire.ingest import read_inputs
    from conflictwire.pipeline import Extractor
    from conflictwire.store import Store

    build_gazetteer(progress=False)
    store = Store(str(path))
    reports = read_inputs([str(ROOT / "tests" / "data" / "gold"), str(ROOT / "examples")])
    for extraction in Extractor().run(reports):
        if hasattr(extraction, "article"):
            store.add(extraction)
    return store


def serve(store):
    """The app on a free local port, in a background thread; returns (url, stop)."""
    import uvicorn

    from conflictwire.api import create_app

    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    server = uvicorn.Server(uvicorn.Config(create_app(store=store), log_level="warning"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise SystemExit("the dashboard's server did not start")
        time.sleep(0.05)

    def stop():
        server.should_exit = True
        thread.join(10)
        sock.close()
    return f"http://127.0.0.1:{sock.getsockname()[1]}", stop


def best_event(store) -> str | None:
    """The placed event with the most reports (ties: most outlets, then contested first)."""
    events = [e for e in store.events(limit=None) if e.location and e.location.latitude is not None]
    if not events:
        return None
    return max(events, key=lambda e: (e.n_reports, e.n_outlets, e.grade == "corroborated", e.event_id)).event_id


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", help="an existing store to show (default: fill a fresh one from the project's reports)")
    parser.add_argument("--out", default=str(ROOT / "docs" / "dashboard.png"))
    parser.add_argument("--no-card", action="store_true", help="leave the event card closed")
    args = parser.parse_args()
    if not CHROMIUM.exists():
        sys.exit(f"{CHROMIUM} is missing: install Debian's Chromium (apt-get install chromium)")

    from playwright.sync_api import sync_playwright

    from conflictwire.store import Store

    with tempfile.TemporaryDirectory() as tmp:
        store = Store(args.db) if args.db else fill_store(Path(tmp) / "events.db")
        url, stop = serve(store)
        try:
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=["--no-sandbox"])
                page = browser.new_page(viewport={"width": 1400, "height": 900})
                page.goto(url + "/")
                page.wait_for_selector("body[data-ready]", timeout=60000)
                if page.get_attribute("body", "data-ready") != "1":
                    sys.exit(f"the dashboard did not start: {page.inner_text('#status')}")
                event_id = None if args.no_card else best_event(store)
                if event_id:
                    page.click(f'#events-table tbody tr[data-event-id="{event_id}"]')
                    page.wait_for_selector(f'#event-card[data-event-id="{event_id}"][data-loaded="1"]')
                page.wait_for_timeout(400)  # let the clusters' fade-in end
                Path(args.out).parent.mkdir(parents=True, exist_ok=True)
                page.screenshot(path=args.out)
                browser.close()
        finally:
            stop()
            store.close()
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
