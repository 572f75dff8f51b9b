"""Reading a language-data YAML file into its pydantic schema, with catalogue errors.

Every shipped data file (actors, places, time, treaties, …) names its schema in a top-level
``schema:`` key and is validated by a pydantic model; the area passes its own error codes so a
bad file is reported as "path: what is wrong", never as a traceback.
"""

from __future__ import annotations

from pathlib import Path
from typing import TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from pactwatch.errors import PactwatchError

M = TypeVar("M", bound=BaseModel)


def read_mapping(file: Path, *, missing: str, invalid: str) -> dict:
    """The file's YAML document, which must be a mapping."""
    if not file.is_file():
        raise PactwatchError(missing, path=file)
    try:
        doc = yaml.safe_load(file.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise PactwatchError(invalid, path=file, detail=str(exc).splitlines()[0]) from None
    if not isinstance(doc, dict):
        raise PactwatchError(invalid, path=file, detail="the top level is not a mapping")
    return doc


def load_validated(file: Path, model: type[M], *, missing: str, invalid: str,
                   schema: str | None = None) -> M:
    """``file`` parsed and validated; ``missing``/``invalid`` are the area's error codes
    (templates taking ``path``, and ``path`` and ``detail``).  With ``schema``, the file's
    ``schema:`` key must name it."""
    doc = read_mapping(file, missing=missing, invalid=invalid)
    if schema is not None and doc.get("schema") != schema:
        detail = f"expected schema {schema!r}, found {doc.get('schema')!r}"
        raise PactwatchError(invalid, path=file, detail=detail)
    try:
        return model.model_validate(doc)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise PactwatchError(invalid, path=file, detail=f"{where}: {first['msg']}") from None
