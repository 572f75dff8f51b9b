"""The truecaser: upper-case wire copy cased for the parser, every offset kept."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pactwatch.truecase import CommonWords, NameForms, Truecaser, apply_case, load_rules, upper_runs

MUC = "TST1-MUC3-0002"  # SAN SALVADOR, 18 FEB 90 (DPA) -- [TEXT] HEAVY FIGHTING ...


@pytest.fixture(scope="module")
def small() -> Truecaser:
    """A truecaser from a few names and common words: no model needed."""
    common = CommonWords(lemmas=frozenset({"fighting", "rage", "night", "member", "front", "national",
                                           "liberation", "attack", "city", "text", "told"}),
                         rules=(("ed", ""), ("ed", "e"), ("s", "")), stop=frozenset({"the", "of", "in", "a", "last", "us"}),
                         lower_only=frozenset())
    names = NameForms.build(strong=["San Salvador", "Lima", "US", "Salvadoran", "EFE"],
                            weak=["Farabundo Marti National Liberation Front"])
    return Truecaser(load_rules(), names, common)


@pytest.fixture(scope="module")
def muc(shared) -> dict[str, str]:
    rows = (json.loads(line) for line in
            (shared / "eval" / "news" / "muc4_1988_1990.jsonl").read_text(encoding="utf-8").splitlines())
    return {row["id"]: row["text"] for row in rows}


def test_mixed_case_text_is_untouched(small):
    text = "The FMLN ATTACKED Lima on Monday.\n\nNATO said so. " * 20
    assert small.truecase(text) == text


def test_a_short_upper_case_headline_is_untouched(small):
    text = "REBELS ATTACK LIMA\n\nRebels attacked the city of Lima on Monday, officials said. " * 3
    assert small.truecase(text) == text


def test_known_words_and_names_are_cased(small):
    text = ("LIMA, 5 OCT 89 (EFE) -- [TEXT] MEMBERS OF THE FARABUNDO MARTI NATIONAL LIBERATION "
            "FRONT [FMLN] ATTACKED SAN SALVADOR LAST NIGHT.  THE SALVADORANS RAGED IN MIRALVALLE. ") * 3
    out = small.truecase(text)
    assert len(out) == len(text)
    assert out.startswith("Lima, 5 Oct 89 (EFE) -- [TEXT] Members of the Farabundo Marti National "
                          "Liberation Front [FMLN] attacked San Salvador last night.  The Salvadorans "
                          "raged in Miralvalle.")


def test_a_stop_word_spelled_like_an_acronym_stays_a_word(small):
    text = "THEY TOLD US OF THE ATTACK IN LIMA. " * 10
    assert small.truecase(text).startswith("They told us of the attack in Lima.")


def test_an_acronym_spelled_out_before_it_capitalises_the_name():
    from pactwatch.truecase import WORD, expanded

    run = "BY THE TUPAC AMARU REVOLUTIONARY MOVEMENT (MRTA) AND THE ARMY"
    words = list(WORD.finditer(run))
    assert sorted(words[i].group() for i in expanded(run, words, frozenset({"the", "and", "by"}))) == [
        "AMARU", "MOVEMENT", "REVOLUTIONARY", "TUPAC"]


def test_apply_case_keeps_the_length():
    assert apply_case("MCCAIN", "McCain") == "McCain"
    assert apply_case("FMLN", "Fmln") == "Fmln"
    assert apply_case("ABC", "Abcd") == "Abc"  # a form of another length: capitalised


def test_upper_runs_need_enough_letters():
    rules = load_rules()
    text = "SHORT HEADLINE\n\n" + "mixed case text here. " * 20 + "\n\n" + "LONG UPPER TEXT. " * 30
    runs = list(upper_runs(text, rules.detect))
    assert len(runs) == 1 and text[runs[0][0]:runs[0][1]].strip().startswith("LONG UPPER")


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=400))
def test_any_upper_case_text_keeps_its_length_and_letters(text):
    small = Truecaser(load_rules(), NameForms.build(["Lima"], ["San Salvador"]),
                      CommonWords(frozenset({"attack"}), (("s", ""),), frozenset({"the"}), frozenset()))
    upper = (text.upper() + " ATTACKS ON LIMA.") * 12
    out = small.truecase(upper)
    assert len(out) == len(upper)
    assert out.lower() == upper.lower()


# -- the packaged truecaser (names from the project's data, common words from spaCy) -----------


def test_muc_report_is_cased_from_the_projects_data(resources, muc):
    text = muc[MUC]
    out = resources.truecaser.truecase(text)
    assert len(out) == len(text) and out.lower() == text.lower()
    assert out.startswith("San Salvador, 18 Feb 90 (DPA) -- [TEXT] Heavy fighting with air\nsupport raged")
    assert "the Farabundo Marti National Liberation Front [FMLN] attacked" in out
    assert "in eastern El Salvador" in out


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=st.characters(codec="ascii"), max_size=300))
def test_the_packaged_truecaser_keeps_length_and_letters(resources, text):
    upper = (text.upper() + " THE ARMY ATTACKED LIMA.") * 10
    out = resources.truecaser.truecase(upper)
    assert len(out) == len(upper) and out.lower() == upper.lower()


def test_parse_keeps_the_original_text_and_offsets(resources, muc):
    from pactwatch.config import Config
    from pactwatch.context import ArticleContext
    from pactwatch.nlp import doc_text, span_text
    from pactwatch.parse import STAGE
    from pactwatch.records import Article

    article = Article.from_text(muc[MUC])
    ctx = next(STAGE.factory(Config(), resources)([ArticleContext(article=article)]))
    assert ctx.doc.text != article.text and doc_text(ctx.doc) == article.text
    assert all(s.text == article.text[s.start:s.end] for s in ctx.sentences)
    assert all(span_text(e) == article.text[e.start_char:e.end_char] for e in ctx.doc.ents)
    assert any(e.text == "San Salvador" and span_text(e) == "SAN SALVADOR" for e in ctx.doc.ents)
