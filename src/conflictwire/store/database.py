"""Opening a store: which database a `--db` value names, the engine for it, and the checks that
fail fast with one clear message (unreachable server, corrupt or read-only file, a schema newer
than this conflictwire) before anything is written.

SQLite runs in WAL mode with a busy timeout, so readers never block and two writers queue rather
than fail; PostgreSQL needs nothing special. `--db` (or CONFLICTWIRE_DB) takes a file path or an
SQLAlchemy URL; `postgresql://` uses psycopg 3.
"""
from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import Optional

from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, OperationalError

from ..errors import ConflictwireError
from ..storage import data_dir

ENV_DB = "CONFLICTWIRE_DB"
SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_MS = 60_000


class StoreError(ConflictwireError):
    """The store cannot be opened or written: the message says which database and why."""


class NotFound(StoreError):
    """No such event or article in the store."""


def default_db() -> Path:
    return data_dir() / "events.db"


def resolve_url(db: Optional[str | Path] = None) -> URL:
    """The SQLAlchemy URL a `--db` value names: an URL as given, or a file path for SQLite;
    nothing given, CONFLICTWIRE_DB, then the file in the user data directory."""
    value = str(db) if db else os.environ.get(ENV_DB) or str(default_db())
    if "://" not in value:
        return URL.create("sqlite", database=str(Path(value).expanduser().resolve()))
    try:
        url = make_url(value)
    except ArgumentError as exc:
        raise StoreError(f"--db {value!r} is neither a file path nor a database URL ({exc})") from None
    if url.drivername in ("postgresql", "postgres"):
        url = url.set(drivername="postgresql+psycopg")
    return url


def shown(url: URL) -> str:
    """The URL as it may be printed: never with a password."""
    return url.render_as_string(hide_password=True)


def check_sqlite_file(path: Path, writable: bool) -> None:
    """A SQLite store's file: corrupt, a directory, or read-only are refused before opening it."""
    if path.is_dir():
        raise StoreError(f"{path} is a directory, not a database file")
    if path.exists():
        with path.open("rb") as handle:
            head = handle.read(len(SQLITE_HEADER))
        if head and head != SQLITE_HEADER:
            raise StoreError(f"{path} is not a SQLite database (corrupt, or another kind of file); "
                             "move it aside or give another --db")
        if writable and not (os.access(path, os.W_OK) and path.stat().st_mode & 0o222):  # root ignores access()
            raise StoreError(f"{path} is read-only: cannot write to it (check its permissions or give another --db)")
    elif writable:
        parent = path.parent
        parent.mkdir(parents=True, exist_ok=True)
        if not os.access(parent, os.W_OK):
            raise StoreError(f"cannot create {path}: its folder is read-only")


def _sqlite_setup(writable: bool):
    def on_connect(dbapi_connection, _record) -> None:
        dbapi_connection.isolation_level = None  # transactions are begun below, not by the driver
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_MS}")
        if writable:
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()
    return on_connect


def _sqlite_begin(immediate: bool):
    # BEGIN IMMEDIATE takes the write lock at the start: two writers queue (busy timeout) instead
    # of both reading, deciding a merge, and one failing at commit. Readers begin plainly and, in
    # WAL mode, never wait.
    statement = "BEGIN IMMEDIATE" if immediate else "BEGIN"
    return lambda conn: conn.exec_driver_sql(statement)


def make_engine(url: URL, writable: bool = True, for_writing: bool = True) -> Engine:
    """An engine for `url`, with the file checks for SQLite; connects once to fail fast.
    `for_writing`: its transactions write (on SQLite they take the write lock when they begin)."""
    try:
        if url.get_backend_name() == "sqlite":
            return _sqlite_engine(url, writable, writable and for_writing)
        engine = create_engine(url, pool_pre_ping=True, pool_size=5, max_overflow=10)
    except (ArgumentError, ImportError) as exc:
        raise StoreError(f"cannot use database {shown(url)}: {exc}") from None
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
    except (OperationalError, DBAPIError) as exc:
        engine.dispose()
        reason = str(getattr(exc, "orig", exc)).strip().splitlines()[0]
        raise StoreError(f"cannot reach database {shown(url)}: {reason}") from None
    return engine


def _sqlite_engine(url: URL, writable: bool, immediate: bool) -> Engine:
    path = Path(url.database or "")
    if url.database in (None, "", ":memory:"):
        raise StoreError("an in-memory SQLite store would vanish at exit: give a file path")
    check_sqlite_file(path, writable)
    if not writable and not path.exists():
        raise StoreError(f"{path}: no such store; fill one first with `conflictwire ingest`")
    if not writable:
        url = URL.create("sqlite", database=f"file:{path}?mode=ro", query={"uri": "true"})
    engine = create_engine(url, connect_args={"timeout": BUSY_MS / 1000})
    event.listen(engine, "connect", _sqlite_setup(writable))
    event.listen(engine, "begin", _sqlite_begin(immediate))
    try:
        with engine.connect() as conn:
            inspect(conn).get_table_names()
    except (OperationalError, DBAPIError, sqlite3.DatabaseError) as exc:
        engine.dispose()
        reason = str(getattr(exc, "orig", exc)).strip()
        raise StoreError(f"{path} cannot be opened as a SQLite store: {reason}") from None
    return engine
