import functools
import os
import uuid

import pytest

from conflictwire import build_gazetteer
from conflictwire.pipeline import Extractor


@pytest.fixture(scope="session", autouse=True)
def gazetteer():
    """The library never builds the gazetteer by itself: the session does, once (a no-op when a
    current one is there, as after `make setup`)."""
    return build_gazetteer(progress=False)


@pytest.fixture(scope="session")
def extractor(gazetteer) -> Extractor:
    """One extractor for the whole run: spaCy pipelines and the gazetteer load once."""
    return Extractor()


@pytest.fixture(scope="session")
def set_extractions(extractor):
    """What the extractor reads in an evaluation set's reports, extracted once per session."""
    from conflictwire.evaluate.sets import extractions
    cache = {}

    def of(evaluation_set):
        if evaluation_set.key not in cache:
            cache[evaluation_set.key] = extractions(extractor, evaluation_set)
        return cache[evaluation_set.key]
    return of


@pytest.fixture(scope="session")
def set_predictions(set_extractions):
    """The records the extractor writes for an evaluation set."""
    from conflictwire.evaluate.sets import records
    cache = {}

    def of(evaluation_set):
        if evaluation_set.key not in cache:
            cache[evaluation_set.key] = records(set_extractions(evaluation_set))
        return cache[evaluation_set.key]
    return of


# Stores: every store test runs on SQLite and on PostgreSQL.
# Every store test runs on SQLite and on PostgreSQL. PostgreSQL is the server at
# CONFLICTWIRE_TEST_PG (default: root@127.0.0.1:5432/test, as on the project's machines); each
# test gets a schema of its own, dropped afterwards. Without a reachable server the PostgreSQL
# cases are not generated (a note says so) unless CONFLICTWIRE_TEST_PG was set, when that is an
# error: CI sets it.
PG_DEFAULT = "postgresql://root@127.0.0.1:5432/test"


@functools.cache
def pg_base() -> str | None:
    url = os.environ.get("CONFLICTWIRE_TEST_PG") or PG_DEFAULT
    try:
        import psycopg

        psycopg.connect(url, connect_timeout=3).close()
        return url
    except Exception as exc:
        if os.environ.get("CONFLICTWIRE_TEST_PG"):
            raise RuntimeError(f"CONFLICTWIRE_TEST_PG={url} is not reachable: {exc}") from exc
        return None


def pytest_report_header(config):
    return f"store tests on PostgreSQL: {pg_base() or 'no server reachable, SQLite only'}"


def pytest_generate_tests(metafunc):
    if "db_url" in metafunc.fixturenames:
        backends = ["sqlite"] + (["postgresql"] if pg_base() else [])
        metafunc.parametrize("backend", backends, scope="function")


@pytest.fixture
def db_url(backend, tmp_path):
    if backend == "sqlite":
        yield str(tmp_path / "events.db")
        return
    import psycopg

    schema = f"t_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(pg_base(), autocommit=True) as con:
        con.execute(f'CREATE SCHEMA "{schema}"')
    try:
        yield f"{pg_base()}?options=-csearch_path%3D{schema}"
    finally:
        with psycopg.connect(pg_base(), autocommit=True) as con:
            con.execute(f'DROP SCHEMA "{schema}" CASCADE')


@pytest.fixture
def store(db_url):
    from conflictwire.store import Store

    with Store(db_url) as s:
        yield s
