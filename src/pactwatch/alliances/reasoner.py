"""Who must defend whom on a date, and what follows from an attack — each answer with its proof.

The reasoner reads only the store (directed obligation rows, see :mod:`.derive`).  Rules:

- R-DEFEND: state D is obligated to defend T on date d if a directed ``defense`` obligation
  D→T is in force on d (start ≤ d < end).  Its conditions are checked against the attack:
  an adversary condition fires only if the attacker is a named adversary (ATOP names threat
  states in STATTHR1/2; where it names none the condition is *unchecked*); a location condition
  only if the target's territory is among the named locations (unchecked when none are named);
  the other ATOP conditions (specific conflict, number of adversaries, demands, provocation,
  OLIMOB) cannot be checked from the data and leave the obligation *conditional*.
- R-CHAIN: a defender D that goes to war with attacker A may itself be attacked by A; then D's
  own defenders (R-DEFEND with target D) are drawn in.  Followed to ``depth`` links.
- R-CONFLICT: a state drawn in on T's side that also owes A defense, offense, neutrality or
  non-aggression is obligated to both sides.
- R-NEUTRAL / R-NONAGG: neutrality and non-aggression obligations in force owed to A or to T
  by any state (the attacker's own non-aggression promise to T is among them).
- ATOP data end on 2018-12-31; an ATOP alliance in effect then is assumed to continue, and the
  proof says so for any later date.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy.engine import Connection

from pactwatch.alliances import repository as repo
from pactwatch.alliances.derive import (
    BASIS_DDYR,
    BASIS_OBVARY_UNRESOLVED,
    Condition,
    DirectedObligation,
)
from pactwatch.alliances.reference import AllianceData
from pactwatch.alliances.states import name_of, resolve
from pactwatch.records import Evidence

ATOP_END = date(2018, 12, 31)
BINDING_TO_ATTACKER = ("defense", "offense", "neutrality", "nonaggression")
Status = Literal["unconditional", "conditional", "not_firing"]


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class ProofStep(_Model):
    rule: str
    statement: str
    records: list[str] = Field(default_factory=list)


class ConditionCheck(_Model):
    code: str
    kind: str
    text: str
    result: Literal["holds", "fails", "unchecked", "not_restrictive"]
    detail: str


class ObligationFinding(_Model):
    """One directed obligation in force, with its checked conditions and proof."""

    state: str
    ccode: int | None = None
    name: str | None = None
    to: str
    type: str
    treaty_id: str
    treaty_name: str | None = None
    atop_id: int | None = None
    source: str
    phase: int
    article: str | None = None
    status: Status
    conditions: list[ConditionCheck] = Field(default_factory=list)
    proof: list[ProofStep] = Field(default_factory=list)
    evidence: list[Evidence] = Field(default_factory=list)


class ChainedDefender(_Model):
    state: str
    name: str | None = None
    depth: int
    chain: list[ObligationFinding]
    rule: str


class Conflict(_Model):
    state: str
    name: str | None = None
    defends: list[ObligationFinding]
    bound_to_attacker: list[ObligationFinding]
    rule: str


class Pledge(_Model):
    """Neutrality or non-aggression owed to one state by the listed states under one treaty."""

    type: str
    to: str
    states: list[str]
    treaty_id: str
    treaty_name: str | None = None
    atop_id: int | None = None
    source: str
    phase: int
    status: Status
    conditions: list[ConditionCheck] = Field(default_factory=list)
    rule: str
    proof: list[ProofStep] = Field(default_factory=list)
    evidence: list[Evidence] = Field(default_factory=list)


class Defenders(_Model):
    of: str
    on: date
    defenders: list[ObligationFinding]


class AttackAnalysis(_Model):
    attacker: str
    target: str
    on: date
    direct: list[ObligationFinding]
    not_firing: list[ObligationFinding]
    chained: list[ChainedDefender]
    conflicted: list[Conflict]
    neutrality: list[Pledge]
    nonaggression: list[Pledge]
    rules: dict[str, str]


RULES = {
    "R-DEFEND": "a defense obligation D→T in force on the date whose conditions do not fail "
                "against this attacker obliges D to defend T",
    "R-CHAIN": "if a defender D fights the attacker and is attacked in turn, D's own defenders "
               "are obligated to defend D (followed link by link)",
    "R-CONFLICT": "a state on the target's side that owes the attacker defense, offense, "
                  "neutrality or non-aggression is bound to both sides",
    "R-NEUTRAL": "a neutrality obligation owed to the attacker or to the target",
    "R-NONAGG": "a non-aggression obligation owed to the attacker or to the target",
}


# -- condition checks ----------------------------------------------------------------------
def check(c: Condition, attacker: str | None, target: str) -> ConditionCheck:
    base = {"code": c.code, "kind": c.kind, "text": c.text}
    if c.kind == "note":
        return ConditionCheck(**base, result="not_restrictive",
                              detail="stated in the treaty; does not restrict the obligation")
    if c.kind == "adversary":
        return ConditionCheck(**base, **_adversary(c, attacker))
    if c.kind == "location" and c.locations:
        holds = target in c.locations
        return ConditionCheck(**base, result="holds" if holds else "fails",
                              detail=f"locations {', '.join(c.locations)}; attack on {target}")
    what = "no location is named in the data" if c.kind == "location" else \
        "the data do not say whether it holds"
    return ConditionCheck(**base, result="unchecked", detail=f"could not be checked: {what}")


def _adversary(c: Condition, attacker: str | None) -> dict:
    if not c.adversaries:
        return {"result": "unchecked",
                "detail": "could not be checked: no adversary is named in the data"}
    if attacker is None:
        return {"result": "unchecked", "detail": f"only against {', '.join(c.adversaries)}"}
    holds = attacker in c.adversaries
    where = (" (ATOP STATTHR1/2; wording such as 'or its allies' is not in the data)"
             if c.variable else "")
    return {"result": "holds" if holds else "fails",
            "detail": f"named adversaries {', '.join(c.adversaries)}{where}; attacker {attacker}"}


def _status(checks: list[ConditionCheck]) -> Status:
    if any(c.result == "fails" for c in checks):
        return "not_firing"
    return "conditional" if any(c.result == "unchecked" for c in checks) else "unconditional"


# -- findings and proofs -------------------------------------------------------------------
def finding(row: DirectedObligation, info: dict, on: date, ref: AllianceData,
            attacker: str | None = None) -> ObligationFinding:
    checks = [check(c, attacker, row.to_iso3) for c in row.conditions]
    treaty = info.get(row.treaty_id)
    data = (treaty.data or {}) if treaty else {}
    return ObligationFinding(
        state=row.from_iso3, ccode=row.from_ccode,
        name=name_of(ref, row.from_iso3, row.from_ccode),
        to=row.to_iso3, type=row.type, treaty_id=row.treaty_id,
        treaty_name=treaty.name if treaty else None, atop_id=treaty.atop_id if treaty else None,
        source=treaty.source if treaty else row.basis, phase=row.phase, article=row.article,
        status=_status(checks), conditions=checks, proof=proof(row, treaty, on, checks),
        evidence=[Evidence.model_validate(e) for e in data.get("evidence") or []])


def proof(row: DirectedObligation, treaty, on: date, checks: list[ConditionCheck]
          ) -> list[ProofStep]:
    steps = [_source_step(row, treaty), _span_step(row, treaty, on)]
    if row.basis in (BASIS_DDYR, BASIS_OBVARY_UNRESOLVED):
        steps.append(ProofStep(rule="atop-obvary", statement=row.note or "", records=[
            "atop5_1ddyr (directed-dyad-year)" if row.basis == BASIS_DDYR else row.rows[0]]))
    steps += [ProofStep(rule=f"condition:{c.code}", records=list(row.rows[:1]),
                        statement=f"{c.text}: {c.result} ({c.detail})") for c in checks]
    return steps


def _source_step(row: DirectedObligation, treaty) -> ProofStep:
    if treaty is not None and treaty.source == "atop":
        return ProofStep(rule="atop-member-coding", records=list(row.rows[:1]), statement=(
            f"ATOP 5.1 codes {row.from_iso3} (COW {row.from_ccode}) with {row.type} = 1 in "
            f"alliance {treaty.atop_id} phase {row.phase}; a member owes its coded obligations "
            f"to every co-member of the phase"))
    name = treaty.name if treaty else row.treaty_id
    where = f", {row.article}" if row.article else ""
    origin = f"{treaty.source}: {treaty.origin}" if treaty else row.basis
    return ProofStep(rule=f"treaty-{row.basis}", records=list(row.rows), statement=(
        f"{name}{where}: {row.from_iso3} owes {row.to_iso3} {row.type} ({origin})"))


def _span_step(row: DirectedObligation, treaty, on: date) -> ProofStep:
    end = f"until {row.end}" if row.end else "with no end date"
    text = f"in force from {row.start} {end}; {on} is inside"
    if treaty is not None and treaty.source == "atop" and row.end is None and on > ATOP_END:
        text += ("; ATOP data end on 2018-12-31, when this alliance was in effect; it is "
                 "assumed to continue")
    return ProofStep(rule="in-force", statement=text, records=list(row.rows))


@dataclass
class _Treaties:
    """One question's connection and reference data, and the treaty rows (names, source,
    evidence) fetched for it, each once."""

    conn: Connection
    ref: AllianceData
    rows: dict[str, object] = field(default_factory=dict)

    def __call__(self, rows: list[DirectedObligation]) -> dict:
        missing = {r.treaty_id for r in rows} - set(self.rows)
        if missing:
            self.rows |= repo.treaty_info(self.conn, missing)
        return self.rows


def _findings(treaties: _Treaties, rows: list[DirectedObligation], on: date,
              attacker: str | None = None) -> list[ObligationFinding]:
    info = treaties(rows)
    found = [finding(r, info, on, treaties.ref, attacker) for r in rows]
    return sorted(found, key=lambda f: (f.state, f.to, f.type, f.treaty_id))


# -- public API ----------------------------------------------------------------------------
def defenders(conn: Connection, ref: AllianceData, of: str, on: date) -> list[ObligationFinding]:
    """States obligated to defend ``of`` on ``on``, each with treaty, conditions and proof."""
    target = resolve(ref, of)
    rows = repo.obligations(conn, on, to=[target], types=["defense"])
    return [f for f in _findings(_Treaties(conn, ref), rows, on) if f.state != target]


def attack(conn: Connection, ref: AllianceData, attacker: str, target: str, on: date,
           depth: int = 3) -> AttackAnalysis:
    """What follows, by the treaties in force on ``on``, if ``attacker`` attacks ``target``."""
    a, t = resolve(ref, attacker), resolve(ref, target)
    treaties = _Treaties(conn, ref)
    rows = repo.obligations(conn, on, to=[t], types=["defense"], not_from=[a, t])
    found = _findings(treaties, rows, on, a)
    direct = [f for f in found if f.status != "not_firing"]
    chained = _chain(treaties, a, t, on, direct, depth)
    pledges = repo.obligations(conn, on, to=[a, t], types=["neutrality", "nonaggression"])
    return AttackAnalysis(
        attacker=a, target=t, on=on, direct=direct,
        not_firing=[f for f in found if f.status == "not_firing"], chained=chained,
        conflicted=_conflicts(treaties, a, on, _on_side(direct, chained)),
        neutrality=_pledges(treaties, [r for r in pledges if r.type == "neutrality"], on),
        nonaggression=_pledges(treaties, [r for r in pledges if r.type == "nonaggression"], on),
        rules=RULES)


def _chain(treaties: _Treaties, a: str, t: str, on: date, direct: list[ObligationFinding],
           depth: int) -> list[ChainedDefender]:
    frontier = {f.state: [f] for f in direct}
    seen = {a, t, *frontier}
    out: list[ChainedDefender] = []
    for level in range(2, depth + 1):
        if not frontier:
            break
        nxt = {f.state: [*frontier[f.to], f]
               for f in _findings(treaties, _next_links(treaties.conn, on, a, frontier, seen),
                                  on, a)}
        seen |= set(nxt)
        out += [ChainedDefender(state=st, name=path[-1].name, depth=level, chain=path,
                                rule="R-CHAIN") for st, path in sorted(nxt.items())]
        frontier = nxt
    return out


def _next_links(conn: Connection, on: date, a: str, frontier: dict, seen: set
                ) -> list[DirectedObligation]:
    """One defense obligation per new state towards the frontier: unconditional ones first,
    else the first conditional one whose conditions do not fail against the attacker."""
    rows = repo.one_unconditional_per_giver(conn, on, frontier, "defense", seen)
    givers = seen | {r.from_iso3 for r in rows}
    candidates = repo.conditional_candidates(conn, on, frontier, "defense", givers)
    return rows + _first_firing(candidates, a)


def _first_firing(candidates: list[DirectedObligation], attacker: str
                  ) -> list[DirectedObligation]:
    """Per giving state (in giver order), the first candidate whose conditions do not fail."""
    chosen: dict[str, DirectedObligation] = {}
    for c in candidates:
        if c.from_iso3 not in chosen and _status(
                [check(x, attacker, c.to_iso3) for x in c.conditions]) != "not_firing":
            chosen[c.from_iso3] = c
    return sorted(chosen.values(), key=lambda c: c.id)


def _on_side(direct: list[ObligationFinding], chained: list[ChainedDefender]
             ) -> dict[str, list[ObligationFinding]]:
    side: dict[str, list[ObligationFinding]] = {}
    for f in direct:
        side.setdefault(f.state, []).append(f)
    for c in chained:
        side.setdefault(c.state, []).append(c.chain[-1])
    return side


def _conflicts(treaties: _Treaties, a: str, on: date, side: dict[str, list[ObligationFinding]]
               ) -> list[Conflict]:
    if not side:
        return []
    rows = repo.obligations(treaties.conn, on, to=[a], frm=list(side), types=BINDING_TO_ATTACKER)
    bound: dict[str, list[ObligationFinding]] = {}
    for f in _findings(treaties, rows, on):
        bound.setdefault(f.state, []).append(f)
    return [Conflict(state=st, name=fs[0].name, defends=side[st], bound_to_attacker=fs,
                     rule="R-CONFLICT") for st, fs in sorted(bound.items())]


def _pledges(treaties: _Treaties, rows: list[DirectedObligation], on: date) -> list[Pledge]:
    """Neutrality / non-aggression owed to A or T, one record per treaty, recipient and terms."""
    groups: dict[tuple, list] = {}
    for r in rows:
        terms = tuple(sorted(c.code for c in r.conditions))
        groups.setdefault((r.treaty_id, r.phase, r.type, r.to_iso3, terms), []).append(r)
    info = treaties(rows)
    return [_pledge(group, info, on, treaties.ref) for _, group in sorted(groups.items())]


def _pledge(group: list[DirectedObligation], info: dict, on: date, ref: AllianceData) -> Pledge:
    first = finding(group[0], info, on, ref)
    givers = sorted({r.from_iso3 for r in group})
    records = sorted({ref for r in group for ref in r.rows})
    statement = (f"{', '.join(givers)} owe {first.to} {first.type} under "
                 f"{first.treaty_name or first.treaty_id}, in force on {on}")
    return Pledge(type=first.type, to=first.to, states=givers, treaty_id=first.treaty_id,
                  treaty_name=first.treaty_name, atop_id=first.atop_id, source=first.source,
                  phase=first.phase, status=first.status, conditions=first.conditions,
                  rule="R-NEUTRAL" if first.type == "neutrality" else "R-NONAGG",
                  proof=[ProofStep(rule="pledge", statement=statement, records=records),
                         *first.proof[1:]], evidence=first.evidence)


def defenders_of(conn: Connection, ref: AllianceData, of: str, on: date) -> Defenders:
    """:func:`defenders` wrapped with the question (what the CLI prints as JSON)."""
    return Defenders(of=resolve(ref, of), on=on, defenders=defenders(conn, ref, of, on))
