"""Save and load the alliance registry; every function takes an open Connection.

ATOP rows are replaced as a whole on reload (``source='atop'``); treaties from the news or the
current-treaties file are saved one by one with :func:`save_treaty` as ordinary rows.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Sequence
from datetime import date
from functools import lru_cache

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from pactwatch.alliances.atop import AtopData, AtopMember
from pactwatch.alliances.cow import CowState
from pactwatch.alliances.derive import (
    Condition,
    DirectedObligation,
    atop_treaty_id,
    conditions_from_strings,
)
from pactwatch.alliances.reference import AllianceData
from pactwatch.records import DateValue, Obligation, Treaty
from pactwatch.store import schema as s

log = logging.getLogger(__name__)

ATOP_TO_TYPE = {"defense": "defense", "offense": "offense", "neutral": "neutrality",
                "nonagg": "nonaggression", "consul": "consultation"}
_CHILDREN = (s.treaty_obligations, s.treaty_members, s.treaty_phases, s.treaty_ratifications)


# -- states ----------------------------------------------------------------------------------
def save_states(conn: Connection, ref: AllianceData, states: Sequence[CowState]) -> int:
    """Replace the states table: the COW list plus the ISO3 map's extra codes."""
    conn.execute(s.state_spells.delete())
    conn.execute(s.states.delete())
    cow = {st.ccode: st for st in states}
    rows = [{"ccode": e.ccode, "cow_abbr": e.cow_abbr, "name": cow[e.ccode].name
             if e.ccode in cow else e.name, "iso3": e.iso3, "iso_rule": e.rule,
             "aliases": list(e.aliases), "note": e.note} for e in ref.iso_map.states]
    missing = sorted(set(cow) - {r["ccode"] for r in rows})
    for ccode in missing:
        ref.iso3_of(ccode)  # raises PW301
    conn.execute(s.states.insert(), rows)
    spells = [{"ccode": st.ccode, "start": sp.start, "end": sp.end}
              for st in states for sp in st.spells]
    if spells:
        conn.execute(s.state_spells.insert(), spells)
    return len(rows)


def state_spells(conn: Connection) -> dict[int, list[tuple[date, date]]]:
    out: dict[int, list[tuple[date, date]]] = {}
    for row in conn.execute(sa.select(s.state_spells)):
        out.setdefault(row.ccode, []).append((row.start, row.end))
    return out


# -- ATOP ------------------------------------------------------------------------------------
def delete_source(conn: Connection, source: str) -> None:
    ids = sa.select(s.treaties.c.id).where(s.treaties.c.source == source)
    for table in _CHILDREN:
        conn.execute(table.delete().where(table.c.treaty_id.in_(ids)))
    conn.execute(s.treaties.delete().where(s.treaties.c.source == source))


def save_atop(conn: Connection, ref: AllianceData, data: AtopData,
              obligations: Iterable[DirectedObligation], origin: str) -> dict[str, int]:
    """Replace the ATOP registry with ``data`` and its derived directed obligations."""
    delete_source(conn, "atop")
    names = _atop_names(data.members, ref)
    treaties = [_atop_treaty_row(a, names, origin) for a in data.alliances]
    phases = [{"treaty_id": atop_treaty_id(p.atopid), "phase": p.phase, "start": p.begin,
               "end": p.end, "threats": [ref.iso3_of(c) for c in p.statthr], "data": p.fields}
              for p in data.phases]
    members = [_member_row(m, ref) for m in data.members]
    obligation_rows = [obligation_row(o) for o in obligations]
    for table, rows in ((s.treaties, treaties), (s.treaty_phases, phases),
                        (s.treaty_members, members), (s.treaty_obligations, obligation_rows)):
        if rows:
            conn.execute(table.insert(), rows)
    return {"treaties": len(treaties), "phases": len(phases), "members": len(members),
            "obligations": len(obligation_rows)}


