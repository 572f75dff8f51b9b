"""Attribution patterns and stances, on sentences written for the tests."""

from __future__ import annotations

import pytest

from pactwatch.claims.attribution import attributions_in
from pactwatch.claims.cuemodel import load_cue_model
from pactwatch.claims.lexicon import load_lexicon, parse_lexicon
from pactwatch.claims.rules import rule_attributions
from pactwatch.claims.scope import outermost
from pactwatch.errors import PactwatchError

LEX, MODEL = load_lexicon(), load_cue_model()


def _rows(nlp, text):
    doc = nlp(text)
    return [
        {"stance": a.stance, "kind": a.kind, "negated": a.negated, "anaphoric": a.anaphoric,
         "source": " … ".join(text[s:e] for s, e in a.source),
         "parts": [text[s:e] for s, e in a.source_parts],
         "cue": " ".join(text[s:e] for s, e in a.cue),
         "content": " … ".join(text[s:e] for s, e in a.content)}
        for a in attributions_in(doc, LEX, MODEL)
    ]


def _one(nlp, text, cue):
    rows = [r for r in _rows(nlp, text) if cue in r["cue"]]
    assert rows, f"no attribution with cue {cue!r} in {text!r}: {_rows(nlp, text)}"
    return rows[0]


@pytest.mark.parametrize("text, source, cue, content", [
    ("The minister said that the border would stay closed.", "The minister", "said",
     "that the border would stay closed"),
    ("The border will stay closed, the minister said.", "the minister", "said",
     "The border will stay closed"),
    ("The general said on Tuesday the offensive had stalled.", "The general", "said",
     "the offensive had stalled"),
    ("“We will not retreat,” the commander said.", "the commander", "said", "We will not retreat"),
    ("Officials told reporters that the convoy was attacked.", "Officials", "told",
     "that the convoy was attacked"),
    ("The talks, a diplomat said, collapsed overnight.", "a diplomat", "said", "collapsed"),
])
def test_said_patterns(nlp, text, source, cue, content):
    row = _one(nlp, text, cue)
    assert row["source"] == source
    assert content in row["content"]
    assert row["stance"] == "assert"


def test_colon_quote_takes_the_next_words(nlp):
    row = _one(nlp, "The spokesman said: “Our troops are not there.”", "said")
    assert row["source"] == "The spokesman" and "Our troops are not there" in row["content"]


def test_according_to(nlp):
    row = _one(nlp, "According to Ukrainian intelligence, the brigade crossed the river.", "According")
    assert row["source"] == "Ukrainian intelligence"
    assert row["cue"] == "According to"
    assert row["content"].startswith("the brigade crossed the river")


@pytest.mark.parametrize("text, cue, stance", [
    ("The ministry denied that its aircraft entered the zone.", "denied", "deny"),
    ("The ministry rejected reports that its aircraft entered the zone.", "rejected", "deny"),
    ("The envoy warned that the ceasefire could collapse.", "warned", "concern"),
    ("The senators raised concerns over the arms sale.", "raised", "concern"),
    ("Parliament welcomed the report on the ceasefire.", "welcomed", "support"),
    ("The chancellor affirmed that the aid would continue.", "affirmed", "assert"),
])
def test_stances(nlp, text, cue, stance):
    assert _one(nlp, text, cue)["stance"] == stance


def test_negated_denial_is_marked(nlp):
    row = _one(nlp, "The ministry did not deny that the drones were supplied.", "deny")
    assert row["negated"] is True


def test_rejecting_a_deal_is_not_a_denial(nlp):
    rows = _rows(nlp, "The parliament rejected the budget.")
    assert not [r for r in rows if r["cue"] == "rejected" and r["kind"] != "learned"]
    assert not [r for r in rows if r["stance"] == "deny"]


def test_dismissed_claims_gives_the_denial_and_the_claim(nlp):
    text = "Both Moscow and Minsk have dismissed Western claims of troop deployment."
    rows = _rows(nlp, text)
    deny = next(r for r in rows if r["stance"] == "deny")
    assert deny["content"] == "troop deployment"
    assert deny["parts"] == ["Moscow", "Minsk"]
    claim = next(r for r in rows if r["kind"] == "object-noun")
    assert claim["source"] == "Western" and claim["stance"] == "assert"


