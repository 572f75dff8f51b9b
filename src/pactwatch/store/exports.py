"""Export formats: one function per format, writing records (as plain dicts) to a text stream.

Adding a format is one function here, registered with :func:`exporter`: the CLI's ``export``
and the query commands' ``--format`` offer it, and ``Records.export(name)`` /
``Records.write(name, stream)`` produce it in the Python API.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable
from typing import TextIO

from pactwatch.errors import PactwatchError

Exporter = Callable[[list[dict], TextIO], None]
EXPORTERS: dict[str, Exporter] = {}


def exporter(name: str) -> Callable[[Exporter], Exporter]:
    """Register the decorated function as the writer of format ``name``."""
    def register(fn: Exporter) -> Exporter:
        EXPORTERS[name] = fn
        return fn
    return register


def formats() -> list[str]:
    return list(EXPORTERS)


def write(name: str, rows: list[dict], out: TextIO) -> None:
    """Write ``rows`` to ``out`` in format ``name``."""
    if name not in EXPORTERS:
        raise PactwatchError("PW032", name=name, known=", ".join(EXPORTERS))
    EXPORTERS[name](rows, out)


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


def json_text(rows: list[dict], indent: int | None = 2) -> str:
    return json.dumps(rows, indent=indent, ensure_ascii=False, default=str)


@exporter("json")
def write_json(rows: list[dict], out: TextIO) -> None:
    """One JSON array (indented), ending with a newline."""
    out.write(json_text(rows) + "\n")


@exporter("jsonl")
def write_jsonl(rows: list[dict], out: TextIO) -> None:
    """JSON Lines: one record per line."""
    out.writelines(json.dumps(d, ensure_ascii=False, default=str) + "\n" for d in rows)


@exporter("csv")
def write_csv(rows: list[dict], out: TextIO) -> None:
    """CSV with a header; nested fields as dotted columns (see :func:`flatten`)."""
    flat = [flatten(d) for d in rows]
    columns = list(dict.fromkeys(k for row in flat for k in row))
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows(flat)
