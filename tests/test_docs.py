"""Every environment variable and every Config setting the code reads is documented in README.md."""

import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
README = (REPO / "README.md").read_text(encoding="utf-8")


def _source_text() -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in (REPO / "src").rglob("*.py"))


def test_environment_variables_are_documented():
    names = set(re.findall(r"PACTWATCH_[A-Z_]+", _source_text()))
    names |= set(re.findall(r"PACTWATCH_[A-Z_]+", (REPO / "tests" / "conftest.py").read_text()))
    assert names, "expected the code to read some PACTWATCH_* settings"
    assert sorted(n for n in names if n not in README) == []


def test_config_settings_are_documented():
    import dataclasses

    from pactwatch.config import Config, DataFiles

    names = [f.name for f in dataclasses.fields(Config) if f.name != "data"]
    names += [f"data.{f.name}" for f in dataclasses.fields(DataFiles)]
    assert sorted(n for n in names if f"`{n}`" not in README) == []


def test_nothing_reads_an_untyped_config_dict():
    assert "config.extra" not in _source_text()
