"""Cross-article merging: the same fact reported by several articles is one record.

Events merge when they have the same type and actors (the merge key) and
compatible dates and places; claims merge on their normalised proposition.
"""

from __future__ import annotations

import calendar
import hashlib
from datetime import date, timedelta
from functools import lru_cache

from pactwatch.merge import bodies_compatible, union_evidence
from pactwatch.merge import merge_pair as merge_event_pair
from pactwatch.records import Claim, ClaimantEntry, DateValue, Event, Ratification, Treaty

PUBLISHED_WINDOW = timedelta(days=7)


def _digest(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:32]


def _actors_part(actors) -> str:
    return ";".join(sorted(f"{a.country}/{a.sector}/{a.person or ''}" for a in actors))


def event_merge_key(event: Event) -> str:
    return _digest(event.type, _actors_part(event.source), _actors_part(event.target))


def claim_merge_key(claim: Claim) -> str:
    return _digest(" ".join(claim.proposition.lower().split()))


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


def places_compatible(a: Event, b: Event) -> bool:
    if a.location is None or b.location is None:
        return True
    return (a.location.name, a.location.country) == (b.location.name, b.location.country)


def events_compatible(a: Event, b: Event) -> bool:
    """Compatible dates and places, and no two different bodies of one country and sector (the
    institutions of the packaged actor data)."""
    return (dates_compatible(a.date, b.date) and places_compatible(a, b)
            and bodies_compatible(a, b, _bodies()))


@lru_cache(maxsize=1)
def _bodies() -> frozenset[tuple[str, str]]:
    from pactwatch.actors.data import load_actor_data

    return load_actor_data().institution_names()


def merge_events(kept: Event, new: Event) -> Event:
    """``new`` folded into ``kept``; the stored id stays."""
    merged = merge_event_pair(kept, new)
    return merged.model_copy(update={"id": kept.id, "status": _stronger_status(kept, new)})


_STATUS_RANK = {"asserted": 5, "reported": 4, "denied": 3, "planned": 2, "hypothetical": 1, "negated": 0}


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


def merge_claims(kept: Claim, new: Claim) -> Claim:
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


def merge_treaties(kept: Treaty, new: Treaty) -> Treaty:
    """A news mention folded into a stored treaty: the stored coding stays, news adds to it."""
    return kept.model_copy(update={
        "signed": kept.signed or new.signed,
        "signatories": list(dict.fromkeys([*kept.signatories, *new.signatories])),
        "obligations": kept.obligations or new.obligations,
        "ratification": _merge_steps(kept.ratification, new.ratification),
        "evidence": union_evidence(kept.evidence, new.evidence),
    })
