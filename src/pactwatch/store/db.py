"""The Python API over the store: open a database, ingest, query.

Every CLI command opens a :class:`Database` and calls one method.  Ingest is
idempotent by content hash and one transaction per article.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime
from pathlib import Path

import sqlalchemy as sa
from alembic import command
from alembic.config import Config as AlembicConfig
from sqlalchemy.engine import Connection, Engine

from pactwatch.config import DEFAULT_DB
from pactwatch.context import Outcome
from pactwatch.errors import PactwatchError
from pactwatch.records import Claim, Event
from pactwatch.store import schema as t
from pactwatch.store.results import Records
from pactwatch.store.seed import seed_current_treaties
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


class Database:
    """One pactwatch store (SQLite file or PostgreSQL database)."""

    def __init__(self, url: str | None = None):
        self.url = normalise_url(url)
        try:
            self.engine = create_engine(self.url)
            migrate(self.engine)
            with self.engine.begin() as conn:
                seed_current_treaties(conn)
        except sa.exc.SQLAlchemyError as exc:
            raise PactwatchError("PW030", url=url, detail=str(getattr(exc, "orig", None) or exc)) from exc

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

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
            return write_outcome(conn, outcome, origin)

    def ingest(self, paths, meta=None, config=None, progress=None):
        """Read, extract and store everything under ``paths`` (see :func:`pactwatch.ingest.ingest`)."""
        from pactwatch.ingest import ingest
        from pactwatch.readers import Meta

        return ingest(self, paths, meta=meta or Meta(), config=config, progress=progress)

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
               status: str | None = None) -> Records:
        table = t.events
        query = sa.select(table.c.data).order_by(table.c.date_value, table.c.id)
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

    def treaties(self, actor: str | None = None, since: date | None = None,
                 until: date | None = None, status: str | None = None,
                 source: str | None = None) -> Records:
        """Stored treaties (ATOP, the current-treaties file, news), filtered by party and date."""
        from pactwatch.alliances.repository import treaty_records

        tr = t.treaties
        query = sa.select(tr).order_by(tr.c.signed, tr.c.id)
        if actor:
            members = t.treaty_members
            query = query.where(tr.c.id.in_(
                sa.select(members.c.treaty_id).where(members.c.iso3 == actor.strip().upper())))
        for column, value, op in ((tr.c.signed, since, "__ge__"), (tr.c.signed, until, "__le__"),
                                  (tr.c.status, status, "__eq__"), (tr.c.source, source, "__eq__")):
            if value is not None:
                query = query.where(getattr(column, op)(value))
        with self.engine.connect() as conn:
            return Records(treaty_records(conn, conn.execute(query)))

    def defenders(self, of: str, on: date):
        """The states obligated to defend ``of`` on ``on``, each with its proof."""
        from pactwatch.alliances.reasoner import defenders_of
        from pactwatch.alliances.reference import load_alliance_data

        with self.engine.connect() as conn:
            return defenders_of(conn, load_alliance_data(), of, on)

    def attack(self, attacker: str, target: str, on: date):
        """Who must defend ``target`` if ``attacker`` attacks it on ``on``, with proofs."""
        from pactwatch.alliances.reasoner import attack
        from pactwatch.alliances.reference import load_alliance_data

        with self.engine.connect() as conn:
            return attack(conn, load_alliance_data(), attacker, target, on)

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


def now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def open(url: str | None = None) -> Database:  # noqa: A001 - the public API name
    """Open (and migrate) a pactwatch store; SQLite ``./pactwatch.db`` by default."""
    return Database(url)
