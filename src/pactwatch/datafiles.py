"""Reading a language-data YAML file into its pydantic schema, with catalogue errors."""

from __future__ import annotations

from pathlib import Path
from typing import TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from pactwatch.errors import PactwatchError

M = TypeVar("M", bound=BaseModel)


def load_validated(file: Path, model: type[M], *, missing: str, invalid: str) -> M:
    """``file`` parsed and validated; ``missing``/``invalid`` are the area's error codes
    (templates taking ``path``, and ``path`` and ``detail``)."""
    if not file.is_file():
        raise PactwatchError(missing, path=file)
    try:
        return model.model_validate(yaml.safe_load(file.read_text(encoding="utf-8")))
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise PactwatchError(invalid, path=file, detail=f"{where}: {first['msg']}") from None
    except yaml.YAMLError as exc:
        raise PactwatchError(invalid, path=file, detail=str(exc).splitlines()[0]) from None
