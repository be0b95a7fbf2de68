"""The files conflictwire keeps on this machine (the gazetteer, the lemma tables), and the one way
they are opened: where they live, read-only and read-write SQLite connections, and the schema
version a file was written with.
"""
from __future__ import annotations

import contextlib
import os
import sqlite3
from pathlib import Path
from typing import Optional

ENV_DIR = "CONFLICTWIRE_DATA_DIR"


def data_dir() -> Path:
    """The user data directory (platformdirs'), or the one CONFLICTWIRE_DATA_DIR names."""
    env = os.environ.get(ENV_DIR)
    if env:
        return Path(env).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir("conflictwire"))


def connect_ro(path: Path | str, shared: bool = False) -> sqlite3.Connection:
    """A read-only connection; `shared` lets threads other than this one use it."""
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=not shared)
    con.execute("PRAGMA query_only = 1")
    return con


def connect_rw(path: Path | str) -> sqlite3.Connection:
    """A read-write connection in autocommit mode: transactions are the caller's, with BEGIN."""
    return sqlite3.connect(str(path), isolation_level=None)


def schema_version(path: Path | str, required_row: Optional[str] = None) -> Optional[int]:
    """The `PRAGMA user_version` of the SQLite file at `path`, or None when there is no such file,
    it is unreadable, or `required_row` (an SQL query) finds nothing in it (a file half built)."""
    if not Path(path).is_file():
        return None
    try:
        with contextlib.closing(connect_ro(path)) as con:
            version = con.execute("PRAGMA user_version").fetchone()[0]
            if required_row and con.execute(required_row).fetchone() is None:
                return None
            return version
    except sqlite3.Error:
        return None
