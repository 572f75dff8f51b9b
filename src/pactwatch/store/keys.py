"""Merge keys: the stored records a new record may fold into are those under its key.

Events are keyed by type and actor codes, claims by their normalised proposition; whether two
records under one key are one fact is decided by :mod:`pactwatch.merge`.
"""

from __future__ import annotations

import hashlib

from pactwatch.records import Claim, Event


def _digest(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:32]


def _actors_part(actors) -> str:
    return ";".join(sorted(f"{a.country}/{a.sector}/{a.person or ''}" for a in actors))


def event_merge_key(event: Event) -> str:
    return _digest(event.type, _actors_part(event.source), _actors_part(event.target))


def claim_merge_key(claim: Claim) -> str:
    return _digest(" ".join(claim.proposition.lower().split()))
