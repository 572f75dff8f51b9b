"""What an analyst reading Wikinews (2019-2021) would code differently: one sentence each, read
from the shared corpus, run through the detector.  Failures here were found by reading the output
of ``pactwatch.extract`` on articles about strikes, withdrawals, protests and agreements."""

from __future__ import annotations

import json

import pytest


@pytest.fixture(scope="module")
def articles(shared) -> dict[str, str]:
    path = shared / "eval" / "news" / "wikinews_2019_2021.jsonl"
    return {d["title"]: d["text"] for d in map(json.loads, path.read_text(encoding="utf-8").splitlines())}


@pytest.fixture(scope="module")
def sentence_of(articles, nlp):
    def find(title_part: str, words: str):
        text = next(t for title, t in articles.items() if title_part in title)
        return next(s for s in nlp(text).sents if words in s.text)

    return find


def coded(sent, lex, known=()):
    from pactwatch.events.detect import detect

    return [(d.type, [a.text for a in d.source], [a.text for a in d.target], d.standing.status)
            for d in detect(sent, lex, known)]


def test_calling_a_move_names_it_and_demands_nothing(sentence_of, lex):
    sent = sentence_of("Queen Elizabeth agrees to suspend", "smash and grab")
    assert "REQUEST" not in [kind for kind, *_ in coded(sent, lex)]


def test_calling_a_deal_lousy_is_no_demand(sentence_of, lex):
    sent = sentence_of("anti-Brexit protest", "lousy")
    assert "REQUEST" not in [kind for kind, *_ in coded(sent, lex)]


def test_officials_providing_figures_is_no_aid(sentence_of, lex):
    sent = sentence_of("Car bomb ramming attack", "provided anonymously")
    assert "AID" not in [kind for kind, *_ in coded(sent, lex)]


def test_talks_with_an_envoy_are_a_consultation(sentence_of, lex):
    sent = sentence_of("Car bomb ramming attack", "Khalilzad")
    assert ("CONSULT", ["Taliban"], ["Zalmay Khalilzad"], "asserted") in coded(sent, lex)


def test_clash_with_police_is_an_assault_between_the_two(sentence_of, lex):
    sent = sentence_of("Serbian protesters try to storm Parliament", "clashed")
    hits = [c for c in coded(sent, lex) if c[0] == "ASSAULT"]
    assert hits and hits[0][1] == ["protesters"] and hits[0][2] == ["police"]


def test_refusing_the_protesters_demands_is_negated_not_a_concession(sentence_of, lex):
    sent = sentence_of("Hong Kong leader announces withdrawal", "accede")
    concessions = [c for c in coded(sent, lex) if c[0] == "CONCEDE"]
    assert concessions and all(c[3] == "negated" for c in concessions)


def test_promised_withdrawal_of_a_bill_is_a_promise_not_a_done_withdrawal(sentence_of, lex):
    """The announcement is a promise (AGREE, which happened); the withdrawal itself, when coded
    as an act, is only planned."""
    sent = sentence_of("Hong Kong leader announces withdrawal", "will fully withdraw")
    found = coded(sent, lex)
    assert found and all(kind == "AGREE" or status != "asserted" for kind, _, _, status in found)


def test_wanting_forces_to_leave_is_a_demand(sentence_of, lex):
    """"X wants Y to leave" is X's demand of Y, not Y's planned withdrawal."""
    sent = sentence_of("Car bomb ramming attack", "wants foreign forces to leave")
    found = coded(sent, lex)
    assert ("REQUEST", ["Taliban"], ["foreign forces"], "asserted") in found
    assert "RETREAT" not in [kind for kind, *_ in found]


def test_concurring_with_an_opinion_is_no_agreement(sentence_of, lex):
    sent = sentence_of("Bombs kill at least 20 at cathedral", "Hataman agreed")
    assert "AGREE" not in [kind for kind, *_ in coded(sent, lex)]


