"""CLI commands for claims (registered on the apps in pactwatch.cli.apps)."""

from __future__ import annotations

import json
from pathlib import Path

import typer

from pactwatch.cli.apps import CONFIG_OPTION, attempt, eval_app, load_config, out, print_json


@eval_app.command("polnear")
def eval_polnear(
    file: Path = typer.Argument(..., help="PolNeAR JSONL (e.g. ../shared/eval/polnear/polnear_dev.jsonl)"),
    limit: int = typer.Option(None, "--limit", help="Score only the first N articles."),
    errors: bool = typer.Option(False, "--errors", help="List missed and spurious attributions."),
    as_json: bool = typer.Option(False, "--json", help="Print the scores as JSON."),
    config: Path = CONFIG_OPTION,
) -> None:
    """Score attribution extraction (source, cue, content) against PolNeAR's first annotator."""
    from pactwatch.api import resources_for
    from pactwatch.eval.polnear import evaluate

    resources = resources_for(load_config(config))
    report = attempt(evaluate, file, resources, limit=limit, keep_errors=errors)
    if as_json:
        print_json(json.dumps(report.as_dict(), indent=2))
    else:
        _print_report(report)
    if errors:
        for m in report.mismatches:
            out.print(f"{m.kind}\t{m.article}\t{m.source!r}\t{m.cue!r}\t{m.content!r}",
                      highlight=False, markup=False)


def _print_report(report) -> None:
    out.print(f"PolNeAR: {report.articles} articles", highlight=False)
    rows = [("relation", report.relation)] + list(report.roles.items())
    out.print(f"{'':10} {'P':>7} {'R':>7} {'F1':>7} {'pred':>7} {'gold':>7}", highlight=False)
    for name, c in rows:
        out.print(f"{name:10} {c.precision:7.3f} {c.recall:7.3f} {c.f1:7.3f} {c.pred:7d} {c.gold:7d}",
                  highlight=False)
