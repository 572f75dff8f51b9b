"""Speech acts as events: the cue's PLOVER type, speaker as source, addressee as target, and
the event and its claim referring to each other (pactwatch.claims.verbal)."""

from __future__ import annotations

from importlib import resources

import pytest

from pactwatch.api import extract
from pactwatch.claims.lexicon import load_lexicon, parse_lexicon
from pactwatch.errors import PactwatchError

LEX = load_lexicon()


def _codes(actors) -> set[str]:
    return {a.country for a in actors if a.country}


def _verbal(text: str, kind: str):
    result = extract(text, published="2024-05-01")
    events = [e for e in result.events if e.type == kind]
    return result, events


def test_speech_act_cues_map_to_plover_types():
    assert LEX.speech_acts["condemn"].type == "ACCUSE"
    assert LEX.speech_acts["urge"].type == "REQUEST"
    assert LEX.speech_acts["call on"].type == "REQUEST"
    assert LEX.speech_acts["warn"].type == "THREATEN"
    assert LEX.speech_acts["reject"].type == "REJECT"
    assert LEX.speech_acts["praise"].type == "SUPPORT"
    assert "deny" not in LEX.speech_acts and "call" not in LEX.speech_acts and "say" not in LEX.speech_acts


def test_a_speech_act_type_must_be_a_plover_verbal_type():
    packaged = resources.files("pactwatch.data").joinpath("claims/cues.yaml").read_text()
    bad = packaged.replace("    type: ACCUSE\n", "    type: ASSAULT\n", 1)
    with pytest.raises(PactwatchError):
        parse_lexicon(bad)


@pytest.mark.parametrize(("text", "kind", "source", "target"), [
    ("The Chinese foreign ministry condemned the Japanese visit to the shrine.", "ACCUSE", "CHN", "JPN"),
    ("The French government called on Russia to withdraw its troops.", "REQUEST", "FRA", "RUS"),
    ("Germany's Chancellor praised the agreement with Turkey.", "SUPPORT", "DEU", "TUR"),
    ("Former Mexican president Felipe Calderon slammed Trump's idea for a border wall.", "ACCUSE", "MEX", "USA"),
])
def test_speaker_is_source_and_addressee_or_party_spoken_of_is_target(text, kind, source, target):
    _, events = _verbal(text, kind)
    assert any(source in _codes(e.source) and target in _codes(e.target) for e in events), events


def test_event_and_claim_refer_to_each_other():
    result, events = _verbal("Japan's prime minister urged North Korea to halt its missile tests.", "REQUEST")
    event = next(e for e in events if "JPN" in _codes(e.source))
    assert event.claims, "the event names its claim"
    claims = {c.id: c for c in result.claims}
    assert all(event.id in claims[cid].about for cid in event.claims)
    assert event.status == "asserted"


def test_one_event_per_act_when_the_event_stage_found_it_already():
    _, events = _verbal("The French government called on Russia to withdraw its troops.", "REQUEST")
    assert len(events) == 1


def test_a_plain_statement_is_no_speech_act_event():
    result = extract("The Kremlin said the talks with Turkey went well.", published="2024-05-01")
    assert not [e for e in result.events if e.claims and e.type in ("ACCUSE", "REQUEST", "THREATEN", "REJECT")]


def test_key_train_quote_heralded_and_welcomed():
    text = ("Filippo Grandi, the United Nations High Commissioner for Refugees, reacted skeptically. "
            "Britain's Prime Minister Boris Johnson welcomed the European Union's deal with Turkey.")
    _, events = _verbal(text, "SUPPORT")
    assert any("GBR" in _codes(e.source) and e.claims for e in events)
