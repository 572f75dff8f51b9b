"""The pactwatch command line: thin commands over the library."""

from __future__ import annotations

import enum
import logging
import sys
from pathlib import Path

import typer

from pactwatch.api import extract_article
from pactwatch.cli import render
from pactwatch.cli.apps import (
    DB_OPTION,
    TableJson,
    TableJsonCsv,
    app,
    err,
    fail,
    open_db,
    out,
    parse_date,
    print_json,
)
from pactwatch.config import Config
from pactwatch.errors import InputError, PactwatchError
from pactwatch.pipeline import list_stages
from pactwatch.readers import Meta, read_file


class ExportFormat(str, enum.Enum):
    jsonl = "jsonl"
    csv = "csv"


class ExportWhat(str, enum.Enum):
    events = "events"
    claims = "claims"
    treaties = "treaties"
    articles = "articles"


@app.callback()
def main(verbose: bool = typer.Option(False, "--verbose", "-v", help="Log progress to stderr.")):
    """pactwatch: a living, sourced database of security events, claims and treaties."""
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr)


@app.command()
def ingest(
    paths: list[Path] = typer.Argument(..., help="Files or folders (text, HTML, JSONL, RSS/Atom)."),
    db: str = DB_OPTION,
    published: str = typer.Option(None, help="Publication date (YYYY-MM-DD) for plain text."),
    title: str = typer.Option(None, help="Title for plain text."),
    source: str = typer.Option(None, help="Outlet name for plain text."),
    url: str = typer.Option(None, help="URL for plain text."),
    processes: int = typer.Option(1, help="Worker processes (each parses and extracts)."),
    batch_size: int = typer.Option(16, help="Articles per spaCy batch."),
    max_bytes: int = typer.Option(5_000_000, help="Skip input files larger than this."),
):
    """Read, extract and store articles; each article in its own transaction."""
    from pactwatch.cli.progress import IngestProgress

    meta = Meta(url=url, title=title, source=source, published=parse_date(published))
    config = Config(processes=processes, batch_size=batch_size, max_bytes=max_bytes)
    database = open_db(db)
    with IngestProgress(err) as progress:
        report = database.ingest(paths, meta=meta, config=config, progress=progress.step)
    for line in report.errors:
        err.print(f"[red]error[/red] {line}", highlight=False)
    out.print(f"stored {report.stored}, skipped {report.skipped} (already stored), "
              f"failed {report.failed}, bad inputs {len(report.errors) - report.failed}")
    if not report.ok:
        raise typer.Exit(1)


@app.command()
def extract(
    file: Path = typer.Argument(..., help="A text, HTML, JSONL or feed file (first article)."),
    published: str = typer.Option(None, help="Publication date (YYYY-MM-DD)."),
    title: str = typer.Option(None), source: str = typer.Option(None), url: str = typer.Option(None),
    format: TableJson = typer.Option(TableJson.json, "--format", "-f"),
):
    """Run the pipeline on one article without storing it, and print what it finds."""
    meta = Meta(url=url, title=title, source=source, published=parse_date(published))
    try:
        article = next(iter(read_file(file, meta)))
        if isinstance(article, InputError):
            raise article
        result = extract_article(article)
    except PactwatchError as exc:
        fail(exc)
    if format is TableJson.json:
        print_json(result.to_json(indent=2))
        return
    out.print(render.events_table(result.events))
    out.print(render.claims_table(result.claims))
    out.print(render.treaties_table(result.treaties))


def _emit(records, format: TableJsonCsv, table_fn) -> None:
    if format is TableJsonCsv.json:
        print_json(records.to_json())
    elif format is TableJsonCsv.csv:
        sys.stdout.write(records.to_csv())
    else:
        out.print(table_fn(records))