def test_participle_takes_the_main_subject(nlp):
    text = ("Hanoi and Manila have rejected the accusations, asserting their patrols are in line "
            "with maritime law.")
    row = _one(nlp, text, "asserting")
    assert row["parts"] == ["Hanoi", "Manila"]
    assert row["content"].startswith("their patrols are in line")


def test_anaphoric_denial(nlp):
    row = _one(nlp, "However, the two governments have denied these allegations.", "denied")
    assert row["anaphoric"] is True and row["stance"] == "deny"


def test_reportedly_and_reported_have_implicit_sources(nlp):
    adv = _one(nlp, "Mercenaries reportedly crossed the border at night.", "reportedly")
    assert adv["source"] == "" and "crossed the border" in adv["content"]
    adj = _one(nlp, "The reported shipment of shells to the front alarmed Seoul.", "reported")
    assert adj["source"] == "" and "shipment of shells" in adj["content"]


def test_reports_say(nlp):
    row = _one(nlp, "Reports say the convoy was hit near the bridge.", "say")
    assert row["source"] == "Reports"


def test_headline_colon(nlp):
    """The rule reads a "Speaker: words" headline; whether a headline at the very top of an
    article is kept is the cue model's call (PolNeAR marks many of them as no attribution)."""
    text = "Stoltenberg: NATO will defend every inch of allied territory."
    (row,) = [a for a in rule_attributions(nlp(text), LEX) if a.kind == "colon"]
    assert text[slice(*row.source_span)] == "Stoltenberg"
    assert text[slice(*row.content_span)].startswith("NATO will defend")


def test_colon_speaker_labels(nlp):
    lex = LEX
    text = "Talks resumed.\n\nGUTERRES: We will not give up on a ceasefire in the region."
    (row,) = [a for a in rule_attributions(nlp(text), lex) if a.kind == "colon"]
    assert text[slice(*row.source_span)] == "GUTERRES"
    assert text[slice(*row.content_span)].startswith("We will not give up")
    text = "ARMS RACE RESUMES - Jane Roe and John Doe: “The treaty is dead,” they wrote."
    (row,) = [a for a in rule_attributions(nlp(text), lex) if a.kind == "colon"]
    assert text[slice(*row.source_span)] == "Jane Roe and John Doe"


def test_nested_quote_cue_is_dropped_by_outermost(nlp):
    text = "“I think the plan failed,” the senator said."
    doc = nlp(text)
    atts = outermost(attributions_in(doc, LEX, MODEL), text)
    assert [text[a.cue_span[0]:a.cue_span[1]] for a in atts] == ["said"]


def test_lexicon_loads_and_rejects_bad_files():
    lex = LEX
    assert lex.verbs["deny"].stance == "deny" and lex.light_nouns["concern"] == "concern"
    with pytest.raises(PactwatchError, match="PW201"):
        parse_lexicon("schema: wrong\n")
    with pytest.raises(PactwatchError, match="PW200"):
        parse_lexicon("schema: [unclosed\n")


# ---- patterns added for PolNeAR recall (sentences written for the tests) ------------------

@pytest.mark.parametrize("text, cue, stance, source, content", [
    ("The minister wants to reopen the talks.", "wants", "request", "The minister",
     "to reopen the talks"),
    ("The ministry plans to expand the naval base.", "plans", "assert", "The ministry",
     "to expand the naval base"),
    ("The senator called for a ceasefire in the region.", "called for", "request", "The senator",
     "a ceasefire"),
    ("The envoy talked about the sanctions on Tuesday.", "talked about", "assert", "The envoy",
     "the sanctions"),
    ("The president thanked the pilots for their restraint.", "thanked for", "support",
     "The president", "their restraint"),
    ("The chancellor endorsed the new defence budget.", "endorsed", "support", "The chancellor",
     "the new defence budget"),
    ("Half of the voters said yes.", "said", "assert", "Half of the voters", "yes"),
])
def test_verbs_of_wanting_planning_and_prepositional_cues(nlp, text, cue, stance, source, content):
    row = _one(nlp, text, cue.split()[0])
    assert row["stance"] == stance and row["source"] == source
    assert content in row["content"]
    assert row["cue"] == cue


