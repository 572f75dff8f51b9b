"""The time stage on real articles (../shared/eval/news) and on tense."""

from __future__ import annotations

from datetime import date

import pytest

from pactwatch.config import Config
from pactwatch.context import ArticleContext
from pactwatch.dates.stage import STAGE, dateline_date, is_dateline
from pactwatch.records import Article


@pytest.fixture(scope="module")
def run(nlp, resources):
    stage = STAGE.factory(Config(), resources)

    def times(text: str, published: date | None):
        article = Article.from_text(text, published=published)
        return stage(ArticleContext(article=article, doc=nlp(article.text))).times

    return times


def _found(times) -> dict[str, tuple[str, str]]:
    return {m.text.lower(): (m.date.value.isoformat(), m.date.precision) for m in times}


def test_wikinews_dateline_is_not_an_event_date(news, run):
    row = news["wikinews:Magnitogorsk_apartment_building_collapses_after_explosion,_dozens_dead"]
    times = run(row["text"], date.fromisoformat(row["date"]))
    assert all(m.start > 30 for m in times)  # "Friday, January 4, 2019" opens the text
    found = _found(times)
    assert found["monday"] == ("2018-12-31", "day")
    assert found["yesterday"] == ("2019-01-03", "day")


def test_dateline_glued_to_yesterday(news, run):
    row = news["wikinews:Iran's_President_Rouhani_tells_foreign_powers_to_leave_Persian_Gulf"]
    found = _found(run(row["text"], date.fromisoformat(row["date"])))
    assert found["yesterday"] == ("2019-09-22", "day")
    assert found["tomorrow"] == ("2019-09-24", "day")


def test_muc_last_night_and_dateline_as_reference(news, run, resources):
    row = news["TST1-MUC3-0002"]  # "SAN SALVADOR, 18 FEB 90 (DPA) -- ... RAGED LAST NIGHT"
    assert dateline_date(row["text"], resources.time_rules) == date(1990, 2, 18)
    found = _found(run(row["text"], None))  # no publication date: the dateline stands in
    assert found["last night"] == ("1990-02-17", "day")


def test_muc_dateline_with_country_in_brackets(news):
    text = news["TST2-MUC4-0053"]["text"]  # "CARACAS (VENEZUELA), 15 JUL 89 (DPA) --"
    assert is_dateline(text, text.index("15 JUL"))


def test_future_tense_takes_the_next_occurrence(run):
    text = "The Duma voted on October 24. The Federation Council will consider the treaty on Monday."
    found = _found(run(text, date(2024, 11, 6)))
    assert found["october 24"] == ("2024-10-24", "day")
    assert found["monday"] == ("2024-11-11", "day")


def test_vague_time_yields_no_mention(run):
    text = "Officials said recently that talks would resume in the coming weeks."
    assert run(text, date(2024, 11, 6)) == ()


def test_theresa_may_is_not_a_month(run):
    text = "Prime Minister Theresa May resigned, and her successor was chosen in 2019."
    assert _found(run(text, date(2019, 7, 24))) == {"2019": ("2019-01-01", "year")}


def test_future_in_a_reported_clause_does_not_move_the_date(run):
    text = "The ministry said on Monday that it will send more troops."
    assert _found(run(text, date(2024, 11, 6))) == {"monday": ("2024-11-04", "day")}


def test_example_article_duma_vote(example_article, run):
    found = _found(run(example_article, date(2024, 11, 6)))
    assert found.get("october 24") == ("2024-10-24", "day")
