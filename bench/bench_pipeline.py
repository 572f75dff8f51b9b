"""Throughput of the pactwatch pipeline against raw spaCy parsing of the same text.

Reads the real articles in ../shared/eval/news (Wikinews 2019-2021 and MUC-4), then, in one
run and with the same number of processes, times:

  raw      spaCy's model alone (nlp.pipe), the floor every stage builds on
  extract  the full pactwatch pipeline (parse + every stage), nothing stored
  ingest   the full pipeline plus storing into a fresh SQLite file

and prints articles/second, words/second, peak RSS and each ratio to raw parsing.  With
``--repeat N`` the three are timed N times, interleaved, and each keeps its fastest run (the one
least disturbed by other work on the machine); the ratios always compare runs of the same call.

    .venv/bin/python bench/bench_pipeline.py --shared ../shared [--limit 200] [--processes 2]
        [--batch-size 8] [--repeat 3]

By default every core is used (``--processes`` = the machine's CPU count), as an ingest of a
corpus would, with batches of 8 (spaCy wants a batch size well below articles/processes).
``bench_stages.py`` shows where the time after parsing goes.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import tempfile
import time
from pathlib import Path

from pactwatch.api import pipeline_for
from pactwatch.config import Config
from pactwatch.db import Database
from pactwatch.nlp import load_model
from pactwatch.records import Article

CORPORA = ("wikinews_2019_2021.jsonl", "muc4_1988_1990.jsonl")


def load_articles(shared: Path, limit: int | None) -> list[Article]:
    articles = []
    for name in CORPORA:
        for line in (shared / "eval" / "news" / name).read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            articles.append(Article.from_text(row["text"], title=row.get("title"),
                                              source=row.get("source"), url=row.get("url")))
    return articles[:limit] if limit else articles


def cpu_seconds() -> float:
    """CPU time of this process and of its finished children (the worker processes)."""
    own, children = (resource.getrusage(who) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def timed(label: str, fn, articles: list[Article], words: int) -> dict:
    cpu, start = cpu_seconds(), time.perf_counter()
    fn(articles)
    seconds = time.perf_counter() - start
    return {"stage": label, "seconds": seconds, "articles_per_s": len(articles) / seconds,
            "words_per_s": words / seconds, "cpu": cpu_seconds() - cpu}


def run_raw(config: Config):
    nlp = load_model(config.model)

    def run(articles):
        for _ in nlp.pipe((a.text for a in articles), n_process=config.processes,
                          batch_size=config.batch_size):
            pass
    return run


def run_extract(config: Config):
    pipeline = pipeline_for(config)

    def run(articles):
        for outcome in pipeline.run(articles):
            assert outcome.ok, outcome.error
    return run


def run_ingest(config: Config, folder: Path):
    pipeline = pipeline_for(config)

    def run(articles):  # a fresh file each time: a repeat must store everything again
        handle, path = tempfile.mkstemp(suffix=".db", dir=folder)
        os.close(handle)
        db = Database(f"sqlite:///{path}", config, pipeline.resources)
        for outcome in pipeline.run(articles):
            db.store(outcome)
        db.close()
    return run


def warm_up(config: Config, article: Article) -> None:
    """Load the models and every stage's lazily loaded data before anything is timed."""
    list(load_model(config.model).pipe([article.text]))
    outcome = pipeline_for(config).run_one(article)
    assert outcome.ok, outcome.error


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[2] / "shared")
    parser.add_argument("--limit", type=int, default=None, help="use only the first N articles")
    parser.add_argument("--processes", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--batch-size", type=int, default=8)
    parser.add_argument("--repeat", type=int, default=1, help="time each N times, keep the fastest")
    args = parser.parse_args()
    articles = load_articles(args.shared, args.limit)
    words = sum(len(a.text.split()) for a in articles)
    config = Config(processes=args.processes, batch_size=args.batch_size)
    warm_up(config, articles[0])
    with tempfile.TemporaryDirectory() as tmp:
        runs = [("raw spaCy", run_raw(config)), ("extract", run_extract(config)),
                ("ingest", run_ingest(config, Path(tmp)))]
        rounds = [[timed(label, fn, articles, words) for label, fn in runs] for _ in range(args.repeat)]
    results = [min(column, key=lambda r: r["seconds"]) for column in zip(*rounds, strict=True)]
    report(results, len(articles), words, config)


def report(results: list[dict], n_articles: int, words: int, config: Config) -> None:
    raw = results[0]["seconds"]
    print(f"{n_articles} articles, {words} words, {config.processes} process(es), "
          f"batch size {config.batch_size}")
    print(f"{'stage':<10} {'seconds':>8} {'art/s':>8} {'words/s':>9} {'vs raw':>7} {'cpu s':>8} {'vs raw':>7}")
    for r in results:
        print(f"{r['stage']:<10} {r['seconds']:8.2f} {r['articles_per_s']:8.1f} "
              f"{r['words_per_s']:9.0f} {raw / r['seconds']:6.2f}x {r['cpu']:8.2f} "
              f"{results[0]['cpu'] / r['cpu']:6.2f}x")
    print("(cpu s: CPU time of all processes, a check on the wall-clock ratio when the machine is busy)")
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    child_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"peak RSS: main process {peak_mb:.0f} MB; largest worker process {child_mb:.0f} MB")


if __name__ == "__main__":
    main()
