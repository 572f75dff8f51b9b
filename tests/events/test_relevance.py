"""Relevance: an event needs a political actor as source or target; confidence says how sure."""

from __future__ import annotations

import pytest

from pactwatch.api import extract
from pactwatch.errors import PactwatchError
from pactwatch.events.relevance import load_relevance_file
from pactwatch.records import Actor


@pytest.fixture(scope="module")
def rules(resources):
    return resources.relevance


@pytest.mark.parametrize("actor", [
    Actor(name="Russia", text="Russia", country="RUS"),
    Actor(name="Russian Armed Forces", text="Russian troops", country="RUS", sector="MIL"),
    Actor(name="NATO", text="NATO", sector="IGO"),
    Actor(name="Joe Biden", text="Biden", country="USA", sector="GOV", person="Joe Biden"),
    Actor(name="police", text="police"),                  # a role noun of titles.yaml, sector COP
    Actor(name="both state police", text="both state police"),
    Actor(name="lawmakers", text="lawmakers"),
    Actor(name="rebels", text="rebels"),
])
def test_states_bodies_office_holders_and_political_role_nouns_are_political(rules, actor):
    assert rules.political(actor)


@pytest.mark.parametrize("actor", [
    Actor(name="fish", text="fish"),
    Actor(name="scientists", text="scientists"),
    Actor(name="people", text="people"),                  # a role noun, but sector CVL
    Actor(name="company", text="company"),                # BUS
    Actor(name="British researchers", text="British researchers", country="GBR", sector="CVL"),
    Actor(name="home side", text="home side"),            # a relational noun without a qualifier
    Actor(name="Wynnum", text="Wynnum"),                  # a name the actor data does not know
])
def test_animals_teams_civilians_companies_and_unknown_names_are_not(rules, actor):
    assert not rules.political(actor)


def test_an_event_is_relevant_when_either_side_is_political(rules):
    fish, police = Actor(name="fish", text="fish"), Actor(name="police", text="police")
    assert rules.relevant([fish], [police])
    assert rules.relevant([], [police])
    assert not rules.relevant([fish], [Actor(name="people", text="people")])
    assert not rules.relevant([], [])


@pytest.mark.parametrize("text", [
    "Voracious fish defend coral reefs against warming, scientists say.",
    "The home side hit back with two tries in the second half.",
    "A few hundred people attended a party in the park.",
    "The company released a new phone on Monday.",
])
def test_sentences_with_no_political_actor_yield_no_event(text):
    assert extract(text, "2020-01-01").events == []


@pytest.mark.parametrize("text, kind", [
    ("Russian troops attacked the Ukrainian city of Kharkiv on Monday.", "ASSAULT"),
    ("Police arrested dozens of protesters in the capital.", "COERCE"),
    ("The government condemned the attack.", "ACCUSE"),
])
def test_sentences_with_a_political_actor_keep_their_event(text, kind):
    events = extract(text, "2020-01-01").events
    assert [e.type for e in events] == [kind]
    assert 0.4 <= events[0].confidence <= 0.95


def test_a_state_on_both_sides_is_surer_than_a_role_noun_alone():
    both = extract("Iran condemned Israel on Monday.", "2020-01-01").events
    alone = extract("The government condemned the attack.", "2020-01-01").events
    assert both[0].confidence > alone[0].confidence


def test_min_confidence_filters_events_and_the_about_ids_of_claims():
    text = ("Iran condemned Israel on Monday. Police arrested dozens of protesters in the capital, "
            "officials said.")
    full = extract(text, "2020-01-01")
    cut = min(e.confidence for e in full.events) + 0.01
    high = extract(text, "2020-01-01", min_confidence=cut)
    assert high.events and len(high.events) < len(full.events)
    assert all(e.confidence >= cut for e in high.events)
    kept = {e.id for e in high.events}
    assert all(set(c.about) <= kept for c in high.claims)
    assert extract(text, "2020-01-01", min_confidence=0).events == full.events


def test_the_relevance_file_is_validated(tmp_path):
    (tmp_path / "relevance.yaml").write_text(
        "schema: pactwatch.events.relevance.v1\nsources: []\n"
        "political_sectors: [{code: GOV, name: government, source: nope}]\n", encoding="utf-8")
    with pytest.raises(PactwatchError, match="unknown source ids"):
        load_relevance_file(tmp_path)
    with pytest.raises(PactwatchError, match="PW402|not found"):
        load_relevance_file(tmp_path / "missing")


def test_a_protest_is_a_political_act_whoever_protests(rules):
    people = Actor(name="people", text="people")
    assert rules.relevant([people], [], "PROTEST") and not rules.relevant([people], [], "ASSAULT")
