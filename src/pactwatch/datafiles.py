"""The one reader of language-data files: YAML (or JSON) into a pydantic model, with catalogue errors.

Every shipped data file (actors, places, time, quantities, treaties, …) names its schema in a
top-level ``schema:`` key and is validated by a pydantic model.  ``load_validated`` reads it,
checks the schema key, validates, and reports a bad file as one catalogue error "path: what is
wrong", never as a traceback::

    rules = load_validated(path, TimeRules, schema="pactwatch.dates.time.v1",
                           missing="PW520", invalid="PW521")

An area may pass its own codes (all in :mod:`pactwatch.errors`); see :func:`load_validated`.
Loaders are plain functions of a path; callers keep what they load (see
:class:`pactwatch.resources.Resources`), nothing here caches.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from pactwatch.errors import PactwatchError

M = TypeVar("M", bound=BaseModel)
SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the C parser when built: 5x faster
LABEL_KEYS = ("iso3", "code", "person", "name", "names")


def read_mapping(file: str | Path, *, missing: str = "PW061", invalid: str = "PW062",
                 syntax: str | None = None) -> dict:
    """The file's document (JSON for a ``.json`` file, else YAML), which must be a mapping."""
    file = Path(file)
    if not file.is_file():
        raise PactwatchError(missing, path=file)
    text = file.read_text(encoding="utf-8")
    try:
        doc = json.loads(text) if file.suffix == ".json" else yaml.load(text, Loader=SafeLoader)
    except (yaml.YAMLError, json.JSONDecodeError) as exc:
        raise PactwatchError(syntax or invalid, path=file, detail=str(exc).splitlines()[0]) from None
    if not isinstance(doc, dict):
        raise PactwatchError(invalid, path=file, detail="the top level is not a mapping")
    return doc


def load_validated(file: str | Path, model: type[M], *, schema: str | None = None,
                   missing: str = "PW061", invalid: str = "PW062", syntax: str | None = None,
                   wrong_schema: str | None = None, entry: str | None = None) -> M:
    """``file`` read (:func:`read_mapping`), its ``schema:`` key checked, validated by ``model``.

    ``schema``: the value the file's ``schema:`` key must have (``None``: not checked here).
    The rest are catalogue codes, by the fields their templates take:

    * ``missing`` (``path``): no such file; default PW061;
    * ``invalid`` (``path``, ``detail``): anything else wrong, the detail naming where
      ("entries.3.iso3: String should match pattern ..."); default PW062;
    * ``syntax`` (``path``, ``detail``): not YAML/JSON; default ``invalid``;
    * ``wrong_schema`` (``path``, ``expected``, ``found``): the schema key differs; default
      ``invalid`` with the detail "expected schema 'x', found 'y'";
    * ``entry`` (``path``, ``index``, ``label``, ``detail``): the first problem lies in an item of
      a top-level list (the ``entries`` of an actor file): its index, a label naming it
      (``iso3=...``, ``code=...``, ``person=...``, ``name=...``) and what is wrong; default
      ``invalid``.
    """
    file = Path(file)
    doc = read_mapping(file, missing=missing, invalid=invalid, syntax=syntax)
    if schema is not None:
        _check_schema(file, doc, schema, invalid, wrong_schema)
    try:
        return model.model_validate(doc)
    except ValidationError as exc:
        raise _first_error(file, doc, exc, invalid, entry) from None


def _check_schema(file: Path, doc: dict, expected: str, invalid: str, wrong_schema: str | None) -> None:
    found = doc.get("schema")
    if found == expected:
        return
    if wrong_schema:
        raise PactwatchError(wrong_schema, path=file, expected=expected, found=found)
    raise PactwatchError(invalid, path=file, detail=f"expected schema {expected!r}, found {found!r}")


def _first_error(file: Path, doc: dict, exc: ValidationError, invalid: str,
                 entry: str | None) -> PactwatchError:
    """The first validation error, as "where: what" (per list item when ``entry`` is given)."""
    first = exc.errors()[0]
    loc, msg = first["loc"], first["msg"]
    items = doc.get(loc[0]) if loc else None
    if entry and len(loc) >= 2 and isinstance(items, list) and isinstance(loc[1], int):
        return PactwatchError(entry, path=file, index=loc[1], label=entry_label(items[loc[1]]),
                              detail=_where(loc[2:], msg))
    return PactwatchError(invalid, path=file, detail=_where(loc, msg))


def _where(loc: tuple, msg: str) -> str:
    where = ".".join(str(part) for part in loc)
    return f"{where}: {msg}" if where else msg


def entry_label(raw: Any) -> str:
    """A short name for a list item in an error message: ``iso3='PRK'``, ``person='Kim Jong Un'``."""
    if not isinstance(raw, dict):
        return repr(raw)[:40]
    for key in LABEL_KEYS:
        if key in raw:
            return f"{key}={raw[key]!r}"[:60]
    return "?"
