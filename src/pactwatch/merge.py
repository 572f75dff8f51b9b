"""Merging: one fact, many mentions, within an article (the merge stage) and across articles.

Within an article, events with the same type and source, and compatible targets, dates, places
and quantities (a mention without a target, place or quantity agrees with one that has it; a
country agrees with a place inside it), and naming no two different bodies of one country and
sector (the State Duma and the Federation Council both approving a treaty are two facts;
"Russian lawmakers" agrees with either), merge into one record whose evidence is the union of
the mentions' evidence and whose date, place and quantity are the most specific the mentions
give.

Across articles (the store folds a new article's records into the stored ones with the rules
at the end of this module), events merge on type and actors with compatible dates, the same
place and no two different bodies; claims merge on their proposition when they are about a
common event or name a common actor; a treaty from the news is folded into its stored record.
The named bodies are those of the run's actor data (``Resources.bodies``), passed in.
"""

from __future__ import annotations

import calendar
from collections import defaultdict
from datetime import date, timedelta
from typing import TYPE_CHECKING

from pactwatch.config import Config
from pactwatch.context import ArticleContext
from pactwatch.records import (
    Claim,
    ClaimantEntry,
    DateValue,
    Event,
    Evidence,
    Place,
    Quantity,
    Ratification,
    Treaty,
)
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


def places_compatible(a: Place | None, b: Place | None, nested: bool = True) -> bool:
    """No place, the same place, or (``nested``: mentions within one article) a country and a
    place inside it ("Russia", "Kursk Oblast").  Across articles the places must be the same."""
    if a is None or b is None or (a.name, a.country) == (b.name, b.country):
        return True
    return (nested and a.country == b.country and a.country is not None
            and (_country_level(a) or _country_level(b)))


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


PUBLISHED_WINDOW = timedelta(days=7)


def date_interval(value: DateValue | None) -> tuple[date, date] | None:
    """The days a date may stand for, by its precision."""
    if value is None:
        return None
    d = value.value
    if value.precision == "day":
        return d, d
    if value.precision == "month":
        return d.replace(day=1), d.replace(day=calendar.monthrange(d.year, d.month)[1])
    if value.precision == "year":
        return date(d.year, 1, 1), date(d.year, 12, 31)
    return d - PUBLISHED_WINDOW, d  # publication date: happened shortly before


def dates_compatible(a: DateValue | None, b: DateValue | None) -> bool:
    ia, ib = date_interval(a), date_interval(b)
    if ia is None or ib is None:
        return True
    return ia[0] <= ib[1] + timedelta(days=1) and ib[0] <= ia[1] + timedelta(days=1)


def mentions_compatible(a: Event, b: Event, bodies: Bodies = frozenset()) -> bool:
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
        "claims": sorted(set(keep.claims) | set(other.claims)),
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


# -- across articles: a new article's records folded into the stored ones -------------------

def events_compatible(a: Event, b: Event, bodies: Bodies) -> bool:
    """A stored event and a new one with the same type and actors are one fact: compatible
    dates, the same place (or none), and no two different named bodies (``bodies``: the
    institutions of the run's actor data)."""
    return (dates_compatible(a.date, b.date)
            and places_compatible(a.location, b.location, nested=False)
            and bodies_compatible(a, b, bodies))


_STATUS_RANK = {"asserted": 5, "reported": 4, "denied": 3, "planned": 2, "hypothetical": 1, "negated": 0}


def fold_event(kept: Event, new: Event) -> Event:
    """``new`` folded into the stored ``kept``; the stored id stays."""
    merged = merge_pair(kept, new)
    return merged.model_copy(update={"id": kept.id, "status": _stronger_status(kept, new)})


def _stronger_status(a: Event, b: Event) -> str:
    return a.status if _STATUS_RANK[a.status] >= _STATUS_RANK[b.status] else b.status


def claim_status(claimants: list[ClaimantEntry]) -> str:
    stances = {c.stance for c in claimants}
    return "disputed" if "deny" in stances and stances & {"assert", "concern"} else "uncontested"


def _claimant_key(c: ClaimantEntry) -> tuple:
    actor = c.actor.key() if c.actor else None
    return (actor, c.stance, c.article_id, c.cue.start, c.cue.end)


def claims_compatible(old: Claim, new: Claim) -> bool:
    """Two claims with one proposition key are one claim when they are about a common
    stored event, or name a common actor in their contents ("deploy troop" said of PRK
    and of USA stay apart).  Claims naming nobody and linked to no event never merge."""
    if set(old.about) & set(new.about):
        return True
    return bool(set(old.subjects) & set(new.subjects))


def fold_claim(kept: Claim, new: Claim) -> Claim:
    """``new`` folded into the stored ``kept``: claimants, events, subjects and evidence united."""
    claimants = {_claimant_key(c): c for c in kept.claimants}
    for c in new.claimants:
        claimants.setdefault(_claimant_key(c), c)
    merged = list(claimants.values())
    return kept.model_copy(update={
        "claimants": merged,
        "about": sorted(set(kept.about) | set(new.about)),
        "subjects": sorted(set(kept.subjects) | set(new.subjects)),
        "status": claim_status(merged),
        "evidence": union_evidence(kept.evidence, new.evidence),
    })


def _merge_steps(kept: list[Ratification], new: list[Ratification]) -> list[Ratification]:
    """Ratification steps united by (party, stage); a dated step wins, evidence is united."""
    steps = {(r.party, r.stage): r for r in kept}
    for r in new:
        old = steps.get((r.party, r.stage))
        if old is None:
            steps[(r.party, r.stage)] = r
            continue
        steps[(r.party, r.stage)] = old.model_copy(update={
            "date": old.date or r.date, "body": old.body or r.body,
            "evidence": union_evidence(old.evidence, r.evidence)})
    return list(steps.values())


def fold_treaty(kept: Treaty, new: Treaty) -> Treaty:
    """A news mention folded into a stored treaty: the stored coding stays, news adds to it."""
    return kept.model_copy(update={
        "signed": kept.signed or new.signed,
        "signatories": list(dict.fromkeys([*kept.signatories, *new.signatories])),
        "obligations": kept.obligations or new.obligations,
        "ratification": _merge_steps(kept.ratification, new.ratification),
        "evidence": union_evidence(kept.evidence, new.evidence),
    })


STAGE = StageSpec(
    name="pactwatch.merge.v1",
    reads=("events",),
    writes=("events", "claims"),
    factory=make_merge,
    doc="Merge repeated mentions of one event within an article into one record.",
)
