"""Date, place and merging through the stages, on an article written for this test."""

from __future__ import annotations

from datetime import date

import pytest

from pactwatch.config import Config
from pactwatch.pipeline import Pipeline
from pactwatch.records import Article

STAGES = ("pactwatch.parse.v1", "pactwatch.actors.v1", "pactwatch.time.v1", "pactwatch.places.v1",
          "pactwatch.events.v1", "pactwatch.merge.v1")
TEXT = ("The accord takes effect after it was approved by the Iranian parliament on August 2, and "
        "follows reports of 3,000 Iranian troops deployed in Syria's Homs governorate. "
        "Israel has protested. Analysts say the reported deployment of Iranian troops in Syria "
        "changes the balance of power.")


@pytest.fixture(scope="module")
def events(resources):
    outcome = Pipeline(Config(stages=STAGES), resources).run_one(Article.from_text(TEXT, published=date(2023, 8, 9)))
    assert outcome.ok, outcome.error
    return outcome.context.events


def test_one_deployment_with_both_mentions(events):
    moves = [e for e in events if e.type == "MOBILIZE"]
    assert len(moves) == 1
    (move,) = moves
    assert sorted({ev.sentence for ev in move.evidence}) == [0, 2]
    assert move.quantity and move.quantity.value == 3000
    assert move.location and move.location.country == "SYR" and move.location.admin1 is not None


def test_deployment_keeps_the_publication_date(events):
    (move,) = [e for e in events if e.type == "MOBILIZE"]
    assert move.date.precision == "published"