def test_more_naval_cooperation_is_cooperation_not_mobilisation(sentence_of, lex):
    sent = sentence_of("Rouhani tells foreign powers", "increased cooperation")
    kinds = [kind for kind, *_ in coded(sent, lex)]
    assert "COOPERATE" in kinds and "MOBILIZE" not in kinds


def test_the_convicted_is_not_the_one_who_convicts(sentence_of, lex):
    sent = sentence_of("Suspect in Kenosha", "If convicted")
    assert not [c for c in coded(sent, lex) if c[0] == "SANCTION" and "Rittenhouse" in c[1]]


def test_a_dateline_year_is_not_the_size_of_a_bombing(articles, nlp, lex, resources):
    from pactwatch.dates.quantities import find_quantities
    from pactwatch.events.build import event_quantity
    from pactwatch.events.detect import detect

    text = next(t for title, t in articles.items() if "Bombs kill at least 20 at cathedral" in title)
    doc = nlp(text)
    bombing = next(d for s in doc.sents for d in detect(s, lex, (), keep_unresolved=True) if d.type == "ASSAULT")
    quantity = event_quantity(bombing, find_quantities(doc, resources.quantity_rules))
    assert quantity is None or quantity.value < 1000


# Read as an analyst: "Iran issues arrest warrants for 36 people, including US President Trump"
# (Wikinews, 2020-07-02).  The demand to Interpol is coded (REQUEST IRN -> Interpol, reported by
# Fars); the warrants are coded since this reading; a charter's standing rule is no event and the refusal to
# consider the request is Interpol's REJECT.
ARREST = "Iran issues arrest warrants for 36 people"


def test_issuing_arrest_warrants_is_coercion(sentence_of, lex):
    sent = sentence_of(ARREST, "issued arrest warrants")
    assert "COERCE" in [kind for kind, *_ in coded(sent, lex)]


def test_what_a_charter_prohibits_is_no_event(sentence_of):
    import pactwatch

    sent = sentence_of(ARREST, "constitution prohibits")
    assert "COERCE" not in [e.type for e in pactwatch.extract(sent.text, "2020-07-02").events]


def test_refusing_to_consider_a_request_is_a_rejection(sentence_of, lex):
    """Interpol's refusal is the act (asserted, not a negated or hypothetical event); "regarding
    Iran's request" names the topic of the remark, not a new request."""
    sent = sentence_of(ARREST, "would not consider requests")
    found = coded(sent, lex)
    assert ("REJECT", ["Interpol"], [], "asserted") in found
    assert "REQUEST" not in [kind for kind, *_ in found]


# Second reading (issue #4, held-out articles): strikes, protests, sanctions, withdrawals and
# diplomatic rows from 2019-2021 not used above.  One test per finding; the strict xfails are
# findings not fixed yet.

def _extracted(sent, published: str):
    import pactwatch

    return pactwatch.extract(sent.text, published).events


def test_a_pro_democracy_modifier_names_no_protester(sentence_of, lex):
    sent = sentence_of("Hong Kong protests continue through police opposition", "pro-Democracy")
    sources = [name for kind, source, *_ in coded(sent, lex) for name in source]
    assert not any("Democracy" in name or name in ("pro", "-") for name in sources)


def test_the_possessor_of_a_killing_is_its_victim(sentence_of, lex):
    sent = sentence_of("Fiancée of murdered Saudi journalist", "Jamal's killing")
    assert not [c for c in coded(sent, lex) if "Jamal" in c[1]]


def test_ordering_a_killing_is_the_killing_by_who_ordered_it(sentence_of, lex):
    """CAMEO codes an ordered attack to whoever ordered it; the order is no separate demand, and
    the believers (the CIA) are who report it, not its target."""
    sent = sentence_of("Fiancée of murdered Saudi journalist", "ordered Khashoggi's killing")
    found = coded(sent, lex)
    assert ("ASSAULT", ["crown prince"], ["Khashoggi"], "reported") in found
    assert "REQUEST" not in [kind for kind, *_ in found]


def test_a_laboratory_test_is_no_weapons_test(sentence_of, lex):
    sent = sentence_of("Germany says Alexei Navalny poisoned", "tests by a military laboratory")
    assert "MOBILIZE" not in [kind for kind, *_ in coded(sent, lex)]


