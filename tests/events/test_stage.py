"""The events stage takes its data files from the Config it is built with."""

from datetime import date

import yaml

from pactwatch.api import extract, pipeline_for
from pactwatch.config import Config
from pactwatch.places.data import default_path

TEXT = "Russian forces shelled villages in the Kursk region on Tuesday."


def test_a_config_with_other_data_files_is_another_pipeline():
    other = Config().with_data(places_rules=str(default_path()))
    assert other != Config() and pipeline_for(other) is not pipeline_for(Config())


def test_event_locatives_come_from_the_configured_gazetteer_rules(tmp_path):
    rules = yaml.safe_load(default_path().read_text(encoding="utf-8"))
    rules["event_locatives"]["prepositions"].remove("in")
    file = tmp_path / "gazetteer.yaml"
    file.write_text(yaml.safe_dump(rules, allow_unicode=True), encoding="utf-8")
    published = date(2024, 8, 15)
    default = [e.location for e in extract(TEXT, published).events]
    narrowed = [e.location for e in extract(TEXT, published,
                                            config=Config().with_data(places_rules=str(file))).events]
    assert any(p is not None and p.admin1 for p in default)
    assert narrowed and all(p is None for p in narrowed)
