import pytest

from conflictwire.pipeline import Extractor


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    """One extractor for the whole run: spaCy pipelines and the gazetteer load once."""
    return Extractor()
