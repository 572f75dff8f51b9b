"""Every repository call issues a constant number of SQL statements, whatever the store holds.

Two stores are filled with the same pattern of treaties, one with 2 and one with 20 copies; each
public call is counted with an SQLAlchemy ``before_cursor_execute`` listener and must issue the
same number of statements on both (and only a handful).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date

import pytest
import sqlalchemy as sa

from pactwatch.alliances import graph, reasoner, repository
from pactwatch.alliances.reference import AllianceData
from pactwatch.db import Database
from pactwatch.records import DateValue, Obligation, Treaty
from pactwatch.store import schema as s
from pactwatch.treaties.current import load_current

SIGNED = date(2030, 1, 1)
ON = date(2031, 1, 1)
ATTACKER, TARGET = "MLT", "IRL"  # in no treaty of the seeded current-treaties file
MOST = 12  # statements any one call may issue


@dataclass(frozen=True)
class Store:
    db: Database
    size: int


def _states(ref: AllianceData, n: int) -> list[tuple[str, str, str, str]]:
    """n groups (ally, ally's defender, conditional defender, neutral) of distinct states, none
    of them party to a seeded current treaty."""
    seeded = {p for t in load_current() for p in t.parties}
    codes = sorted({e.iso3 for e in ref.iso_map.states if e.rule == "current"}
                   - seeded - {ATTACKER, TARGET})
    return [tuple(codes[4 * i:4 * i + 4]) for i in range(n)]


def _treaty(tid: str, parties: list[str], owed: list[tuple[str, str, str, list[str]]]) -> Treaty:
    return Treaty(id=tid, name=f"Treaty {tid}", parties=parties,
                  signed=DateValue(value=SIGNED, precision="day"),
                  obligations=[Obligation(type=t, to=b, conditions=c, **{"from": a})
                               for t, a, b, c in owed])


def _pattern(i: int, ally: str, backer: str, conditional: str, neutral: str) -> list[Treaty]:
    """Defense to the target (unconditional from the ally, conditional from the neutral), a
    chain behind the ally (one unconditional, one conditional link), neutrality owed to the
    target, and the ally's non-aggression promise to the attacker."""
    return [
        _treaty(f"qc-{i}-a", [TARGET, ally], [("defense", ally, TARGET, ["attack on a party"]),
                                             ("defense", TARGET, ally, [])]),
        _treaty(f"qc-{i}-b", [ally, backer], [("defense", backer, ally, [])]),
        _treaty(f"qc-{i}-c", [ally, conditional],
                [("defense", conditional, ally, [f"adversary:{ATTACKER}"])]),
        _treaty(f"qc-{i}-d", [neutral, TARGET], [("neutrality", neutral, TARGET, []),
                                                 ("defense", neutral, TARGET,
                                                  [f"location:{TARGET}"])]),
        _treaty(f"qc-{i}-e", [ally, ATTACKER], [("nonaggression", ally, ATTACKER, [])]),
    ]


def _store(tmp_path_factory, ref: AllianceData, size: int) -> Store:
    db = Database(f"sqlite:///{tmp_path_factory.mktemp(f'qc{size}') / 'qc.db'}")
    with db.transaction() as conn:
        for i, group in enumerate(_states(ref, size)):
            for treaty in _pattern(i, *group):
                source = "atop" if treaty.id[-1] in "be" else "news"  # rebuilt from their rows
                repository.save_treaty(conn, ref, treaty, origin="test", source=source)
    return Store(db, size)


@pytest.fixture(scope="module")
def stores(tmp_path_factory, ref) -> Iterator[tuple[Store, Store]]:
    small, large = _store(tmp_path_factory, ref, 2), _store(tmp_path_factory, ref, 20)
    yield small, large
    small.db.close()
    large.db.close()


@contextmanager
def counting(db: Database) -> Iterator[list[str]]:
    statements: list[str] = []

    def count(conn, cursor, statement, parameters, context, executemany):
        statements.append(statement)

    sa.event.listen(db.engine, "before_cursor_execute", count)
    try:
        yield statements
    finally:
        sa.event.remove(db.engine, "before_cursor_execute", count)


def _count(store: Store, call: Callable, write: bool = False) -> tuple[int, object]:
    with counting(store.db) as statements:
        if write:
            with store.db.transaction() as conn:
                result = call(conn)
        else:
            with store.db.engine.connect() as conn:
                result = call(conn)
    return len(statements), result


def _rows(conn):
    return list(conn.execute(sa.select(s.treaties).where(s.treaties.c.origin == "test")))


CALLS: dict[str, Callable] = {
    "treaty_records": lambda conn, ref: repository.treaty_records(conn, _rows(conn)),
    "obligations": lambda conn, ref: repository.obligations(conn, ON),
    "obligations_to": lambda conn, ref: repository.obligations(
        conn, ON, to=[TARGET], types=["defense", "neutrality"]),
    "one_unconditional_per_giver": lambda conn, ref: repository.one_unconditional_per_giver(
        conn, ON, [TARGET], "defense", [ATTACKER]),
    "conditional_candidates": lambda conn, ref: repository.conditional_candidates(
        conn, ON, [TARGET], "defense", [ATTACKER]),
    "treaty_info": lambda conn, ref: repository.treaty_info(
        conn, [r.id for r in _rows(conn)]),
    "state_spells": lambda conn, ref: repository.state_spells(conn),
    "defenders": lambda conn, ref: reasoner.defenders(conn, ref, TARGET, ON),
    "defenders_of": lambda conn, ref: reasoner.defenders_of(conn, ref, TARGET, ON),
    "attack": lambda conn, ref: reasoner.attack(conn, ref, ATTACKER, TARGET, ON),
    "network": lambda conn, ref: graph.network(conn, ref, ON),
}


@pytest.mark.parametrize("name", sorted(CALLS))
def test_repository_calls_issue_a_constant_number_of_statements(stores, ref, name):
    small, large = stores
    n_small, found_small = _count(small, lambda conn: CALLS[name](conn, ref))
    n_large, found_large = _count(large, lambda conn: CALLS[name](conn, ref))
    assert n_small == n_large <= MOST, (name, n_small, n_large)
    if isinstance(found_small, list):
        assert found_small and len(found_large) > len(found_small), name  # the data did grow


def test_attack_walks_chains_and_finds_conflicts_and_pledges(stores, ref):
    _, large = stores
    with large.db.engine.connect() as conn:
        answer = reasoner.attack(conn, ref, ATTACKER, TARGET, ON)
    assert len(answer.direct) == 40 and len(answer.chained) == 40
    assert len(answer.conflicted) == 20 and len(answer.neutrality) == 20


@pytest.mark.parametrize("filters", [{}, {"actor": TARGET}, {"source": "atop"}],
                         ids=["all", "actor", "source"])
def test_database_treaties_summary_and_export_path_is_constant(stores, filters):
    """``Database.treaties()`` is what ``summary`` and ``export --what treaties`` call."""
    counts = []
    for store in stores:
        with counting(store.db) as statements:
            found = store.db.treaties(**filters)
        counts.append((len(statements), len(found)))
    (n_small, found_small), (n_large, found_large) = counts
    assert n_small == n_large <= 3 and found_large > found_small


def test_saving_one_treaty_is_constant(stores, ref):
    counts = []
    for store in stores:
        treaty = _treaty("qc-extra", [TARGET, ATTACKER], [("defense", ATTACKER, TARGET, [])])
        n, _ = _count(store, lambda conn, t=treaty: repository.save_treaty(
            conn, ref, t, origin="test", source="news"), write=True)
        counts.append(n)
        with store.db.transaction() as conn:
            _delete(conn, "qc-extra")
    assert counts[0] == counts[1] <= MOST


def _delete(conn, treaty_id: str) -> None:
    for table in (s.treaty_obligations, s.treaty_members, s.treaty_phases,
                  s.treaty_ratifications):
        conn.execute(table.delete().where(table.c.treaty_id == treaty_id))
    conn.execute(s.treaties.delete().where(s.treaties.c.id == treaty_id))