def test_a_rally_is_not_against_the_country_in_the_name_of_an_election(sentence_of):
    sent = sentence_of("Violence breaks out in Washington", "several thousand people rallied")
    protests = [e for e in _extracted(sent, "2020-11-17") if e.type == "PROTEST"]
    assert protests and not any(a.country == "USA" for e in protests for a in e.target)


def test_the_country_a_person_leaves_is_not_who_acts(sentence_of):
    sent = sentence_of("UK urges US to waive immunity", "She subsequently left the UK")
    assert not [e for e in _extracted(sent, "2019-10-10") if any(a.country == "GBR" for a in e.source)]


def test_a_pronoun_is_not_the_police_who_revealed_it(sentence_of, lex):
    sent = sentence_of("UK urges US to waive immunity", "police revealed on Saturday")
    assert not [c for c in coded(sent, lex) if "police" in c[1]]


def test_an_embassy_declining_a_request_rejects_it(sentence_of, lex):
    sent = sentence_of("UK urges US to waive immunity", "The embassy declined the request")
    assert ("REJECT", ["embassy"]) in [(c[0], c[1]) for c in coded(sent, lex)]


def test_speaking_with_a_counterpart_is_a_consultation(sentence_of, lex):
    sent = sentence_of("UK urges US to waive immunity", "spoke with US Secretary of State")
    found = coded(sent, lex)
    assert ("CONSULT", ["Foreign Secretary Dominic Raab"], ["US Secretary of State Mike Pompeo"], "asserted") in found
    assert ("REQUEST", ["Foreign Secretary Dominic Raab"], ["embassy"], "asserted") in found


def test_joining_calls_asking_for_something_is_a_demand_not_a_phone_call(sentence_of, lex):
    sent = sentence_of("UK urges US to waive immunity", "joined the calls")
    kinds = [kind for kind, *_ in coded(sent, lex)]
    assert "REQUEST" in kinds and "CONSULT" not in kinds


def test_a_quotation_told_to_a_newspaper_is_no_demand_of_it(sentence_of, lex):
    sent = sentence_of("UK urges US to waive immunity", "told the Daily Mail")
    assert not [c for c in coded(sent, lex) if "Daily Mail" in c[2]]


def test_a_deadline_not_met_is_no_meeting(sentence_of, lex):
    sent = sentence_of("Hong Kong protesters surround downtown police complex", "deadline was not met")
    found = coded(sent, lex)
    assert "CONSULT" not in [kind for kind, *_ in found]
    assert not [c for c in found if "student groups" in " ".join(c[1])]  # the deadline was theirs, the failure not


def test_restrictions_on_flights_to_a_country_are_a_sanction(sentence_of, lex):
    sent = sentence_of("US announces restrictions on flying to Cuba", "announced new restrictions")
    kinds = [kind for kind, *_ in coded(sent, lex)]
    assert "SANCTION" in kinds and "COERCE" not in kinds


def test_rejecting_a_measure_opposes_it_and_does_not_deny_it(sentence_of):
    sent = sentence_of("US announces restrictions on flying to Cuba", "strongly reject")
    assert "denied" not in [e.status for e in _extracted(sent, "2019-10-27")]


def test_visiting_a_rally_is_taking_part_in_it(sentence_of, lex):
    sent = sentence_of("Tsikhanouskaya holds major rally", "The rally was visited")
    kinds = [kind for kind, *_ in coded(sent, lex)]
    assert "PROTEST" in kinds and "CONSULT" not in kinds


def test_a_crowd_that_dispersed_coerced_no_one_and_vans_arriving_visit_no_one(sentence_of, lex):
    """Found on the second pass: "crowd" became an agent noun, and the intransitive "the crowds
    dispersed" was coded as the crowds' COERCE; "police vans arrived" as a CONSULT."""
    sent = sentence_of("Hong Kong protests continue through police opposition", "crowds dispersed")
    assert not [c for c in coded(sent, lex) if c[0] in ("COERCE", "CONSULT")]


