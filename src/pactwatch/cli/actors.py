"""CLI commands for actors (registered on the apps in pactwatch.cli.apps)."""

from __future__ import annotations

import json
from pathlib import Path

import typer
from rich.table import Table

from pactwatch.cli.apps import (
    CONFIG_OPTION,
    app,
    attempt,
    eval_app,
    fail,
    load_config,
    out,
    print_json,
)
from pactwatch.errors import PactwatchError


@app.command("actors")
def actors_command(
    text: str = typer.Argument(..., help="The text to read."),
    published: str = typer.Option(None, "--published", help="Publication date YYYY-MM-DD "
                                  "(resolves office holders such as 'the U.S. President')."),
    fmt: str = typer.Option("table", "--format", help="table | json"),
    config: Path = CONFIG_OPTION,
) -> None:
    """Print every actor found in TEXT with its codes and character span."""
    from pactwatch.api import find_actors

    if fmt not in ("table", "json"):
        fail(f"unknown --format {fmt!r} (use table or json)", code=2)
    actors = attempt(find_actors, text, published=published, config=load_config(config))
    if fmt == "json":
        print_json(json.dumps([a.to_dict() for a in actors], ensure_ascii=False))
        return
    table = Table("span", "text", "country", "sector", "person", "name")
    for a in actors:
        table.add_row(f"{a.start}-{a.end}", a.text, a.country or "", a.sector or "",
                      a.person or "", a.name)
    out.print(table)


@eval_app.command("actors")
def eval_actors_command(
    file: Path = typer.Argument(..., help="PLV TSV with uid and marked_sentence columns."),
    key: Path = typer.Option(None, "--key", help="Hand-checked key TSV (uid, role, span, country); "
                             "default: tests/actors/data/plv_actor_key.tsv of the checkout."),
    show_errors: bool = typer.Option(False, "--errors", help="List every keyed span judged wrong."),
    only_keyed: bool = typer.Option(False, "--only-keyed", help="Read only the keyed rows (faster)."),
    config: Path = CONFIG_OPTION,
) -> None:
    """Precision and recall of actor country codes over PLV's marked spans."""
    from pactwatch.eval.actors import default_key, evaluate, read_key

    key = key or default_key()
    if key is None:
        fail("no key file: pass --key", code=2)
    try:
        score = evaluate(file, read_key(key), only_keyed=only_keyed, config=load_config(config))
    except (PactwatchError, OSError) as exc:
        fail(exc)
    keyed = score.keyed
    out.print(f"keyed spans {len(keyed)}  precision {score.precision:.3f}  "
              f"recall {score.recall:.3f}  coverage {score.coverage:.3f} "
              f"(any actor on {len(score.judged)} marked spans)", highlight=False)
    if show_errors:
        for j in score.errors():
            got = f"{j.predicted} via {j.actor.text!r}" if j.actor else "nothing"
            out.print(f"{j.span.uid} {j.span.role:6} {j.span.text!r}: expected {j.expected}, "
                      f"got {got}", highlight=False, markup=False)
