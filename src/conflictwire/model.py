"""The typed records that pass between stages, and that `conflictwire extract` writes.

Field names and meanings follow the record contract (SCHEMA.md in the project's shared notes): an
``article``, its ``event`` records, ``statement`` records and ``tally`` records, every field read
from text backed by an ``Evidence`` span into ``Article.text``.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from typing import Literal, Optional

from pydantic import BaseModel, Field

from .vocab import ActorKind, DatePrecision, EventType, Qualifier, StatementType, SubEventType



def stable_id(*parts: str) -> str:
    """A content hash (never Python's salted ``hash()``), so the same input gives the same id."""
    digest = hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()
    return digest[:16]


# A line break inside a sentence (hard-wrapped text: the line does not end a sentence, the next
# goes on in lower case) is a space; line breaks between sentences and paragraphs stay.
WRAPPED = re.compile(r"(?<=[^\s.!?:;»\"”])\n(?=[a-zà-öø-ÿ(])")


def normalise_text(text: str) -> str:
    """The text every offset points into: NFC, Unix newlines, no trailing blanks, hard-wrapped
    lines joined."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = "\n".join(line.rstrip() for line in text.split("\n")).strip("\n")
    return WRAPPED.sub(" ", text)


class Evidence(BaseModel):
    field: str
    start: int
    end: int
    text: str


class Actor(BaseModel):
    name: str
    kind: Optional[ActorKind] = None
    country_code: Optional[str] = None
    text: Optional[str] = None
    role: Optional[str] = None


class Place(BaseModel):
    name: Optional[str] = None
    country: Optional[str] = None
    country_code: Optional[str] = None
    admin1: Optional[str] = None
    admin2: Optional[str] = None
    latitude: Optional[float] = None
    longitude: Optional[float] = None
    geonameid: Optional[int] = None
    geo_precision: Optional[int] = None
    text: Optional[str] = None


class Article(BaseModel):
    kind: Literal["article"] = "article"
    article_id: str
    source_path: Optional[str] = None
    url: Optional[str] = None
    outlet: Optional[str] = None  # who published it (a header line, a feed's field), when known
    title: Optional[str] = None
    published: Optional[str] = None
    language: str
    text: str

    @classmethod
    def create(cls, text: str, language: str, **fields) -> "Article":
        text = normalise_text(text)
        return cls(article_id=stable_id(text), language=language, text=text, **fields)


class Event(BaseModel):
    kind: Literal["event"] = "event"
    event_id: str
    article_ids: list[str]
    event_date: Optional[str] = None
    date_precision: Optional[DatePrecision] = None
    event_type: EventType
    sub_event_type: SubEventType
    plover_type: Optional[str] = None
    actor1: Optional[Actor] = None
    actor2: Optional[Actor] = None
    assoc_actor_1: list[Actor] = Field(default_factory=list)
    assoc_actor_2: list[Actor] = Field(default_factory=list)
    location: Place = Field(default_factory=Place)
    weapon: Optional[str] = None
    fatalities: int = 0
    injuries: Optional[int] = None
    outcome: list[str] = Field(default_factory=list)
    notes: str = ""
    confidence: float = 0.5
    evidence: list[Evidence] = Field(default_factory=list)


class Statement(BaseModel):
    kind: Literal["statement"] = "statement"
    statement_id: str
    article_id: str
    statement_type: StatementType
    speaker: Actor
    target: Optional[Actor] = None
    quote: Optional[str] = None
    event_date: Optional[str] = None
    evidence: list[Evidence] = Field(default_factory=list)


class Tally(BaseModel):
    kind: Literal["tally"] = "tally"
    tally_id: str
    article_id: str
    quantity: str
    value: int
    qualifier: Qualifier = Qualifier.EXACTLY
    since: Optional[str] = None
    until: Optional[str] = None
    countries: list[str] = Field(default_factory=list)
    region: Optional[str] = None
    subject: Optional[str] = None
    attributed_to: Optional[str] = None
    evidence: list[Evidence] = Field(default_factory=list)


class Extraction(BaseModel):
    """Everything read from one article."""
    article: Article
    events: list[Event] = Field(default_factory=list)
    statements: list[Statement] = Field(default_factory=list)
    tallies: list[Tally] = Field(default_factory=list)

    def records(self) -> list[BaseModel]:
        return [self.article, *self.events, *self.statements, *self.tallies]
