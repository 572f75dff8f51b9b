"""An event's location comes from a locative phrase on the event, never from a metonym."""

from __future__ import annotations

from datetime import date

import pytest

from pactwatch.config import Config
from pactwatch.context import ArticleContext
from pactwatch.places.attach import event_location
from pactwatch.places.stage import STAGE
from pactwatch.records import Article


@pytest.fixture(scope="module")
def located(nlp, resources):
    stage, rules = STAGE.factory(Config(), resources), resources.places_rules.event_locatives

    def run(text: str, trigger: str, kind: str = "MOBILIZE", pred: str | None = None):
        article = Article.from_text(text, published=date(2023, 5, 12))
        ctx = stage(ArticleContext(article=article, doc=nlp(article.text)))
        tok = next(t for t in ctx.doc if t.text == trigger)
        head = next(t for t in ctx.doc if t.text == pred) if pred else None
        place = event_location(tok, head, None, kind, ctx.places, rules)
        return place.name if place else None

    return run


@pytest.mark.parametrize(("text", "trigger", "kind", "expected"), [
    ("Reports said 2,000 Belarusian soldiers were stationed in Ukraine's Kharkiv region.",
     "stationed", "MOBILIZE", "Kharkiv Oblast"),
    ("Artillery shelled a market near the city of Aleppo on Friday.", "shelled", "ASSAULT", "Aleppo"),
    ("The two ministers held talks in Ankara.", "talks", "CONSULT", "Ankara"),
    ("The missile strikes on Kyiv killed four people.", "strikes", "ASSAULT", "Kyiv"),
    # a capital as possessor or subject names its government
    ("Beijing's support for the plan surprised diplomats.", "support", "SUPPORT", None),
    ("Tehran condemned the sanctions.", "condemned", "ACCUSE", None),
    ("Washington imposed sanctions on Russia.", "imposed", "SANCTION", None),
    # a place that locates something else in the clause is not the event's
    ("Cairo voiced support for the ceasefire in Sudan.", "support", "SUPPORT", None),
])
def test_event_location(located, text, trigger, kind, expected):
    assert located(text, trigger, kind) == expected


def test_located_region_has_code_and_coordinates(nlp, resources):
    text = "Officials said 3,000 troops were deployed in Russia's Belgorod region."
    article = Article.from_text(text, published=date(2023, 5, 12))
    ctx = STAGE.factory(Config(), resources)(ArticleContext(article=article, doc=nlp(article.text)))
    tok = next(t for t in ctx.doc if t.text == "deployed")
    place = event_location(tok, None, None, "MOBILIZE", ctx.places,
                           resources.places_rules.event_locatives)
    assert place.country == "RUS" and place.admin1 and place.admin1.code == "RU-BEL"
    assert place.lat is not None and place.lon is not None
