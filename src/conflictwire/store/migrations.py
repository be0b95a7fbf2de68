"""The store's schema, as registered steps: each step has a version and a name, runs in its own
transaction, and is recorded in `schema_migrations` when it is done. Opening a store applies the
steps it lacks; a store written by a newer conflictwire (a version this one does not know) is
refused, untouched.

A new step is appended to MIGRATIONS, never inserted or edited: stores in the field have the
earlier ones applied.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from sqlalchemy import Connection, Engine, inspect, select

from .database import StoreError, shown
from .schema import Base, MigrationRow, VersionRow


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    apply: Callable[[Connection], None]


V1_TABLES = ["articles", "actors", "places", "events", "mentions", "event_articles", "statements", "tallies", "evidence",
             "merge_decisions", "cannot_link"]


def _initial(conn: Connection) -> None:
    Base.metadata.create_all(conn, tables=[Base.metadata.tables[name] for name in V1_TABLES])


def _version_counter(conn: Connection) -> None:
    VersionRow.__table__.create(conn, checkfirst=True)
    conn.execute(VersionRow.__table__.insert().values(id=1, version=0))


MIGRATIONS = [
    Migration(1, "articles, mentions, canonical events, actors, places, statements, tallies, evidence, merge decisions", _initial),
    Migration(2, "a version number that every write raises (readers' caches)", _version_counter),
]
LATEST = MIGRATIONS[-1].version


def current_version(conn: Connection) -> int:
    if not inspect(conn).has_table(MigrationRow.__tablename__):
        return 0
    versions = conn.execute(select(MigrationRow.version)).scalars().all()
    return max(versions, default=0)


def check_version(engine: Engine, writable: bool) -> int:
    """The store's schema version; a newer one than this code knows is an error, and so is an
    older one that cannot be upgraded because the store is opened read-only."""
    with engine.connect() as conn:
        version = current_version(conn)
    if version > LATEST:
        raise StoreError(f"database {shown(engine.url)} has schema version {version}, newer than this "
                         f"conflictwire knows ({LATEST}): upgrade conflictwire to use it")
    if not writable and version < LATEST:
        raise StoreError(f"database {shown(engine.url)} has schema version {version} (this conflictwire "
                         f"needs {LATEST}): run `conflictwire ingest` on it once to upgrade it")
    return version


def migrate(engine: Engine) -> list[Migration]:
    """Apply the steps the store lacks, each in its own transaction; returns those applied."""
    applied = []
    for step in MIGRATIONS:
        with engine.begin() as conn:
            # read again inside the transaction: another process may have just applied it
            if step.version <= current_version(conn):
                continue
            if step.version == 1:
                MigrationRow.__table__.create(conn, checkfirst=True)
            step.apply(conn)
            conn.execute(MigrationRow.__table__.insert().values(version=step.version, name=step.name))
            applied.append(step)
    return applied
