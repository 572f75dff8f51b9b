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
    CONFIG_OPTION,
    DB_OPTION,
    ExportFormat,
    QueryFormat,
    TableJson,
    app,
    attempt,
    err,
    load_config,
    open_db,
    open_store,
    out,
    parse_date,
    print_json,
)
from pactwatch.config import Config
from pactwatch.errors import InputError
from pactwatch.pipeline import list_stages
from pactwatch.readers import Meta, read_file


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
    config: Path = CONFIG_OPTION,
    published: str = typer.Option(None, help="Publication date (YYYY-MM-DD) for plain text."),
    title: str = typer.Option(None, help="Title for plain text."),
    source: str = typer.Option(None, help="Outlet name for plain text."),
    url: str = typer.Option(None, help="URL for plain text."),
    processes: int = typer.Option(None, help="Worker processes (each parses and extracts); default 1."),
    batch_size: int = typer.Option(None, help="Articles per spaCy batch; default 16."),
    max_bytes: int = typer.Option(None, help="Skip input files larger than this; default 5000000."),
):
    """Read, extract and store articles; each article in its own transaction."""
    from pactwatch.cli.progress import IngestProgress

    meta = Meta(url=url, title=title, source=source, published=parse_date(published))
    settings = load_config(config, db=db, processes=processes, batch_size=batch_size,
                           max_bytes=max_bytes)
    database = open_store(settings)
    with IngestProgress(err) as progress:
        report = database.ingest(paths, meta=meta, progress=progress.step)
    for line in report.errors:
        err.print(f"[red]error[/red] {line}", highlight=False)
    out.print(f"stored {report.stored}, skipped {report.skipped} (already stored), "
              f"failed {report.failed}, bad inputs {len(report.errors) - report.failed}")
    if not report.ok:
        raise typer.Exit(1)


def _first_article(file: Path, meta: Meta):
    article = next(iter(read_file(file, meta)))
    if isinstance(article, InputError):
        raise article
    return article


MIN_CONFIDENCE = typer.Option(None, "--min-confidence", min=0.0, max=1.0, show_default=False,
                              help="Only events of at least this confidence (0-1).")


@app.command()
def extract(
    file: Path = typer.Argument(..., help="A text, HTML, JSONL or feed file (first article)."),
    published: str = typer.Option(None, help="Publication date (YYYY-MM-DD)."),
    title: str = typer.Option(None), source: str = typer.Option(None), url: str = typer.Option(None),
    format: TableJson = typer.Option(TableJson.json, "--format", "-f"),
    min_confidence: float = MIN_CONFIDENCE,
    config: Path = CONFIG_OPTION,
):
    """Run the pipeline on one article without storing it, and print what it finds."""
    meta = Meta(url=url, title=title, source=source, published=parse_date(published))
    settings = load_config(config)
    result = attempt(lambda: extract_article(_first_article(file, meta), settings, min_confidence or 0.0))
    if format is TableJson.json:
        print_json(result.to_json(indent=2))
        return
    out.print(render.events_table(result.events))
    out.print(render.claims_table(result.claims))
    out.print(render.treaties_table(result.treaties))


FORMAT = typer.Option(QueryFormat.table, "--format", "-f")


def _query(db: str | None, config: Path | None, what: str, format, table_fn, **filters) -> None:
    """A query command: open the store, call its ``what`` method, print in ``format``."""
    found = getattr(open_db(db, config), what)(**filters)
    if format is QueryFormat.table:
        out.print(table_fn(found))
    else:
        found.write(format.value, sys.stdout)


def _since(what: str):
    return typer.Option(None, help=f"{what} on or after YYYY-MM-DD.")


def _until(what: str):
    return typer.Option(None, help=f"{what} on or before YYYY-MM-DD.")


@app.command()
def events(
    db: str = DB_OPTION,
    actor: str = typer.Option(None, help="Country code, actor or person name."),
    type: str = typer.Option(None, help="PLOVER type, e.g. ASSAULT."),
    since: str = _since("Events"), until: str = _until("Events"),
    status: str = typer.Option(None, help="asserted, reported, denied, planned, negated, hypothetical."),
    min_confidence: float = MIN_CONFIDENCE,
    format: QueryFormat = FORMAT, config: Path = CONFIG_OPTION,
):
    """Stored events, filtered."""
    _query(db, config, "events", format, render.events_table, actor=actor, type=type,
           since=parse_date(since), until=parse_date(until), status=status, min_confidence=min_confidence)


