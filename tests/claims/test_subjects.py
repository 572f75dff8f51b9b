"""Claim subjects: the actors a claim is about, which decide cross-article merging."""

from datetime import date

import pytest

import pactwatch


@pytest.fixture(scope="module")
def claims():
    text = ("Lithuanian officials said Belarusian troops had massed near the border on Monday. "
            "Minsk denied the reports. "
            "Officials in Vilnius also said their air defences were ready.")
    return {c.proposition: c for c in pactwatch.extract(text, date(2025, 3, 4)).claims}


def test_countries_named_in_the_content(claims):
    [massed] = [c for c in claims.values() if c.status == "disputed"]  # Minsk denies it
    assert massed.subjects == ["BLR"]


def test_a_content_naming_nobody_is_about_its_speakers(claims):
    [ready] = [c for c in claims.values() if c.status == "uncontested"]
    assert ready.subjects == ["LTU"]
