"""Standing from stances: a claim's status, and an event's (``reported``, ``denied``, with
``attributed_to`` and ``denied_by``) from the claims about it, except its own source's word."""

from __future__ import annotations

from pactwatch.claims.spans import overlaps
from pactwatch.events.quad import PentaData
from pactwatch.records import Actor, Claim, ClaimantEntry, Event

POSITIVE = frozenset({"assert", "concern", "support"})


def claim_status(entries: list[ClaimantEntry]) -> str:
    """``disputed`` when someone denies what others assert, else ``uncontested``."""
    stances = {e.stance for e in entries}
    return "disputed" if "deny" in stances and stances & POSITIVE else "uncontested"


def _within_contents(event: Event, claims: list[Claim]) -> bool:
    """Every sentence reporting the event is reported speech (the narrator does not vouch)."""
    spans = [(c.content.start, c.content.end) for claim in claims for c in claim.claimants
             if c.content is not None]
    return all(any(overlaps((ev.start, ev.end), s) for s in spans) for ev in event.evidence)


def _actors(claims: list[Claim], stances: frozenset[str]) -> list[Actor]:
    out: dict[tuple, Actor] = {}
    for claim in claims:
        for entry in claim.claimants:
            if entry.stance in stances and entry.actor is not None:
                out.setdefault(entry.actor.key(), entry.actor)
    return list(out.values())


def _others_word(event: Event, claims: list[Claim], penta: PentaData) -> list[Claim]:
    """The claims about a verbal event (a threat, an accusation, a demand: PLOVER's verbal
    quad classes) without its own source's entries: "Iran said it would retaliate" is Iran's
    threat itself, not a report of one; so is the Kremlin saying Moscow would retaliate (one
    country's voice)."""
    if not penta.verbal(event.type):
        return claims
    kept = [c.model_copy(update={"claimants": [e for e in c.claimants if not _is_source(e, event)]})
            for c in claims]
    return [c for c in kept if c.claimants]


def _is_source(entry: ClaimantEntry, event: Event) -> bool:
    """The claimant is the event's source: the same country, or the same words in the text."""
    if entry.actor is None:
        return False
    if entry.actor.country and entry.actor.country in {a.country for a in event.source}:
        return True
    return entry.source is not None and any(
        a.start is not None and a.end is not None and overlaps((a.start, a.end), (entry.source.start, entry.source.end))
        for a in event.source)


def event_standing(event: Event, claims: list[Claim], penta: PentaData) -> Event:
    """``reported`` when someone vouches for it (denials noted in ``denied_by``); ``denied``
    when the only word on it is a denial."""
    mine = _others_word(event, [c for c in claims if event.id in c.about], penta)
    if not mine or event.status not in ("asserted", "reported", "denied"):
        return event
    supporters = _actors(mine, POSITIVE)
    deniers = _actors(mine, frozenset({"deny"}))
    vouched = any(e.stance in POSITIVE for c in mine for e in c.claimants)
    if vouched or not _within_contents(event, mine):
        status = "reported" if vouched else event.status
    else:
        status = "denied" if deniers else event.status
    return event.model_copy(update={"status": status, "attributed_to": supporters,
                                    "denied_by": deniers})
