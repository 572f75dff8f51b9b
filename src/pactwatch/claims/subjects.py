"""What a claim is about, as actors: the countries named inside its contents and those of the
events it is linked to; for a content that names nobody ("their cooperation is lawful"), the
claimants' own countries.  The store merges claims across articles only when these meet, so the
terse proposition "deploy troop" said of North Korea and of the United States stays two claims.
"""

from __future__ import annotations

from collections.abc import Iterable

from pactwatch.context import ArticleContext
from pactwatch.records import ClaimantEntry, Event


def _inside(start: int | None, end: int | None, spans: list[tuple[int, int]]) -> bool:
    return start is not None and end is not None and any(s <= start and end <= e for s, e in spans)


def claim_subjects(ctx: ArticleContext, entries: Iterable[ClaimantEntry],
                   events: Iterable[Event]) -> list[str]:
    """Sorted country codes of the actors named in the entries' contents and in ``events``."""
    spans = [(c.content.start, c.content.end) for c in entries if c.content is not None]
    codes = {a.country for a in ctx.actors if a.country and _inside(a.start, a.end, spans)}
    for event in events:
        codes |= {a.country for a in (*event.source, *event.target) if a.country}
    if not codes:  # "their cooperation is lawful": a content naming nobody speaks of its speakers
        codes = {c.actor.country for c in entries if c.actor is not None and c.actor.country}
    return sorted(codes)
