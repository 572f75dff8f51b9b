"""Immutable run configuration, passed in explicitly (no global state)."""

from __future__ import annotations

from dataclasses import dataclass, field

DEFAULT_DB = "sqlite:///pactwatch.db"
DEFAULT_STAGES = (
    "pactwatch.parse.v1",
    "pactwatch.actors.v1",
    "pactwatch.time.v1",
    "pactwatch.places.v1",
    "pactwatch.events.v1",
    "pactwatch.claims.v1",
    "pactwatch.treaties.v1",
    "pactwatch.merge.v1",
)


@dataclass(frozen=True)
class Config:
    db: str = DEFAULT_DB
    stages: tuple[str, ...] = DEFAULT_STAGES
    max_bytes: int = 5_000_000
    processes: int = 1
    batch_size: int = 16
    model: str | None = None
    # Compared (two configs with other data files are two pipelines) but not hashed (a dict).
    extra: dict = field(default_factory=dict, hash=False, compare=True)
