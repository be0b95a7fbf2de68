"""The event store: reports' records kept in SQLite (by default) or PostgreSQL, the events of
many reports merged into one canonical event each, and the queries over them."""
from .acled import AcledQueryError
from .database import NotFound, StoreError, resolve_url
from .query import EventFilter, EventList, StoredEvent
from .reading import EventDetail, TallyCheck
from .store import IngestResult, Placed, Store

__all__ = ["Store", "StoreError", "EventFilter", "EventList", "StoredEvent", "EventDetail", "TallyCheck",
           "IngestResult", "Placed", "resolve_url", "NotFound", "AcledQueryError"]
