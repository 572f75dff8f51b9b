"""The merge stage: one fact, many mentions, within an article.

Events with the same type and source, and compatible targets, dates, places and
quantities (a mention without a target, place or quantity agrees with one that
has it; a country agrees with a place inside it), and naming no two different bodies of one
country and sector (the State Duma and the Federation Council both approving a treaty are two
facts; "Russian lawmakers" agrees with either), merge into one record whose evidence is
the union of the mentions' evidence and whose date, place and quantity are the
most specific the mentions give.  Cross-article merging happens in the store.
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from pactwatch.config import Config
from pactwatch.context import ArticleContext
from pactwatch.records import Event, Evidence, Place, Quantity
from pactwatch.stages import StageSpec

if TYPE_CHECKING:
    from pactwatch.resources import Resources


def actor_keys(actors) -> frozenset:
    """Who the actors are; a mention naming no country, sector or person identifies no one and is
    left out ("in Russia" misread as an argument does not split one fact in two)."""
    return frozenset(k for a in actors if any(k := (a.country, a.sector, a.person)))


def event_key(event: Event) -> tuple:
    """Mentions with equal keys may be the same fact, if their targets, dates, places and
    quantities agree."""
    return (event.type, actor_keys(event.source))


Bodies = frozenset[tuple[str, str]]  # (name, ISO3) of the institutions the actor data names


def named_bodies(actors, bodies: Bodies) -> dict[tuple, set[str]]:
    """Per (country, sector): the named institutions among ``actors`` (no people, no countries)."""
    out: dict[tuple, set[str]] = defaultdict(set)
    for a in actors:
        if a.person is None and (a.name, a.country) in bodies:
            out[(a.country, a.sector)].add(a.name)
    return out


def bodies_compatible(a: Event, b: Event, bodies: Bodies) -> bool:
    """No country and sector for which the two mentions name only different bodies."""
    for side in ("source", "target"):
        na, nb = named_bodies(getattr(a, side), bodies), named_bodies(getattr(b, side), bodies)
        if any(na[k].isdisjoint(nb[k]) for k in na.keys() & nb.keys()):
            return False
    return True


def targets_compatible(a: Event, b: Event) -> bool:
    """The same targets, or one mention names none ("the deployment" and "troops deployed in Syria")."""
    ka, kb = actor_keys(a.target), actor_keys(b.target)
    return ka == kb or not ka or not kb


def places_compatible(a: Place | None, b: Place | None) -> bool:
    """No place, the same place, or a country and a place inside it ("Russia", "Kursk Oblast")."""
    if a is None or b is None or (a.name, a.country) == (b.name, b.country):
        return True
    return a.country == b.country and a.country is not None and (_country_level(a) or _country_level(b))


def _country_level(place: Place) -> bool:
    return place.admin1 is None and place.lat is None


def more_specific(a: Place | None, b: Place | None) -> Place | None:
    if a is None or b is None:
        return a or b
    return b if _country_level(a) and not _country_level(b) else a


def quantities_compatible(a: Quantity | None, b: Quantity | None) -> bool:
    return a is None or b is None or (a.value, a.unit) == (b.value, b.unit)


# what happened (said, reported or denied), what may happen, and what did not: never one fact
_STATUS_FAMILY = {"asserted": "realis", "reported": "realis", "denied": "realis",
                  "planned": "irrealis", "hypothetical": "irrealis", "negated": "negated"}


def mentions_compatible(a: Event, b: Event, bodies: Bodies = frozenset()) -> bool:
    from pactwatch.store.merging import dates_compatible

    return (_STATUS_FAMILY[a.status] == _STATUS_FAMILY[b.status] and targets_compatible(a, b)
            and bodies_compatible(a, b, bodies)
            and dates_compatible(a.date, b.date) and places_compatible(a.location, b.location)
            and quantities_compatible(a.quantity, b.quantity))


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
        "location": more_specific(keep.location, other.location),
        "quantity": keep.quantity or other.quantity,
        "target": other.target if actor_keys(other.target) and not actor_keys(keep.target) else keep.target,
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


def merge_with_ids(events, bodies: Bodies = frozenset()) -> tuple[list[Event], dict[str, str]]:
    """The merged events, and the id each folded mention now goes by (its record's id).
    ``bodies``: the institutions that two mentions must not disagree on (see the module doc)."""
    merged: dict[tuple, list[Event]] = {}
    renamed: dict[str, str] = {}
    for event in events:
        group = merged.setdefault(event_key(event), [])
        i = next((i for i, kept in enumerate(group) if mentions_compatible(kept, event, bodies)), None)
        if i is None:
            group.append(event)
        else:
            group[i] = merge_pair(group[i], event)
            renamed[event.id] = group[i].id
    return [event for group in merged.values() for event in group], renamed


def merge_events(events, bodies: Bodies = frozenset()) -> list[Event]:
    """Mentions with the same key and compatible dates, places and quantities become one event."""
    return merge_with_ids(events, bodies)[0]


def make_merge(config: Config, resources: Resources):
    bodies = resources.bodies

    def run(ctx: ArticleContext) -> ArticleContext:
        events, renamed = merge_with_ids(ctx.events, bodies)
        claims = tuple(c.model_copy(update={"about": sorted({renamed.get(i, i) for i in c.about})})
                       for c in ctx.claims)  # a claim about a folded mention is about its record
        return ctx.with_(events=tuple(events), claims=claims)

    return run


STAGE = StageSpec(
    name="pactwatch.merge.v1",
    reads=("events",),
    writes=("events", "claims"),
    factory=make_merge,
    doc="Merge repeated mentions of one event within an article into one record.",
)
