"""The example article through parse → actors → time → places → events (→ merge).

Checks what the events stage can reach; actor codes come from the actors stage and are
asserted only where they are the point (who signed, who supports whom).
"""

from datetime import date

import pytest

from pactwatch.config import Config
from pactwatch.merge import merge_events
from pactwatch.pipeline import Pipeline
from pactwatch.records import Article

STAGES = ("pactwatch.parse.v1", "pactwatch.actors.v1", "pactwatch.time.v1", "pactwatch.places.v1",
          "pactwatch.events.v1")


@pytest.fixture(scope="module")
def seed(example_article, resources):
    outcome = Pipeline(Config(stages=STAGES), resources).run_one(Article.from_text(example_article, published=date(2024, 11, 6)))
    assert outcome.ok, outcome.error
    return outcome.context


def _names(actors):
    return " ".join(a.name + " " + a.text for a in actors)


def test_ratification_is_support_by_the_legislature(seed):
    hits = [e for e in seed.events if e.type == "SUPPORT" and e.trigger == "ratified"]
    assert hits and "Federation Council" in _names(hits[0].source)


def test_signing_by_both_leaders(seed):
    (signed,) = [e for e in seed.events if e.trigger == "signed"]
    assert signed.type == "SUPPORT"
    assert "Putin" in _names(signed.source) and "Kim Jong Un" in _names(signed.source)


def test_troop_deployment_with_quantity_and_report(seed):
    moves = [e for e in seed.events if e.type in ("AID", "MOBILIZE") and e.quantity]
    assert moves and moves[0].quantity.value == 10000
    assert moves[0].status == "reported"


def test_missile_launch_is_mobilize_weapons(seed):
    (fired,) = [e for e in seed.events if e.trigger == "fired"]
    assert (fired.type, fired.mode) == ("MOBILIZE", "weapons")
    assert "North Korea" in _names(fired.source)


def test_foreign_minister_support_for_russia(seed):
    support = [e for e in seed.events if e.type == "SUPPORT" and "Russia" in _names(e.target)]
    assert any("North Korea" in _names(e.source) or "Pyongyang" in _names(e.source) for e in support)


def test_dates_fall_back_to_publication(seed):
    assert all(e.date is not None for e in seed.events)
    assert {e.date.precision for e in seed.events} <= {"day", "month", "year", "published"}


def test_far_fewer_events_than_sentences_after_merge(seed):
    merged = merge_events(seed.events)
    assert 4 <= len(merged) < len(seed.sentences) / 2


def test_ids_are_deterministic(seed, example_article, resources):
    again = Pipeline(Config(stages=STAGES), resources).run_one(Article.from_text(example_article, published=date(2024, 11, 6)))
    assert [e.id for e in again.context.events] == [e.id for e in seed.events]
