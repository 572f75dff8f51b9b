"""Writing one article's outcome inside the caller's transaction.

The article's records are folded into the stored ones by the rules of :mod:`pactwatch.merge`,
with the named bodies of the run's actor data (``bodies``, from ``Resources.bodies``); its
treaties go to the treaty registry through ``treaties`` (see :mod:`pactwatch.store.treaty_rows`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from pactwatch import merge
from pactwatch.context import Outcome
from pactwatch.merge import Bodies
from pactwatch.records import Article, Claim, Event, Treaty
from pactwatch.store import schema as t
from pactwatch.store.keys import claim_merge_key, event_merge_key
from pactwatch.store.treaty_rows import TreatyRows


def write_outcome(conn: Connection, outcome: Outcome, origin: str | None, bodies: Bodies,
                  treaties: TreatyRows) -> str:
    """Insert the article and fold its records into the store; returns 'stored'/'failed'."""
    _upsert_article(conn, outcome.article, origin, outcome.error)
    if not outcome.ok:
        return "failed"
    ctx = outcome.context
    lock_merge_keys(conn, ctx.events, ctx.claims)
    batch = Batch()
    batch.load(conn, t.events, {event_merge_key(e) for e in ctx.events})
    batch.load(conn, t.claims, {claim_merge_key(c) for c in ctx.claims})
    stored_ids = {event.id: save_event(conn, event, batch, bodies).id for event in ctx.events}
    claim_ids = {claim.id: save_claim(conn, _with_article(claim, ctx.article.id, stored_ids), batch).id
                 for claim in ctx.claims}
    batch.rename_claims(claim_ids)
    batch.flush(conn)
    for treaty in ctx.treaties:
        save_treaty(conn, treaty, origin or ctx.article.id, treaties)
    return "stored"


def _upsert_article(conn: Connection, article: Article, origin: str | None, error: str | None):
    conn.execute(sa.delete(t.articles).where(t.articles.c.id == article.id))
    row = article.model_dump()
    row.update(origin=origin, status="failed" if error else "stored", error=error,
               ingested_at=datetime.now(UTC).replace(tzinfo=None))
    conn.execute(sa.insert(t.articles).values(**row))


def lock_merge_keys(conn: Connection, events, claims) -> None:
    """On PostgreSQL, hold a transaction lock on every merge key this article touches, so two
    writers folding the same fact run one after the other instead of both inserting it.
    Keys are taken in sorted order (no deadlock between two articles).  SQLite needs none:
    the article row is written first, which takes the database's write lock."""
    if conn.dialect.name != "postgresql":
        return
    keys = {event_merge_key(e) for e in events} | {claim_merge_key(c) for c in claims}
    for key in sorted(keys):
        conn.execute(sa.text("SELECT pg_advisory_xact_lock(:k)"), {"k": int(key[:15], 16)})


def _with_article(claim: Claim, article_id: str, stored_ids: dict[str, str]) -> Claim:
    """The claim with its entries' article and its ``about`` pointing at stored event ids
    (an event folded into an earlier article's record keeps that record's id)."""
    claimants = [c if c.article_id else c.model_copy(update={"article_id": article_id})
                 for c in claim.claimants]
    about = sorted({stored_ids.get(i, i) for i in claim.about})
    return claim.model_copy(update={"claimants": claimants, "about": about})


def save_treaty(conn: Connection, treaty: Treaty, origin: str, treaties: TreatyRows) -> None:
    """Store a treaty found in the news, folded into the stored record of the same id."""
    row = treaties.find(conn, treaty.id)
    if row is None or row.source == "atop":  # ATOP rows take news evidence in the registry
        treaties.save(conn, treaty, origin, "news")
        return
    merged = merge.fold_treaty(Treaty.model_validate(row.data), treaty)
    treaties.save(conn, merged, row.origin or origin, row.source)


@dataclass
class Batch:
    """One article's new and merged records, written together when the article is done.

    Records are kept by id until :meth:`flush`, so a later record of the same article that
    folds into an earlier one replaces it here, and three multi-row inserts write them all."""

    records: dict[str, tuple] = field(default_factory=dict)  # id -> (table, kind, record, key, columns)
    stored: dict = field(default_factory=dict)  # (table, merge key) -> stored rows' data

    def load(self, conn: Connection, table, keys: set[str]) -> None:
        """Read once the stored records under this article's merge keys (after locking them)."""
        query = sa.select(table.c.merge_key, table.c.data).where(table.c.merge_key.in_(sorted(keys)))
        for key, data in conn.execute(query) if keys else ():
            self.stored.setdefault((table, key), []).append(data)

    def put(self, table, kind: str, record, key: str, columns: dict) -> None:
        self.records[record.id] = (table, kind, record, key, columns)

    def pending(self, table, key: str) -> list:
        return [r for tb, _, r, k, _ in self.records.values() if tb is table and k == key]

    def rename_claims(self, stored: dict[str, str]) -> None:
        """Events' ``claims`` pointing at the stored ids of claims folded into stored ones."""
        for rid, (table, kind, record, key, columns) in list(self.records.items()):
            if isinstance(record, Event) and any(stored.get(i, i) != i for i in record.claims):
                renamed = sorted({stored.get(i, i) for i in record.claims})
                self.records[rid] = (table, kind, record.model_copy(update={"claims": renamed}), key, columns)

    def flush(self, conn: Connection) -> None:
        rows: dict = {}
        for table, kind, record, key, columns in self.records.values():
            rows.setdefault(table, []).append(
                dict(id=record.id, merge_key=key, data=record.to_dict(), **columns))
            rows.setdefault(t.evidence, []).extend(
                dict(ev.model_dump(), record_kind=kind, record_id=record.id) for ev in record.evidence)
            rows.setdefault(t.record_actors, []).extend(_actor_rows(kind, record))
        for table, values in rows.items():
            if values:
                conn.execute(sa.insert(table), values)
        self.records.clear()


