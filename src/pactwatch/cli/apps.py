"""The Typer applications every CLI module adds its commands to.

The CLI is a thin shell: each command opens the database (or loads the
pipeline), calls one library function, and prints.  Only the CLI prints.
"""

from __future__ import annotations

import enum
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn, TypeVar

import typer
from rich.console import Console

from pactwatch.config import DEFAULT_DB, Config
from pactwatch.errors import PactwatchError
from pactwatch.store.exports import formats

if TYPE_CHECKING:
    from pactwatch.db import Database

T = TypeVar("T")

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

DB_OPTION = typer.Option(None, "--db", envvar="PACTWATCH_DB", show_default=False,
                         help=f"Database URL: sqlite:///path or postgresql://... (default {DEFAULT_DB})")
CONFIG_OPTION = typer.Option(None, "--config", dir_okay=False, show_default=False,
                             help="Settings file (TOML or YAML: database, stages, data files); "
                                  "the other options override its values.")


def fail(error: PactwatchError | str, code: int = 1) -> NoReturn:
    err.print(f"[red]error[/red] {error}", highlight=False)
    raise typer.Exit(code)


def attempt(fn: Callable[..., T], *args, **kwargs) -> T:
    """``fn(*args, **kwargs)``, or exit 1 with the catalogue's message."""
    try:
        return fn(*args, **kwargs)
    except PactwatchError as exc:
        fail(exc)


def print_json(text: str) -> None:
    sys.stdout.write(text + "\n")


class TableJson(str, enum.Enum):
    table = "table"
    json = "json"


def _choices(name: str, values: list[str]) -> type[enum.Enum]:
    return enum.Enum(name, {v: v for v in values}, type=str)


#: ``--format`` of the query commands: a table, or any export format
QueryFormat = _choices("QueryFormat", ["table", *formats()])
#: ``--format`` of ``export``: the registered export formats
ExportFormat = _choices("ExportFormat", formats())


def parse_date(value: str | None) -> date | None:
    """A YYYY-MM-DD option value, or exit 2 with the catalogue's message."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        fail(PactwatchError("PW020", value=value), code=2)


def load_config(path: Path | None, **given) -> Config:
    """The settings file's config (the defaults without one), with the options given on the
    command line (those not ``None``) on top; a bad file exits 2 with the catalogue's message."""
    try:
        config = Config.from_file(path) if path else Config()
    except PactwatchError as exc:
        fail(exc, code=2)
    return config.replace(**{k: v for k, v in given.items() if v is not None})


def open_db(db: str | None, config_file: Path | None = None) -> Database:
    """The store of ``--db`` (else the settings file's, else the default), migrated, with the
    settings file's language data; or exit 1 with the catalogue's message."""
    return open_store(load_config(config_file, db=db))


def open_store(config: Config) -> Database:
    """The store ``config`` names, opened for ``config``; or exit 1 with the catalogue's message."""
    from pactwatch import api

    return attempt(api.open, config.db, config)
