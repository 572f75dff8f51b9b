"""pactwatch: a living, sourced database of security events, claims and treaties."""

from pactwatch.api import extract, find_actors
from pactwatch.config import Config
from pactwatch.errors import PactwatchError
from pactwatch.records import (
    Actor,
    Article,
    Claim,
    Event,
    Evidence,
    Extraction,
    Obligation,
    Place,
    Ratification,
    Treaty,
)
from pactwatch.store.db import (
    Database,
    open,  # noqa: A004 - pactwatch.open(db) is the public API
)

__version__ = "0.1.0"


__all__ = [
    "Actor", "Article", "Claim", "Config", "Database", "Event", "Evidence", "Extraction",
    "Obligation", "PactwatchError", "Place", "Ratification", "Treaty", "extract", "find_actors",
    "open",
]
