"""The typed, immutable Config and its files (TOML and YAML)."""

import dataclasses
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pactwatch.config import Config, DataFiles
from pactwatch.errors import PactwatchError


def test_config_is_frozen_and_hashable():
    config = Config()
    with pytest.raises(dataclasses.FrozenInstanceError):
        config.db = "sqlite:///other.db"
    assert hash(config) == hash(Config())
    assert config.with_data(actors="x") != config


def test_toml_file_with_relative_data_paths(tmp_path):
    (tmp_path / "desk.toml").write_text(
        'db = "sqlite:///desk.db"\nprocesses = 2\nstages = ["pactwatch.parse.v1"]\n'
        '[data]\nactors = "my-actors"\nplaces_rules = "rules/gazetteer.yaml"\n')
    config = Config.from_file(tmp_path / "desk.toml")
    assert config.db == "sqlite:///desk.db" and config.processes == 2
    assert config.stages == ("pactwatch.parse.v1",)
    assert config.data.actors == str(tmp_path / "my-actors")
    assert config.data.places_rules == str(tmp_path / "rules" / "gazetteer.yaml")
    assert config.data.events is None


def test_yaml_file(tmp_path):
    (tmp_path / "desk.yaml").write_text("batch_size: 4\ndata:\n  time_rules: time.yaml\n")
    config = Config.from_file(tmp_path / "desk.yaml")
    assert config.batch_size == 4 and config.data.time_rules == str(tmp_path / "time.yaml")


@pytest.mark.parametrize("text, detail", [
    ("colour = 'blue'\n", "unknown setting 'colour'"),
    ("[data]\nactor = 'x'\n", "unknown setting 'actor'"),
    ("db = \n", "desk.toml: bad configuration"),
    ("processes = 'two'\n", "processes must be int of at least 1, not 'two'"),
    ("processes = 0\n", "processes must be int"),
    ("stages = 'pactwatch.parse.v1'\n", "stages must be a list of stage names"),
    ("data = 'x'\n", "data. must be a table of paths"),
])
def test_bad_files_name_the_file_and_the_problem(tmp_path, text, detail):
    (tmp_path / "desk.toml").write_text(text)
    with pytest.raises(PactwatchError, match=f"PW043: .*{detail}"):
        Config.from_file(tmp_path / "desk.toml")


def test_missing_file(tmp_path):
    with pytest.raises(PactwatchError, match="PW043: .*nope.toml: bad configuration .file not found"):
        Config.from_file(tmp_path / "nope.toml")


names = st.sampled_from([f.name for f in dataclasses.fields(DataFiles)])


@given(st.dictionaries(names, st.text(alphabet="abc/._-", min_size=1, max_size=12), max_size=4))
def test_data_paths_are_taken_relative_to_the_file(paths):
    base = Path("/desk/config")
    config = Config.from_mapping({"data": paths}, base=base)
    assert {n: getattr(config.data, n) for n in paths} == {
        n: str((base / p).resolve()) for n, p in paths.items()}
    assert all(getattr(config.data, n) is None for n in set(DataFiles.__dataclass_fields__) - set(paths))
