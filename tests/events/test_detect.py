"""Detection and typing on sentences written for these tests (one or more per PLOVER type)."""

import pytest

CASES = [
    ("Ethiopian troops attacked rebel positions near the border on Monday.", "ASSAULT", "Ethiopian troops"),
    ("The government imposed sanctions on the militia leaders.", "SANCTION", "government"),
    ("Opposition leaders condemned the president over the arrests.", "ACCUSE", "Opposition leaders"),
    ("The rebels rejected the peace proposal.", "REJECT", "rebels"),
    ("The foreign minister met her Peruvian counterpart in Lima.", "CONSULT", "foreign minister"),
    ("The European Union sent humanitarian aid to the refugees.", "AID", "European Union"),
    ("The army withdrew its troops from the disputed valley.", "RETREAT", "army"),
    ("Farmers' unions demanded that the government cut fuel prices.", "REQUEST", "Farmers' unions"),
    ("The militia threatened the villagers.", "THREATEN", "militia"),
    ("Thousands of students protested against the tuition law.", "PROTEST", "students"),
    ("Police arrested dozens of journalists in the capital.", "COERCE", "Police"),
    ("The two governments signed a border treaty in Nairobi.", "SUPPORT", "governments"),
    ("The navy conducted joint exercises with Indonesian forces.", "COOPERATE", "navy"),
    ("The parliament endorsed the president's reform plan.", "SUPPORT", "parliament"),
    ("The junta lifted the curfew in the northern provinces.", "CONCEDE", "junta"),
    ("The rebels agreed to release the hostages.", "AGREE", "rebels"),
    ("The army deployed tanks and soldiers along the frontier.", "MOBILIZE", "army"),
]


@pytest.mark.parametrize("text,kind,source", CASES)
def test_one_event_per_type(drafts, text, kind, source):
    found = drafts(text)
    assert kind in [d.type for d in found], [(d.type, d.token.text) for d in found]
    hit = next(d for d in found if d.type == kind)
    assert any(source in a.text for a in hit.source)


def test_source_and_target_of_an_attack(drafts):
    (event,) = [d for d in drafts("Government troops shelled rebel fighters in the hills.") if d.type == "ASSAULT"]
    assert [a.text for a in event.source] == ["Government troops"]
    assert [a.text for a in event.target] == ["rebel fighters"]


def test_passive_agent_is_the_source(drafts):
    found = drafts("The convoy was attacked by militants.")
    event = next(d for d in found if d.type == "ASSAULT")
    assert [a.text for a in event.source] == ["militants"]


def test_frames_recode_the_inner_act(drafts):
    assert "THREATEN" in [d.type for d in drafts("The militia threatened to shell the port.")]
    assert "REJECT" in [d.type for d in drafts("The government refused to release the prisoners.")]
    assert "REQUEST" in [d.type for d in drafts("Protesters urged the government to release the prisoners.")]


def test_troop_movement_without_subject_takes_the_troops_nationality(nlp, lex):
    from pactwatch.events.detect import detect
    from pactwatch.records import Actor

    doc = nlp("There are reports of 3,000 Chadian soldiers deployed in the region.")
    chad = Actor(name="Chad", text="Chadian", country="TCD", start=doc.text.index("Chadian"),
                 end=doc.text.index("Chadian") + 7)
    (event,) = [d for s in doc.sents for d in detect(s, lex, (chad,)) if d.type == "MOBILIZE"]
    assert event.source == [chad]
    assert event.standing.status == "reported"
    assert event.mode == "troops"


def test_denying_a_report_is_not_a_reject_event(drafts):
    assert not [d for d in drafts("The ministry dismissed the reports as fabricated.") if d.type == "REJECT"]


def test_standing_relations_are_not_events(drafts):
    assert not drafts("The alliance between the two governments is old.")


def test_pronoun_subject_takes_the_reporting_clause_subject(drafts):
    found = drafts("The Afghan government said on Wednesday it would free 1,500 prisoners.")
    assert any(d.type in ("RETREAT", "AGREE") and [a.text for a in d.source] == ["Afghan government"]
               for d in found)


def test_target_of_a_demanded_clause(drafts):
    (event,) = [d for d in drafts("The unions demanded that the government release the detainees.")
                if d.type == "REQUEST"]
    assert "government" in [a.text for a in event.target]


def test_withdrawing_peacekeepers_reduces_relations(drafts):
    assert "SANCTION" in [d.type for d in drafts("The UN withdrew its peacekeepers from the buffer zone.")]


def test_state_of_siege_is_coercion(drafts):
    assert "COERCE" in [d.type for d in drafts("The government declared a state of siege in the province.")]


def test_work_stoppage_is_a_protest_and_an_air_strike_an_assault(drafts):
    assert "PROTEST" in [d.type for d in drafts("Dock workers went on strike for higher pay.")]
    assert "ASSAULT" in [d.type for d in drafts("The air force carried out strikes on rebel camps.")]


def test_a_call_for_sanctions_against_x_accuses_x(nlp, lex):
    from pactwatch.events.pair import type_spans

    text = "The senators called for sanctions against the junta."
    doc = nlp(text)
    found = type_spans(doc, (0, 15), (text.index("the junta"), len(text) - 1), lex)
    assert found.type == "ACCUSE"
