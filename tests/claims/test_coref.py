"""Pronoun claimants resolve to the one compatible actor named just before, or stay pronouns."""

from __future__ import annotations

from datetime import date

from pactwatch.claims.build import build_claims
from pactwatch.claims.coref import antecedent
from pactwatch.claims.cuemodel import load_cue_model
from pactwatch.claims.lexicon import load_lexicon
from pactwatch.context import ArticleContext
from pactwatch.parse import sentences_of
from pactwatch.records import Actor, Article

LEX, MODEL = load_lexicon(), load_cue_model()


def _actor(text: str, word: str, **codes) -> Actor:
    start = text.index(word)
    return Actor(name=word, text=word, start=start, end=start + len(word), **codes)


def _resolve(nlp, text: str, pronoun: str, actors: list[Actor]) -> Actor | None:
    start = text.rindex(pronoun)
    return antecedent(nlp(text), (start, start + len(pronoun)), text, tuple(actors), LEX)


def test_he_takes_the_one_person_named_before(nlp):
    text = "Defence Minister Pistorius visited Vilnius on Monday. He said the brigade would stay."
    actors = [_actor(text, "Pistorius", person="Boris Pistorius", country="DEU"),
              _actor(text, "Vilnius", country="LTU")]
    assert _resolve(nlp, text, "He", actors).person == "Boris Pistorius"


def test_two_people_before_he_is_ambiguous(nlp):
    text = "Scholz met Macron in Paris. He said the talks went well."
    actors = [_actor(text, "Scholz", person="Olaf Scholz", country="DEU"),
              _actor(text, "Macron", person="Emmanuel Macron", country="FRA")]
    assert _resolve(nlp, text, "He", actors) is None


def test_they_takes_a_group_not_a_person(nlp):
    text = "NATO ministers met in Brussels with Stoltenberg. They said the alliance was ready."
    actors = [_actor(text, "NATO", country="NATO", sector="GOV"),
              _actor(text, "Stoltenberg", person="Jens Stoltenberg", country="NOR")]
    assert _resolve(nlp, text, "They", actors).country == "NATO"
    assert _resolve(nlp, text.replace("They", "It"), "It", actors) is None


def test_nearest_window_wins_over_earlier_mentions(nlp):
    text = ("Erdogan spoke in Ankara. The vote was delayed. Turkish officials waited. "
            "Orban arrived in Budapest late. He said the vote would be held.")
    actors = [_actor(text, "Erdogan", person="Recep Tayyip Erdogan", country="TUR"),
              _actor(text, "Orban", person="Viktor Orban", country="HUN")]
    assert _resolve(nlp, text, "He", actors).person == "Viktor Orban"


def test_claimant_keeps_the_pronoun_as_source(nlp):
    text = "President Biden spoke in Warsaw. He said that Russian troops crossed the border."
    article = Article.from_text(text, published=date(2024, 11, 6))
    doc = nlp(article.text)
    actors = (_actor(article.text, "Biden", person="Joe Biden", country="USA"),)
    ctx = ArticleContext(article=article, doc=doc, sentences=sentences_of(doc), actors=actors)
    entries = [e for c in build_claims(ctx, LEX, MODEL) for e in c.claimants if e.source and e.source.text == "He"]
    assert entries and all(e.actor.person == "Joe Biden" for e in entries)