@pytest.mark.parametrize("text, cue, stance, content", [
    ("The general is confident that the line will hold.", "confident", "assert",
     "the line will hold"),
    ("Several senators were critical of the arms deal.", "critical", "concern", "the arms deal"),
])
def test_predicative_adjectives(nlp, text, cue, stance, content):
    row = _one(nlp, text, cue)
    assert row["stance"] == stance and content in row["content"] and row["source"]


def test_quotation_runs_over_sentences(nlp):
    text = "“The border is closed. It will stay closed until spring,” the minister said."
    row = _one(nlp, text, "said")
    assert row["source"] == "the minister"
    assert "It will stay closed until spring" in row["content"]


def test_source_and_content_stay_in_the_paragraph(nlp):
    text = ("Kremlin: no troops in Kursk\n\nThe spokesman said on Monday that the reports were "
            "false.")
    row = _one(nlp, text, "said")
    assert row["source"] == "The spokesman"
    assert "Kremlin" not in row["content"]


@pytest.mark.parametrize("text", [
    "I think the plan will fail.",
    "We believe the talks will collapse.",
])
def test_the_writer_is_not_a_source(nlp, text):
    """Not for the rules alone, and never a claimant; the cue model may keep such a relation
    (PolNeAR annotates the writer's "I think" in opinion pieces)."""
    from pactwatch.claims.build import keyed_attributions

    doc = nlp(text)
    assert attributions_in(doc, LEX, None) == []
    assert keyed_attributions(doc, LEX, MODEL) == []


def test_as_clause_reporting(nlp):
    row = _one(nlp, "As the newspaper reported, the convoy left the base on Monday.", "reported")
    assert row["source"] == "the newspaper"
    assert row["content"].startswith("the convoy left the base")


def test_relative_clause_source_keeps_the_pronoun(nlp):
    row = _one(nlp, "The envoy, who said the talks had failed, left Geneva.", "said")
    assert "The envoy" in row["source"] and "who" in row["source"]
    assert "the talks had failed" in row["content"]


def test_by_saying_takes_the_subject_of_the_main_verb(nlp):
    """The pattern (the cue model, trained on PolNeAR, may weigh "by saying" down)."""
    text = "The minister ended the meeting by saying the talks had failed."
    atts = [a for a in rule_attributions(nlp(text), LEX)
            if text[slice(*a.cue_span)] == "saying"]
    assert atts and text[slice(*atts[0].source_span)] == "The minister"
    assert "the talks had failed" in text[slice(*atts[0].content_span)]


def test_statement_noun_takes_the_subject_of_its_verb(nlp):
    row = _one(nlp, "The ministry issued a statement that the drills had ended.", "statement")
    assert row["source"] == "The ministry" and "issued" in row["cue"]
    assert "the drills had ended" in row["content"]


def test_headline_label_is_not_a_speaker(nlp):
    assert not [r for r in _rows(nlp, "Update: the talks have resumed in Geneva.")
                if r["kind"] == "colon"]


def test_the_lexicon_given_is_the_one_read(nlp):
    """The patterns read the lexicon they are handed, never the packaged one behind it."""
    text = "Update: the talks have resumed in Geneva."
    labels = "headline_labels: [question, answer, update, watch,"
    assert labels in load_lexicon_text()
    custom = parse_lexicon(load_lexicon_text().replace(labels, "headline_labels: [question, answer, watch,"))
    doc = nlp(text)
    assert not [a for a in rule_attributions(doc, LEX) if a.kind == "colon"]
    (row,) = [a for a in rule_attributions(doc, custom) if a.kind == "colon"]
    assert text[slice(*row.source_span)] == "Update"


def test_lexicon_loads_from_a_path_and_needs_its_function_words(tmp_path):
    good = tmp_path / "cues.yaml"
    good.write_text(load_lexicon_text(), encoding="utf-8")
    loaded = load_lexicon(good)
    assert loaded.verbs == LEX.verbs and loaded.words == LEX.words
    text = load_lexicon_text()
    bad = tmp_path / "bad.yaml"
    bad.write_text(text[: text.index("function_words:")], encoding="utf-8")
    with pytest.raises(PactwatchError, match="PW201"):
        load_lexicon(bad)