def _atop_names(members: Sequence[AtopMember], ref: AllianceData) -> dict[int, str]:
    by: dict[int, list[str]] = {}
    for m in members:
        code = ref.iso3_of(m.member)
        if code not in by.setdefault(m.atopid, []):
            by[m.atopid].append(code)
    return {aid: ", ".join(codes[:5]) + (f" and {len(codes) - 5} more" if len(codes) > 5 else "")
            for aid, codes in by.items()}


def _atop_treaty_row(a, names: dict[int, str], origin: str) -> dict:
    return {"id": atop_treaty_id(a.atopid), "source": "atop", "atop_id": a.atopid,
            "cow4id": a.cow4id, "name": f"ATOP {a.atopid}: {names.get(a.atopid, '?')} "
            f"({a.begin.year})", "signed": a.begin, "ended": a.end,
            "status": "in_effect_2018" if a.end is None else "ended", "bilat": a.bilat,
            "asymm": a.asymm, "origin": origin, "data": a.fields}


def _member_row(m: AtopMember, ref: AllianceData) -> dict:
    flags = {ATOP_TO_TYPE[k]: v for k, v in m.obligations.items()}
    return {"treaty_id": atop_treaty_id(m.atopid), "phase": m.phase, "ccode": m.member,
            "iso3": ref.iso3_of(m.member), "entry": m.entry, "exit": m.exit,
            "in_effect": m.ineffect, **flags, "asymm": m.asymm, "obvary": m.obvary,
            "conditions": m.conditions, "data": m.fields}


def obligation_row(o: DirectedObligation) -> dict:
    return {"treaty_id": o.treaty_id, "phase": o.phase, "type": o.type,
            "from_ccode": o.from_ccode, "to_ccode": o.to_ccode, "from_iso3": o.from_iso3,
            "to_iso3": o.to_iso3, "start": o.start, "end": o.end,
            "conditions": [c.model_dump(mode="json") for c in o.conditions],
            "conditional": o.conditional, "basis": o.basis,
            "article": o.article, "note": o.note, "rows": list(o.rows)}


# -- treaties from news or the current-treaties file ------------------------------------------
def save_treaty(conn: Connection, ref: AllianceData, treaty: Treaty, origin: str,
                source: str = "news") -> str:
    """Save one Treaty record as ordinary registry rows; returns the stored treaty id.

    A treaty carrying the ``atop_id`` of a loaded ATOP treaty is merged into it: its evidence
    is added to the ATOP row and ATOP's coding stays.  Otherwise the treaty's rows are replaced.
    Obligations run from the signature date (ATOP's rule: leaders act on a signed alliance);
    without one, from the in-force date, else the earliest ratification step's date.
    """
    if treaty.atop_id is not None and (existing := _atop_row(conn, treaty.atop_id)):
        return _merge_evidence(conn, existing, treaty)
    for table in _CHILDREN:
        conn.execute(table.delete().where(table.c.treaty_id == treaty.id))
    conn.execute(s.treaties.delete().where(s.treaties.c.id == treaty.id))
    signed = treaty.signed.value if treaty.signed else None
    start = signed or _start_from_ratification(treaty)
    conn.execute(s.treaties.insert(), [{
        "id": treaty.id, "source": source, "atop_id": treaty.atop_id, "cow4id": None,
        "name": treaty.name, "signed": signed, "ended": None, "status": treaty.status,
        "bilat": len(treaty.parties) == 2, "asymm": _asymmetric(treaty), "origin": origin,
        "data": treaty.to_dict()}])
    _insert(conn, s.treaty_members, [_party_row(treaty, p, start, ref) for p in treaty.parties])
    _insert(conn, s.treaty_obligations, [obligation_row(o) for o in
                                         treaty_obligations(treaty, source, start, ref)])
    _insert(conn, s.treaty_ratifications, [_ratification_row(treaty.id, r)
                                           for r in treaty.ratification])
    return treaty.id


def _start_from_ratification(treaty: Treaty) -> date | None:
    dated = [r for r in treaty.ratification if r.date is not None]
    in_force = [r.date.value for r in dated if r.stage == "in_force"]
    start = min(in_force) if in_force else min((r.date.value for r in dated), default=None)
    if start is None and treaty.obligations:
        log.warning("treaty %s has no date: its obligations are not saved", treaty.id)
    return start


