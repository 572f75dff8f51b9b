"""Typed records: the interchange schema of DESIGN.md.

Field names are the JSON keys of ``pactwatch extract --format json`` and of
exports; they are a contract.  Add fields, never rename.  Every record is an
immutable pydantic model; ``to_json()``/``from_json()`` round-trip exactly.
"""

from __future__ import annotations

import hashlib
import unicodedata
from datetime import date
from typing import Literal, Self

from pydantic import BaseModel, ConfigDict, Field

Precision = Literal["day", "month", "year", "published"]
EventStatus = Literal["asserted", "reported", "denied", "planned", "negated", "hypothetical"]
Stance = Literal["assert", "deny", "concern", "support", "request"]
ClaimStatus = Literal["uncontested", "disputed"]
ObligationType = Literal["defense", "offense", "neutrality", "nonaggression", "consultation"]
RatificationStage = Literal[
    "signed", "lower_house", "upper_house", "head_of_state", "exchange", "in_force"
]
PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)


class Record(BaseModel):
    """Base of every record: frozen, JSON round-trip, unknown keys rejected."""

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)

    def to_dict(self) -> dict:
        return self.model_dump(mode="json", by_alias=True)

    def to_json(self, **kwargs) -> str:
        return self.model_dump_json(by_alias=True, **kwargs)

    @classmethod
    def from_json(cls, data: str | bytes) -> Self:
        return cls.model_validate_json(data)


def normalise_text(text: str) -> str:
    """The text an article id is computed from: NFC, unified newlines, stripped."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    return text.strip()


def content_hash(text: str) -> str:
    return hashlib.sha256(normalise_text(text).encode("utf-8")).hexdigest()


class Article(Record):
    id: str
    url: str | None = None
    title: str | None = None
    source: str | None = None
    published: date | None = None
    language: str = "en"
    text: str
    external_id: str | None = None  # the id a JSON Lines or feed source gave it

    @classmethod
    def from_text(cls, text: str, **meta) -> Article:
        """Build an article; its id is the sha256 of the normalised text."""
        clean = normalise_text(text)
        return cls(id=content_hash(clean), text=clean, **meta)


class Span(Record):
    """A character span of the article text."""

    start: int
    end: int
    text: str


class Evidence(Record):
    article_id: str
    sentence: int
    start: int
    end: int
    text: str


class Actor(Record):
    name: str
    text: str
    country: str | None = None
    sector: str | None = None
    person: str | None = None
    start: int | None = None
    end: int | None = None

    def key(self) -> tuple:
        """Identity for merging: who, not where it was written."""
        return (self.country, self.sector, self.person, self.name)


class Admin1(Record):
    name: str
    code: str | None = None


class Place(Record):
    name: str
    country: str | None = None
    admin1: Admin1 | None = None
    lat: float | None = None
    lon: float | None = None
    start: int | None = None
    end: int | None = None


class DateValue(Record):
    value: date
    precision: Precision


class Quantity(Record):
    value: float
    unit: str
    lower_bound: bool = False


class Event(Record):
    id: str
    type: str
    mode: str | None = None
    context: list[str] = Field(default_factory=list)
    source: list[Actor] = Field(default_factory=list)
    target: list[Actor] = Field(default_factory=list)
    date: DateValue | None = None
    location: Place | None = None
    quantity: Quantity | None = None
    status: EventStatus = "asserted"
    attributed_to: list[Actor] = Field(default_factory=list)
    denied_by: list[Actor] = Field(default_factory=list)
    cameo: str | None = None
    confidence: float = 0.5
    trigger: str | None = None
    num_articles: int = 1  # as GDELT's NumArticles: articles that report it
    num_sources: int = 1  # as GDELT's NumSources: distinct outlets among them
    claims: list[str] = Field(default_factory=list)  # ids of the claims that state this event
    evidence: list[Evidence] = Field(default_factory=list)


class ClaimantEntry(Record):
    actor: Actor | None = None
    article_id: str | None = None  # the article the spans index (set by the store)
    stance: Stance
    source: Span | None = None
    cue: Span
    content: Span | None = None


class Claim(Record):
    id: str
    proposition: str
    claimants: list[ClaimantEntry] = Field(default_factory=list)
    about: list[str] = Field(default_factory=list)
    # Countries (ISO3 or group codes) of the actors named inside the contents: what the
    # proposition is about, so "deploy troop" by PRK and by USA stay two claims in the store.
    subjects: list[str] = Field(default_factory=list)
    status: ClaimStatus = "uncontested"
    num_articles: int = 1
    evidence: list[Evidence] = Field(default_factory=list)


class Obligation(Record):
    type: ObligationType
    from_: str = Field(alias="from")
    to: str
    conditions: list[str] = Field(default_factory=list)


class Ratification(Record):
    party: str
    stage: RatificationStage
    body: str | None = None
    date: DateValue | None = None
    evidence: list[Evidence] = Field(default_factory=list)


class Treaty(Record):
    id: str
    name: str
    parties: list[str] = Field(default_factory=list)
    signed: DateValue | None = None
    signatories: list[str] = Field(default_factory=list)
    obligations: list[Obligation] = Field(default_factory=list)
    ratification: list[Ratification] = Field(default_factory=list)
    status: str | None = None
    atop_id: int | None = None
    evidence: list[Evidence] = Field(default_factory=list)


class Extraction(Record):
    """What ``pactwatch extract`` prints: one article and what was found in it."""

    article: Article
    events: list[Event] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)
    treaties: list[Treaty] = Field(default_factory=list)

    def above(self, min_confidence: float) -> Extraction:
        """Only the events of at least ``min_confidence``; each claim's ``about`` keeps the ids
        of the events still listed, so it never points at an event the extraction leaves out."""
        if min_confidence <= 0:
            return self
        events = [e for e in self.events if e.confidence >= min_confidence]
        kept = {e.id for e in events}
        claims = [c.model_copy(update={"about": [i for i in c.about if i in kept]}) for c in self.claims]
        return self.model_copy(update={"events": events, "claims": claims})
