"""CLI commands for events (registered on the apps in pactwatch.cli.apps)."""

from __future__ import annotations

from pathlib import Path

import typer

from pactwatch.cli.apps import CONFIG_OPTION, attempt, eval_app, load_config, out


@eval_app.command("plv")
def eval_plv(
    file: Path = typer.Argument(..., help="PLV TSV file (uid, marked_sentence, gold_root, ...)."),
    predictions: Path | None = typer.Option(None, "--predictions", help="Write one JSON line per row."),
    limit: int | None = typer.Option(None, "--limit", help="Score only the first N rows."),
    rules_only: bool = typer.Option(False, "--rules-only", help="Do not use the learned typing classifier."),
    given_pair_only: bool = typer.Option(False, "--given-pair-only", help="Skip the end-to-end pipeline run."),
    config: Path = CONFIG_OPTION,
) -> None:
    """PLOVER typing given the marked pair, and end-to-end pair finding, on a PLV file."""
    from pactwatch.eval.plv import evaluate, read_plv, write_predictions

    settings = load_config(config)
    rows = attempt(read_plv, file)
    report, results = attempt(evaluate, rows[:limit] if limit else rows, settings,
                              end_to_end=not given_pair_only, classifier=not rules_only)
    if predictions:
        write_predictions(results, predictions)
    out.print(f"rows {report.rows}")
    out.print(f"given the pair: type accuracy {report.accuracy:.3f}  macro-F1 {report.macro_f1:.3f}  "
              f"penta accuracy {report.penta_accuracy:.3f}")
    if given_pair_only:
        out.print("end to end: not run (--given-pair-only)")
    else:
        out.print(f"end to end: pair found {report.found:.3f}  "
                  f"found with the right type {report.found_typed:.3f}")
    out.print("per-type F1: " + "  ".join(f"{k} {v:.2f}" for k, v in report.per_type.items()))
