"""Where the time goes: CPU seconds of each registered stage, in one process, on the real articles.

Runs the configured stages one after another over the same articles as ``bench_pipeline.py``
(Wikinews 2019-2021 and MUC-4 from ../shared/eval/news) and prints, per stage, the CPU seconds
it took and its share of the parse stage's time (parsing is what raw spaCy costs; every other
stage is pactwatch's overhead on top of it).

    .venv/bin/python bench/bench_stages.py --shared ../shared [--limit 100] [--batch-size 8]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from bench_pipeline import load_articles, warm_up

from pactwatch.api import resources_for
from pactwatch.config import Config
from pactwatch.context import ArticleContext
from pactwatch.stages import get_stage


def timed_stages(config: Config, contexts: list[ArticleContext]) -> list[tuple[str, float]]:
    """(stage name, CPU seconds) for each stage, run over all contexts before the next starts."""
    out, resources = [], resources_for(config)
    for spec in (get_stage(name) for name in config.stages):
        fn = spec.factory(config, resources)
        start = time.process_time()
        contexts = list(fn(contexts)) if spec.stream else [fn(ctx) for ctx in contexts]
        out.append((spec.name, time.process_time() - start))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[2] / "shared")
    parser.add_argument("--limit", type=int, default=100, help="use only the first N articles")
    parser.add_argument("--batch-size", type=int, default=8)
    args = parser.parse_args()
    articles = load_articles(args.shared, args.limit)
    config = Config(batch_size=args.batch_size)
    warm_up(config, articles[0])
    results = timed_stages(config, [ArticleContext(article=a) for a in articles])
    parse = results[0][1]
    words = sum(len(a.text.split()) for a in articles)
    print(f"{len(articles)} articles, {words} words, one process, batch size {config.batch_size}")
    print(f"{'stage':<28} {'cpu s':>7} {'vs parse':>9}")
    for name, seconds in results:
        print(f"{name:<28} {seconds:7.2f} {seconds / parse:8.1%}")
    rest = sum(s for _, s in results[1:])
    print(f"{'all stages after parsing':<28} {rest:7.2f} {rest / parse:8.1%}")


if __name__ == "__main__":
    main()
