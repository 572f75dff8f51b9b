"""CLI commands for treaties and alliances (registered on the apps in pactwatch.cli.apps).

``reference load atop|cow-states DIR``, ``ask defenders|attack|network`` and
``eval atop-ddyr FILE...``.  Each command opens the store, calls one library function, prints.
"""

from __future__ import annotations

import enum
import sys
from pathlib import Path

import typer
from rich.table import Table

from pactwatch.cli.apps import (
    DB_OPTION,
    TableJson,
    ask_app,
    eval_app,
    fail,
    open_db,
    out,
    parse_date,
    print_json,
    reference_app,
)
from pactwatch.errors import PactwatchError

load_app = typer.Typer(help="Load reference data into the store.", no_args_is_help=True)
reference_app.add_typer(load_app, name="load")


class GraphFormat(str, enum.Enum):
    graphml = "graphml"
    json = "json"


FORMAT = typer.Option(TableJson.table, "--format", "-f", help="json or table.")


def _run(db: str, fn, *args, write: bool = False):
    """Call ``fn(conn, ref, *args)`` in one transaction (or a read connection), ``ref`` the
    alliance reference data loaded once for the command; errors → exit 1."""
    from pactwatch.alliances.reference import load_alliance_data

    database = open_db(db)
    try:
        ref = load_alliance_data()
        if write:
            with database.transaction() as conn:
                return fn(conn, ref, *args)
        with database.engine.connect() as conn:
            return fn(conn, ref, *args)
    except PactwatchError as exc:
        fail(exc)
    finally:
        database.close()


# -- reference load ----------------------------------------------------------------------------
@load_app.command("atop")
def load_atop(
    directory: Path = typer.Argument(..., help="Folder with atop5_1a.csv, atop5_1aph.csv, atop5_1m.csv."),
    db: str = DB_OPTION,
    obvary_from_ddyr: bool = typer.Option(
        True, help="Decide who owes whom in OBVARY alliances from the ddyr files in DIR."),
    format: TableJson = FORMAT,
):
    """Load ATOP 5.1 (alliances, phases, members, directed obligations) into the store."""
    from pactwatch.alliances.load import load_atop as run

    report = _run(db, run, directory, obvary_from_ddyr, write=True)
    _print_load(report, format)


@load_app.command("cow-states")
def load_cow_states(
    directory: Path = typer.Argument(..., help="Folder with COW states2016.csv."),
    db: str = DB_OPTION,
    format: TableJson = FORMAT,
):
    """Load the COW state list and the COW↔ISO3 map into the store."""
    from pactwatch.alliances.load import load_cow_states as run

    _print_load(_run(db, run, directory, write=True), format)


def _print_load(report, format: TableJson) -> None:
    if format is TableJson.json:
        print_json(report.model_dump_json(indent=2))
        return
    counts = ", ".join(f"{n} {what}" for what, n in report.counts.items())
    out.print(f"loaded {report.source} from {report.directory}: {counts}")
    if report.ddyr_files:
        out.print(f"OBVARY obligations decided from the ddyr files: {report.obvary_from_ddyr} "
                  f"kept; {report.obvary_unresolved} left as member-coded")


# -- ask ---------------------------------------------------------------------------------------
@ask_app.command("defenders")
def ask_defenders(
    of: str = typer.Option(..., "--of", help="State: ISO3, COW code or name."),
    on: str = typer.Option(..., "--on", help="Date YYYY-MM-DD."),
    db: str = DB_OPTION,
    format: TableJson = FORMAT,
):
    """States obligated to defend a state on a date, each with treaty, conditions and proof."""
    from pactwatch.alliances.reasoner import defenders_of

    answer = _run(db, defenders_of, of, parse_date(on))
    if format is TableJson.json:
        print_json(answer.model_dump_json(indent=2))
        return
    out.print(_findings_table(answer.defenders, f"Defenders of {answer.of} on {answer.on}"))


@ask_app.command("attack")
def ask_attack(
    attacker: str = typer.Option(..., "--attacker", help="Attacking state."),
    target: str = typer.Option(..., "--target", help="Attacked state."),
    on: str = typer.Option(..., "--on", help="Date YYYY-MM-DD."),
    depth: int = typer.Option(3, help="Longest chain of obligations to follow."),
    db: str = DB_OPTION,
    format: TableJson = FORMAT,
):
    """Who must defend the target, who is drawn in by chains, who is bound to both sides."""
    from pactwatch.alliances.reasoner import attack

    answer = _run(db, attack, attacker, target, parse_date(on), depth)
    if format is TableJson.json:
        print_json(answer.model_dump_json(indent=2))
        return
    title = f"{answer.attacker} attacks {answer.target} on {answer.on}"
    out.print(_findings_table(answer.direct, f"{title}: direct defenders"))
    out.print(_findings_table(answer.not_firing, "Obligations whose conditions fail"))
    out.print(_chain_table(answer.chained))
    out.print(_conflict_table(answer.conflicted))
    out.print(_pledge_table(answer.neutrality, "Neutrality owed to attacker or target"))
    out.print(_pledge_table(answer.nonaggression, "Non-aggression owed to attacker or target"))


