"""A pipeline's lemma tables, read word by word from SQLite instead of held in Python dicts.

spaCy's rule lemmatizers load their tables whole: for fr_core_news_md that is half a million
entries and 145 MB of the 390 MB the pipeline takes. conflictwire copies the tables once, from the
model package's own `lemmatizer/lookups/lookups.bin`, into an SQLite file in the data directory
(beside the gazetteer), and hands spaCy's own lemmatizer a `Lookups` look-alike that reads them
from there. spaCy's lemmatizer code runs unchanged on top, so the lemmas are the same
(tests/test_lemmas.py compares them), and its per-word cache keeps repeated words off the disk.

The table shapes are spaCy's: `lemma_lookup` maps a word's hash to its lemmas; `lemma_index`
lists the known words of each part of speech; `lemma_exc` maps each part of speech's irregular
words to their lemmas; `lemma_rules` (a few hundred suffix rules) stays in memory.
"""
from __future__ import annotations

import json
import os
import sqlite3
import tempfile
from pathlib import Path
from typing import Any, Optional

import srsly
from spacy.language import Language
from spacy.strings import get_string_id
from spacy.util import load_config

from .storage import connect_ro, connect_rw, data_dir, schema_version

SCHEMA_VERSION = 1
IN_MEMORY = {"lemma_rules"}  # small tables, kept as they are
NESTED = {"lemma_index", "lemma_exc", "lemma_rules"}  # keyed by part of speech, then by word

SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE entries (
    tab TEXT NOT NULL,
    key INTEGER NOT NULL,  -- the hash spaCy keys the table by (signed 64-bit)
    word TEXT NOT NULL,    -- '' in a flat table; the word in a nested one
    value TEXT,            -- JSON; NULL for a word that is only listed (lemma_index)
    PRIMARY KEY (tab, key, word)
) WITHOUT ROWID;
"""


def _signed(key: int) -> int:
    return key - (1 << 64) if key >= 1 << 63 else key


def _rows(name: str, table: dict):
    for key, value in table.items():
        if name not in NESTED:
            yield name, _signed(key), "", json.dumps(value, ensure_ascii=False)
        elif isinstance(value, dict):
            for word, lemmas in value.items():
                yield name, _signed(key), word, json.dumps(lemmas, ensure_ascii=False)
        else:
            for word in value:
                yield name, _signed(key), word, None


def build(source: Path, target: Path) -> None:
    """Copy the tables of a `lookups.bin` into a new SQLite file at `target` (written aside, then
    moved into place, so a reader never sees half a file)."""
    tables = srsly.read_msgpack(source)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, suffix=".part")
    os.close(fd)
    try:
        con = connect_rw(tmp)
        con.executescript(SCHEMA)
        con.execute("BEGIN")
        small = {name: {str(k): v for k, v in t.items()} for name, t in tables.items() if name in IN_MEMORY}
        sections = {name: [_signed(k) for k in t] for name, t in tables.items() if name in NESTED - IN_MEMORY}
        con.executemany("INSERT INTO meta VALUES (?, ?)", [
            ("source", str(source)), ("tables", json.dumps(sorted(tables))),
            ("in_memory", json.dumps(small, ensure_ascii=False)), ("sections", json.dumps(sections))])
        for name, table in tables.items():
            if name not in IN_MEMORY:
                con.executemany("INSERT OR REPLACE INTO entries VALUES (?, ?, ?, ?)", _rows(name, table))
        con.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        con.execute("COMMIT")
        con.close()
        os.replace(tmp, target)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


class _Flat:
    """A table keyed by word (through its hash): lemma_lookup."""

    def __init__(self, con: sqlite3.Connection, name: str):
        self.con, self.name = con, name

    def get(self, word: str | int, default: Any = None) -> Any:
        row = self.con.execute("SELECT value FROM entries WHERE tab = ? AND key = ? AND word = ''",
                               (self.name, _signed(get_string_id(word)))).fetchone()
        return json.loads(row[0]) if row else default


class _Section:
    """One part of speech of a nested table: the words it lists, or their lemmas."""

    def __init__(self, con: sqlite3.Connection, name: str, key: int):
        self.con, self.name, self.key = con, name, key

    def _row(self, word: str):
        return self.con.execute("SELECT value FROM entries WHERE tab = ? AND key = ? AND word = ?",
                                (self.name, self.key, word)).fetchone()

    def __contains__(self, word: str) -> bool:
        return self._row(word) is not None

    def get(self, word: str, default: Any = None) -> Any:
        row = self._row(word)
        return json.loads(row[0]) if row and row[0] is not None else default


class _Nested:
    """A table keyed by part of speech: lemma_index, lemma_exc."""

    def __init__(self, con: sqlite3.Connection, name: str, keys: list[int]):
        self.sections = {key: _Section(con, name, key) for key in keys}

    def get(self, pos: str | int, default: Any = None) -> Any:
        return self.sections.get(_signed(get_string_id(pos)), default)


class _Small(dict):
    """A small table held in memory, keyed like spaCy's by the hash of its keys."""

    def get(self, key: str | int, default: Any = None) -> Any:
        return super().get(str(get_string_id(key)), default)


class StoredLookups:
    """What a spaCy Lemmatizer asks of its `lookups`: which tables there are, and each table."""

    def __init__(self, path: Path):
        self.con = connect_ro(path, shared=True)
        meta = dict(self.con.execute("SELECT key, value FROM meta"))
        self.tables = json.loads(meta["tables"])
        sections = json.loads(meta["sections"])
        self._tables: dict[str, Any] = {name: _Small(t) for name, t in json.loads(meta["in_memory"]).items()}
        for name in self.tables:
            if name not in self._tables:
                self._tables[name] = _Nested(self.con, name, sections[name]) if name in NESTED else _Flat(self.con, name)

    def __contains__(self, name: str) -> bool:
        return name in self._tables

    def get_table(self, name: str, default: Any = None) -> Any:
        return self._tables.get(name, default)


def is_current(path: Path) -> bool:
    return schema_version(path) == SCHEMA_VERSION


def stored_path(nlp: Language) -> Path:
    return data_dir() / "lemmas" / f"{nlp.meta['lang']}_{nlp.meta['name']}-{nlp.meta['version']}.sqlite"


def attach(nlp: Language, model_path: Optional[Path] = None) -> bool:
    """Give `nlp` (loaded with `exclude=["lemmatizer"]`) its lemmatizer back, configured as the
    package configures it, with its tables read from SQLite. Builds the SQLite file on first use.
    Returns False (and changes nothing) when the package has no lemmatizer tables."""
    model_path = Path(model_path or nlp.path)
    source = model_path / "lemmatizer" / "lookups" / "lookups.bin"
    config = load_config(model_path / "config.cfg")
    component = config["components"].get("lemmatizer")
    if component is None or not source.is_file():
        return False
    target = stored_path(nlp)
    if not is_current(target):
        build(source, target)
    order = list(config["nlp"]["pipeline"])
    later = [name for name in order[order.index("lemmatizer") + 1:] if name in nlp.pipe_names]
    settings = {k: v for k, v in component.items() if k in ("mode", "overwrite")}
    lemmatizer = nlp.add_pipe(component["factory"], name="lemmatizer", config=settings,
                              **({"before": later[0]} if later else {}))
    lemmatizer.lookups = StoredLookups(target)
    return True
