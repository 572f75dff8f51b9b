"""Typing decisions taken from the PLOVER manual (issue #4), on sentences written for these tests."""

from __future__ import annotations

import pytest

from pactwatch.events.classify import unmark
from pactwatch.events.pair import plover_label, type_spans


@pytest.fixture(scope="module")
def pair_type(nlp, lex):
    def run(marked: str) -> str | None:
        text, source, target = unmark(marked)
        return plover_label(type_spans(nlp(text), source, target, lex), lex)

    return run


def _types(drafts, text: str) -> list[str]:
    return [d.type for d in drafts(text)]


def test_handing_over_an_instrument_of_accession_is_support_not_retreat(drafts, pair_type):
    text = "Foreign Minister Elina Valtonen handed Finland's instrument of accession to the US State Department."
    assert "SUPPORT" in _types(drafts, text) and "RETREAT" not in _types(drafts, text)
    assert pair_type("<s>Montenegro's ambassador</s> deposited the instrument of ratification "
                     "with <t>the Dutch government</t> on Monday.") == "SUPPORT"


def test_handing_over_territory_or_prisoners_stays_a_retreat(pair_type):
    assert pair_type("<s>The rebels</s> handed over <t>the captured soldiers</t> to the Red Cross.") == "RETREAT"
    assert pair_type("<s>The militia</s> handed control of <t>the port</t> to the army.") == "RETREAT"


def test_handing_over_medicines_is_aid(pair_type):
    assert pair_type("<s>Japan</s> handed over ambulances and medical supplies to "
                     "<t>the health ministry of Malawi</t>.") == "AID"


def test_announced_future_countermeasures_are_a_threat_by_the_speaker(drafts):
    text = "The foreign ministry said Tehran would take countermeasures against the new tariffs."
    (event,) = [d for d in drafts(text) if d.type == "THREATEN"]
    assert event.token.lemma_ == "take" and "ASSAULT" not in _types(drafts, text)
    assert any(text[a:b] == "Tehran" for a, b in event.source_spans)


def test_future_conflict_acts_are_threats_but_past_ones_are_acts(pair_type):
    assert pair_type("<s>The opposition</s> said it would boycott <t>the municipal elections</t>.") == "THREATEN"
    assert pair_type("<s>The army</s> announced it will extend the curfew in <t>the northern provinces</t>.") == "THREATEN"
    assert pair_type("<s>The army</s> extended the curfew in <t>the northern provinces</t>.") == "COERCE"
    # a narrated future act is a planned act, not a threat
    assert pair_type("<s>The army</s> will extend the curfew in <t>the northern provinces</t>.") == "COERCE"


def test_negated_future_conflict_is_not_a_threat(pair_type):
    assert pair_type("<s>The ministry</s> said it will not extend the curfew in <t>the capital</t>.") != "THREATEN"


def test_voicing_concern_is_a_comment_not_an_accusation(drafts):
    assert "ACCUSE" not in _types(drafts, "Several governments voiced concerns over possible arms transfers.")
    assert "ACCUSE" not in _types(drafts, "Diplomats raised concerns about the planned missile tests.")
    # disapproval and condemnation stay accusations
    assert "ACCUSE" in _types(drafts, "The foreign ministry expressed outrage at the shelling of the consulate.")


def test_blockades_are_military_force(pair_type):
    assert pair_type("<s>The navy</s> imposed a blockade on <t>the rebel-held ports</t>.") == "ASSAULT"
    assert pair_type("<s>Government forces</s> blockaded <t>the opposition stronghold</t> for a week.") == "ASSAULT"
    assert pair_type("<s>The junta</s> lifted the blockade of <t>the northern city</t>.") == "CONCEDE"


def test_troops_sent_for_peacekeeping_are_military_aid(pair_type):
    assert pair_type("<s>Ghana</s> is sending 300 soldiers to <t>Lebanon</t> as part of a peacekeeping force.") == "AID"
    assert pair_type("<s>Bangladeshi peacekeepers</s> arrived in <t>Bangui</t> on Sunday.") == "AID"
    assert pair_type("<s>Ghana</s> is sending 300 soldiers to <t>the border</t> after the clashes.") == "MOBILIZE"


def test_receiving_refugees_is_asylum(pair_type):
    assert pair_type("<s>Canada</s> admitted <t>4,000 Sudanese refugees</t> last year.") == "AID"


def test_lifting_measures_imposed_on_someone_is_the_lifting(pair_type):
    assert pair_type("<s>The council</s> eased the travel restrictions imposed on <t>opposition figures</t>.") == "CONCEDE"
    assert pair_type("<s>The court</s> rejected a petition filed by <t>the former minister</t>.") == "REJECT"


def test_provided_support_is_material_aid_but_pledged_support_is_support(pair_type):
    assert pair_type("<s>The World Bank</s> provided emergency support to <t>Malawi's farmers</t>.") == "AID"
    assert pair_type("<s>Portugal</s> pledged its support for <t>the peace initiative</t>.") == "SUPPORT"


def test_future_talks_carried_by_a_light_verb_are_an_intention(pair_type):
    assert pair_type("<s>The Kenyan president</s> will hold talks with <t>the Somali leader</t> next week.") == "AGREE"
    assert pair_type("<s>The Kenyan president</s> held talks with <t>the Somali leader</t> last week.") == "CONSULT"


def test_a_partitive_does_not_hide_the_act(pair_type):
    assert pair_type("<s>The government</s> lifted some of the restrictions on <t>foreign journalists</t>.") == "CONCEDE"


def test_a_light_noun_carries_the_act_its_modifier_names(pair_type):
    """"launched a mediation effort between X and Y" is a consultation (PLOVER CONSULT: mediate);
    an act on the effort still governs it."""
    assert pair_type("<s>The Qatari emir</s> began a mediation effort between <t>Sudan</t> and its rebels.") == "CONSULT"
    assert pair_type("<s>The envoy</s> ended mediation efforts between <t>the two factions</t>.") == "SANCTION"


def test_declaring_a_cessation_of_hostilities_or_halting_operations_ends_the_conflict(pair_type):
    assert pair_type("<s>The junta</s> declared a cessation of hostilities with <t>the Karen rebels</t>.") in ("CONCEDE", "RETREAT")
    assert pair_type("<s>The army</s> halted its offensive against <t>the rebel-held town</t> on Sunday.") == "RETREAT"


def test_a_conjoined_object_shares_the_act_that_governs_it(pair_type):
    assert pair_type("<s>Japan</s> says it will provide a grant and a loan to <t>Sri Lanka</t>.") == "AGREE"
