"""Load on the API: a SQLite store of N events (10,000 by default), the app served by uvicorn on
loopback, C concurrent clients (50) for S seconds (30) on each of /events?format=geojson and
/api/acled/read. Prints requests per second, p50, p99 and errors. The aim: p99 under 300 ms, no
errors.

    .venv/bin/python benchmarks/bench_api.py [--events N] [--clients C] [--seconds S] [--db FILE]

The events are made up (places, dates, actors drawn at random from small lists) and stored through
`Store.add` like any report's, so the store holds what ingest would write.
"""
from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import itertools
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

from conflictwire.model import Actor, Article, Event, Evidence, Extraction, Place
from conflictwire.store import Store

PLACES = [("Gao", "Mali", "ML", "Gao", 16.27, -0.04), ("Mopti", "Mali", "ML", "Mopti", 14.48, -4.18),
          ("Kidal", "Mali", "ML", "Kidal", 18.44, 1.41), ("Maiduguri", "Nigeria", "NG", "Borno", 11.85, 13.16),
          ("Kaya", "Burkina Faso", "BF", "Centre-Nord", 13.09, -1.08), ("Goma", "DR Congo", "CD", "North Kivu", -1.68, 29.22),
          ("Beni", "DR Congo", "CD", "North Kivu", 0.49, 29.47), ("Kismayo", "Somalia", "SO", "Lower Juba", -0.36, 42.55),
          ("El Fasher", "Sudan", "SD", "North Darfur", 13.63, 25.35), ("Tillaberi", "Niger", "NE", "Tillaberi", 14.21, 1.45)]
KINDS = [("Battles", "Armed clash"), ("Explosions/Remote violence", "Air/drone strike"),
         ("Explosions/Remote violence", "Remote explosive/landmine/IED"), ("Violence against civilians", "Attack"),
         ("Protests", "Peaceful protest"), ("Riots", "Violent demonstration")]


def made_up(seed: int = 7):
    """Made-up reports without end; a few tell an event already told, as a feed's do."""
    rng = random.Random(seed)
    start = dt.date(2022, 1, 1)
    for k in itertools.count():
        name, country, code, admin1, lat, lon = rng.choice(PLACES)
        event_type, sub = rng.choice(KINDS)
        day = start + dt.timedelta(days=rng.randrange(1400))
        text = f"Report {k}: an event of type {sub} near {name} on {day}."
        art = Article.create(text, "en", source_path=f"bench-{k}", published=day.isoformat(), outlet=f"Outlet {k % 40}")
        place = Place(name=name, country=country, country_code=code, admin1=admin1, geo_precision=2,
                      latitude=lat + rng.uniform(-0.3, 0.3), longitude=lon + rng.uniform(-0.3, 0.3))
        event = Event(event_id="e", article_ids=[art.article_id], event_date=day.isoformat(), date_precision="day",
                      event_type=event_type, sub_event_type=sub, location=place, fatalities=rng.choice([0, 0, 1, 2, 5, 12]),
                      actor1=Actor(name=f"Group {rng.randrange(30)}", kind="rebel_group"),
                      actor2=Actor(name=f"Military Forces of {country}", kind="state_forces", country_code=code),
                      notes=text, evidence=[Evidence(field="trigger", start=0, end=6, text=text[:6])])
        yield Extraction(article=art, events=[event])


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


async def client_loop(port: int, path: str, stop: float, times: list[float]) -> int:
    """One client on one keep-alive connection, asking again as soon as it has its answer; plain
    HTTP/1.1 on a socket, so the load generator costs little of the machine the server runs on."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    errors, n = 0, random.randrange(1000)
    try:
        while time.perf_counter() < stop:
            n += 1
            request = f"GET {path.format(n=n % 1000)} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\n\r\n".encode()
            began = time.perf_counter()
            writer.write(request)
            head = await reader.readuntil(b"\r\n\r\n")
            length = next(int(line.split(b":", 1)[1]) for line in head.split(b"\r\n") if line.lower().startswith(b"content-length:"))
            await reader.readexactly(length)
            times.append(time.perf_counter() - began)
            errors += not head.startswith(b"HTTP/1.1 200")
    finally:
        writer.close()
    return errors


async def hammer(port: int, path: str, clients: int, seconds: float) -> tuple[list[float], int]:
    times: list[float] = []
    stop = time.perf_counter() + seconds
    errors = await asyncio.gather(*(client_loop(port, path, stop, times) for _ in range(clients)), return_exceptions=True)
    return times, sum(e if isinstance(e, int) else 1 for e in errors)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--db", default=None)
    args = parser.parse_args()
    folder = tempfile.mkdtemp(prefix="conflictwire-bench-")
    db = args.db or str(Path(folder) / "bench.db")
    with Store(db) as store:
        have = store.count()
        if have < args.events:
            began, reports = time.perf_counter(), made_up()
            while store.count() < args.events:
                for ex in itertools.islice(reports, max(args.events - store.count(), 50)):
                    store.add(ex)
            print(f"stored made-up reports in {time.perf_counter() - began:.0f} s")
        print(f"store: {store.count()} events")
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "uvicorn", "--factory", "conflictwire.api.app:create_app",
                               "--host", "127.0.0.1", "--port", str(port), "--log-level", "warning"],
                              env={**os.environ, "CONFLICTWIRE_DB": db})
    try:
        base = f"http://127.0.0.1:{port}"
        for _ in range(200):
            try:
                if httpx.get(f"{base}/config").status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.1)
        # the same two questions again and again (the dashboard's and a client's: answered from the
        # cache), then a thousand different ones (each page of events: mostly answered by the store)
        for path in ("/events?format=geojson", "/api/acled/read?limit=50&country=Mali",
                     "/events?format=geojson&offset={n}", "/api/acled/read?limit=50&page={n}"):
            times, errors = asyncio.run(hammer(port, path, args.clients, args.seconds))
            times.sort()
            p99 = times[int(len(times) * 0.99) - 1] if times else float("nan")
            print(f"{path.replace('{n}', 'N')}: {len(times) / args.seconds:.0f} requests/s, p50 {statistics.median(times) * 1000:.0f} ms, "
                  f"p99 {p99 * 1000:.0f} ms, errors {errors} ({args.clients} clients, {args.seconds:.0f} s)")
    finally:
        server.terminate()
        server.wait(timeout=10)


if __name__ == "__main__":
    main()
