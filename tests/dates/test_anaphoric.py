"""Anaphoric time expressions ("two days later") are dated from the date mentioned before them."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pactwatch.config import Config
from pactwatch.context import ArticleContext
from pactwatch.dates.resolve import is_anaphoric, resolve, resolve_anaphoric
from pactwatch.dates.stage import STAGE
from pactwatch.records import Article, DateValue


@pytest.fixture(scope="module")
def rules(resources):
    return resources.time_rules


def dv(value: str, precision: str = "day") -> DateValue:
    return DateValue(value=date.fromisoformat(value), precision=precision)


@pytest.mark.parametrize(("text", "anchor", "expected"), [
    ("two days later", dv("2022-03-30"), dv("2022-04-01")),
    ("three weeks earlier", dv("2022-03-30"), dv("2022-03-09")),
    ("the following day", dv("2021-12-31"), dv("2022-01-01")),
    ("on the previous day", dv("2021-12-31"), dv("2021-12-30")),
    ("a month later", dv("2022-01-31"), dv("2022-02-01", "month")),
    ("a year later", dv("2022-06-01", "month"), dv("2023-01-01", "year")),
])
def test_shift_from_the_anchor(rules, text, anchor, expected):
    assert is_anaphoric(text, rules)
    assert resolve_anaphoric(text, anchor, rules) == expected


@pytest.mark.parametrize(("text", "anchor"), [
    ("two days later", None),                      # nothing mentioned before
    ("two days later", dv("2022-03-01", "month")),  # a month cannot anchor a shift in days
    ("a week later", dv("2022-03-08", "published")),
    ("some days later", dv("2022-03-08")),          # no count
])
def test_unresolved_without_a_reliable_anchor(rules, text, anchor):
    assert resolve_anaphoric(text, anchor, rules) is None


def test_publication_relative_forms_are_not_anaphoric(rules):
    assert not is_anaphoric("two days ago", rules) and not is_anaphoric("yesterday", rules)
    assert resolve("two days ago", date(2022, 3, 8), rules) == dv("2022-03-06")
    assert resolve("two days later", date(2022, 3, 8), rules) is None


@given(st.dates(min_value=date(1950, 1, 1), max_value=date(2090, 1, 1)), st.integers(1, 30))
def test_days_later_then_earlier_is_identity(rules, day, n):
    later = resolve_anaphoric(f"{n} days later", DateValue(value=day, precision="day"), rules)
    assert later.value == day + timedelta(days=n)
    assert resolve_anaphoric(f"{n} days earlier", later, rules).value == day


@pytest.fixture(scope="module")
def times(nlp, resources):
    stage = STAGE.factory(Config(), resources)

    def run(text: str):
        article = Article.from_text(text, published=date(2023, 9, 15))
        found = stage(ArticleContext(article=article, doc=nlp(article.text))).times
        return {m.text: m.date.value.isoformat() for m in found}

    return run


def test_stage_anchors_on_the_previous_mention(times):
    found = times("The senate ratified the accord on June 12. The president signed it three days later.")
    assert found["three days later"] == "2023-06-15"


def test_stage_leaves_an_unanchored_shift_out(times):
    found = times("Talks resumed. Officials met again two days later in the capital.")
    assert "two days later" not in found


def test_anchor_must_be_near(times):
    text = ("The ceasefire began on June 12. Aid convoys crossed the border. Markets reopened. "
            "The talks collapsed two days later.")
    assert "two days later" not in times(text)
