"""Query results: a list of records that converts to JSON, JSON Lines, CSV or a DataFrame."""

from __future__ import annotations

import csv
import io
import json

from pydantic import BaseModel


def _plain(item):
    return item.to_dict() if isinstance(item, BaseModel) else item


def flatten(data, prefix: str = "") -> dict:
    """Nested dicts become dotted columns; lists of records become JSON strings."""
    flat: dict = {}
    for key, value in data.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            flat.update(flatten(value, f"{name}."))
        elif isinstance(value, list):
            flat[name] = json.dumps(value, ensure_ascii=False)
        else:
            flat[name] = value
    return flat


class Records(list):
    """A list of records (pydantic models or plain rows) with converters."""

    def dicts(self) -> list[dict]:
        return [_plain(r) for r in self]

    def to_json(self, indent: int | None = 2) -> str:
        return json.dumps(self.dicts(), indent=indent, ensure_ascii=False, default=str)

    def to_jsonl(self) -> str:
        return "".join(json.dumps(d, ensure_ascii=False, default=str) + "\n" for d in self.dicts())

    def to_csv(self) -> str:
        rows = [flatten(d) for d in self.dicts()]
        columns = list(dict.fromkeys(k for row in rows for k in row))
        buf = io.StringIO()
        writer = csv.DictWriter(buf, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
        return buf.getvalue()

    def to_dataframe(self):
        import pandas as pd

        return pd.DataFrame([flatten(d) for d in self.dicts()])
