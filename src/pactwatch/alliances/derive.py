"""Directed member-to-member obligations from ATOP member-phase rows.

Rule (codebook 2.33, 2.7): within one alliance phase, member *i* owes each obligation type it
is coded with (DEFENSE, OFFENSE, NEUTRAL, NONAGG, CONSUL) to every other member *j* of the same
phase, from the later of their entry dates until the earlier of their exit dates (half-open:
a member leaving on the day another joins never overlaps it).  The conditions on i's obligation
(DEFCOADV ... OLIMOB) travel with it; an adversary condition is detailed with the alliance's
named threat states (STATTHR1/2) where ATOP names any.

OBVARY members owe different things to different partners and the member file cannot say to
whom.  When directed-dyad-year rows are given, such an obligation i→j is kept only if the
ddyr file shows it in a year this alliance alone can explain (no other shared alliance gives
i→j the same type), dropped if every such year shows 0, and otherwise kept as member-coded with
the doubt stated in its basis.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date
from itertools import groupby
from typing import Literal

from pydantic import BaseModel, ConfigDict

from pactwatch.alliances.atop import ATOP_TYPES, AtopMember, ConditionsFile, DdyrRow
from pactwatch.alliances.reference import AllianceData

log = logging.getLogger(__name__)

BASIS_MEMBER = "atop-member"
BASIS_DDYR = "atop-ddyr"
BASIS_OBVARY_UNRESOLVED = "atop-member-obvary-unresolved"


class Condition(BaseModel):
    """One condition on an obligation; ``adversaries``/``locations`` detail it when known."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    code: str
    kind: Literal["adversary", "location", "unchecked", "note"]
    text: str
    variable: str | None = None
    adversaries: tuple[str, ...] = ()
    locations: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class DirectedObligation:
    """What one state owes another under one treaty phase, from ``start`` until ``end``
    (half-open).  Derived from ATOP or a Treaty record, stored as a ``treaty_obligations`` row
    and read back with its row ``id`` (None until stored): the one shape the repository, the
    reasoner and the network work on."""

    treaty_id: str
    phase: int
    type: str
    from_ccode: int | None
    to_ccode: int | None
    from_iso3: str
    to_iso3: str
    start: date | None
    end: date | None
    conditions: tuple[Condition, ...] = ()
    basis: str = BASIS_MEMBER
    article: str | None = None
    note: str | None = None
    rows: tuple[str, ...] = ()
    id: int | None = None

    @property
    def conditional(self) -> bool:
        """Whether any condition restricts the obligation (notes do not)."""
        return any(c.kind != "note" for c in self.conditions)


def atop_treaty_id(atopid: int) -> str:
    return f"atop-{atopid}"


def conditions_for(m: AtopMember, atop_type: str, ref: AllianceData) -> tuple[Condition, ...]:
    """The conditions ATOP codes on member m's obligation of one type."""
    spec = ref.conditions
    threats = tuple(ref.iso3_of(c) for c in m.statthr if c in ref.by_ccode)
    found = [Condition(code=c.code, kind=c.kind, text=c.text, variable=c.variable,
                       adversaries=threats if c.kind == "adversary" else ())
             for c in spec.conditions.get(atop_type, []) if m.conditions.get(c.variable) == 1]
    other = spec.other_condition
    if m.conditions.get(other.variable) == 1:
        found.append(Condition(code=other.code, kind=other.kind, text=other.text,
                               variable=other.variable))
    return tuple(found)


def overlap(a: AtopMember, b: AtopMember) -> tuple[date, date | None] | None:
    """Half-open co-membership [start, end) of two members, or None if they never overlap."""
    start = max(a.entry, b.entry)
    ends = [e for e in (a.exit, b.exit) if e is not None]
    end = min(ends) if ends else None
    return None if end is not None and start >= end else (start, end)


def pair_obligations(i: AtopMember, j: AtopMember, ref: AllianceData
                     ) -> list[DirectedObligation]:
    """What member i owes member j in their shared phase (member-level coding)."""
    span = overlap(i, j)
    if span is None:
        return []
    names = ref.conditions.obligations
    return [DirectedObligation(
        treaty_id=atop_treaty_id(i.atopid), phase=i.phase, type=names[t],
        from_ccode=i.member, to_ccode=j.member, from_iso3=ref.iso3_of(i.member),
        to_iso3=ref.iso3_of(j.member), start=span[0], end=span[1],
        conditions=conditions_for(i, t, ref), rows=(i.ref, j.ref))
        for t in ATOP_TYPES if i.obligations[t]]