def test_asked_participle_has_an_implicit_source(nlp):
    row = _one(nlp, "Asked whether the talks would resume, the minister declined to comment.",
               "Asked")
    assert row["source"] == "" and "the talks would resume" in row["content"]


def test_lexicon_rejects_a_prepositional_cue_with_two_stances():
    text = load_lexicon_text().replace(
        "    prep: for\n    lemmas: [vote,", "    prep: for\n    lemmas: [call, vote,")
    with pytest.raises(PactwatchError, match="PW202"):
        parse_lexicon(text)


def load_lexicon_text() -> str:
    from importlib import resources
    return resources.files("pactwatch.data").joinpath("claims/cues.yaml").read_text("utf-8")


@pytest.mark.parametrize("text, source", [
    ("“We will hold the line,” added a senior army officer.", "a senior army officer"),
    ("The convoy had crossed the border at dawn, said a former spokesman for the ministry.",
     "a former spokesman"),
])
def test_inverted_subjects_the_parse_missed(nlp, text, source):
    doc = nlp(text)
    atts = [a for a in rule_attributions(doc, LEX) if a.kind == "verb"]
    assert atts and source in text[slice(*atts[0].source_span)]


def test_cue_verbs_the_tagger_lemmatises_wrongly_match_by_their_form(nlp):
    lex = LEX
    assert lex.verb_forms["hoping"] == "hope" and lex.verb_forms["hoped"] == "hope"
    assert lex.verb_forms["denied"] == "deny" and lex.verb_forms["urging"] == "urge"
    doc = nlp("The rebels are hoping to take the airport by Friday.")
    hoping = next(t for t in doc if t.lower_ == "hoping")
    assert lex.verb_lemma(hoping) == "hope"


# ---- candidates the cue model weighs (rules and generic readings, before the model) --------

def _candidates(nlp, text):
    from pactwatch.claims.candidates import verb_candidates

    doc, lex = nlp(text), LEX
    rules = rule_attributions(doc, lex, writer=True)
    return [{"kind": a.kind, "source": " … ".join(text[s:e] for s, e in a.source),
             "cue": " ".join(text[s:e] for s, e in a.cue),
             "content": " … ".join(text[s:e] for s, e in a.content)}
            for a in rules + verb_candidates(doc, lex, rules)]


def _candidate(nlp, text, cue, kind=None):
    rows = [r for r in _candidates(nlp, text) if r["cue"].startswith(cue)
            and (kind is None or r["kind"] == kind)]
    assert rows, f"no candidate {cue!r} ({kind}) in {text!r}: {_candidates(nlp, text)}"
    return rows[0]


@pytest.mark.parametrize("text, cue, inside, outside", [
    ("The coalition appears weak after the vote.", "appears", ["The coalition", "weak"], []),
    ("The treaty looked like a dead letter.", "looked", ["The treaty", "like a dead letter"], []),
    ("It seems likely that the talks will resume.", "seems",
     ["likely", "that the talks will resume"], ["It"]),
])
def test_verbs_of_seeming_have_no_source(nlp, text, cue, inside, outside):
    row = _candidate(nlp, text, cue, "raising")
    assert row["source"] == ""
    assert all(part in row["content"] for part in inside)
    assert not any(row["content"].startswith(part) for part in outside)


def test_it_is_the_source_of_an_active_cue_verb_only(nlp):
    text = "The ministry issued a statement on Friday. It said the drills would continue."
    assert _candidate(nlp, text, "said")["source"] == "It"
    assert _candidate(nlp, "It was reported that the drills would go on.", "reported")[
        "source"] == ""
    assert not [r for r in _candidates(nlp, "That said, the talks went on.") if r["source"]
                and r["cue"] == "said"]


def test_relativised_passive_cue_has_no_source(nlp):
    text = "The envoy, who is expected to arrive on Monday, will meet the king."
    row = _candidate(nlp, text, "expected")
    assert row["source"] == "" and "to arrive on Monday" in row["content"]


