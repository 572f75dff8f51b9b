"""The Python API over a store: open a database, ingest, query, ask about alliances.

:class:`Database` (what ``pactwatch.open`` returns) composes the layers below it: the storage
(:class:`pactwatch.store.db.Store`: schema, migrations, writer, queries), ingest (read, run the
pipeline, store) and the alliance registry and reasoning.  Every CLI command opens a
:class:`Database` and calls one method.  Ingest is idempotent by content hash and one
transaction per article.

A database is opened with a :class:`~pactwatch.config.Config` and the
:class:`~pactwatch.resources.Resources` loaded for it: ``pactwatch.open`` hands in the front
door's shared copy; given none, the database builds its own once (``Resources.build(config)``).
Cross-article merging, the current-treaties seed and ingest all use these resources.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import date
from functools import cached_property
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from pactwatch.alliances import repository
from pactwatch.alliances.reference import AllianceData, load_alliance_data
from pactwatch.config import Config
from pactwatch.context import Outcome
from pactwatch.ingest import IngestReport, ingest
from pactwatch.pipeline import Pipeline
from pactwatch.readers import Meta
from pactwatch.records import Treaty
from pactwatch.resources import Resources
from pactwatch.store import schema as registry
from pactwatch.store.db import Store
from pactwatch.store.results import Records
from pactwatch.store.treaty_rows import StoredTreaty


class RegistryTreaties:
    """The store's treaty rows, read and written by the alliance registry (with its reference
    data, loaded on first use)."""

    @cached_property
    def ref(self) -> AllianceData:
        return load_alliance_data()

    def find(self, conn: Connection, treaty_id: str) -> StoredTreaty | None:
        tr = registry.treaties
        row = conn.execute(sa.select(tr.c.data, tr.c.source, tr.c.origin)
                           .where(tr.c.id == treaty_id)).first()
        return StoredTreaty(row.data, row.source, row.origin) if row else None

    def of_source(self, conn: Connection, source: str) -> dict[str, Treaty]:
        tr = registry.treaties
        query = sa.select(tr.c.data).where(tr.c.source == source)
        return {row.data["id"]: Treaty.model_validate(row.data) for row in conn.execute(query)}

    def delete_source(self, conn: Connection, source: str) -> None:
        repository.delete_source(conn, source)

    def save(self, conn: Connection, treaty: Treaty, origin: str, source: str) -> None:
        repository.save_treaty(conn, self.ref, treaty, origin=origin, source=source)


class Database:
    """One pactwatch store (SQLite file or PostgreSQL database), opened for one config."""

    def __init__(self, url: str | None = None, config: Config | None = None,
                 resources: Resources | None = None):
        config = config or (resources.config if resources else Config())
        self.config = config.replace(db=url) if url else config
        self.resources = resources or Resources.build(self.config)
        self.registry = RegistryTreaties()
        self.storage = Store(self.config.db, self.resources, self.registry)

    @property
    def url(self) -> str:
        return self.storage.url

    @property
    def engine(self) -> Engine:
        return self.storage.engine

    def close(self) -> None:
        self.storage.close()

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[Connection]:
        with self.storage.transaction() as conn:
            yield conn

    @contextmanager
    def connect(self) -> Iterator[Connection]:
        """A read connection."""
        with self.engine.connect() as conn:
            yield conn

    # -- writing ---------------------------------------------------------
    def has_article(self, article_id: str) -> bool:
        return self.storage.has_article(article_id)

    def store(self, outcome: Outcome, origin: str | None = None) -> str:
        """Store one article's outcome in one transaction: 'stored', 'skipped' or 'failed'."""
        return self.storage.store(outcome, origin)

    def ingest(self, paths: Iterable, meta: Meta | None = None, config: Config | None = None,
               progress=None) -> IngestReport:
        """Read, extract and store everything under ``paths`` (see :func:`pactwatch.ingest.ingest`);
        ``config`` (default: the database's) says how the pipeline runs."""
        return ingest(self, self.pipeline(config or self.config), paths, meta or Meta(), progress)

    def pipeline(self, config: Config) -> Pipeline:
        """A pipeline for ``config``, on this database's resources when it names the same data."""
        loaded = self.resources.config
        same = (config.model, config.data) == (loaded.model, loaded.data)
        return Pipeline(config, self.resources if same else Resources.build(config))

    # -- reading ---------------------------------------------------------
    def articles(self, status: str | None = None) -> Records:
        return self.storage.articles(status)

    def events(self, actor: str | None = None, type: str | None = None,
               since: date | None = None, until: date | None = None,
               status: str | None = None, min_confidence: float | None = None) -> Records:
        """Stored events, filtered; ``min_confidence``: only events of at least that confidence
        (claims are not filtered: their ``about`` ids name stored events, listed or not)."""
        return self.storage.events(actor=actor, type=type, since=since, until=until, status=status,
                                   min_confidence=min_confidence)

    def claims(self, actor: str | None = None, disputed: bool = False,
               about: str | None = None, status: str | None = None) -> Records:
        return self.storage.claims(actor=actor, disputed=disputed, about=about, status=status)

    def counts(self) -> dict[str, int]:
        return self.storage.counts()

    def treaties(self, actor: str | None = None, since: date | None = None,
                 until: date | None = None, status: str | None = None,
                 source: str | None = None) -> Records:
        """Stored treaties (ATOP, the current-treaties file, news), filtered by party and date."""
        tr = registry.treaties
        query = sa.select(tr).order_by(tr.c.signed, tr.c.id)
        if actor:
            members = registry.treaty_members
            query = query.where(tr.c.id.in_(
                sa.select(members.c.treaty_id).where(members.c.iso3 == actor.strip().upper())))
        for column, value, op in ((tr.c.signed, since, "__ge__"), (tr.c.signed, until, "__le__"),
                                  (tr.c.status, status, "__eq__"), (tr.c.source, source, "__eq__")):
            if value is not None:
                query = query.where(getattr(column, op)(value))
        with self.connect() as conn:
            return Records(repository.treaty_records(conn, conn.execute(query)))

    # -- alliance reasoning and reference data ---------------------------
    def defenders(self, of: str, on: date):
        """The states obligated to defend ``of`` on ``on``, each with its proof."""
        from pactwatch.alliances.reasoner import defenders_of

        with self.connect() as conn:
            return defenders_of(conn, self.registry.ref, of, on)

    def attack(self, attacker: str, target: str, on: date, depth: int = 3):
        """Who must defend ``target`` if ``attacker`` attacks it on ``on``, with proofs."""
        from pactwatch.alliances.reasoner import attack

        with self.connect() as conn:
            return attack(conn, self.registry.ref, attacker, target, on, depth)

    def network(self, on: date, types: list[str] | None = None):
        """The alliance network on ``on`` (a networkx graph of directed obligations)."""
        from pactwatch.alliances.graph import network

        with self.connect() as conn:
            return network(conn, self.registry.ref, on, types)

    def load_atop(self, directory: Path, obvary_from_ddyr: bool = True):
        """Replace the ATOP registry with the ATOP 5.1 files in ``directory``."""
        from pactwatch.alliances.load import load_atop

        with self.transaction() as conn:
            return load_atop(conn, self.registry.ref, directory, obvary_from_ddyr)

    def load_cow_states(self, directory: Path):
        """Replace the states table with the COW state list in ``directory``."""
        from pactwatch.alliances.load import load_cow_states

        with self.transaction() as conn:
            return load_cow_states(conn, self.registry.ref, directory)

    def compare_ddyr(self, files: list[Path]):
        """The stored obligations against ATOP's directed-dyad-year files."""
        from pactwatch.alliances.oracle import evaluate

        with self.connect() as conn:
            return evaluate(conn, self.registry.ref, files)
