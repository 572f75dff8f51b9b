"""PLOVER's quad classes per event type (data/events/penta.yaml): verbal or material,
cooperation or conflict.  The evaluation scores them; the claims stage asks which types are
verbal, because a verbal event said by its own source is the saying itself."""

from __future__ import annotations

from functools import lru_cache

from pydantic import BaseModel, ConfigDict

from pactwatch import errors
from pactwatch.datafiles import load_validated
from pactwatch.events.lexicon import data_dir

errors.define("PW411", "{path}: quad-class file not found")
errors.define("PW412", "{path}: not a valid quad-class file ({detail})")

VERBAL = frozenset({1, 3})  # verbal cooperation, verbal conflict


class PentaData(BaseModel):
    model_config = ConfigDict(frozen=True, extra="ignore")
    merge: dict[str, str]
    labels: tuple[str, ...]
    penta: dict[str, int]

    def verbal(self, kind: str) -> bool:
        return self.penta.get(self.merge.get(kind, kind)) in VERBAL


@lru_cache(maxsize=1)
def penta_data() -> PentaData:
    return load_validated(data_dir() / "penta.yaml", PentaData, missing="PW411", invalid="PW412")
