"""Date resolution against the publication date: examples and properties."""

from __future__ import annotations

import calendar
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pactwatch.dates.data import load_time_rules
from pactwatch.dates.resolve import resolve
from pactwatch.errors import PactwatchError
from pactwatch.records import DateValue

PUB = date(2024, 11, 6)  # a Wednesday
published = st.dates(min_value=date(1950, 1, 1), max_value=date(2090, 12, 31))
months = st.integers(min_value=1, max_value=12)
WEEKDAYS = [d for d in calendar.day_name]


@pytest.fixture(scope="module")
def rules(resources):
    return resources.time_rules


def dv(text: str, precision: str = "day") -> DateValue:
    return DateValue(value=date.fromisoformat(text), precision=precision)


@pytest.mark.parametrize(("text", "expected"), [
    ("on October 24", dv("2024-10-24")),
    ("24 October 2024", dv("2024-10-24")),
    ("Oct. 24", dv("2024-10-24")),
    ("the 24th of October", dv("2024-10-24")),
    ("in March", dv("2024-03-01", "month")),
    ("late October", dv("2024-10-01", "month")),
    ("November 2023", dv("2023-11-01", "month")),
    ("in 2023", dv("2023-01-01", "year")),
    ("early 2023", dv("2023-01-01", "year")),
    ("last week", dv("2024-10-30")),
    ("last month", dv("2024-10-01", "month")),
    ("yesterday", dv("2024-11-05")),
    ("last night", dv("2024-11-05")),
    ("on Monday", dv("2024-11-04")),
    ("Wednesday", dv("2024-11-06")),
    ("last Wednesday", dv("2024-10-30")),
    ("earlier this year", dv("2024-01-01", "year")),
    ("two days ago", dv("2024-11-04")),
    ("3 weeks ago", dv("2024-10-16")),
    ("next Tuesday", dv("2024-11-12")),
    ("tomorrow", dv("2024-11-07")),
    ("2024-10-24", dv("2024-10-24")),
    ("5 JAN 90", dv("1990-01-05")),
    ("Friday, January 4, 2019", dv("2019-01-04")),
    ("0600 THIS MORNING", dv("2024-11-06")),
])
def test_examples(rules, text, expected):
    assert resolve(text, PUB, rules) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("on October 24", dv("2025-10-24")),
    ("in March", dv("2025-03-01", "month")),
    ("on Monday", dv("2024-11-11")),
    ("in November", dv("2024-11-01", "month")),
])
def test_future_reading(rules, text, expected):
    assert resolve(text, PUB, rules, future=True) == expected


@pytest.mark.parametrize("text", [
    "recently", "in the coming weeks", "since the Cold War", "two days", "the 1990s",
    "a few days ago", "this week", "decades", "soon",
])
def test_vague_expressions_resolve_to_nothing(rules, text):
    assert resolve(text, PUB, rules) is None


def test_relative_needs_a_publication_date(rules):
    assert resolve("yesterday", None, rules) is None
    assert resolve("on October 24", None, rules) is None
    assert resolve("24 October 2024", None, rules) == dv("2024-10-24")


@given(published, months, st.integers(min_value=1, max_value=31))
def test_explicit_day_is_the_last_occurrence(rules, pub, month, day):
    found = resolve(f"{calendar.month_name[month]} {day}", pub, rules)
    if found is None:  # no such day in any year (April 31)
        assert day > max(calendar.monthrange(2024, month)[1], 1)
        return
    assert found.precision == "day"
    assert (found.value.month, found.value.day) == (month, day)
    assert found.value <= pub
    # Feb 29 may lie up to eight years back (1900, 2100 are not leap years)
    limit = 366 if (month, day) != (2, 29) else 366 * 8
    assert (pub - found.value).days <= limit


@given(published, months)
def test_month_is_the_last_occurrence(rules, pub, month):
    found = resolve(f"in {calendar.month_name[month]}", pub, rules)
    assert found.precision == "month" and found.value.month == month and found.value.day == 1
    assert found.value <= pub and (pub - found.value).days < 366


@given(published, st.integers(min_value=0, max_value=400))
def test_days_ago_is_exact(rules, pub, n):
    assert resolve(f"{n} days ago", pub, rules) == DateValue(value=pub - timedelta(days=n), precision="day")


@given(published, st.sampled_from(WEEKDAYS), st.booleans())
def test_weekday_lands_within_a_week(rules, pub, name, future):
    found = resolve(f"on {name}", pub, rules, future=future)
    assert found.value.weekday() == WEEKDAYS.index(name)
    gap = (found.value - pub).days
    assert (1 <= gap <= 7) if future else (-6 <= gap <= 0)


@given(published, st.sampled_from(WEEKDAYS))
def test_last_weekday_is_strictly_before(rules, pub, name):
    found = resolve(f"last {name}", pub, rules)
    assert found.value.weekday() == WEEKDAYS.index(name)
    assert 1 <= (pub - found.value).days <= 7


@given(st.dates(), st.sampled_from(["day", "month", "year", "published"]))
def test_date_value_json_round_trip(value, precision):
    original = DateValue(value=value, precision=precision)
    assert DateValue.from_json(original.to_json()) == original


def test_rules_file_errors_are_reported(tmp_path):
    bad = tmp_path / "time.yaml"
    bad.write_text("schema: pactwatch.dates.time.v1\nsources: []\n", encoding="utf-8")
    with pytest.raises(PactwatchError, match="PW521"):
        load_time_rules(str(bad))
    with pytest.raises(PactwatchError, match="PW520"):
        load_time_rules(str(tmp_path / "missing.yaml"))
