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


def _with_entry(source, target, entry: dict) -> None:
    """An actor data file copied with one more entry (cited by URL: no sources block change)."""
    import yaml

    doc = yaml.load(source.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    doc["entries"].append(entry)
    target.write_text(yaml.dump(doc, Dumper=getattr(yaml, "CSafeDumper", yaml.SafeDumper),
                                allow_unicode=True, sort_keys=False), encoding="utf-8")


def test_a_custom_actors_folder_is_what_the_stage_matches(tmp_path, resources):
    """Config.with_data(actors=DIR): a new institution and person are seen by the stage."""
    import shutil

    from pactwatch.actors.data import default_folder
    from pactwatch.resources import Resources

    folder = tmp_path / "actors"
    shutil.copytree(default_folder(), folder)
    source = "https://example.org/testland"
    _with_entry(default_folder() / "institutions.yaml", folder / "institutions.yaml",
                {"name": "Grand Quorum of Vestmark", "country": "NOR", "sector": "LEG",
                 "source": source})
    _with_entry(default_folder() / "people.yaml", folder / "people.yaml",
                {"person": "Ottoline Brackwater", "country": "NOR",
                 "roles": [{"office": "foreign_minister", "start": "2020-01-01", "source": source}]})
    text = "The Grand Quorum of Vestmark met on Monday. Ottoline Brackwater spoke."
    custom = Resources.build(Config().with_data(actors=str(folder)))

    def stage_actors(res: Resources) -> set[tuple]:
        ctx = ArticleContext(article=Article.from_text(text, published=date(2024, 3, 1)))
        out = STAGE.factory(Config(), res)(ctx.with_(doc=res.nlp(text)))
        return {(a.text, a.country, a.sector, a.person) for a in out.actors}

    assert custom.actor_matching.data is custom.actors
    found = stage_actors(custom)
    assert ("Grand Quorum of Vestmark", "NOR", "LEG", None) in found
    assert any(t == "Ottoline Brackwater" and (c, p) == ("NOR", "Ottoline Brackwater")
               for t, c, _, p in found)
    assert not any(a[1] == "NOR" for a in stage_actors(resources))  # the packaged data: unknown
