"""The learned cue model: its file, its features, how it joins the rules, and training labels."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pactwatch.claims.attribution import attributions_in
from pactwatch.claims.candidates import verb_candidates
from pactwatch.claims.cuemodel import SCHEMA, CueModel, features, load_cue_model, parse_model
from pactwatch.claims.lexicon import load_lexicon
from pactwatch.claims.rules import rule_attributions
from pactwatch.errors import PactwatchError
from pactwatch.eval.polnear import GoldArticle, Relation
from pactwatch.training.claims import candidates, score

LEX = load_lexicon()


def _model(**weights: float) -> CueModel:
    return CueModel(schema_=SCHEMA, trained_on="test", notes="", bias=0.0, threshold=0.5,
                    rule_threshold=0.5, weights=weights)


def test_packaged_model_is_valid_and_trained_on_train_parts_only():
    model = load_cue_model()
    assert 0 < model.threshold < 1 and 0 <= model.rule_threshold < 1
    assert "train" in model.trained_on and "dev" not in model.trained_on
    assert len(model.weights) > 100


def test_bad_model_files_are_refused():
    with pytest.raises(PactwatchError, match="PW203"):
        parse_model("{not json")
    with pytest.raises(PactwatchError, match="PW203"):
        parse_model(json.dumps({"schema": "other", "trained_on": "", "notes": "", "bias": 0,
                                "threshold": 0.5, "rule_threshold": 0.5, "weights": {}}))


@given(st.lists(st.sampled_from(["a", "b", "c", "d"])), st.floats(-1e6, 1e6))
def test_probability_is_a_probability(feats, weight):
    p = _model(a=weight, b=-weight, c=1.0).probability(feats)
    assert 0.0 <= p <= 1.0


def test_repeated_features_count_once():
    model = _model(a=2.0)
    assert model.probability(["a", "a", "a"]) == model.probability(["a"])


def test_candidates_cover_verbs_outside_the_lexicon(nlp):
    doc = nlp("The senator denied the charges. The governor assailed the budget cuts.")
    lex = LEX
    rules = rule_attributions(doc, lex)
    cands = verb_candidates(doc, lex, rules)
    text = doc.text
    assert not any(text[slice(*c.cue_span)] == "denied" for c in cands)  # a rule's (lexicon) cue
    row = next(c for c in cands if text[slice(*c.cue_span)] == "assailed")
    assert row.kind == "learned" and text[slice(*row.source_span)] == "The governor"
    assert text[slice(*row.content_span)] == "the budget cuts"


def test_raising_verbs_have_no_source(nlp):
    doc = nlp("Sanders appears to have a slight lead in the state.")
    cands = verb_candidates(doc, LEX, [])
    raising = next(c for c in cands if c.kind == "raising")
    assert raising.source == () and doc.text[slice(*raising.content_span)].startswith("Sanders")


def test_features_name_the_cue_and_its_frame(nlp):
    doc = nlp("The ministry declined to comment on the report.")
    cand = next(c for c in verb_candidates(doc, LEX, []) if c.kind == "learned")
    feats = features(doc, cand, LEX)
    assert "lemma=decline" in feats and "cont_root=xcomp" in feats and "src=NOUN" in feats


def test_model_false_gives_the_rules_alone(nlp):
    doc = nlp("Lawmakers praised the deal. Critics voiced doubts about the plan, observers noted.")
    assert attributions_in(doc, LEX, None) == rule_attributions(doc, LEX)


def test_a_model_that_rejects_everything_keeps_the_unweighed_rules(nlp):
    doc = nlp("According to the ministry, the convoy was attacked. Officials said it burned.")
    atts = attributions_in(doc, LEX, _model(**{"kind=verb": -50.0, "kind=learned": -50.0}))
    assert [a.kind for a in atts] == ["according"]


def test_training_labels_follow_the_scorer(nlp):
    text = "The minister said that the border would stay closed."
    gold = GoldArticle("g", text, (Relation(((0, 12),), ((13, 17),), ((18, 51),)),))
    art = candidates(gold, nlp(text), LEX)
    said = [x for x in art.cands if x.att.cue_span == (13, 17)]
    assert said and said[0].label and said[0].rule
    assert not any(x.label for x in art.cands if x.att.cue_span != (13, 17))
    for x in art.cands:
        x.prob = 1.0
    assert score([art], 0.5, 0.5) == (1, 1, 1)


def _cand(nlp, text: str, cue: str):
    doc = nlp(text)
    cands = verb_candidates(doc, LEX, rule_attributions(doc, LEX, writer=True))
    rows = [c for c in cands if cue in " ".join(text[s:e] for s, e in c.cue)]
    assert rows, f"no candidate with cue {cue!r}"
    c = rows[0]
    return c.kind, " ".join(text[s:e] for s, e in c.source), text[slice(*c.content_span)]


def test_a_lexicon_verb_with_an_object_it_refuses_is_still_a_candidate(nlp):
    kind, source, content = _cand(nlp, "The opposition rejected the budget on Monday.", "rejected")
    assert kind == "learned" and source == "The opposition" and content == "the budget"


@pytest.mark.parametrize("text, cue, source, content", [
    ("In a survey last month, most voters said the war was lost.", "survey",
     "a survey last month", "most voters said the war was lost"),
    ("In their view, the ceasefire will not hold.", "view", "their", "the ceasefire will not hold"),
])
def test_channel_phrases_are_candidates(nlp, text, cue, source, content):
    assert _cand(nlp, text, cue) == ("learned-channel", source, content)


@pytest.mark.parametrize("text, cue, source, content", [
    ("A pledge by the allies that aid would continue reassured Kyiv.", "pledge",
     "the allies", "that aid would continue"),
    ("The minister defended his plan to close the border.", "plan", "his", "to close the border"),
    ("The senator has been a fierce critic of the treaty.", "critic", "The senator", "the treaty"),
])
def test_noun_candidates_find_their_holder(nlp, text, cue, source, content):
    assert _cand(nlp, text, cue) == ("learned-noun", source, content)


def test_participles_parsed_as_adjectives_are_candidates(nlp):
    text = "Spending by super PACs supporting presidential candidates rose sharply."
    kind, source, content = _cand(nlp, text, "supporting")
    assert kind == "learned" and "PACs" in source and content == "presidential candidates"


def test_a_purpose_clause_after_an_object_is_no_candidate_content(nlp):
    text = "The navy fired two missiles to signal its resolve. The ministry declined to comment."
    doc = nlp(text)
    cands = verb_candidates(doc, LEX, [])
    assert not [c for c in cands if text[slice(*c.cue_span)] == "fired"]
    assert [c for c in cands if text[slice(*c.cue_span)] == "declined" and c.kind == "learned"]


def test_passive_with_agent_is_a_candidate(nlp):
    doc = nlp("The ceasefire proposal was rejected by the rebel commanders on Sunday.")
    cands = verb_candidates(doc, LEX, [])
    row = next(c for c in cands if c.kind == "learned-passive")
    text = doc.text
    assert text[slice(*row.source_span)] == "the rebel commanders"
    assert text[slice(*row.content_span)] == "The ceasefire proposal"
    assert "rejected" in text[slice(*row.cue_span)]


def test_layout_features_say_where_source_and_content_lie(nlp):
    doc = nlp("“The border is closed,” the general insisted.")
    lex = LEX
    rules = rule_attributions(doc, lex, writer=True)
    row = next(a for a in rules if doc.text[slice(*a.cue_span)] == "insisted")
    feats = features(doc, row, lex)
    assert "order=before|before" in feats and "src_caps=False" in feats


@pytest.mark.parametrize(("text", "cue", "first", "order"), [
    ("The general said that the border was closed.", "said", "that", "before|after"),
    ("“The border is closed,” the general insisted.", "insisted", "“", "before|before"),
])
def test_opening_features_give_the_contents_first_word(nlp, text, cue, first, order):
    doc, lex = nlp(text), LEX
    row = next(a for a in rule_attributions(doc, lex, writer=True)
               if doc.text[slice(*a.cue_span)] == cue)
    feats = features(doc, row, lex)
    lemma = lex.verb_lemma(doc[doc.char_span(*row.cue_span).start])
    assert f"cont_first={first}" in feats and f"lemma_order={lemma}|{order}" in feats


def test_nouns_naming_no_one_stand_but_held_nouns_are_weighed(nlp):
    doc = nlp("Reports of troops deployed near the border alarmed Seoul. "
              "His concerns about the deal grew.")
    reject_nouns = _model(**{"kind=noun": -50.0})
    kept = [a for a in attributions_in(doc, LEX, reject_nouns) if a.kind == "noun"]
    rules = [a for a in rule_attributions(doc, LEX, writer=True) if a.kind == "noun"]
    assert any(a.source for a in rules) and any(not a.source for a in rules)
    assert kept and all(not a.source for a in kept)
