"""conflictwire: news reports in, sourced ACLED-style event, statement and tally records out.

    import conflictwire as cw
    result = cw.extract("Trois soldats ont été tués lundi dans une attaque à Kidal.", published="2024-05-07")
    print(result.events)

`extract` takes one string; `Extractor` takes batches (`Extractor().run(read_inputs(paths))`);
`Store(url)` keeps their events, merged across reports, and answers queries.
The gazetteer is built once per machine: `conflictwire gazetteer build` or `build_gazetteer()`.
"""
from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from .errors import (AcledError, ConflictwireError, ExtractionError, Failure, GazetteerError, GeonamesImportError,
                     InputError, KnowledgeError, ModelError)
from .model import Actor, Article, Event, Evidence, Extraction, Place, Statement, Tally

if TYPE_CHECKING:  # loaded on first use (below): spaCy and the extractors take a second to import
    from .gazetteer.query import build_gazetteer
    from .ingest import Report, read_inputs
    from .pipeline import Extractor, extract
    from .store import EventFilter, Store, StoredEvent, StoreError

__version__ = "0.1.0"

# Names whose modules load spaCy and the extractors, imported when first asked for, so that
# `import conflictwire` (and the CLI's --help) stays quick.
_LAZY = {
    "extract": ".pipeline", "Extractor": ".pipeline",
    "build_gazetteer": ".gazetteer.query",
    "read_inputs": ".ingest", "Report": ".ingest",
    "Store": ".store", "StoreError": ".store", "StoredEvent": ".store", "EventFilter": ".store",
}

__all__ = [
    "extract", "Extractor", "build_gazetteer", "read_inputs", "Report",
    "Store", "StoreError", "StoredEvent", "EventFilter",
    "Actor", "Article", "Event", "Evidence", "Extraction", "Place", "Statement", "Tally",
    "Failure", "ConflictwireError", "InputError", "ExtractionError", "ModelError", "KnowledgeError", "GazetteerError",
    "GeonamesImportError", "AcledError",
    "__version__",
]


def __getattr__(name: str) -> Any:
    if name not in _LAZY:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(_LAZY[name], __name__), name)
    globals()[name] = value  # asked once, then found like any other name
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY})
