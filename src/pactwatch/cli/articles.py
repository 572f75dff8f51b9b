"""CLI commands scoring whole articles (registered on the apps in pactwatch.cli.apps)."""

from __future__ import annotations

import json
from pathlib import Path

import typer

from pactwatch.cli.apps import CONFIG_OPTION, attempt, eval_app, load_config, out, print_json

ARTICLES_OPTION = typer.Option(..., "--articles", dir_okay=False,
                               help="JSON Lines of the texts (id, title, date, text), matched by id.")


def _say(line: str) -> None:
    out.print(line, highlight=False, markup=False)


@eval_app.command("articles")
def eval_articles(
    key: Path = typer.Argument(..., help="Whole-article key (e.g. ../shared/eval/news/key_dev.jsonl)."),
    articles: Path = ARTICLES_OPTION,
    misses: bool = typer.Option(False, "--misses", help="List each missed must event, claim and "
                                "treaty beside the nearest predicted record."),
    as_json: bool = typer.Option(False, "--json", help="Print the scores as JSON."),
    config: Path = CONFIG_OPTION,
) -> None:
    """Score `pactwatch extract` on hand-coded whole articles: events, claims, treaties."""
    from pactwatch.eval.articles import evaluate_articles

    report = attempt(evaluate_articles, key, articles, load_config(config))
    if as_json:
        print_json(json.dumps(report.as_dict(), indent=2, ensure_ascii=False))
        return
    _print_rows(report.rows)
    _print_totals(report.totals)
    if misses:
        for miss in report.misses:
            _print_miss(miss)


def _print_rows(rows) -> None:
    _say(f"{'article':48} {'events f/t/s of must':>20} {'claims':>8} {'treaties f/n':>13} "
         f"{'ratio':>6}")
    for r in rows:
        ratio = f"{r.count_ratio:.2f}" if r.count_ratio is not None else "-"
        _say(f"{r.id[:48]:48} {f'{r.found}/{r.typed}/{r.standing} of {r.must_events}':>20} "
             f"{f'{r.claims_found}/{r.must_claims}':>8} "
             f"{f'{r.treaties_found}/{r.treaties_named} of {r.treaties}':>13} {ratio:>6}")


def _print_totals(t) -> None:
    ratio = f"{t.median_count_ratio:.2f}" if t.median_count_ratio is not None else "-"
    _say(f"must events: found {t.found}/{t.must_events}, typed {t.typed}/{t.must_events}, "
         f"standing {t.standing}/{t.must_events}")
    _say(f"must claims: found {t.claims_found}/{t.must_claims}; treaties: found "
         f"{t.treaties_found}/{t.treaties}, named {t.treaties_named}/{t.treaties}; "
         f"median count ratio {ratio}")


def _print_miss(miss) -> None:
    _say(f"\nMISS {miss.kind} [{miss.article}] {miss.key}\n  key:     {_flat(miss.quote)}")
    n = miss.nearest
    if n is None:
        _say("  nearest: none")
        return
    _say(f"  nearest: {n.type} {'/'.join(n.source) or '-'} -> {'/'.join(n.target) or '-'} "
         f"{n.status or ''}\n           {_flat(n.evidence)}")


def _flat(text: str) -> str:
    return " ".join(text.split())


@eval_app.command("offtopic")
def eval_offtopic(
    ids: Path = typer.Argument(..., help="Ids of articles with no political event, one a line "
                               "(e.g. ../shared/eval/news/offtopic_dev.txt)."),
    articles: Path = ARTICLES_OPTION,
    as_json: bool = typer.Option(False, "--json", help="Print the counts as JSON."),
    config: Path = CONFIG_OPTION,
) -> None:
    """Events extracted from articles that report no political event (fewer is better)."""
    from pactwatch.eval.articles import evaluate_offtopic

    report = attempt(evaluate_offtopic, ids, articles, load_config(config))
    if as_json:
        print_json(json.dumps(report.as_dict(), indent=2, ensure_ascii=False))
        return
    for article, count in report.counts.items():
        _say(f"{count:4d}  {article}")
    _say(f"off-topic: {sum(report.counts.values())} events in {len(report.counts)} articles, "
         f"mean {report.mean:.2f} per article")