def _find_existing(table, key: str, model, accept, batch: Batch):
    """A record to fold into: first among this article's own, then among the stored ones."""
    for record in batch.pending(table, key):
        if accept(record):
            return record
    for data in batch.stored.get((table, key), ()):
        if data["id"] in batch.records:
            continue
        record = model.model_validate(data)
        if accept(record):
            return record
    return None


@dataclass(frozen=True)
class RecordKind:
    """How one kind of record is keyed, folded and written."""

    table: sa.Table
    name: str                                  # ``record_kind`` in the evidence and actor rows
    model: type
    key: Callable[..., str]                    # the merge key
    fold: Callable                             # (stored, new) -> merged
    counts: tuple[str, ...]                    # the GDELT-style counts the record keeps
    columns: Callable[..., dict]               # the query columns beside ``data``


def save_event(conn: Connection, event: Event, batch: Batch, bodies: Bodies) -> Event:
    """Insert ``event`` or fold it into a compatible stored event (``bodies``: the named
    institutions two events must not disagree on)."""
    return _save(conn, EVENTS, event, batch, lambda old: merge.events_compatible(old, event, bodies))


def save_claim(conn: Connection, claim: Claim, batch: Batch) -> Claim:
    return _save(conn, CLAIMS, claim, batch, lambda old: merge.claims_compatible(old, claim))


def _save(conn: Connection, kind: RecordKind, record, batch: Batch, accept: Callable):
    """Queue ``record``, folded into the first compatible record under its merge key if any."""
    key = kind.key(record)
    existing = _find_existing(kind.table, key, kind.model, accept, batch)
    merged = kind.fold(existing, record) if existing else record
    counts = _counts(conn, merged)
    merged = merged.model_copy(update={name: counts[name] for name in kind.counts})
    _replace(conn, batch, kind.table, kind.name, merged, key, kind.columns(merged),
             stored=_is_stored(existing, batch))
    return merged


def _counts(conn: Connection, record) -> dict:
    """GDELT-style counts: distinct articles and distinct outlets in the evidence."""
    ids = sorted({ev.article_id for ev in record.evidence})
    if len(ids) <= 1:  # one article is one outlet: no need to ask the store
        return {"num_articles": 1, "num_sources": 1}
    query = sa.select(t.articles.c.id, t.articles.c.source).where(t.articles.c.id.in_(ids))
    sources = {src or aid for aid, src in conn.execute(query)}
    return {"num_articles": max(1, len(ids)), "num_sources": max(1, len(sources))}


def _event_columns(event: Event) -> dict:
    return {
        "type": event.type, "status": event.status, "cameo": event.cameo,
        "confidence": event.confidence,
        "date_value": event.date.value if event.date else None,
        "date_precision": event.date.precision if event.date else None,
        "location": event.location.name if event.location else None,
    }


def _claim_columns(claim: Claim) -> dict:
    return {"proposition": claim.proposition, "status": claim.status}


EVENTS = RecordKind(t.events, "event", Event, event_merge_key, merge.fold_event,
                    ("num_articles", "num_sources"), _event_columns)
CLAIMS = RecordKind(t.claims, "claim", Claim, claim_merge_key, merge.fold_claim,
                    ("num_articles",), _claim_columns)


def _is_stored(existing, batch: Batch) -> bool:
    """Was the record folded into one already in the store (not one of this article's)?"""
    return existing is not None and existing.id not in batch.records


def _replace(conn: Connection, batch: Batch, table, kind: str, record, key: str,
             columns: dict, stored: bool) -> None:
    """Queue the record for insertion; when it replaces a ``stored`` record (same id), that
    record's row, evidence rows and actor rows are deleted now."""
    if stored:
        conn.execute(sa.delete(table).where(table.c.id == record.id))
        for child in (t.evidence, t.record_actors):
            conn.execute(sa.delete(child).where(child.c.record_kind == kind,
                                                child.c.record_id == record.id))
    batch.put(table, kind, record, key, columns)


def _actor_rows(kind: str, record) -> list[dict]:
    if isinstance(record, Event):
        roles = [("source", record.source), ("target", record.target),
                 ("attributed_to", record.attributed_to), ("denied_by", record.denied_by)]
    else:
        roles = [("claimant", [c.actor for c in record.claimants if c.actor])]
    rows = {}
    for role, actors in roles:
        for a in actors:
            rows[(role, a.name)] = {"record_kind": kind, "record_id": record.id, "role": role,
                                    "name": a.name, "country": a.country, "sector": a.sector,
                                    "person": a.person}
    return list(rows.values())
