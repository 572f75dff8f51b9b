"""The alliance network on a date: states as nodes, directed obligations as edges (networkx).

Edge attributes: type, treaty_id, treaty_name, atop_id (-1 if none), registry (atop, current or
news), conditions (comma-separated codes), basis, start, end ("" if open).
"""

from __future__ import annotations

import json
from datetime import date

import networkx as nx
from sqlalchemy.engine import Connection

from pactwatch.alliances import repository as repo
from pactwatch.alliances.reference import AllianceData
from pactwatch.alliances.states import name_of


def network(conn: Connection, ref: AllianceData, on: date, types: list[str] | None = None
            ) -> nx.MultiDiGraph:
    """One edge per directed obligation in force on ``on`` (keyed ``treaty_id:type``); two
    queries (the obligations, then their treaties)."""
    rows = repo.obligations(conn, on, types=types)
    info = repo.treaty_info(conn, (r.treaty_id for r in rows))
    graph = nx.MultiDiGraph(date=on.isoformat())
    for r in rows:
        for code, ccode in ((r.from_iso3, r.from_ccode), (r.to_iso3, r.to_ccode)):
            if code not in graph:
                graph.add_node(code, name=name_of(ref, code, ccode) or code, ccode=ccode or -1)
        treaty = info.get(r.treaty_id)
        graph.add_edge(r.from_iso3, r.to_iso3, key=f"{r.treaty_id}:{r.type}", type=r.type,
                       treaty_id=r.treaty_id, treaty_name=treaty.name if treaty else "",
                       atop_id=(treaty.atop_id or -1) if treaty else -1,
                       registry=treaty.source if treaty else r.basis,
                       conditions=",".join(c.code for c in r.conditions),
                       basis=r.basis, start=str(r.start), end=str(r.end or ""))
    return graph


def to_graphml(graph: nx.MultiDiGraph) -> str:
    return "\n".join(nx.generate_graphml(graph)) + "\n"


def to_json(graph: nx.MultiDiGraph) -> str:
    data = nx.node_link_data(graph, edges="edges")
    return json.dumps(data, indent=2, default=str)
