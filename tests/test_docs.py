"""Every environment variable and Config.extra key the code reads is documented in README.md."""

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


def test_config_extra_keys_are_documented():
    keys = set(re.findall(r"config\.extra\.get\(\"([a-z_]+)\"", _source_text()))
    assert keys
    assert sorted(k for k in keys if f'"{k}"' not in README) == []
