"""PLOVER's quad classes per event type (data/events/penta.yaml): verbal or material,
cooperation or conflict.  The evaluation scores them; the claims stage asks which types are
verbal, because a verbal event said by its own source is the saying itself."""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, ConfigDict

from pactwatch.datafiles import load_validated
from pactwatch.events.lexicon import data_dir

VERBAL = frozenset({1, 3})  # verbal cooperation, verbal conflict


class PentaData(BaseModel):
    model_config = ConfigDict(frozen=True, extra="ignore")
    merge: dict[str, str]
    labels: tuple[str, ...]
    penta: dict[str, int]

    def verbal(self, kind: str) -> bool:
        return self.penta.get(self.merge.get(kind, kind)) in VERBAL


def penta_data(path: Path | None = None) -> PentaData:
    """The quad classes of ``path``; default the packaged penta.yaml."""
    file = Path(path) if path else data_dir() / "penta.yaml"
    return load_validated(file, PentaData, missing="PW411", invalid="PW412")
