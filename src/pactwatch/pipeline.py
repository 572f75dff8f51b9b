"""Stages registered by versioned name, and the runner that chains them.

A stage is a :class:`StageSpec`: its name (``pactwatch.events.v1``), what it
needs from the context, what it adds, and a factory that builds the stage's
function from an immutable :class:`~pactwatch.config.Config`.  Built-in stages
register through the ``pactwatch_stages`` entry-point group, the same hook a
plugin package uses, so any stage can be swapped by name.
"""

from __future__ import annotations

import dataclasses
import logging
import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice

import catalogue

from pactwatch.config import Config
from pactwatch.context import ArticleContext
from pactwatch.errors import PactwatchError
from pactwatch.records import Article

log = logging.getLogger(__name__)

stages = catalogue.create("pactwatch", "stages", entry_points=True)

StageFn = Callable[[ArticleContext], ArticleContext]
StreamFn = Callable[[Iterable[ArticleContext]], Iterator[ArticleContext]]


@dataclass(frozen=True)
class StageSpec:
    name: str
    needs: tuple[str, ...]
    adds: tuple[str, ...]
    factory: Callable[[Config], StageFn | StreamFn]
    doc: str = ""
    stream: bool = False  # True: the function maps a stream of contexts (batching stages)


@dataclass(frozen=True)
class Outcome:
    """One article's result: a finished context, or the error that stopped it."""

    article: Article
    context: ArticleContext | None = None
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


def register(spec: StageSpec) -> StageSpec:
    stages.register(spec.name, func=spec)
    return spec


def get_stage(name: str) -> StageSpec:
    try:
        return stages.get(name)
    except catalogue.RegistryError:
        raise PactwatchError("PW041", name=name, known=", ".join(sorted(stages.get_all()))) from None


def list_stages() -> list[StageSpec]:
    return [stages.get(name) for name in sorted(stages.get_all())]


def check_order(specs: list[StageSpec]) -> None:
    """Every stage's needs must be added by an earlier stage (or be the article)."""
    have = {"article"}
    for spec in specs:
        missing = [need for need in spec.needs if need not in have]
        if missing:
            raise PactwatchError("PW042", name=spec.name, needs=", ".join(missing))
        have.update(spec.adds)


class _Failed:
    """A context whose article failed in some stage; later stages pass it through."""

    def __init__(self, ctx: ArticleContext, error: str):
        self.article = ctx.article
        self.error = error


def _guard(spec: StageSpec, fn: StageFn) -> StreamFn:
    def run(items: Iterable) -> Iterator:
        for item in items:
            if isinstance(item, _Failed):
                yield item
                continue
            try:
                yield fn(item)
            except Exception as exc:  # one article's failure must not stop the batch
                log.exception("stage %s failed on article %s", spec.name, item.article.id[:12])
                yield _Failed(item, f"{spec.name}: {type(exc).__name__}: {exc}")
    return run


class Pipeline:
    """The configured chain of stages, built once and reused for every article.

    With ``config.processes > 1`` the articles go in batches of ``config.batch_size`` to a pool
    of worker processes, each of which parses *and* runs every stage on its batch, so the stages
    scale with the processes just as parsing does.  Outcomes come back in input order; their
    contexts carry every record but no spaCy ``doc`` (a Doc is large to send between processes).
    """

    def __init__(self, config: Config = Config()):
        self.config = config
        self.specs = [get_stage(name) for name in config.stages]
        check_order(self.specs)
        if config.processes > 1:  # the stages themselves always run in one process each
            self._fns = _local_pipeline(config)._fns
        else:
            self._fns: list[StreamFn] = [self._build(spec) for spec in self.specs]

    def _build(self, spec: StageSpec) -> StreamFn:
        fn = spec.factory(self.config)
        return fn if spec.stream else _guard(spec, fn)

    def run(self, articles: Iterable[Article]) -> Iterator[Outcome]:
        if self.config.processes > 1:
            return _run_pool(self.config, articles)
        return self._run_here(articles)

    def _run_here(self, articles: Iterable[Article]) -> Iterator[Outcome]:
        items: Iterable = (ArticleContext(article=a) for a in articles)
        for fn in self._fns:
            items = fn(items)
        for item in items:
            if isinstance(item, _Failed):
                yield Outcome(article=item.article, error=item.error)
            else:
                yield Outcome(article=item.article, context=item)

    def run_one(self, article: Article) -> Outcome:
        """One article, in this process (with its ``doc``), whatever ``config.processes`` says."""
        return next(iter(self._run_here([article])))


# -- several processes ------------------------------------------------------------------------


@lru_cache(maxsize=4)
def _local_pipeline(config: Config) -> Pipeline:
    """The one-process pipeline for ``config``; built in the parent, a forked worker inherits it."""
    return Pipeline(dataclasses.replace(config, processes=1))


def _work(config: Config, batch: list[Article]) -> list[Outcome]:
    """In a worker: parse and extract one batch; the Docs stay behind."""
    return [_without_doc(o) for o in _local_pipeline(config).run(batch)]


def _without_doc(outcome: Outcome) -> Outcome:
    if outcome.context is None:
        return outcome
    return dataclasses.replace(outcome, context=outcome.context.with_(doc=None))


def _pool(config: Config) -> ProcessPoolExecutor:
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    return ProcessPoolExecutor(max_workers=config.processes, mp_context=context)


def _batches(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    it = iter(articles)
    while batch := list(islice(it, max(1, size))):
        yield batch


def _run_pool(config: Config, articles: Iterable[Article]) -> Iterator[Outcome]:
    """Batches in flight on the pool (at most two per worker), outcomes yielded in input order.
    A worker that dies fails only the batches it held; the pool is then started afresh."""
    pending: deque[tuple[list[Article], Future]] = deque()
    pool = _pool(config)
    try:
        for batch in _batches(articles, config.batch_size):
            pool = _submit(pool, config, batch, pending)
            while len(pending) >= 2 * config.processes:
                yield from _collect(*pending.popleft())
        while pending:
            yield from _collect(*pending.popleft())
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _submit(pool: ProcessPoolExecutor, config: Config, batch: list[Article],
            pending: deque) -> ProcessPoolExecutor:
    try:
        pending.append((batch, pool.submit(_work, config, batch)))
    except BrokenProcessPool:
        log.error("a worker process died; starting a new pool")
        pool.shutdown(wait=False, cancel_futures=True)
        pool = _pool(config)
        pending.append((batch, pool.submit(_work, config, batch)))
    return pool


def _collect(batch: list[Article], future: Future) -> list[Outcome]:
    try:
        return future.result()
    except Exception as exc:  # the worker died (or could not send its results back)
        log.error("batch of %d articles lost: %s: %s", len(batch), type(exc).__name__, exc)
        return [Outcome(article=a, error=f"worker process: {type(exc).__name__}: {exc}") for a in batch]
