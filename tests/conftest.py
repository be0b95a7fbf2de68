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
