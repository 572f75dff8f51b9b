"""Dated sectors: a body's sector is the one it held on the article's publication date."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from pactwatch.actors.data import Institution
from pactwatch.actors.matcher import actors_in_doc


def body(*periods) -> Institution:
    return Institution.model_validate({"name": "Front", "country": "AFG", "sector": "GOV", "aliases": [],
                                       "source": "s", "sectors": list(periods)})


SPLIT = body({"sector": "REB", "until": date(2010, 6, 30), "source": "s"},
             {"sector": "GOV", "from": date(2010, 7, 1), "source": "s"})


def test_sector_by_period_and_undated_fallback():
    assert SPLIT.sector_on(date(2010, 6, 30)) == "REB"
    assert SPLIT.sector_on(date(2010, 7, 1)) == "GOV"
    assert SPLIT.sector_on(None) == "GOV"


@given(st.dates())
def test_every_day_has_exactly_one_sector(day):
    assert SPLIT.sector_on(day) == ("REB" if day <= date(2010, 6, 30) else "GOV")


def test_overlapping_periods_are_rejected():
    with pytest.raises(ValidationError):
        body({"sector": "REB", "until": date(2010, 7, 1), "source": "s"},
             {"sector": "GOV", "from": date(2010, 7, 1), "source": "s"})


@pytest.fixture(scope="module")
def find_actors(resources):
    def run(text: str, published: date | None):
        return actors_in_doc(resources.nlp(text), published, resources.actor_matching)
    return run


def test_shipped_dated_sectors_use_the_sector_vocabulary(resources):
    known = {i.sector for i in resources.actors.institutions}
    for inst in resources.actors.dated_sectors().values():
        assert {p.sector for p in inst.sectors} <= known, inst.name


@pytest.mark.parametrize(("published", "sector"), [
    (date(2019, 1, 24), "INS"), (date(1998, 5, 1), "GOV"), (date(2023, 3, 1), "GOV"), (None, "GOV"),
])
def test_taliban_by_publication_date(find_actors, published, sector):
    actors = find_actors("The Taliban seized the district centre.", published)
    assert [(a.country, a.sector) for a in actors if a.name == "Taliban"] == [("AFG", sector)]


def test_hts_before_and_after_damascus(find_actors):
    text = "Hayat Tahrir al-Sham announced new appointments."
    before = find_actors(text, date(2020, 2, 1))
    after = find_actors(text, date(2025, 1, 10))
    assert {a.sector for a in before if a.country == "SYR"} == {"REB"}
    assert {a.sector for a in after if a.country == "SYR"} == {"GOV"}


@pytest.mark.parametrize(("published", "sector"), [
    (date(2019, 1, 24), "INS"), (date(2000, 5, 1), "MIL"), (date(2023, 3, 1), "MIL")])
def test_taliban_fighters_are_the_insurgency_until_they_are_the_army(find_actors, published, sector):
    actors = find_actors("Taliban fighters attacked a checkpoint in Ghazni.", published)
    assert {(a.country, a.sector) for a in actors} == {("AFG", sector)}
