"""Where the treaties area's packaged YAML data files are (errors PW350, PW353, PW354)."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

MISSING, INVALID = "PW350", "PW353"  # the load_validated codes of every treaty data file


def data_path(name: str) -> Path:
    """A file under pactwatch/data/treaties/."""
    return Path(str(resources.files("pactwatch") / "data" / "treaties" / name))