@app.command()
def events(
    db: str = DB_OPTION,
    actor: str = typer.Option(None, help="Country code, actor or person name."),
    type: str = typer.Option(None, help="PLOVER type, e.g. ASSAULT."),
    since: str = typer.Option(None, help="Events on or after YYYY-MM-DD."),
    until: str = typer.Option(None, help="Events on or before YYYY-MM-DD."),
    status: str = typer.Option(None, help="asserted, reported, denied, planned, negated, hypothetical."),
    format: TableJsonCsv = typer.Option(TableJsonCsv.table, "--format", "-f"),
):
    """Stored events, filtered."""
    found = open_db(db).events(actor=actor, type=type, since=parse_date(since), until=parse_date(until),
                             status=status)
    _emit(found, format, render.events_table)


@app.command()
def claims(
    db: str = DB_OPTION,
    actor: str = typer.Option(None, help="Claimant country code, actor or person name."),
    disputed: bool = typer.Option(False, "--disputed", help="Only disputed claims."),
    about: str = typer.Option(None, help="Only claims about this event id."),
    status: str = typer.Option(None, help="uncontested or disputed."),
    format: TableJsonCsv = typer.Option(TableJsonCsv.table, "--format", "-f"),
):
    """Stored claims: who says what, who denies it."""
    found = open_db(db).claims(actor=actor, disputed=disputed, about=about, status=status)
    _emit(found, format, render.claims_table)


@app.command()
def treaties(
    db: str = DB_OPTION,
    actor: str = typer.Option(None, help="Party (ISO3 code)."),
    since: str = typer.Option(None, help="Signed on or after YYYY-MM-DD."),
    until: str = typer.Option(None, help="Signed on or before YYYY-MM-DD."),
    status: str = typer.Option(None, help="Treaty status, e.g. in_force."),
    source: str = typer.Option(None, help="atop, current or news."),
    format: TableJsonCsv = typer.Option(TableJsonCsv.table, "--format", "-f"),
):
    """Stored treaties: parties, obligations, ratification stages."""
    found = open_db(db).treaties(actor=actor, since=parse_date(since), until=parse_date(until),
                               status=status, source=source)
    _emit(found, format, render.treaties_table)


@app.command()
def export(
    db: str = DB_OPTION,
    format: ExportFormat = typer.Option(ExportFormat.jsonl, "--format", "-f"),
    what: ExportWhat = typer.Option(ExportWhat.events, "--what", help="Which records."),
    output: Path = typer.Option(None, "--output", "-o", help="File to write (default stdout)."),
):
    """Export stored records as JSON Lines or CSV."""
    database = open_db(db)
    records = getattr(database, what.value)()
    text = records.to_jsonl() if format is ExportFormat.jsonl else records.to_csv()
    if output:
        output.write_text(text, encoding="utf-8")
        err.print(f"wrote {len(records)} {what.value} to {output}")
    else:
        sys.stdout.write(text)


def _stage_order(spec) -> tuple:
    default = Config().stages
    return (default.index(spec.name) if spec.name in default else len(default), spec.name)


@app.command()
def pipeline():
    """List the registered pipeline stages, with what each needs and adds."""
    rows = [{"stage": s.name, "needs": ", ".join(s.needs), "adds": ", ".join(s.adds),
             "default": "yes" if s.name in Config().stages else "", "what": s.doc}
            for s in sorted(list_stages(), key=_stage_order)]
    out.print(render.records_table(rows, ["stage", "needs", "adds", "default", "what"], "Stages"))


@app.command()
def summary(db: str = DB_OPTION, limit: int = typer.Option(15, help="Rows per table.")):
    """A readable summary of what the store holds."""
    database = open_db(db)
    counts = database.counts()
    out.print(", ".join(f"{n} {name}" for name, n in counts.items()) + f" in {database.url}")
    out.print(render.events_table(database.events()[:limit], title="Events (first by date)"))
    out.print(render.claims_table(database.claims()[:limit]))
    reported = [t for t in database.treaties() if t.evidence]
    out.print(render.treaties_table(reported[:limit], title="Treaties with news evidence"))


def _register_area_commands() -> None:
    """Area CLI modules add their commands to the shared apps on import."""
    from pactwatch.cli import actors, claims, clauses, events, treaties  # noqa: F401


_register_area_commands()
