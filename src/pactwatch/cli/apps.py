"""The Typer applications every CLI module adds its commands to.

The CLI is a thin shell: each command opens the database (or loads the
pipeline), calls one library function, and prints.  Only the CLI prints.
"""

from __future__ import annotations

import enum
import sys
from datetime import date
from typing import NoReturn

import typer
from rich.console import Console

from pactwatch.errors import PactwatchError

app = typer.Typer(help="pactwatch: a living, sourced database of security events, claims and treaties.",
                  no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False)
eval_app = typer.Typer(help="Score pactwatch against hand-coded data.", no_args_is_help=True)
reference_app = typer.Typer(help="Reference data (ATOP, COW) in the store.", no_args_is_help=True)
ask_app = typer.Typer(help="Alliance reasoning: who must defend whom.", no_args_is_help=True)
app.add_typer(eval_app, name="eval")
app.add_typer(reference_app, name="reference")
app.add_typer(ask_app, name="ask")

out = Console(soft_wrap=True)
err = Console(stderr=True, soft_wrap=True)

DB_OPTION = typer.Option("sqlite:///pactwatch.db", "--db", envvar="PACTWATCH_DB",
                         help="Database URL: sqlite:///path or postgresql://...")


def fail(error: PactwatchError | str, code: int = 1) -> NoReturn:
    err.print(f"[red]error[/red] {error}", highlight=False)
    raise typer.Exit(code)


def print_json(text: str) -> None:
    sys.stdout.write(text + "\n")


class TableJson(str, enum.Enum):
    table = "table"
    json = "json"


class TableJsonCsv(str, enum.Enum):
    table = "table"
    json = "json"
    csv = "csv"


def parse_date(value: str | None) -> date | None:
    """A YYYY-MM-DD option value, or exit 2 with the catalogue's message."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        fail(PactwatchError("PW020", value=value), code=2)


def open_db(url: str):
    """The store at ``url`` (migrated), or exit 1 with the catalogue's message."""
    from pactwatch.store.db import Database

    try:
        return Database(url)
    except PactwatchError as exc:
        fail(exc)
