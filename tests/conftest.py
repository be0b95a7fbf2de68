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