@app.command()
def claims(
    db: str = DB_OPTION,
    actor: str = typer.Option(None, help="Claimant country code, actor or person name."),
    disputed: bool = typer.Option(False, "--disputed", help="Only disputed claims."),
    about: str = typer.Option(None, help="Only claims about this event id."),
    status: str = typer.Option(None, help="uncontested or disputed."),
    format: QueryFormat = FORMAT, config: Path = CONFIG_OPTION,
):
    """Stored claims: who says what, who denies it."""
    _query(db, config, "claims", format, render.claims_table, actor=actor, disputed=disputed,
           about=about, status=status)


@app.command()
def treaties(
    db: str = DB_OPTION,
    actor: str = typer.Option(None, help="Party (ISO3 code)."),
    since: str = _since("Signed"), until: str = _until("Signed"),
    status: str = typer.Option(None, help="Treaty status, e.g. in_force."),
    source: str = typer.Option(None, help="atop, current or news."),
    format: QueryFormat = FORMAT, config: Path = CONFIG_OPTION,
):
    """Stored treaties: parties, obligations, ratification stages."""
    _query(db, config, "treaties", format, render.treaties_table, actor=actor,
           since=parse_date(since), until=parse_date(until), status=status, source=source)


@app.command()
def export(
    db: str = DB_OPTION,
    format: ExportFormat = typer.Option(ExportFormat.jsonl, "--format", "-f"),
    what: ExportWhat = typer.Option(ExportWhat.events, "--what", help="Which records."),
    output: Path = typer.Option(None, "--output", "-o", help="File to write (default stdout)."),
    min_confidence: float = typer.Option(None, "--min-confidence", min=0.0, max=1.0, show_default=False,
                                         help="Only events of at least this confidence (0-1; events only)."),
    config: Path = CONFIG_OPTION,
):
    """Export stored records (JSON Lines, CSV, JSON)."""
    filters = {"min_confidence": min_confidence} if what is ExportWhat.events else {}
    records = getattr(open_db(db, config), what.value)(**filters)
    if output is None:
        records.write(format.value, sys.stdout)
        return
    with output.open("w", encoding="utf-8") as stream:
        records.write(format.value, stream)
    err.print(f"wrote {len(records)} {what.value} to {output}")


def _stage_order(spec) -> tuple:
    default = Config().stages
    return (default.index(spec.name) if spec.name in default else len(default), spec.name)


@app.command()
def pipeline(config: Path = CONFIG_OPTION):
    """List the registered pipeline stages, with what each reads and writes."""
    chosen = load_config(config).stages
    rows = [{"stage": s.name, "reads": ", ".join(s.reads), "writes": ", ".join(s.writes),
             "default": "yes" if s.name in chosen else "", "what": s.doc}
            for s in sorted(list_stages(), key=_stage_order)]
    out.print(render.records_table(rows, ["stage", "reads", "writes", "default", "what"], "Stages"))


@app.command()
def summary(db: str = DB_OPTION, limit: int = typer.Option(15, help="Rows per table."),
            config: Path = CONFIG_OPTION):
    """A readable summary of what the store holds."""
    database = open_db(db, config)
    counts = database.counts()
    out.print(", ".join(f"{n} {name}" for name, n in counts.items()) + f" in {database.url}")
    out.print(render.events_table(database.events()[:limit], title="Events (first by date)"))
    out.print(render.claims_table(database.claims()[:limit]))
    reported = [t for t in database.treaties() if t.evidence]
    out.print(render.treaties_table(reported[:limit], title="Treaties with news evidence"))


def _register_area_commands() -> None:
    """Area CLI modules add their commands to the shared apps on import."""
    from pactwatch.cli import actors, articles, claims, clauses, events, treaties  # noqa: F401


_register_area_commands()

if __name__ == "__main__":  # python -m pactwatch.cli.main
    app()
