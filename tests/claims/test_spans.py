"""Quotation regions, including quotations left open at a paragraph's end."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pactwatch.claims.lexicon import load_lexicon
from pactwatch.claims.spans import dateline_end, quotations, quoted_regions

DATELINE = load_lexicon().dateline


def _shown(text: str) -> list[str]:
    return [text[s:e] for s, e in quoted_regions(text)]


def test_closed_and_open_quotations():
    text = "“We will stay,” he said. “And we will fight\nNext paragraph, he said."
    assert _shown(text) == ["“We will stay,”", "“And we will fight"]


def test_straight_and_doubled_marks():
    assert _shown('He said "no" twice.') == ['"no"']
    assert _shown("She called him her ''Obama whisperer.'' Then left.") == [
        "''Obama whisperer.''"]


def test_a_stray_closing_mark_opens_nothing():
    assert _shown("the end of a quote” he said") == []


@given(st.text(alphabet="ab “”\"'\n", max_size=60))
def test_regions_are_ordered_and_stay_in_their_paragraph(text):
    regions = quoted_regions(text)
    assert all(s < e and "\n" not in text[s:e] for s, e in regions)
    assert all(e1 <= s2 for (_, e1), (s2, _) in zip(regions, regions[1:], strict=False))
    assert all(text[s] in "“\"'" for s, _ in regions)


@pytest.mark.parametrize("text, rest", [
    ("WASHINGTON (AP) — Donald Trump said", "Donald Trump said"),
    ("NEW YORK, Dec. 11 (UPI) — The mayor said", "The mayor said"),
    ("Mexico City (AFP) – A judge ruled", "A judge ruled"),
    ("CLEVELAND - Donald Trump arrived", "Donald Trump arrived"),
    ("The presidential candidates — all five — spoke", "The presidential candidates — all five — spoke"),
    ("Jane Roe - a senator - spoke", "Jane Roe - a senator - spoke"),
])
def test_dateline_end(text, rest):
    assert text[dateline_end(text, 0, DATELINE):] == rest


@given(st.text(alphabet="AB ab()—-,.\n", max_size=40), st.integers(0, 40))
def test_dateline_end_stays_in_the_text(text, lo):
    lo = min(lo, len(text))
    assert lo <= dateline_end(text, lo, DATELINE) <= len(text)


def test_a_nested_quotation_closing_with_doubled_marks():
    text = "''He said, 'No daylight,''' she recalled. ''Yes,'' he said."
    assert [text[s:e] for s, e in quotations(text, 0, len(text))] == [
        "''He said, 'No daylight,'''", "''Yes,''"]
