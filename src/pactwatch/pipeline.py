"""The runner: the configured chain of stages, in one process or a pool of worker processes.

Stage contracts and the registry live in :mod:`pactwatch.stages`; the loaded language data in
:mod:`pactwatch.resources`.  A :class:`Pipeline` is built once from a
:class:`~pactwatch.config.Config` and the :class:`~pactwatch.resources.Resources` loaded for
it, checks the stage order, and after every stage checks that the stage changed only the context
fields it declares (PW044, a programming error that stops the run).
"""

from __future__ import annotations

import dataclasses
import logging
import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import islice

from pactwatch.config import Config
from pactwatch.context import ArticleContext, Outcome
from pactwatch.errors import PactwatchError
from pactwatch.records import Article
from pactwatch.resources import Resources
from pactwatch.stages import (
    StageFn,
    StageSpec,
    StreamFn,
    check_order,
    check_writes,
    get_stage,
    list_stages,
    register,
)

log = logging.getLogger(__name__)

__all__ = ["Outcome", "Pipeline", "StageSpec", "check_order", "get_stage", "list_stages",
           "register"]


class _Failed:
    """A context whose article failed in some stage; later stages pass it through."""

    def __init__(self, ctx: ArticleContext, error: str):
        self.article = ctx.article
        self.error = error


def _guard(spec: StageSpec, fn: StageFn) -> StreamFn:
    """Run a per-article stage: one article's failure fails that article only; a change to a
    field the stage does not declare is a contract breach that stops the run (PW044)."""
    def run(items: Iterable) -> Iterator:
        for item in items:
            if isinstance(item, _Failed):
                yield item
                continue
            try:
                out = fn(item)
            except Exception as exc:  # one article's failure must not stop the batch
                log.exception("stage %s failed on article %s", spec.name, item.article.id[:12])
                yield _Failed(item, f"{spec.name}: {type(exc).__name__}: {exc}")
                continue
            check_writes(spec, item, out)
            yield out
    return run


def _checked_stream(spec: StageSpec, fn: StreamFn) -> StreamFn:
    """A streaming stage maps its contexts one to one, in order: each output is checked
    against the input it came from."""
    def run(items: Iterable) -> Iterator:
        seen: deque = deque()

        def feed():
            for item in items:
                seen.append(item)
                yield item

        for out in fn(feed()):
            check_writes(spec, seen.popleft(), out)
            yield out
    return run


class Pipeline:
    """The configured chain of stages, built once and reused for every article.

    With ``config.processes > 1`` the articles go in batches of ``config.batch_size`` to a pool
    of worker processes, each of which parses *and* runs every stage on its batch, so the stages
    scale with the processes just as parsing does.  Outcomes come back in input order; their
    contexts carry every record but no spaCy ``doc`` (a Doc is large to send between processes).
    The stages are built in this process before the pool forks, so each worker inherits them.
    """

    def __init__(self, config: Config, resources: Resources):
        self.config = config
        self.resources = resources
        self.specs = [get_stage(name) for name in self.config.stages]
        check_order(self.specs)
        self._fns: list[StreamFn] = [self._build(spec) for spec in self.specs]

    @classmethod
    def from_config(cls, config: Config | None = None) -> Pipeline:
        """A pipeline with the language data ``config`` names, loaded now."""
        config = config or Config()
        return cls(config, Resources.build(config))

    def _build(self, spec: StageSpec) -> StreamFn:
        config = dataclasses.replace(self.config, processes=1)  # stages run in one process each
        fn = spec.factory(config, self.resources)
        return _checked_stream(spec, fn) if spec.stream else _guard(spec, fn)

    def run(self, articles: Iterable[Article]) -> Iterator[Outcome]:
        if self.config.processes > 1:
            return _run_pool(self, articles)
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

_worker_pipeline: Pipeline | None = None  # set in each worker process by _start_worker


def _start_worker(pipeline: Pipeline) -> None:
    """Pool initializer: under ``fork`` the parent's built pipeline arrives without pickling."""
    global _worker_pipeline
    _worker_pipeline = pipeline


def _work(batch: list[Article]) -> list[Outcome]:
    """In a worker: parse and extract one batch; the Docs stay behind."""
    return [_without_doc(o) for o in _worker_pipeline._run_here(batch)]


def _without_doc(outcome: Outcome) -> Outcome:
    if outcome.context is None:
        return outcome
    return dataclasses.replace(outcome, context=outcome.context.with_(doc=None))


def _pool(pipeline: Pipeline) -> ProcessPoolExecutor:
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    return ProcessPoolExecutor(max_workers=pipeline.config.processes, mp_context=context,
                               initializer=_start_worker, initargs=(pipeline,))


def _batches(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    it = iter(articles)
    while batch := list(islice(it, max(1, size))):
        yield batch


def _run_pool(pipeline: Pipeline, articles: Iterable[Article]) -> Iterator[Outcome]:
    """Batches in flight on the pool (at most two per worker), outcomes yielded in input order.
    A worker that dies fails only the batches it held; the pool is then started afresh."""
    config = pipeline.config
    pending: deque[tuple[list[Article], Future]] = deque()
    pool = _pool(pipeline)
    try:
        for batch in _batches(articles, config.batch_size):
            pool = _submit(pool, pipeline, batch, pending)
            while len(pending) >= 2 * config.processes:
                yield from _collect(*pending.popleft())
        while pending:
            yield from _collect(*pending.popleft())
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _submit(pool: ProcessPoolExecutor, pipeline: Pipeline, batch: list[Article],
            pending: deque) -> ProcessPoolExecutor:
    try:
        pending.append((batch, pool.submit(_work, batch)))
    except BrokenProcessPool:
        log.error("a worker process died; starting a new pool")
        pool.shutdown(wait=False, cancel_futures=True)
        pool = _pool(pipeline)
        pending.append((batch, pool.submit(_work, batch)))
    return pool


def _collect(batch: list[Article], future: Future) -> list[Outcome]:
    try:
        return future.result()
    except PactwatchError as exc:
        if exc.code == "PW044":  # a stage broke its contract: a bug, not a bad article
            raise
        return _lost(batch, exc)
    except Exception as exc:  # the worker died (or could not send its results back)
        return _lost(batch, exc)


def _lost(batch: list[Article], exc: Exception) -> list[Outcome]:
    log.error("batch of %d articles lost: %s: %s", len(batch), type(exc).__name__, exc)
    return [Outcome(article=a, error=f"worker process: {type(exc).__name__}: {exc}") for a in batch]
