"""The store: open (and migrate) a database, write outcomes, query records.

A :class:`Store` is storage only: the schema, named migrations, the writer and the queries of
events, claims and articles.  The services layer builds on it (:class:`pactwatch.db.Database`,
what ``pactwatch.open`` returns): ingest, treaty queries and alliance reasoning.  The store is
handed the run's :class:`~pactwatch.resources.Resources` (the named bodies cross-article merging
must not conflate, the current-treaties file it is seeded with) and the treaty registry it
writes treaties through.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date
from pathlib import Path

import sqlalchemy as sa
from alembic import command
from alembic.config import Config as AlembicConfig
from sqlalchemy.engine import Connection, Engine

from pactwatch.config import DEFAULT_DB
from pactwatch.context import Outcome
from pactwatch.errors import PactwatchError
from pactwatch.records import Claim, Event
from pactwatch.resources import Resources
from pactwatch.store import schema as t
from pactwatch.store.results import Records
from pactwatch.store.seed import seed_current_treaties
from pactwatch.store.treaty_rows import TreatyRows
from pactwatch.store.writer import write_outcome

log = logging.getLogger(__name__)
MIGRATIONS = Path(__file__).parent / "migrations"


def normalise_url(url: str | None) -> str:
    """``pactwatch.db`` or ``sqlite:///x.db`` or ``postgresql://…`` → a SQLAlchemy URL."""
    url = url or DEFAULT_DB
    if url.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    if url.startswith(("sqlite:", "postgresql+")):
        return url
    if "://" in url:
        raise PactwatchError("PW031", url=url)
    return f"sqlite:///{url}"


def create_engine(url: str) -> Engine:
    engine = sa.create_engine(url, future=True)
    if engine.dialect.name == "sqlite":
        sa.event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def _sqlite_pragmas(dbapi_conn, _record) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.close()


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest named migration."""
    cfg = AlembicConfig()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")


class Store:
    """One pactwatch store (SQLite file or PostgreSQL database), migrated and seeded on open."""

    def __init__(self, url: str | None, resources: Resources, treaties: TreatyRows):
        self.url = normalise_url(url)
        self.resources = resources
        self.treaties = treaties
        try:
            self.engine = create_engine(self.url)
            migrate(self.engine)
            with self.engine.begin() as conn:
                seed_current_treaties(conn, resources, treaties)
        except sa.exc.SQLAlchemyError as exc:
            raise PactwatchError("PW030", url=url, detail=str(getattr(exc, "orig", None) or exc)) from exc

    def close(self) -> None:
        self.engine.dispose()

    @contextmanager
    def transaction(self) -> Iterator[Connection]:
        with self.engine.begin() as conn:
            yield conn

    # -- writing ---------------------------------------------------------
    def has_article(self, article_id: str) -> bool:
        query = sa.select(t.articles.c.status).where(t.articles.c.id == article_id)
        with self.engine.connect() as conn:
            return conn.execute(query).scalar() == "stored"

    def store(self, outcome: Outcome, origin: str | None = None) -> str:
        """Store one article's outcome in one transaction: 'stored', 'skipped' or 'failed'."""
        if self.has_article(outcome.article.id):
            return "skipped"
        with self.transaction() as conn:
            return self.write(conn, outcome, origin)

    def write(self, conn: Connection, outcome: Outcome, origin: str | None = None) -> str:
        """Write one outcome in the caller's transaction ('stored' or 'failed')."""
        return write_outcome(conn, outcome, origin, self.resources.bodies, self.treaties)

    # -- reading ---------------------------------------------------------
    def articles(self, status: str | None = None) -> Records:
        query = sa.select(t.articles).order_by(t.articles.c.ingested_at)
        if status:
            query = query.where(t.articles.c.status == status)
        with self.engine.connect() as conn:
            rows = conn.execute(query).mappings().all()
        return Records(_article_row(r) for r in rows)

    def events(self, actor: str | None = None, type: str | None = None,
               since: date | None = None, until: date | None = None,
               status: str | None = None, min_confidence: float | None = None) -> Records:
        table = t.events
        query = sa.select(table.c.data).order_by(table.c.date_value, table.c.id)
        if min_confidence:
            query = query.where(table.c.confidence >= min_confidence)
        if type:
            query = query.where(table.c.type == type.upper())
        if status:
            query = query.where(table.c.status == status)
        if since:
            query = query.where(table.c.date_value >= since)
        if until:
            query = query.where(table.c.date_value <= until)
        if actor:
            query = query.where(table.c.id.in_(_records_with_actor("event", actor)))
        return self._records(query, Event)

    def claims(self, actor: str | None = None, disputed: bool = False,
               about: str | None = None, status: str | None = None) -> Records:
        table = t.claims
        query = sa.select(table.c.data).order_by(table.c.id)
        if disputed:
            status = "disputed"
        if status:
            query = query.where(table.c.status == status)
        if actor:
            query = query.where(table.c.id.in_(_records_with_actor("claim", actor)))
        records = self._records(query, Claim)
        return Records(c for c in records if about in c.about) if about else records

    def _records(self, query, model) -> Records:
        with self.engine.connect() as conn:
            return Records(model.model_validate(row[0]) for row in conn.execute(query))

    def counts(self) -> dict[str, int]:
        tables = {"articles": t.articles, "events": t.events, "claims": t.claims,
                  "evidence": t.evidence}
        with self.engine.connect() as conn:
            return {name: conn.execute(sa.select(sa.func.count()).select_from(tbl)).scalar()
                    for name, tbl in tables.items()}


def _records_with_actor(kind: str, actor: str):
    ra = t.record_actors
    needle = actor.strip()
    match = sa.or_(ra.c.country == needle.upper(), sa.func.lower(ra.c.name) == needle.lower(),
                   sa.func.lower(ra.c.person) == needle.lower())
    return sa.select(ra.c.record_id).where(ra.c.record_kind == kind, match)


def _article_row(row) -> dict:
    data = dict(row)
    data["ingested_at"] = data["ingested_at"].replace(tzinfo=UTC).isoformat()
    return data
