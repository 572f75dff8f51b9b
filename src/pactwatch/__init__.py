"""pactwatch: a living, sourced database of security events, claims and treaties."""

from pactwatch.api import extract
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


def find_actors(text, published=None):
    """The actors in ``text`` (see :func:`pactwatch.actors.find_actors`)."""
    from pactwatch.actors import find_actors as _find

    return _find(text, published)


__all__ = [
    "Actor", "Article", "Claim", "Config", "Database", "Event", "Evidence", "Extraction",
    "Obligation", "PactwatchError", "Place", "Ratification", "Treaty", "extract", "find_actors",
    "open",
]