@pytest.mark.parametrize("text, cue, source", [
    ("Jane Roe, a longtime critic of the treaty, spoke on Monday.", "critic of", "Jane Roe"),
    ("The two parties are in a dispute over the border.", "dispute over", "The two parties"),
])
def test_noun_cues_take_the_holder_of_their_frame(nlp, text, cue, source):
    row = _candidate(nlp, text, cue, "learned-noun")
    assert row["source"] == source


def test_channel_phrase_after_the_object(nlp):
    row = _candidate(nlp, "The senator holds a narrow lead in the latest poll.", "in",
                     "learned-channel")
    assert row["source"] == "the latest poll"
    assert row["content"] == "The senator holds a narrow lead"


@pytest.mark.parametrize("text, source, content", [
    ("For most voters in the region, the war remains the top issue.",
     "most voters in the region", "the war remains the top issue"),
    ("To many diplomats, the pact looks fragile.", "many diplomats", "the pact looks fragile"),
])
def test_fronted_viewpoint_phrase(nlp, text, source, content):
    row = _candidate(nlp, text, "", "learned-view")
    assert (row["source"], row["content"]) == (source, content)


@pytest.mark.parametrize("text", ["For example, the army lost two tanks.",
                                  "For years, the army held the pass."])
def test_fronted_phrases_that_name_no_one_are_no_viewpoint(nlp, text):
    assert not [r for r in _candidates(nlp, text) if r["kind"] == "learned-view"]


@pytest.mark.parametrize("text, content", [
    ("As one diplomat put it, the talks are dead.", "the talks are dead"),
    ("The general put it bluntly: “We cannot win this war.”", "“We cannot win this war.”"),
])
def test_put_it_takes_the_words_it_stands_for(nlp, text, content):
    assert _candidate(nlp, text, "put")["content"] == content


@pytest.mark.parametrize("text, cue, content", [
    ("Sanders accused Republicans of placing the gun lobby ahead of children.", "accused",
     "Republicans of placing the gun lobby ahead of children"),
    ("The senator praised the governor for his handling of the flood.", "praised",
     "the governor for his handling of the flood"),
])
def test_the_charge_after_the_object_is_content(nlp, text, cue, content):
    assert _candidate(nlp, text, cue, "verb")["content"] == content


@pytest.mark.parametrize("text, cue, content", [
    ("Asked about the deal, the minister replied: “We will not sign it.”", "replied",
     "“We will not sign it.”"),
    ("Her friends have mocked his speeches, but Susan said, “We love him anyway.”", "said",
     "“We love him anyway.”"),
    ("“We will win,” he said on “Meet the Press.”", "said", "“We will win,”"),
])
def test_words_after_the_cue_beat_a_clause_hung_before_it(nlp, text, cue, content):
    assert _candidate(nlp, text, cue, "verb")["content"] == content


def test_a_clause_before_a_verb_with_its_own_object_is_not_its_content(nlp):
    text = "Sanders advocates a wealth tax, Clinton prefers a smaller increase."
    assert _candidate(nlp, text, "prefers")["content"] == "a smaller increase"


def test_a_wire_dateline_is_no_source(nlp):
    text = ("Washington (AFP) – Democrat Hillary Clinton on Tuesday took aim at the plan, saying "
            "that such comments do harm.")
    row = _candidate(nlp, text, "saying")
    assert row["source"] == "Democrat Hillary Clinton"


