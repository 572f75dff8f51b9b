"""pactwatch: a living, sourced database of security events, claims and treaties."""

from pactwatch.api import (
    extract,
    find_actors,
    open,  # noqa: A004 - pactwatch.open(db) is the public API
)
from pactwatch.config import Config
from pactwatch.db import Database
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

__version__ = "0.1.0"


__all__ = [
    "Actor", "Article", "Claim", "Config", "Database", "Event", "Evidence", "Extraction",
    "Obligation", "PactwatchError", "Place", "Ratification", "Treaty", "extract", "find_actors",
    "open",
]
