"""Quotation regions, including quotations left open at a paragraph's end."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from pactwatch.claims.spans import quoted_regions


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
