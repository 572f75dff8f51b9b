"""Datelines, date lines and bylines split off the first sentence; a dateline dates an article
that has no publication date.  Real articles are read from ../shared (never copied in)."""

from __future__ import annotations

import re
from datetime import date

import pytest

from pactwatch.config import Config
from pactwatch.context import ArticleContext
from pactwatch.parse import STAGE, heads_in, load_head_rules
from pactwatch.records import Article


@pytest.fixture(scope="module")
def heads():
    rules = load_head_rules()
    wire = [re.compile(p.pattern, re.M) for p in rules.wire]
    head = [re.compile(p.pattern, re.M) for p in rules.head]
    return lambda text: [text[a:b] for a, b in heads_in(text, wire, head, rules.head_chars)]


@pytest.fixture(scope="module")
def parse(resources):
    stage = STAGE.factory(Config(), resources)
    return lambda article: next(stage([ArticleContext(article=article)]))


def _first_with_head(news, kind: str, test) -> dict:
    return next(r for r in news.values() if r["id"].startswith(kind) and test(r["text"]))


@pytest.mark.parametrize("text, head", [
    ("LIMA, 5 OCT 89 (EFE) -- [TEXT] IN LIMA TODAY, UNOFFICIAL SOURCES", "LIMA, 5 OCT 89 (EFE) -- [TEXT] "),
    ("ROME (ITALY), 28 APR 89 (ANSA) -- [TEXT] THE ROME FOREIGN MINISTRY", "ROME (ITALY), 28 APR 89 (ANSA) -- [TEXT] "),
    ("Title.\n\nPARIS, Aug 31 (Reuters) - France’s far-right leader", "PARIS, Aug 31 (Reuters) - "),
    ("WASHINGTON (AP) — The Senate voted", "WASHINGTON (AP) — "),
    ("Title.\n\nST. LOUIS — Presumptive nominee Donald Trump", "ST. LOUIS — "),
    ("Thursday, September 12, 2019\xa0\n\nOn Tuesday, Trump said", "Thursday, September 12, 2019\xa0"),
    ("Title\nBy Jane Doe and John Roe, Associated Press\nThe army said", "By Jane Doe and John Roe, Associated Press"),
])
def test_heads_are_found(heads, text, head):
    assert heads(text) == [head]


@pytest.mark.parametrize("text", [
    "By Tuesday, the army had withdrawn from the town.",
    "The minister said - without notes - that talks would go on.",
    "Officials met on September 12, 2019 in Geneva.",
])
def test_story_sentences_are_no_heads(heads, text):
    assert heads(text) == []


def test_every_muc_report_has_a_dateline(heads, news):
    reports = [r for r in news.values() if r["id"].startswith(("TST", "DEV"))]
    missing = [r["id"] for r in reports if not heads(r["text"][:200])]
    assert len(missing) <= len(reports) // 50, missing[:10]


def test_muc_first_sentence_starts_after_the_dateline(parse, news):
    row = news["TST2-MUC4-0055"]  # LIMA, 5 OCT 89 (EFE) -- [TEXT] IN LIMA TODAY, ...
    ctx = parse(Article.from_text(row["text"]))
    assert ctx.sentences[0].text.rstrip() == "LIMA, 5 OCT 89 (EFE) -- [TEXT]"
    assert ctx.sentences[1].text.startswith("IN LIMA TODAY, UNOFFICIAL SOURCES")


def test_wikinews_first_sentence_starts_after_the_date_line(parse, news):
    row = _first_with_head(news, "wikinews", lambda t: re.match(r"[A-Z][a-z]+day, ", t) is not None)
    ctx = parse(Article.from_text(row["text"]))
    line = row["text"].split("\n", 1)[0]
    assert ctx.sentences[0].text.strip() == line.strip()
    assert ctx.sentences[1].start > len(line)


def test_a_dateline_dates_an_article_with_no_publication_date(resources, news):
    from pactwatch.api import extract

    row = news["TST2-MUC4-0055"]  # "... IN LIMA TODAY ... KIDNAPPED IN DOWNTOWN LIMA WEDNESDAY"
    times = {m.date.value for m in _times(resources, row["text"], None)}
    assert date(1989, 10, 5) in times or date(1989, 10, 4) in times
    events = extract(row["text"]).events
    assert events and all(e.date is not None and e.date.value.year == 1989 for e in events)


def _times(resources, text: str, published: date | None):
    from pactwatch.dates.stage import STAGE as TIME

    stage = TIME.factory(Config(), resources)
    article = Article.from_text(text, published=published)
    return stage(ArticleContext(article=article, doc=resources.nlp(article.text))).times
