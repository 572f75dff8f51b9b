from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from pactwatch.alliances import atop


def test_reads_official_files(atop_dir, ref):
    data = atop.read_atop(atop_dir, ref.conditions)
    assert (len(data.alliances), len(data.members)) == (789, 2510)
    nato = [m for m in data.members if m.atopid == 3180 and m.member == 2]
    assert [(m.phase, m.entry, m.exit) for m in nato] == [
        (1, date(1949, 4, 4), date(1951, 6, 19)), (2, date(1951, 6, 19), None)]
    assert all(m.ineffect for m in nato if m.exit is None)


def test_ddyr_split_files(atop_dir):
    rows = atop.read_ddyr(atop_dir / "atop5_1ddyr_1980_1999.csv")
    assert rows[0].ccode1 == 2 and len(rows[0].flags) == 5
    assert {r.year for r in rows} == set(range(1980, 2000))


@given(st.integers(1815, 2018), st.integers(1, 12), st.one_of(st.none(), st.integers(1, 28)))
def test_missing_days_fill_to_the_widest_span(year, month, day):
    start, end = atop.entry_date(year, month, day), atop.exit_date(year, month, day)
    assert start <= end
    assert start.month == end.month == month
    if day is None:
        assert start.day == 1 and (end.replace(day=28) < end or month == 2)


def test_exit_zero_is_open():
    assert atop.exit_date(0, 0, 0) is None
