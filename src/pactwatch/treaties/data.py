"""Reading the treaties area's YAML data files (errors PW350, PW353, PW354)."""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel

from pactwatch import errors
from pactwatch.datafiles import load_validated

errors.define("PW350", "{path}: treaty data file not found")
errors.define("PW353", "{path}: {detail}")
errors.define("PW354", "{path}: source id {source!r} is not in the file's sources block")

M = TypeVar("M", bound=BaseModel)


def data_path(name: str) -> Path:
    """A file under pactwatch/data/treaties/."""
    return Path(str(resources.files("pactwatch") / "data" / "treaties" / name))


def load_model(path: Path, model: type[M], schema: str | None = None) -> M:
    """Read ``path`` and validate it against ``model``; with ``schema``, the file must name it."""
    return load_validated(Path(path), model, missing="PW350", invalid="PW353", schema=schema)
