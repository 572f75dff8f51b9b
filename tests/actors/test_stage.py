"""The actors stage in the pipeline: registered by name, fills ctx.actors from the parsed doc."""

from __future__ import annotations

from datetime import date

from pactwatch.actors.stage import STAGE
from pactwatch.config import Config
from pactwatch.context import ArticleContext
from pactwatch.records import Article
from pactwatch.stages import get_stage


def test_registered_under_its_name():
    spec = get_stage("pactwatch.actors.v1")
    assert spec.name == STAGE.name == "pactwatch.actors.v1"
    assert spec.reads == ("doc",) and spec.writes == ("actors",)


def test_stage_adds_actors_with_spans_and_dates(nlp, resources):
    text = "The U.S. President met South Korean officials. Troops stayed in Japan."
    ctx = ArticleContext(article=Article.from_text(text, published=date(2022, 6, 1)))
    ctx = ctx.with_(doc=nlp(ctx.article.text))
    out = STAGE.factory(Config(), resources)(ctx)
    assert isinstance(out.actors, tuple)
    president = next(a for a in out.actors if a.text == "U.S. President")
    assert (president.country, president.sector, president.person) == ("USA", "GOV", "Joe Biden")
    assert ("KOR", "GOV") in {(a.country, a.sector) for a in out.actors}
    assert all(out.article.text[a.start:a.end] == a.text for a in out.actors)
    assert not any(a.country == "JPN" for a in out.actors)  # "in Japan" is a place


def test_cli_prints_json_with_spans(nlp):
    import json

    from typer.testing import CliRunner

    import pactwatch.cli.actors  # noqa: F401  (registers the commands)
    from pactwatch.cli.apps import app

    result = CliRunner().invoke(app, ["actors", "Russian troops entered the town.", "--format", "json"])
    assert result.exit_code == 0, result.output
    (actor,) = json.loads(result.output)
    assert (actor["country"], actor["sector"], actor["start"], actor["end"]) == ("RUS", "MIL", 0, 14)
    bad = CliRunner().invoke(app, ["actors", "Russia.", "--published", "soon"])
    assert bad.exit_code == 1 and "PW020" in bad.output