def _insert(conn: Connection, table: sa.Table, rows: list[dict]) -> None:
    if rows:
        conn.execute(table.insert(), rows)


def _atop_row(conn: Connection, atop_id: int):
    query = sa.select(s.treaties).where(s.treaties.c.atop_id == atop_id,
                                        s.treaties.c.source == "atop")
    return conn.execute(query).first()


def _merge_evidence(conn: Connection, row, treaty: Treaty) -> str:
    data = dict(row.data)
    known = {(e.get("article_id"), e.get("start"), e.get("end")) for e in data.get("evidence", [])}
    new = [e.model_dump(mode="json") for e in treaty.evidence
           if (e.article_id, e.start, e.end) not in known]
    data["evidence"] = [*data.get("evidence", []), *new]
    conn.execute(s.treaties.update().where(s.treaties.c.id == row.id).values(data=data))
    return row.id


def _asymmetric(treaty: Treaty) -> bool:
    owed = {(o.type, o.from_, o.to) for o in treaty.obligations}
    return any((t, b, a) not in owed for t, a, b in owed)


def _party_row(treaty: Treaty, iso3: str, signed: date | None, ref: AllianceData) -> dict:
    types = {o.type for o in treaty.obligations if o.from_ == iso3}
    return {"treaty_id": treaty.id, "phase": 0, "ccode": ref.unique_ccodes.get(iso3),
            "iso3": iso3,
            "entry": signed, "exit": None, "in_effect": True,
            **{t: t in types for t in s.OBLIGATION_TYPES}, "asymm": _asymmetric(treaty),
            "obvary": False, "conditions": {}, "data": {}}


def treaty_obligations(treaty: Treaty, source: str, signed: date | None, ref: AllianceData
                       ) -> list[DirectedObligation]:
    codes = ref.unique_ccodes
    return [DirectedObligation(
        treaty_id=treaty.id, phase=0, type=o.type, from_ccode=codes.get(o.from_),
        to_ccode=codes.get(o.to), from_iso3=o.from_, to_iso3=o.to, start=signed, end=None,
        conditions=conditions_from_strings(o.conditions, ref.conditions), basis=source,
        article=_article_of(o.conditions), rows=(f"treaty {treaty.id}",))
        for o in treaty.obligations if signed is not None]


def _article_of(conditions: list[str]) -> str | None:
    return next((c.split(":", 1)[1].strip() for c in conditions if c.startswith("article:")), None)


def _ratification_row(treaty_id: str, r) -> dict:
    return {"treaty_id": treaty_id, "party": r.party, "stage": r.stage, "body": r.body,
            "date": r.date.value if r.date else None,
            "precision": r.date.precision if r.date else None,
            "evidence": [e.model_dump(mode="json") for e in r.evidence]}


# -- queries ---------------------------------------------------------------------------------
def in_force(table: sa.Table, on: date):
    """Rows in force on ``on``: started on or before it and not yet ended (half-open)."""
    return sa.and_(table.c.start <= on, sa.or_(table.c.end.is_(None), table.c.end > on))


@lru_cache(maxsize=4096)
def _parse_conditions(text: str | None) -> tuple[Condition, ...]:
    return tuple(Condition.model_validate(c) for c in json.loads(text or "[]"))


def _obligation(r) -> DirectedObligation:
    return DirectedObligation(
        id=r.id, treaty_id=r.treaty_id, phase=r.phase, type=r.type, from_ccode=r.from_ccode,
        to_ccode=r.to_ccode, from_iso3=r.from_iso3, to_iso3=r.to_iso3, start=r.start, end=r.end,
        conditions=_parse_conditions(r.conditions), basis=r.basis, article=r.article,
        note=r.note, rows=tuple(json.loads(r.rows or "[]")))


def _obligation_columns() -> list:
    t = s.treaty_obligations
    as_text = {"conditions", "rows"}
    return [sa.cast(c, sa.Text).label(c.name) if c.name in as_text else c for c in t.c]