def test_a_subject_the_parse_lost_before_a_bracketed_aside(nlp):
    from spacy.tokens import Doc

    words = ["Officials", "met", "Jane", "Roe", "(", "D", ")", "said", "that", "talks", "failed",
             "."]
    doc = Doc(nlp.vocab, words=words, spaces=[True] * 4 + [False, False] + [True] * 4 + [False] * 2,
              heads=[1, 1, 3, 1, 5, 3, 5, 1, 10, 10, 7, 1],
              deps=["nsubj", "ROOT", "compound", "dep", "punct", "appos", "punct", "ccomp",
                    "mark", "nsubj", "ccomp", "punct"],
              pos=["NOUN", "VERB", "PROPN", "PROPN", "PUNCT", "PROPN", "PUNCT", "VERB", "SCONJ",
                   "NOUN", "VERB", "PUNCT"],
              tags=["NNS", "VBD", "NNP", "NNP", "-LRB-", "NNP", "-RRB-", "VBD", "IN", "NNS", "VBD",
                    "."],
              lemmas=["official", "meet", "Jane", "Roe", "(", "D", ")", "say", "that", "talk",
                      "fail", "."])
    (row,) = [a for a in rule_attributions(doc, LEX) if doc.text[slice(*a.cue[0])] == "said"]
    assert doc.text[slice(*row.source_span)] == "Jane Roe (D)"
    assert doc.text[slice(*row.content_span)] == "that talks failed"


def test_a_refused_object_keeps_a_nearby_quotation_out(nlp):
    text = "Trump later defended the incident, calling the man “a troublemaker.”"
    row = _candidate(nlp, text, "defended")
    assert row["content"] == "the incident" and row["kind"] == "learned"


def test_a_quotation_inside_the_source_is_not_the_content(nlp):
    text = "But the journalist, who is promoting his book “Sin Miedo”, downplayed his influence."
    assert _candidate(nlp, text, "downplayed")["content"] == "his influence"


def test_a_colon_ending_the_paragraph_introduces_the_next(nlp):
    text = "The debate turned sour.\n\nCruz continued:\n\n“You look at the questions and wonder.”"
    row = _candidate(nlp, text, "continued")
    assert row["source"] == "Cruz" and "You look at the questions" in row["content"]
    text = "The debate turned sour.\n\nCruz continued to speak.\n\nThe questions were hard."
    assert all("questions" not in r["content"] for r in _candidates(nlp, text)
               if r["cue"] == "continued")


def test_a_channel_opening_the_paragraph_the_parse_left_unattached(nlp):
    from spacy.tokens import Doc

    from pactwatch.claims.candidates import verb_candidates

    words = ["In", "a", "new", "poll", ",", "most", "voters", "back", "Roe", "."]
    doc = Doc(nlp.vocab, words=words, spaces=[True] * 3 + [False] + [True] * 4 + [False] * 2,
              heads=[0, 3, 3, 0, 0, 6, 3, 6, 7, 0],
              deps=["ROOT", "det", "amod", "pobj", "punct", "amod", "appos", "prep", "pobj",
                    "punct"],
              pos=["ADP", "DET", "ADJ", "NOUN", "PUNCT", "ADJ", "NOUN", "ADP", "PROPN", "PUNCT"],
              lemmas=["in", "a", "new", "poll", ",", "most", "voter", "back", "Roe", "."])
    rows = [a for a in verb_candidates(doc, LEX, []) if a.kind == "learned-channel"]
    assert [(doc.text[slice(*a.source_span)], doc.text[slice(*a.content_span)]) for a in rows] == [
        ("a new poll", "most voters back Roe")]


@pytest.mark.parametrize("text, cue, content", [
    ("Blackwell also took a shot at the governor.", "took", "a shot at the governor"),
    ("The mayor turned her attention to the budget.", "turned", "her attention to the budget"),
])
def test_the_aim_of_a_light_verb_object_is_content(nlp, text, cue, content):
    assert _candidate(nlp, text, cue, "learned")["content"] == content


def test_a_passive_without_agent_is_about_its_subject(nlp):
    row = _candidate(nlp, "The campaign manager was dismissed on Monday.", "dismissed", "learned")
    assert row["source"] == "" and "The campaign manager" in row["content"]


@pytest.mark.parametrize("text, source, content", [
    ("The plan drew sharp criticism from Democrats.", "Democrats", "The plan"),
    ("The senator has faced criticism within his own party for his remarks.", "his own party",
     "The senator … for his remarks"),
    ("The minister came under heavy fire over the deal.", "", "The minister … over the deal"),
])
def test_receiving_an_evaluation(nlp, text, source, content):
    row = _candidate(nlp, text, "", "learned-received")
    assert (row["source"], row["content"]) == (source, content)
