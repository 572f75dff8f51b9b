"""Writing one article's outcome inside the caller's transaction."""

from __future__ import annotations

from datetime import UTC, datetime

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from pactwatch.pipeline import Outcome
from pactwatch.records import Article, Claim, Event, Treaty
from pactwatch.store import merging
from pactwatch.store import schema as t


def write_outcome(conn: Connection, outcome: Outcome, origin: str | None) -> str:
    """Insert the article and fold its records into the store; returns 'stored'/'failed'."""
    _upsert_article(conn, outcome.article, origin, outcome.error)
    if not outcome.ok:
        return "failed"
    ctx = outcome.context
    lock_merge_keys(conn, ctx.events, ctx.claims)
    stored_ids = {event.id: save_event(conn, event).id for event in ctx.events}
    for claim in ctx.claims:
        save_claim(conn, _with_article(claim, ctx.article.id, stored_ids))
    for treaty in ctx.treaties:
        save_treaty(conn, treaty, origin or ctx.article.id)
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
    keys = {merging.event_merge_key(e) for e in events}
    keys |= {merging.claim_merge_key(c) for c in claims}
    for key in sorted(keys):
        conn.execute(sa.text("SELECT pg_advisory_xact_lock(:k)"), {"k": int(key[:15], 16)})


def _with_article(claim: Claim, article_id: str, stored_ids: dict[str, str]) -> Claim:
    """The claim with its entries' article and its ``about`` pointing at stored event ids
    (an event folded into an earlier article's record keeps that record's id)."""
    claimants = [c if c.article_id else c.model_copy(update={"article_id": article_id})
                 for c in claim.claimants]
    about = sorted({stored_ids.get(i, i) for i in claim.about})
    return claim.model_copy(update={"claimants": claimants, "about": about})


def save_treaty(conn: Connection, treaty: Treaty, origin: str) -> None:
    """Store a treaty found in the news, folded into the stored record of the same id."""
    from pactwatch.alliances import schema as alliances
    from pactwatch.alliances.repository import save_treaty as save_rows

    query = sa.select(alliances.treaties.c.data, alliances.treaties.c.source,
                      alliances.treaties.c.origin).where(
        alliances.treaties.c.id == treaty.id)
    row = conn.execute(query).first()
    if row is None or row.source == "atop":  # ATOP rows take news evidence in save_rows
        save_rows(conn, treaty, origin=origin, source="news")
        return
    merged = merging.merge_treaties(Treaty.model_validate(row.data), treaty)
    save_rows(conn, merged, origin=row.origin or origin, source=row.source)


def _find_existing(conn: Connection, table, key: str, model, accept) -> object | None:
    rows = conn.execute(sa.select(table.c.data).where(table.c.merge_key == key))
    for (data,) in rows:
        record = model.model_validate(data)
        if accept(record):
            return record
    return None


def save_event(conn: Connection, event: Event) -> Event:
    """Insert ``event`` or fold it into a compatible stored event."""
    key = merging.event_merge_key(event)
    existing = _find_existing(conn, t.events, key, Event,
                              lambda old: merging.events_compatible(old, event))
    merged = merging.merge_events(existing, event) if existing else event
    merged = merged.model_copy(update=_counts(conn, merged))
    _replace(conn, t.events, "event", merged, key, _event_columns(merged))
    return merged


def save_claim(conn: Connection, claim: Claim) -> Claim:
    key = merging.claim_merge_key(claim)
    existing = _find_existing(conn, t.claims, key, Claim,
                              lambda old: merging.claims_compatible(old, claim))
    merged = merging.merge_claims(existing, claim) if existing else claim
    merged = merged.model_copy(update={"num_articles": _counts(conn, merged)["num_articles"]})
    columns = {"proposition": merged.proposition, "status": merged.status}
    _replace(conn, t.claims, "claim", merged, key, columns)
    return merged


def _counts(conn: Connection, record) -> dict:
    """GDELT-style counts: distinct articles and distinct outlets in the evidence."""
    ids = sorted({ev.article_id for ev in record.evidence})
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


def _replace(conn: Connection, table, kind: str, record, key: str, columns: dict) -> None:
    """Write the record row, its evidence rows and its actor rows afresh."""
    conn.execute(sa.delete(table).where(table.c.id == record.id))
    conn.execute(sa.insert(table).values(id=record.id, merge_key=key,
                                         data=record.to_dict(), **columns))
    _replace_children(conn, kind, record)


def _replace_children(conn: Connection, kind: str, record) -> None:
    for child in (t.evidence, t.record_actors):
        conn.execute(sa.delete(child).where(child.c.record_kind == kind,
                                            child.c.record_id == record.id))
    evidence = [dict(ev.model_dump(), record_kind=kind, record_id=record.id)
                for ev in record.evidence]
    if evidence:
        conn.execute(sa.insert(t.evidence), evidence)
    actors = _actor_rows(kind, record)
    if actors:
        conn.execute(sa.insert(t.record_actors), actors)


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