def obligations(conn: Connection, on: date, *, to: Iterable[str] | None = None,
                frm: Iterable[str] | None = None, types: Iterable[str] | None = None,
                not_from: Iterable[str] = (), conditional: bool | None = None
                ) -> list[DirectedObligation]:
    """Directed obligations in force on a date, filtered by recipient, giver, type and
    whether they carry conditions (one query).  Lists are bound as expanding parameters, so
    the compiled statement is cached whatever their length."""
    params = {"on": on, "to": _list(to), "frm": _list(frm), "types": _list(types),
              "not_from": _list(not_from)}
    if not _nonempty(params):
        return []
    used = {k: v for k, v in params.items() if v}
    query = _obligations_query(frozenset(used), conditional)
    return [_obligation(r) for r in conn.execute(query, used)]


@lru_cache(maxsize=64)
def _obligations_query(filters: frozenset[str], conditional: bool | None) -> sa.Select:
    """The (cached) statement for one combination of filters."""
    t = s.treaty_obligations
    query = sa.select(*_obligation_columns()).where(_in_force_param(t))
    for name, column in (("to", t.c.to_iso3), ("frm", t.c.from_iso3), ("types", t.c.type)):
        if name in filters:
            query = query.where(column.in_(sa.bindparam(name, expanding=True)))
    if "not_from" in filters:
        query = query.where(t.c.from_iso3.not_in(sa.bindparam("not_from", expanding=True)))
    if conditional is not None:
        query = query.where(t.c.conditional == conditional)
    return query


def _list(values: Iterable[str] | None) -> list[str] | None:
    return None if values is None else sorted(set(values))


def _nonempty(params: dict) -> bool:
    return all(params[k] != [] for k in ("to", "frm", "types"))


def _in_force_param(t: sa.Table):
    on = sa.bindparam("on", type_=sa.Date)
    return sa.and_(t.c.start <= on, sa.or_(t.c.end.is_(None), t.c.end > on))


def _unconditional(t: sa.Table):
    return t.c.conditional == False  # noqa: E712 - SQL comparison, not Python


def one_unconditional_per_giver(conn: Connection, on: date, to: Iterable[str], type: str,
                                not_from: Iterable[str]) -> list[DirectedObligation]:
    """For each giving state, one unconditional obligation of ``type`` to any of ``to``."""
    params = {"on": on, "to": sorted(to), "type": type, "not_from": sorted(not_from) or [""]}
    return [_obligation(r) for r in conn.execute(_FIRST_PER_GIVER_QUERY, params)]


def _first_per_giver_query() -> sa.Select:
    t = s.treaty_obligations
    ids = (sa.select(sa.func.min(t.c.id))
           .where(_in_force_param(t), t.c.to_iso3.in_(sa.bindparam("to", expanding=True)),
                  t.c.type == sa.bindparam("type"), _unconditional(t),
                  t.c.from_iso3.not_in(sa.bindparam("not_from", expanding=True)))
           .group_by(t.c.from_iso3))
    return sa.select(*_obligation_columns()).where(t.c.id.in_(ids))


_FIRST_PER_GIVER_QUERY = _first_per_giver_query()  # built once, compiled once


def conditional_candidates(conn: Connection, on: date, to: Iterable[str], type: str,
                           not_from: Iterable[str]) -> list[DirectedObligation]:
    """Conditional obligations of ``type`` to any of ``to`` in force on ``on``, ordered by
    giver, recipient and treaty (one query)."""
    params = {"on": on, "to": sorted(to), "type": type, "not_from": sorted(not_from) or [""]}
    return [_obligation(r) for r in conn.execute(_CANDIDATES_QUERY, params)]


def _candidates_query() -> sa.Select:
    t = s.treaty_obligations
    return (sa.select(*_obligation_columns())
            .where(_in_force_param(t), t.c.to_iso3.in_(sa.bindparam("to", expanding=True)),
                   t.c.type == sa.bindparam("type"), t.c.conditional == True,  # noqa: E712
                   t.c.from_iso3.not_in(sa.bindparam("not_from", expanding=True)))
            .order_by(t.c.from_iso3, t.c.to_iso3, t.c.treaty_id, t.c.id))