def member_obligations(members: Iterable[AtopMember], ref: AllianceData
                       ) -> list[DirectedObligation]:
    """Every directed obligation the member-level rows imply (obvary unresolved)."""
    key = lambda m: (m.atopid, m.phase)  # noqa: E731
    result: list[DirectedObligation] = []
    for _, group in groupby(sorted(members, key=key), key=key):
        rows = list(group)
        for i in rows:
            for j in rows:
                if i.member != j.member:
                    result.extend(pair_obligations(i, j, ref))
    return result


def years_of(start: date, end: date | None, last_year: int) -> range:
    """ATOP's dyad-years of a co-membership span: from the start year to the exit year
    inclusive (an exit on 1 Jan 1980 still yields a 1980 row, as in ATOP's ddyr file)."""
    final = end.year if end else last_year
    return range(start.year, min(final, last_year) + 1)


def derive(members: list[AtopMember], ref: AllianceData, ddyr: list[DdyrRow] | None = None
           ) -> list[DirectedObligation]:
    """Directed obligations; OBVARY ones resolved against the ddyr rows when given."""
    obvary = {m.atopid for m in members if m.obvary}
    found = member_obligations(members, ref)
    if not ddyr or not obvary:
        return [_unresolved(o) if _atopid(o) in obvary else o for o in found]
    return _resolve_obvary(found, obvary, ddyr, list(ref.conditions.obligations.values()))


def _atopid(o: DirectedObligation) -> int:
    return int(o.treaty_id.split("-", 1)[1])


def _unresolved(o: DirectedObligation) -> DirectedObligation:
    return replace(o, basis=BASIS_OBVARY_UNRESOLVED, note=(
        "OBVARY member: ATOP's member file does not say to which partners this is owed; "
        "no directed-dyad-year data was loaded to decide"))


def _resolve_obvary(found, obvary, ddyr, types: list[str]) -> list[DirectedObligation]:
    flags = {(r.ccode1, r.ccode2, r.year): r.flags for r in ddyr}
    covered = range(min(r.year for r in ddyr), max(r.year for r in ddyr) + 1)
    explained = _explained(o for o in found if _atopid(o) not in obvary)
    kept, dropped = [], 0
    for o in found:
        if _atopid(o) not in obvary:
            kept.append(o)
            continue
        decided = _decide(o, flags, covered, explained, types.index(o.type))
        dropped += decided is None
        if decided is not None:
            kept.append(decided)
    log.info("obvary: %d member-coded obligations dropped by the ddyr file", dropped)
    return kept


def _explained(obligations) -> set[tuple]:
    out: set[tuple] = set()
    for o in obligations:
        for year in years_of(o.start, o.end, 2018):
            out.add((o.from_ccode, o.to_ccode, year, o.type))
    return out


def _decide(o, flags, covered: range, explained: set, index: int) -> DirectedObligation | None:
    years = [y for y in years_of(o.start, o.end, covered.stop - 1)
             if y in covered and (o.from_ccode, o.to_ccode, y, o.type) not in explained]
    if not years:
        return _unresolved(o)
    shown = [y for y in years if flags.get((o.from_ccode, o.to_ccode, y), (0,) * 5)[index]]
    if not shown:
        return None
    return replace(o, basis=BASIS_DDYR, note=(
        f"OBVARY member: the directed-dyad-year file codes {o.from_iso3}→{o.to_iso3} "
        f"{o.type} in {shown[0]}–{shown[-1]}, years no other shared alliance explains"))


def conditions_from_strings(values: Iterable[str], vocabulary: ConditionsFile
                            ) -> tuple[Condition, ...]:
    """Conditions of a news/current Obligation record (``Obligation.conditions``).

    ``adversary:RUS,CHN`` and ``location:KOR`` are checkable conditions with their detail; an
    ATOP variable (``defcoadv``) or condition code (``specific_conflict``) is that condition;
    ``article:4`` names the article (not a condition); any other text is a note that does not
    restrict the obligation (e.g. "attack on a party", the casus foederis itself).
    """
    specs = {c.variable: c for cs in vocabulary.conditions.values() for c in cs}
    specs |= {c.code: c for c in specs.values()}
    out = []
    for value in values:
        head, _, tail = value.partition(":")
        items = tuple(x.strip() for x in tail.split(",") if x.strip())
        if head in ("adversary", "location") and items:
            out.append(Condition(code="specific_adversary" if head == "adversary" else "location",
                                 kind=head, text=value, adversaries=items if head == "adversary"
                                 else (), locations=items if head == "location" else ()))
        elif head == "article":
            continue
        elif value in specs:
            spec = specs[value]
            out.append(Condition(code=spec.code, kind=spec.kind, text=spec.text,
                                 variable=spec.variable))
        else:
            out.append(Condition(code="note", kind="note", text=value))
    return tuple(out)
