"""Durability, on SQLite and PostgreSQL: a batch killed with SIGKILL mid-way leaves only whole
reports, and the same command run again completes it with exact counts; two processes writing
at once lose nothing and merge as one would."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

from conflictwire.ingest import read_inputs
from conflictwire.store import Store

HERE = Path(__file__).parent.parent  # tests/: factory.py
TOWNS = ["Gao", "Mopti", "Ségou", "Kayes", "Sikasso", "Tombouctou", "Kidal", "Koutiala", "Bougouni", "San",
         "Djenné", "Douentza", "Niono", "Bandiagara", "Kati", "Ménaka"]


def write_batch(path: Path) -> Path:
    """Sixteen short invented reports, one attack each, in sixteen Malian towns on sixteen days."""
    with path.open("w", encoding="utf-8") as out:
        for n, town in enumerate(TOWNS):
            text = (f"Gunmen attacked a police post in {town}, Mali, on {n + 1} March 2025, killing {n % 4 + 1} officers, "
                    f"a local official said. The attackers fled on motorcycles towards the bush.")
            out.write(json.dumps({"id": f"batch-{n}", "text": text, "published": "2025-03-20", "language": "en",
                                  "source": f"Outlet {n % 3}"}) + "\n")
    return path


def cli(*args: str) -> subprocess.Popen:
    exe = Path(sys.executable).with_name("conflictwire")
    return subprocess.Popen([str(exe), *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def stored(db_url: str) -> dict:
    with Store(db_url, readonly=True) as s:
        return s.stats()


def test_killed_mid_batch_then_run_again_gives_exact_counts(db_url, tmp_path, extractor):
    batch = write_batch(tmp_path / "batch.jsonl")
    Store(db_url).close()  # created, so its counts can be watched
    proc = cli("ingest", str(batch), "--db", db_url)
    deadline = time.time() + 240
    while stored(db_url)["articles"] < 3 and time.time() < deadline and proc.poll() is None:
        time.sleep(0.05)
    assert proc.poll() is None, "the batch ended before it could be killed: " + proc.communicate()[1][-500:]
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    partial = stored(db_url)
    assert 3 <= partial["articles"] < len(TOWNS)
    assert partial["mentions"] == partial["articles"]  # whole reports only: one event each here
    again = cli("ingest", str(batch), "--db", db_url)
    _, err = again.communicate(timeout=600)
    assert again.returncode == 0, err[-1000:]
    # the same counts as a clean run of the same batch
    with Store(str(tmp_path / "clean.db")) as clean:
        for ex in extractor.run(read_inputs([str(batch)])):
            clean.add(ex)
        expected = clean.stats()
    assert stored(db_url) == expected and expected["articles"] == len(TOWNS)


WRITER = textwrap.dedent("""
    import sys
    sys.path.insert(0, {here!r})
    from factory import event, report
    from conflictwire.store import Store
    outlet, db = sys.argv[1], sys.argv[2]
    days = ["2025-01-%02d" % d for d in range(1, 29)]
    with Store(db) as store:
        for n, day in enumerate(days):
            store.add(report(f"{{outlet}} report {{n}} of the clash of {{day}} in Gao.", event(date=day),
                             outlet=outlet, source=f"{{outlet}}-{{n}}"))
""")


def test_two_writers_at_once_lose_nothing(db_url, tmp_path):
    script = tmp_path / "writer.py"
    script.write_text(WRITER.format(here=str(HERE)), encoding="utf-8")
    Store(db_url).close()
    procs = [subprocess.Popen([sys.executable, str(script), outlet, db_url], stderr=subprocess.PIPE, text=True)
             for outlet in ("North Wire", "South Wire")]
    for p in procs:
        _, err = p.communicate(timeout=300)
        assert p.returncode == 0, err[-1500:]
    with Store(db_url, readonly=True) as s:
        assert s.stats()["articles"] == 56 and s.stats()["mentions"] == 56
        events = s.events()
    # each day's clash told by both outlets: one event each, never two, never lost
    assert len(events) == 28 and all(e.n_reports == 2 and e.n_outlets == 2 for e in events)
