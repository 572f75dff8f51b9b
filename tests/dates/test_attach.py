"""Which event a time expression dates: sentences written for these tests, not from the goldens."""

from __future__ import annotations

from datetime import date

import pytest

from pactwatch.config import Config
from pactwatch.context import ArticleContext
from pactwatch.dates.attach import attached_times
from pactwatch.dates.stage import STAGE
from pactwatch.records import Article

PUB = date(2023, 5, 12)


@pytest.fixture(scope="module")
def dated(nlp, resources):
    stage, rules = STAGE.factory(Config(), resources), resources.time_rules.attachment

    def run(text: str, trigger: str, pred: str | None = None) -> str | None:
        article = Article.from_text(text, published=PUB)
        ctx = stage(ArticleContext(article=article, doc=nlp(article.text)))
        tok = next(t for t in ctx.doc if t.text == trigger)
        head = next(t for t in ctx.doc if t.text == pred) if pred else None
        hits = attached_times(tok, head, ctx.times, rules)
        return hits[0].date.value.isoformat() if hits else None

    return run


@pytest.mark.parametrize(("text", "trigger", "expected"), [
    # the date belongs to the clause it modifies, not to a coordinated clause
    ("The bill passes after it was approved by the Senate on March 3, and comes amid reports "
     "of 500 soldiers stationed in the border province.", "stationed", None),
    ("The bill passes after it was approved by the Senate on March 3, and comes amid reports "
     "of 500 soldiers stationed in the border province.", "approved", "2023-03-03"),
    # reported speech keeps its own time
    ("The ministry said on Tuesday that rebels had attacked a convoy.", "attacked", None),
    ("The ministry said on Tuesday that rebels had attacked a convoy.", "said", "2023-05-09"),
    # a to-infinitive and a when-clause on the date share it
    ("The assembly voted on April 4 to approve the accord.", "approve", "2023-04-04"),
    ("The crisis ended on April 20, when the two sides signed a truce.", "signed", "2023-04-20"),
    # a nominal trigger takes the time of the verb it is an argument of
    ("The rocket attack came on Sunday night.", "attack", "2023-05-07"),
    # a clause marked "after" has its own time
    ("Troops withdrew on May 2 after the army shelled the town.", "shelled", None),
    ("Troops withdrew on May 2 after the army shelled the town.", "withdrew", "2023-05-02"),
])
def test_time_attaches_to_the_clause_it_modifies(dated, text, trigger, expected):
    assert dated(text, trigger) == expected


def test_light_verb_predicate_carries_the_date(dated):
    text = "Insurgents carried out an ambush on Friday near the pass."
    assert dated(text, "ambush", "carried") == "2023-05-12"  # PUB is a Friday
