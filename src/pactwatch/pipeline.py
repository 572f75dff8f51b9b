"""Stages registered by versioned name, and the runner that chains them.

A stage is a :class:`StageSpec`: its name (``pactwatch.events.v1``), what it
needs from the context, what it adds, and a factory that builds the stage's
function from an immutable :class:`~pactwatch.config.Config`.  Built-in stages
register through the ``pactwatch_stages`` entry-point group, the same hook a
plugin package uses, so any stage can be swapped by name.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

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
    """The configured chain of stages, built once and reused for every article."""

    def __init__(self, config: Config = Config()):
        self.config = config
        self.specs = [get_stage(name) for name in config.stages]
        check_order(self.specs)
        self._fns: list[StreamFn] = [self._build(spec) for spec in self.specs]

    def _build(self, spec: StageSpec) -> StreamFn:
        fn = spec.factory(self.config)
        return fn if spec.stream else _guard(spec, fn)

    def run(self, articles: Iterable[Article]) -> Iterator[Outcome]:
        items: Iterable = (ArticleContext(article=a) for a in articles)
        for fn in self._fns:
            items = fn(items)
        for item in items:
            if isinstance(item, _Failed):
                yield Outcome(article=item.article, error=item.error)
            else:
                yield Outcome(article=item.article, context=item)

    def run_one(self, article: Article) -> Outcome:
        return next(iter(self.run([article])))
