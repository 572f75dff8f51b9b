"""CLI: ``pactwatch classify-clause "TEXT"`` (registered on the app in pactwatch.cli.apps)."""

from __future__ import annotations

import typer
from rich.table import Table

from pactwatch.cli.apps import TableJson, app, fail, out, print_json
from pactwatch.errors import PactwatchError


@app.command("classify-clause")
def classify_clause_cmd(
    text: str = typer.Argument(..., help="The text of one treaty article."),
    format: TableJson = typer.Option(TableJson.table, "--format", "-f", help="json or table."),
) -> None:
    """Code a treaty article into ATOP obligation types and conditions, with the cue spans."""
    from pactwatch.api import resources_for
    from pactwatch.treaties.clauses import classify_clause

    try:
        coding = classify_clause(text, resources_for().treaties.clause_lexicon)
    except PactwatchError as exc:
        fail(exc)
    if format is TableJson.json:
        print_json(coding.model_dump_json(indent=2))
        return
    table = Table(title=f"mutual: {'yes' if coding.mutual else 'no'}")
    for col in ("kind", "code", "cues"):
        table.add_column(col, overflow="fold")
    for kind, items in (("obligation", coding.obligations), ("condition", coding.conditions)):
        for f in items:
            table.add_row(kind, f.name, "; ".join(dict.fromkeys(c.text for c in f.cues)))
    out.print(table)
