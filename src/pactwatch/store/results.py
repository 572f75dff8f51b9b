"""Query results: a list of records that converts to JSON, JSON Lines, CSV or a DataFrame.

The text formats are the exporters of :mod:`pactwatch.store.exports`.
"""

from __future__ import annotations

import io
from typing import TextIO

from pydantic import BaseModel

from pactwatch.store import exports
from pactwatch.store.exports import flatten


def _plain(item):
    return item.to_dict() if isinstance(item, BaseModel) else item


class Records(list):
    """A list of records (pydantic models or plain rows) with converters."""

    def dicts(self) -> list[dict]:
        return [_plain(r) for r in self]

    def write(self, format: str, out: TextIO) -> None:
        """Write the records to ``out`` in an export format (``exports.formats()``)."""
        exports.write(format, self.dicts(), out)

    def export(self, format: str) -> str:
        """The records in an export format, as the text a file of that format holds."""
        buf = io.StringIO()
        self.write(format, buf)
        return buf.getvalue()

    def to_json(self, indent: int | None = 2) -> str:
        return exports.json_text(self.dicts(), indent)

    def to_jsonl(self) -> str:
        return self.export("jsonl")

    def to_csv(self) -> str:
        return self.export("csv")

    def to_dataframe(self):
        import pandas as pd

        return pd.DataFrame([flatten(d) for d in self.dicts()])
