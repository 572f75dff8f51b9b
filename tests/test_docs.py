"""Every environment variable and every setting of a config file is documented in README.md."""

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
    """Every setting a Config (and so a ``--config`` file) holds, and every data file of its
    ``data`` table, is named in README.md."""
    from dataclasses import fields

    from pactwatch.config import Config, DataFiles

    names = {f.name for f in fields(Config)} | {f.name for f in fields(DataFiles)}
    assert names
    assert sorted(n for n in names if not re.search(rf"`[^`\n]*\b{n}\b[^`\n]*`", README)) == []
    assert "--config" in README
