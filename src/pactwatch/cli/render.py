"""Turning records into tables for the terminal (the CLI's only formatting code)."""

from __future__ import annotations

from rich.table import Table

from pactwatch.records import Claim, Event


def actors_text(actors) -> str:
    return ", ".join(f"{a.country or '?'}{('/' + a.sector) if a.sector else ''}"
                     f"{(' ' + a.person) if a.person else ''}" for a in actors) or "-"


def events_table(events, title: str = "Events") -> Table:
    table = Table(title=title, show_lines=False)
    for col in ("id", "type", "source", "target", "date", "where", "qty", "status", "evid."):
        table.add_column(col, overflow="fold")
    for e in events:
        table.add_row(*event_row(e))
    return table


def event_row(e: Event) -> list[str]:
    date = f"{e.date.value} ({e.date.precision})" if e.date else "-"
    where = e.location.name if e.location else "-"
    qty = f"{e.quantity.value:g} {e.quantity.unit}" if e.quantity else "-"
    status = e.status + (f" denied by {actors_text(e.denied_by)}" if e.denied_by else "")
    return [e.id[:10], e.type, actors_text(e.source), actors_text(e.target), date, where, qty,
            status, str(len(e.evidence))]


def claims_table(claims, title: str = "Claims") -> Table:
    table = Table(title=title)
    for col in ("id", "proposition", "claimants", "status", "evid."):
        table.add_column(col, overflow="fold")
    for c in claims:
        table.add_row(*claim_row(c))
    return table


def claim_row(c: Claim) -> list[str]:
    who = "; ".join(f"{(cl.actor.country or cl.actor.text) if cl.actor else '?'}: {cl.stance}"
                    for cl in c.claimants)
    return [c.id[:10], c.proposition, who, c.status, str(len(c.evidence))]


def treaties_table(treaties, title: str = "Treaties") -> Table:
    table = Table(title=title)
    for col in ("id", "name", "parties", "signed", "obligations", "ratification", "evid."):
        table.add_column(col, overflow="fold")
    for tr in treaties:
        obligations = obligations_text(tr.obligations)
        stages = _first(f"{r.party} {r.stage}{' ' + str(r.date.value) if r.date else ''}"
                        for r in tr.ratification)
        signed = str(tr.signed.value) if tr.signed else "-"
        table.add_row(tr.id[:12], tr.name, _first(tr.parties, 8), signed, obligations, stages,
                      str(len(tr.evidence)))
    return table


def _first(items, limit: int = 6) -> str:
    items = list(items)
    more = f" (+{len(items) - limit} more)" if len(items) > limit else ""
    return (", ".join(items[:limit]) + more) or "-"


def obligations_text(obligations) -> str:
    """Per type: 'mutual' when every party owes it to every other, else the directed pairs."""
    parts = []
    for kind in dict.fromkeys(o.type for o in obligations):
        pairs = {(o.from_, o.to) for o in obligations if o.type == kind}
        states = {x for pair in pairs for x in pair}
        hubs = [x for x in states if all(x in pair for pair in pairs)]
        if len(states) > 2 and len(pairs) == len(states) * (len(states) - 1):
            parts.append(f"{kind}: mutual among {len(states)}")
        elif len(states) > 3 and hubs and len(pairs) == 2 * (len(states) - 1):
            parts.append(f"{kind}: {hubs[0]} <-> {len(states) - 1} others")
        else:
            parts.append(f"{kind}: " + _first(sorted(f"{a}->{b}" for a, b in pairs), 4))
    return "; ".join(parts) or "-"


def records_table(rows: list[dict], columns: list[str], title: str) -> Table:
    table = Table(title=title)
    for i, col in enumerate(columns):
        table.add_column(col, overflow="fold", no_wrap=i == 0)
    for row in rows:
        table.add_row(*(str(row.get(c, "")) for c in columns))
    return table