@ask_app.command("network")
def ask_network(
    on: str = typer.Option(..., "--on", help="Date YYYY-MM-DD."),
    db: str = DB_OPTION,
    format: GraphFormat = typer.Option(GraphFormat.json, "--format", "-f"),
    type: list[str] = typer.Option(None, "--type", help="Only these obligation types."),
):
    """The alliance network on a date as GraphML or node-link JSON."""
    from pactwatch.alliances import graph

    g = _run(db, graph.network, parse_date(on), type or None)
    sys.stdout.write(graph.to_graphml(g) if format is GraphFormat.graphml else graph.to_json(g) + "\n")


def _findings_table(findings, title: str) -> Table:
    table = Table(title=title)
    for col in ("state", "owes", "to", "treaty", "status", "conditions", "basis"):
        table.add_column(col, overflow="fold")
    for f in findings:
        conds = "; ".join(f"{c.code}: {c.result}" for c in f.conditions) or "-"
        basis = "; ".join(p.rule for p in f.proof[:3])
        table.add_row(f.state, f.type, f.to, f.treaty_name or f.treaty_id, f.status, conds, basis)
    return table


def _pledge_table(pledges, title: str) -> Table:
    table = Table(title=title)
    for col in ("owed to", "by", "type", "treaty", "status"):
        table.add_column(col, overflow="fold")
    for p in pledges:
        table.add_row(p.to, ", ".join(p.states), p.type, p.treaty_name or p.treaty_id, p.status)
    return table


def _chain_table(chained) -> Table:
    table = Table(title="Drawn in by chains of defense obligations (R-CHAIN)")
    for col in ("state", "depth", "chain"):
        table.add_column(col, overflow="fold")
    for c in chained:
        chain = " ← ".join(f"{f.to} by {f.state} ({f.treaty_id})" for f in c.chain)
        table.add_row(c.state, str(c.depth), chain)
    return table


def _conflict_table(conflicts) -> Table:
    table = Table(title="Bound to both sides (R-CONFLICT)")
    for col in ("state", "defends", "bound to attacker by"):
        table.add_column(col, overflow="fold")
    for c in conflicts:
        table.add_row(c.state, ", ".join(sorted({f.to for f in c.defends})),
                      ", ".join(f"{f.type} ({f.treaty_id})" for f in c.bound_to_attacker))
    return table


# -- eval --------------------------------------------------------------------------------------
@eval_app.command("atop-ddyr")
def eval_atop_ddyr(
    files: list[Path] = typer.Argument(..., help="ATOP directed-dyad-year CSV files."),
    db: str = DB_OPTION,
    format: TableJson = FORMAT,
):
    """Compare the store's derived obligations with ATOP's directed-dyad-year files."""
    from pactwatch.alliances.oracle import evaluate

    report = _run(db, evaluate, files)
    if format is TableJson.json:
        data = report.model_dump(mode="json")
        data["rates"] = {t: s.rate for t, s in report.scores.items()}
        data["by_atop_id"] = report.by_atop_id()
        print_json(_dumps(data))
        return
    _print_oracle(report)


def _dumps(data) -> str:
    import json

    return json.dumps(data, indent=2)


def _print_oracle(report) -> None:
    out.print(f"{report.file_rows} directed dyad-years in {len(report.files)} file(s), "
              f"years {report.years[0]}–{report.years[1]}; pactwatch derives "
              f"{report.derived_rows}: {report.missing_pairs} missing, "
              f"{report.extra_pairs} extra (false-positive pairs)")
    out.print(f"stored obligations by basis: {report.obligation_basis}")
    table = Table(title="Agreement per obligation type")
    for col in ("type", "agree", "total", "rate", "false +", "false -", "rate w/o OBVARY"):
        table.add_column(col)
    for t, s in report.scores.items():
        other = report.scores_without_obvary[t]
        table.add_row(t, str(s.agree), str(s.total), f"{s.rate:.5%}", str(s.false_positive),
                      str(s.false_negative), f"{other.rate:.5%}")
    out.print(table)
    by_id = report.by_atop_id()
    out.print("disagreements by ATOP id: " + (", ".join(f"{k}: {v}" for k, v in by_id.items())
                                              or "none"))
    for d in report.disagreements:
        out.print(f"  atop {d.atop_ids or '-'} {d.ccode1}→{d.ccode2} {d.year} {d.type}: "
                  f"pactwatch {d.pactwatch}, ATOP {d.atop}{' (OBVARY)' if d.obvary else ''}")