_CANDIDATES_QUERY = _candidates_query()  # built once, compiled once


def treaty_info(conn: Connection, ids: Iterable[str]) -> dict[str, sa.Row]:
    """Name, source, ATOP id, origin and (news/current) data of the given treaties: one query."""
    ids = sorted(set(ids))
    if not ids:
        return {}
    return {r.id: r for r in conn.execute(_TREATY_INFO_QUERY, {"ids": ids})}


def _treaty_info_query() -> sa.Select:
    t = s.treaties
    data = sa.case((t.c.source == "atop", sa.null()), else_=t.c.data).label("data")
    return (sa.select(t.c.id, t.c.name, t.c.source, t.c.atop_id, t.c.origin, data)
            .where(t.c.id.in_(sa.bindparam("ids", expanding=True))))


_TREATY_INFO_QUERY = _treaty_info_query()  # built once, compiled once


# -- treaties as records ------------------------------------------------------------------------
AtopParts = dict[str, dict[tuple[str, str, str], list[str]]]


def treaty_records(conn: Connection, rows) -> list[Treaty]:
    """Stored treaty rows as records.Treaty: news/current rows as saved, ATOP rows rebuilt from
    their members and obligations (two queries for all the ATOP rows together)."""
    rows = list(rows)
    atop_ids = sorted({row.id for row in rows if row.source == "atop"})
    obligations, members = _atop_obligations(conn, atop_ids), _atop_members(conn, atop_ids)
    return [_atop_record(row, obligations.get(row.id, {}), members.get(row.id, set()))
            if row.source == "atop" else Treaty.model_validate(row.data) for row in rows]


def _atop_obligations(conn: Connection, ids: list[str]) -> AtopParts:
    """Per treaty, its distinct (type, giver, recipient) with the first row's condition texts."""
    if not ids:
        return {}
    found: AtopParts = {}
    for treaty_id, typ, src, dst, conds in conn.execute(_ATOP_OBLIGATIONS_QUERY, {"ids": ids}):
        texts = sorted({_condition_text(c) for c in conds if c.get("kind") != "note"})
        found.setdefault(treaty_id, {}).setdefault((typ, src, dst), texts)
    return found


def _atop_obligations_query() -> sa.Select:
    o = s.treaty_obligations
    return (sa.select(o.c.treaty_id, o.c.type, o.c.from_iso3, o.c.to_iso3, o.c.conditions)
            .where(o.c.treaty_id.in_(sa.bindparam("ids", expanding=True)))
            .order_by(o.c.treaty_id, o.c.id))


_ATOP_OBLIGATIONS_QUERY = _atop_obligations_query()  # built once, compiled once


def _atop_members(conn: Connection, ids: list[str]) -> dict[str, set[str]]:
    if not ids:
        return {}
    m = s.treaty_members
    query = (sa.select(m.c.treaty_id, m.c.iso3).distinct()
             .where(m.c.treaty_id.in_(sa.bindparam("ids", expanding=True))))
    found: dict[str, set[str]] = {}
    for treaty_id, iso3 in conn.execute(query, {"ids": ids}):
        found.setdefault(treaty_id, set()).add(iso3)
    return found


def _condition_text(c: dict) -> str:
    detail = c.get("adversaries") or c.get("locations")
    if detail:
        return f"{c['kind']}:{','.join(detail)}"
    return c.get("variable") or c.get("code") or c.get("text", "")


def _atop_record(row, obligations: dict[tuple[str, str, str], list[str]],
                 members: set[str]) -> Treaty:
    """An ATOP alliance as a Treaty: its members and distinct directed obligations."""
    return Treaty(
        id=row.id, name=row.name, parties=sorted(members), atop_id=row.atop_id,
        signed=DateValue(value=row.signed, precision="day") if row.signed else None,
        status=row.status, evidence=(row.data or {}).get("evidence", []),
        obligations=[Obligation(type=t, to=d, conditions=c, **{"from": f})
                     for (t, f, d), c in sorted(obligations.items())])
