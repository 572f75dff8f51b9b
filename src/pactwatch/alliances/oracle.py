"""The ATOP directed-dyad-year oracle: do the stored obligations reproduce ATOP's ddyr file?

How ATOP decides a directed dyad-year (codebook 2.7, checked against the 1815–1999 data):

- the dyad (A, B) appears in every year from the start of their co-membership of an alliance
  phase to the year of its end, inclusive (US–Taiwan ended 1 Jan 1980: a 1980 row).  The
  co-membership itself is half-open: a member leaving on the day another joins (GFR and united
  Germany, 3 Oct 1990) never overlaps it, so that pair has no row;
- for each shared alliance the flags are A's member-level obligations in the *latest* phase
  in which A and B are co-members during Y: at a mid-year amendment the new phase's coding
  stands for the whole year (Anglo-Japanese alliance 1415, 1905; Central American 1362, 1888);
- the five flags are OR-ed over all alliances the dyad shares in Y; rows with all flags 0
  are co-members with no obligation to each other (SHAREOB);
- dyads with a state outside the COW system (Annam, 8152) are dropped.

This module derives those dyad-years from the *store* (treaty_members and treaty_obligations
rows of source ``atop``), so it checks the loader, the derivation and the date rules together.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from itertools import groupby
from pathlib import Path

import sqlalchemy as sa
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy.engine import Connection

from pactwatch.alliances.atop import read_ddyr
from pactwatch.alliances.derive import years_of
from pactwatch.alliances.reference import AllianceData
from pactwatch.errors import PactwatchError
from pactwatch.store import schema as s

TYPES = ("defense", "offense", "neutrality", "nonaggression", "consultation")


class TypeScore(BaseModel):
    model_config = ConfigDict(frozen=True)

    agree: int
    total: int
    false_positive: int
    false_negative: int

    @property
    def rate(self) -> float:
        return self.agree / self.total if self.total else 1.0


class Disagreement(BaseModel):
    model_config = ConfigDict(frozen=True)

    ccode1: int
    ccode2: int
    year: int
    type: str
    pactwatch: int
    atop: int
    atop_ids: list[int]
    obvary: bool


class OracleReport(BaseModel):
    model_config = ConfigDict(frozen=True)

    files: list[str]
    years: tuple[int, int]
    file_rows: int
    derived_rows: int
    missing_pairs: int
    extra_pairs: int
    scores: dict[str, TypeScore]
    scores_without_obvary: dict[str, TypeScore]
    obligation_basis: dict[str, int]
    disagreements: list[Disagreement] = Field(default_factory=list)

    def by_atop_id(self) -> dict[int, int]:
        counts: dict[int, int] = defaultdict(int)
        for d in self.disagreements:
            for aid in d.atop_ids or [0]:
                counts[aid] += 1
        return dict(sorted(counts.items(), key=lambda kv: -kv[1]))


class _Derived(BaseModel):
    flags: dict[tuple, list[int]]
    ids: dict[tuple, set[int]]
    by_type: dict[tuple, set[int]]
    obvary: set[int]

    def culprits(self, key: tuple, type_index: int, mine: int) -> list[int]:
        """The alliances behind a disagreement: those giving the flag pactwatch set, else all
        alliances the dyad shares that year."""
        if mine:
            return sorted(self.by_type.get((*key, type_index), ()))
        return sorted(self.ids.get(key, ()))


def evaluate(conn: Connection, ref: AllianceData, files: list[Path]) -> OracleReport:
    """Compare the stored obligations with ATOP ddyr files, per obligation type."""
    truth = {(r.ccode1, r.ccode2, r.year): list(r.flags) for f in files for r in read_ddyr(f)}
    if not truth:
        raise PactwatchError("PW002", path=", ".join(map(str, files)))
    years = {k[2] for k in truth}
    derived = derive_dyad_years(conn, ref, years)
    keys = set(truth) | set(derived.flags)
    zero = [0] * len(TYPES)
    disagreements = [
        Disagreement(ccode1=k[0], ccode2=k[1], year=k[2], type=t, pactwatch=mine[n],
                     atop=theirs[n], atop_ids=derived.culprits(k, n, mine[n]),
                     obvary=bool(derived.ids.get(k, set()) & derived.obvary))
        for k in sorted(keys)
        for mine, theirs in [(derived.flags.get(k, zero), truth.get(k, zero))]
        for n, t in enumerate(TYPES) if mine[n] != theirs[n]]
    return OracleReport(
        files=[str(f) for f in files], years=(min(years), max(years)), file_rows=len(truth),
        derived_rows=len(derived.flags), missing_pairs=len(set(truth) - set(derived.flags)),
        extra_pairs=len(set(derived.flags) - set(truth)),
        scores=_scores(len(keys), disagreements),
        scores_without_obvary=_scores(
            sum(1 for k in keys if not derived.ids.get(k, set()) & derived.obvary),
            [d for d in disagreements if not d.obvary]),
        obligation_basis=_basis_counts(conn), disagreements=disagreements)


def _scores(total: int, disagreements: list[Disagreement]) -> dict[str, TypeScore]:
    out = {}
    for t in TYPES:
        mine = [d for d in disagreements if d.type == t]
        fp = sum(d.pactwatch == 1 for d in mine)
        out[t] = TypeScore(agree=total - len(mine), total=total, false_positive=fp,
                           false_negative=len(mine) - fp)
    return out


def _basis_counts(conn: Connection) -> dict[str, int]:
    t = s.treaty_obligations
    query = sa.select(t.c.basis, sa.func.count()).group_by(t.c.basis)
    return {basis: n for basis, n in conn.execute(query)}


def derive_dyad_years(conn: Connection, ref: AllianceData, years: set[int]) -> _Derived:
    """Directed dyad-years and their five flags, from the stored ATOP rows (see module doc)."""
    members, owed, obvary = _store_rows(conn, ref)
    if not members:
        raise PactwatchError("PW320")
    best: dict[tuple, tuple[date, int]] = {}
    key = lambda m: (m.treaty_id, m.phase)  # noqa: E731
    for (treaty_id, phase), group in groupby(sorted(members, key=key), key=key):
        _pairs(list(group), treaty_id, phase, years, best)
    flags: dict[tuple, list[int]] = defaultdict(lambda: [0] * len(TYPES))
    ids: dict[tuple, set[int]] = defaultdict(set)
    by_type: dict[tuple, set[int]] = defaultdict(set)
    for (i, j, year, treaty_id), (_, phase) in best.items():
        atop_id = int(treaty_id.split("-", 1)[1])
        row = flags[(i, j, year)]
        for n, t in enumerate(TYPES):
            if (treaty_id, phase, i, j, t) in owed:
                row[n] = 1
                by_type[(i, j, year, n)].add(atop_id)
        ids[(i, j, year)].add(atop_id)
    return _Derived(flags=dict(flags), ids=dict(ids), by_type=dict(by_type), obvary=obvary)


def _pairs(group, treaty_id: str, phase: int, years: set[int], best: dict) -> None:
    for a in group:
        for b in group:
            if a.ccode == b.ccode:
                continue
            start = max(a.entry, b.entry)
            ends = [e for e in (a.exit, b.exit) if e is not None]
            end = min(ends) if ends else None
            if end is not None and start >= end:
                continue
            for year in years.intersection(years_of(start, end, max(years))):
                k = (a.ccode, b.ccode, year, treaty_id)
                if k not in best or best[k][0] < start:
                    best[k] = (start, phase)


def _store_rows(conn: Connection, ref: AllianceData) -> tuple[list, set, set[int]]:
    m, o, tr = s.treaty_members, s.treaty_obligations, s.treaties
    atop_ids = sa.select(tr.c.id).where(tr.c.source == "atop")
    cow = {c for c, e in ref.by_ccode.items() if e.in_cow}
    members = [r for r in conn.execute(
        sa.select(m.c.treaty_id, m.c.phase, m.c.ccode, m.c.entry, m.c.exit, m.c.obvary)
        .where(m.c.treaty_id.in_(atop_ids))) if r.ccode in cow]
    owed = {tuple(r) for r in conn.execute(
        sa.select(o.c.treaty_id, o.c.phase, o.c.from_ccode, o.c.to_ccode, o.c.type)
        .where(o.c.treaty_id.in_(atop_ids)))}
    obvary = {int(r.treaty_id.split("-", 1)[1]) for r in members if r.obvary}
    return members, owed, obvary
