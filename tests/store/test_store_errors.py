"""A store that cannot be used gets one clear message, nothing is written, and the command exits
with status 1: an unreachable server, a schema newer than this code, a read-only file, a
corrupt file."""
from __future__ import annotations

import os
import stat

import pytest
from sqlalchemy import text
from typer.testing import CliRunner

from conflictwire.cli import app
from conflictwire.store import Store, StoreError
from conflictwire.store.migrations import LATEST

runner = CliRunner()


def run(*args: str):
    return runner.invoke(app, list(args))


def test_an_unreachable_server_is_named_with_the_reason():
    with pytest.raises(StoreError, match=r"cannot reach database postgresql\+psycopg://root@127.0.0.1:1/test"):
        Store("postgresql://root@127.0.0.1:1/test")
    result = run("events", "--db", "postgresql://root:secret@127.0.0.1:1/test")
    assert result.exit_code == 1 and "cannot reach" in result.output and "secret" not in result.output


def test_a_newer_schema_is_refused_untouched(db_url):
    with Store(db_url) as s:
        with s.engine.begin() as con:
            con.execute(text("INSERT INTO schema_migrations (version, name, applied_at) VALUES (:v, 'future', CURRENT_TIMESTAMP)"),
                        {"v": LATEST + 1})
    with pytest.raises(StoreError, match=f"schema version {LATEST + 1}, newer"):
        Store(db_url)
    result = run("ingest", "--db", db_url, "no-such-report.txt")
    assert result.exit_code == 1 and "newer than this conflictwire" in result.output


def test_a_read_only_file_is_refused_before_anything_is_written(tmp_path):
    path = tmp_path / "events.db"
    Store(str(path)).close()
    os.chmod(path, stat.S_IRUSR | stat.S_IRGRP)
    before = path.read_bytes()
    with pytest.raises(StoreError, match="read-only"):
        Store(str(path))
    assert path.read_bytes() == before
    # reading it is fine
    with Store(str(path), readonly=True) as s:
        assert s.count() == 0


def test_a_corrupt_file_is_refused_untouched(tmp_path):
    path = tmp_path / "events.db"
    path.write_bytes(b"this is not a database\n" * 50)
    before = path.read_bytes()
    result = run("ingest", "--db", str(path), str(tmp_path))
    assert result.exit_code == 1 and "is not a SQLite database" in result.output
    assert path.read_bytes() == before


def test_a_sqlite_file_damaged_inside_is_refused(tmp_path):
    path = tmp_path / "events.db"
    Store(str(path)).close()
    data = bytearray(path.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)  # the header survives, the schema page does not
    path.write_bytes(bytes(data))
    with pytest.raises(StoreError, match="cannot be opened as a SQLite store"):
        Store(str(path))


def test_a_missing_store_is_not_created_by_a_query(tmp_path):
    result = run("events", "--db", str(tmp_path / "none.db"))
    assert result.exit_code == 1 and "no such store" in result.output
    assert not (tmp_path / "none.db").exists()
