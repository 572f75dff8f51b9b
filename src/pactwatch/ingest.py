"""Ingest: read inputs, run the pipeline, store each article in its own transaction.

The caller hands in the built :class:`~pactwatch.pipeline.Pipeline` and where to store
(:meth:`pactwatch.db.Database.ingest` does both).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Protocol

from sqlalchemy.exc import SQLAlchemyError

from pactwatch.context import Outcome
from pactwatch.errors import InputError
from pactwatch.pipeline import Pipeline
from pactwatch.readers import Meta, read_paths

log = logging.getLogger(__name__)


@dataclass
class IngestReport:
    stored: int = 0
    skipped: int = 0
    failed: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors

    def count(self, status: str) -> None:
        setattr(self, status, getattr(self, status) + 1)


class Sink(Protocol):
    """Where ingested articles go (a :class:`pactwatch.db.Database`)."""

    def has_article(self, article_id: str) -> bool: ...

    def store(self, outcome: Outcome, origin: str | None = None) -> str: ...


def ingest(db: Sink, pipeline: Pipeline, paths: Iterable, meta: Meta = Meta(),
           progress: Callable[[str], None] | None = None) -> IngestReport:
    """Store every good article under ``paths``; name every bad input in the report.  Input
    files over ``pipeline.config.max_bytes`` are reported and skipped."""
    report = IngestReport()
    origins: dict[str, str] = {}

    def fresh_articles():
        for origin, item in read_paths(paths, meta, pipeline.config.max_bytes):
            if isinstance(item, InputError):
                report.errors.append(str(item))
                log.warning("%s", item)
            elif db.has_article(item.id):
                report.count("skipped")
            else:
                origins.setdefault(item.id, origin)
                yield item

    for outcome in pipeline.run(fresh_articles()):
        origin = origins.get(outcome.article.id)
        status = _store(db, outcome, origin, report)
        if progress:
            progress(status)
    return report


def _store(db: Sink, outcome: Outcome, origin: str | None, report: IngestReport) -> str:
    """Store one outcome; a database error loses only this article (rolled back)."""
    try:
        status = db.store(outcome, origin)
    except SQLAlchemyError as exc:
        log.exception("storing %s failed", origin)
        status = "failed"
        report.errors.append(f"{origin}: not stored: {type(exc).__name__}: {exc.args[0][:200]}")
    else:
        if status == "failed":
            report.errors.append(f"{origin}: extraction failed: {outcome.error}")
    report.count(status)
    return status
