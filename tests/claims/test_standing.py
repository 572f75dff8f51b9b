"""Events take their standing from the claims about them, except from their own source's word."""

from datetime import date

import pytest

import pactwatch


def events_of(text: str):
    return pactwatch.extract(text, date(2024, 3, 1)).events


def test_a_threat_said_by_its_own_source_is_the_threat_itself():
    [threat] = [e for e in events_of("Iran said it would retaliate against any attack.")
                if e.type == "THREATEN"]
    assert threat.status == "asserted" and threat.attributed_to == []


@pytest.mark.parametrize("text", [
    "Officials said North Korea fired two missiles into the sea.",
    "South Korean officials said North Korea fired two missiles into the sea.",
])
def test_a_material_act_said_by_others_is_reported(text):
    [launch] = [e for e in events_of(text) if e.type == "MOBILIZE"]
    assert launch.status == "reported"


@pytest.mark.parametrize("text, threat", [
    ("Iranian officials said Iran would retaliate against any attack.", True),
    ("The opposition said it would boycott the election.", True),
    ("Israeli officials said Iran would retaliate against any attack.", False),
])
def test_only_the_actor_announcing_its_own_act_threatens(text, threat):
    """A stated future conflict act is a threat by the speaker; others' forecast of it is not."""
    events = events_of(text)
    threats = [e for e in events if e.type == "THREATEN"]
    assert bool(threats) == threat
    if threat:
        assert threats[0].status == "asserted" and threats[0].attributed_to == []


def test_a_report_of_one_conjunct_is_not_a_report_of_the_other():
    text = ("With North Korea's reported deployment of troops in Russia and the signing of a "
            "defence pact between the two countries, tensions are rising.")
    signing = [e for e in events_of(text) if e.type == "SUPPORT"]
    assert signing and all(e.status == "asserted" for e in signing)
