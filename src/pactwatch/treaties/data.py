"""Reading the treaties area's YAML data files: one reader, errors PW350-PW354."""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from pactwatch import errors
from pactwatch.errors import PactwatchError

errors.define("PW350", "{path}: treaty data file not found")
errors.define("PW351", "{path}: not valid YAML ({detail})")
errors.define("PW352", "{path}: expected schema {expected!r}, found {found!r}")
errors.define("PW353", "{path}: {detail}")
errors.define("PW354", "{path}: source id {source!r} is not in the file's sources block")

M = TypeVar("M", bound=BaseModel)


def data_path(name: str) -> Path:
    """A file under pactwatch/data/treaties/."""
    return Path(str(resources.files("pactwatch") / "data" / "treaties" / name))


def read_yaml(path: Path) -> dict:
    if not path.is_file():
        raise PactwatchError("PW350", path=path)
    try:
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise PactwatchError("PW351", path=path, detail=str(exc).splitlines()[0]) from None
    if not isinstance(doc, dict):
        raise PactwatchError("PW353", path=path, detail="top level is not a mapping")
    return doc


def load_model(path: Path, model: type[M], schema: str) -> M:
    """Read ``path`` and validate it against ``model``; the file must name ``schema``."""
    doc = read_yaml(path)
    if doc.get("schema") != schema:
        raise PactwatchError("PW352", path=path, expected=schema, found=doc.get("schema"))
    try:
        return model.model_validate(doc)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise PactwatchError("PW353", path=path, detail=f"{where}: {first['msg']}") from None
