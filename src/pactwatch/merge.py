"""The merge stage: one fact, many mentions, within an article.

Events with the same type, the same actors and compatible dates/places merge
into one record whose evidence is the union of the mentions' evidence; claims
about the same proposition likewise.  Cross-article merging happens in the store.
"""

from __future__ import annotations

from pactwatch.config import Config
from pactwatch.context import ArticleContext
from pactwatch.pipeline import StageSpec
from pactwatch.records import Event, Evidence


def actor_keys(actors) -> frozenset:
    return frozenset((a.country, a.sector, a.person) for a in actors)


def event_key(event: Event) -> tuple:
    """Events with equal keys are the same fact."""
    loc = event.location.name if event.location else None
    qty = event.quantity.value if event.quantity else None
    return (event.type, actor_keys(event.source), actor_keys(event.target), loc, qty)


def union_evidence(*lists: list[Evidence]) -> list[Evidence]:
    seen: dict[tuple, Evidence] = {}
    for items in lists:
        for ev in items:
            seen.setdefault((ev.article_id, ev.start, ev.end), ev)
    return sorted(seen.values(), key=lambda e: (e.article_id, e.start))


def merge_pair(keep: Event, other: Event) -> Event:
    """Fold ``other`` into ``keep``: evidence united, the more precise fields kept."""
    return keep.model_copy(update={
        "evidence": union_evidence(keep.evidence, other.evidence),
        "date": keep.date if _precise(keep.date) >= _precise(other.date) else other.date,
        "location": keep.location or other.location,
        "quantity": keep.quantity or other.quantity,
        "attributed_to": _union_actors(keep.attributed_to, other.attributed_to),
        "denied_by": _union_actors(keep.denied_by, other.denied_by),
        "context": sorted(set(keep.context) | set(other.context)),
        "confidence": max(keep.confidence, other.confidence),
    })


_PRECISION_RANK = {None: 0, "published": 1, "year": 2, "month": 3, "day": 4}


def _precise(date) -> int:
    return _PRECISION_RANK[date.precision if date else None]


def _union_actors(a, b):
    seen = {x.key(): x for x in a}
    for x in b:
        seen.setdefault(x.key(), x)
    return list(seen.values())


def merge_events(events) -> list[Event]:
    """Mentions with the same key and compatible dates become one event."""
    from pactwatch.store.merging import dates_compatible

    merged: dict[tuple, list[Event]] = {}
    for event in events:
        group = merged.setdefault(event_key(event), [])
        i = next((i for i, kept in enumerate(group) if dates_compatible(kept.date, event.date)), None)
        if i is None:
            group.append(event)
        else:
            group[i] = merge_pair(group[i], event)
    return [event for group in merged.values() for event in group]


def make_merge(config: Config):
    def run(ctx: ArticleContext) -> ArticleContext:
        return ctx.with_(events=tuple(merge_events(ctx.events)))

    return run


STAGE = StageSpec(
    name="pactwatch.merge.v1",
    needs=("events",),
    adds=("events",),
    factory=make_merge,
    doc="Merge repeated mentions of one event within an article into one record.",
)
