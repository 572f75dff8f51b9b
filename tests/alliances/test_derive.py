from __future__ import annotations

from datetime import date

import pytest
import sqlalchemy as sa
from hypothesis import assume, given
from hypothesis import strategies as st

from pactwatch.alliances import atop, derive
from pactwatch.store import schema


@pytest.fixture(scope="module")
def members(atop_dir, ref):
    return atop.read_atop(atop_dir, ref.conditions).members


def _owed(obligations, atopid):
    return {(o.from_iso3, o.to_iso3, o.type) for o in obligations
            if o.treaty_id == f"atop-{atopid}"}


def test_us_japan_1960_is_asymmetric(members, ref):
    owed = _owed(derive.derive([m for m in members if m.atopid == 3375], ref), 3375)
    assert ("USA", "JPN", "defense") in owed
    assert ("JPN", "USA", "defense") not in owed
    assert ("JPN", "USA", "consultation") in owed


def test_locarno_obvary_resolved_by_ddyr(members, conn):
    """The store (loaded with the ddyr files) keeps only what ATOP's ddyr shows for 2130."""
    assert all(m.obvary for m in members if m.atopid == 2130)
    t = schema.treaty_obligations
    rows = list(conn.execute(sa.select(t).where(t.c.treaty_id == "atop-2130")))
    owed = {(r.from_iso3, r.to_iso3, r.type) for r in rows}
    # Britain and Italy guarantee the Rhineland frontiers; France and Germany do not defend them
    assert {("GBR", "FRA", "defense"), ("ITA", "DEU", "defense")} <= owed
    assert not {("FRA", "GBR", "defense"), ("DEU", "ITA", "defense")} & owed
    assert not {o for o in owed if o[2] == "nonaggression" and "GBR" in o[:2]}
    assert ("DEU", "FRA", "nonaggression") in owed
    assert {r.basis for r in rows} <= {derive.BASIS_DDYR, derive.BASIS_OBVARY_UNRESOLVED}
    assert all("directed-dyad-year" in r.note for r in rows if r.basis == derive.BASIS_DDYR)


def test_obvary_without_ddyr_is_marked_unresolved(members, ref):
    found = derive.derive([m for m in members if m.atopid == 2130], ref)
    assert {o.basis for o in found} == {derive.BASIS_OBVARY_UNRESOLVED}
    assert ("FRA", "GBR", "defense") in _owed(found, 2130)


def test_adversary_condition_carries_named_threat(members, ref):
    sino_soviet = derive.derive([m for m in members if m.atopid == 3200], ref)
    defense = next(o for o in sino_soviet if o.type == "defense")
    assert [(c.code, c.adversaries) for c in defense.conditions] == [
        ("specific_adversary", ("JPN",))]


def test_member_leaving_as_another_joins_never_overlaps(members):
    nato = [m for m in members if m.atopid == 3180]
    gfr = next(m for m in nato if m.member == 260)
    germany = next(m for m in nato if m.member == 255)
    assert derive.overlap(gfr, germany) is None


def test_news_condition_strings(ref):
    conds = derive.conditions_from_strings(
        ["attack on a party", "adversary:USA,JPN", "defcoloc", "article:4"], ref.conditions)
    assert [(c.kind, c.code) for c in conds] == [
        ("note", "note"), ("adversary", "specific_adversary"), ("location", "location")]
    assert conds[1].adversaries == ("USA", "JPN")


@given(st.dates(date(1815, 1, 1), date(2018, 12, 31)),
       st.one_of(st.none(), st.dates(date(1815, 1, 1), date(2018, 12, 31))))
def test_years_of_covers_start_to_exit_year(start, end):
    """For a real co-membership (start < end), every year from start to exit year, in order."""
    assume(end is None or end > start)
    years = derive.years_of(start, end, 2018)
    assert list(years) == list(range(start.year, (end.year if end else 2018) + 1))