def test_water_cannon_and_tear_gas_against_protesters_is_coercion(sentence_of, lex):
    sent = sentence_of("Police shoot teenage protester", "water canons and tear gas")
    assert ("COERCE", ["police"], ["protesters"], "asserted") in coded(sent, lex)


def test_the_dead_are_not_who_attacked(sentence_of, lex):
    sent = sentence_of("Mokha, Yemen bomb kills photojournalist", "five other civilians reportedly")
    assert not [c for c in coded(sent, lex) if any("civilians" in name for name in c[1])]


def test_a_date_is_no_march(sentence_of, lex):
    sent = sentence_of("Philippines' largest television network shut down", "Lenten Break")
    assert "PROTEST" not in [kind for kind, *_ in coded(sent, lex)]


def test_a_number_of_senators_condemning_accuse(sentence_of, lex):
    sent = sentence_of("Philippines' largest television network shut down", "Senators condemned")
    assert ("ACCUSE", ["Senators"], ["NTC"]) in [c[:3] for c in coded(sent, lex)]


def test_a_commission_refusing_a_licence_rejects(sentence_of, lex):
    sent = sentence_of("Philippines' largest television network shut down", "the commission refused")
    assert ("REJECT", ["commission"]) in [(c[0], c[1]) for c in coded(sent, lex)]


def test_an_offer_to_resign_is_a_promise_not_a_resignation(sentence_of, lex):
    sent = sentence_of("Ukrainian president rejects prime minister's resignation", "offer to resign")
    found = coded(sent, lex)
    assert ("REJECT", ["Ukrainian President Volodymyr Zelensky"]) in [(c[0], c[1]) for c in found]
    assert ("AGREE", ["Prime Minister Oleksiy Honcharuk"]) in [(c[0], c[1]) for c in found]
    assert not [c for c in found if c[0] == "RETREAT" and c[3] == "asserted"]


def test_a_personal_pronoun_in_a_relative_clause_is_not_its_noun(sentence_of):
    """"a U.S. national whom she met": she met him, the United States met no one."""
    sent = sentence_of("Thai political party withdraws nomination", "whom she met")
    assert not [e for e in _extracted(sent, "2019-02-11") if e.type == "CONSULT"]


@pytest.mark.xfail(reason="in 'wants foreign forces to leave and the Afghan government shut out of peace "
                          "talks' the government is who is shut out (the Taliban's demand); the parse makes "
                          "'shut' a verb of the government", strict=True)
def test_a_government_shut_out_of_talks_does_not_coerce(sentence_of, lex):
    sent = sentence_of("Car bomb ramming attack", "wants foreign forces to leave")
    assert not [c for c in coded(sent, lex) if c[0] == "COERCE" and "Afghan government" in c[1]]


@pytest.mark.xfail(reason="'released them publicly' (leaked messages) is coded RETREAT: 'release' is a "
                          "release of captives only with a captive object, and the pronoun's referent is "
                          "in another clause", strict=True)
def test_publishing_messages_is_no_release_of_captives(sentence_of, lex):
    sent = sentence_of("Puerto Rico governor announces resignation", "released them publicly")
    assert "RETREAT" not in [kind for kind, *_ in coded(sent, lex)]


@pytest.mark.xfail(reason="airlines that 'offer flights' to cities make no promise (AGREE); a commercial "
                          "offer is no political event", strict=True)
def test_airlines_offering_flights_promise_nothing(sentence_of, lex):
    sent = sentence_of("US announces restrictions on flying to Cuba", "offer flights")
    assert "AGREE" not in [kind for kind, *_ in coded(sent, lex)]


def test_calling_for_a_governors_resignation_targets_the_governor(sentence_of, lex):
    """The possessor of a demanded (condemned, welcomed ...) act is whom the demand is about."""
    sent = sentence_of("Puerto Rico governor announces resignation", "called for Rosselló's resignation")
    assert ("REQUEST", ["Protesters"], ["Rosselló"]) in [c[:3] for c in coded(sent, lex)]
