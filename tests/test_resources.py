"""A config's data files reach every part of a run: extraction, the parser's ruler, and the
store's cross-article merging, from the CLI's --config as from Python."""

import json
import shutil
from datetime import date

import pytest
import yaml
from typer.testing import CliRunner

from pactwatch.actors.data import default_folder
from pactwatch.cli.main import app
from pactwatch.config import Config
from pactwatch.places.data import default_path
from pactwatch.resources import Resources

QUORUM = "The Vestmark Assembly condemned Russia on Monday over the shelling of Belgorod."
STORTING = "The Storting condemned Russia on Monday."


def _copy_with(source, target, key: str, entry: dict) -> None:
    doc = yaml.safe_load(source.read_text(encoding="utf-8"))
    doc[key].append(entry)
    target.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")


@pytest.fixture(scope="module")
def desk(tmp_path_factory):
    """A desk's config file: one more Norwegian legislative body, and Belgorod kept out of the
    gazetteer's ruler."""
    base = tmp_path_factory.mktemp("desk")
    actors = base / "actors"
    shutil.copytree(default_folder(), actors)
    _copy_with(default_folder() / "institutions.yaml", actors / "institutions.yaml", "entries",
               {"name": "Vestmark Assembly", "country": "NOR", "sector": "LEG",
                "source": "https://example.org/vestmark"})
    rules = yaml.safe_load(default_path().read_text(encoding="utf-8"))
    _copy_with(default_path(), base / "gazetteer.yaml", "not_in_ruler",
               {"source": rules["sources"][0]["id"], "names": ["Belgorod"]})
    (base / "desk.toml").write_text(
        f'db = "sqlite:///{base / "desk.db"}"\n'
        '[data]\nactors = "actors"\nplaces_rules = "gazetteer.yaml"\n', encoding="utf-8")
    return base


def _accusations(events: list[dict]) -> list[tuple]:
    return sorted((tuple((a["name"], a["country"], a["sector"]) for a in e["source"]),
                   (e.get("location") or {}).get("name")) for e in events if e["type"] == "ACCUSE")


def test_the_config_file_reaches_extraction(desk, monkeypatch):
    monkeypatch.setenv("PACTWATCH_CACHE_DIR", str(desk / "cache"))
    runner, file = CliRunner(), desk / "quorum.txt"
    file.write_text(QUORUM, encoding="utf-8")
    args = ["extract", str(file), "--published", "2024-03-04", "--format", "json"]
    plain = runner.invoke(app, args)
    custom = runner.invoke(app, [*args, "--config", str(desk / "desk.toml")])
    assert plain.exit_code == 0 and custom.exit_code == 0, custom.output
    assert _accusations(json.loads(custom.output)["events"]) == [
        ((("Vestmark Assembly", "NOR", "LEG"),), None)]  # the desk's body; Belgorod unplaced
    assert _accusations(json.loads(plain.output)["events"]) == [  # packaged: a body of no country
        ((("Vestmark Assembly", None, None),), "Belgorod Oblast")]
    plain_place = pactwatch_extract(QUORUM.replace("The Vestmark Assembly", "The Storting"))
    assert plain_place == [((("Storting", "NOR", "LEG"),), "Belgorod Oblast")]  # packaged rules


def pactwatch_extract(text: str) -> list[tuple]:
    import pactwatch

    result = json.loads(pactwatch.extract(text, published="2024-03-04").to_json())
    return _accusations(result["events"])


def test_the_config_file_reaches_cross_article_merging(desk, monkeypatch):
    """Two Norwegian legislative bodies accusing Russia the same day are two facts: the store's
    merging knows from the desk's actor data that NOR LEG names two bodies (with the packaged
    list, where the Storting is the only one, the two would fold into one record: see
    tests/store/test_db.py for that comparison)."""
    monkeypatch.setenv("PACTWATCH_CACHE_DIR", str(desk / "cache"))
    for i, text in enumerate((QUORUM, STORTING)):
        (desk / f"a{i}.txt").write_text(f"---\npublished: 2024-03-04\n---\n{text}\n", encoding="utf-8")
    runner = CliRunner()
    config = ["--config", str(desk / "desk.toml")]
    done = runner.invoke(app, ["ingest", str(desk / "a0.txt"), str(desk / "a1.txt"), *config])
    assert done.exit_code == 0, done.output
    listed = runner.invoke(app, ["events", "--type", "ACCUSE", "--format", "json", *config])
    sources = sorted(e["source"][0]["name"] for e in json.loads(listed.output))
    assert sources == ["Storting", "Vestmark Assembly"]
    assert ("Vestmark Assembly", "NOR") in Resources.build(Config.from_file(desk / "desk.toml")).bodies


def test_python_api_takes_the_same_config(desk):
    import pactwatch

    config = Config.from_file(desk / "desk.toml")
    result = pactwatch.extract(QUORUM, published=date(2024, 3, 4), config=config)
    assert any(a.name == "Vestmark Assembly" for e in result.events for a in e.source)
