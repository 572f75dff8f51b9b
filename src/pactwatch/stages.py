"""Stage contracts and the stage registry.

A stage is a :class:`StageSpec`: its versioned name (``pactwatch.events.v1``), the context
fields it reads, the fields it writes, and a factory that builds the stage's function from an
immutable :class:`~pactwatch.config.Config` and the loaded
:class:`~pactwatch.resources.Resources`.  The runner (:mod:`pactwatch.pipeline`) checks the
order before anything runs and, after each stage, that it changed only what it declares.

Built-in stages register through the ``pactwatch_stages`` entry-point group, the same hook a
plugin package uses, so any stage can be swapped by name.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, fields
from typing import TYPE_CHECKING, Any

import catalogue

from pactwatch.config import Config
from pactwatch.context import ArticleContext
from pactwatch.errors import PactwatchError

if TYPE_CHECKING:
    from pactwatch.resources import Resources

stages = catalogue.create("pactwatch", "stages", entry_points=True)

StageFn = Callable[[ArticleContext], ArticleContext]
StreamFn = Callable[[Iterable[ArticleContext]], Iterator[ArticleContext]]
Factory = Callable[[Config, "Resources"], StageFn | StreamFn]

#: The context fields a stage may read or write (``article`` is there from the start).
FIELDS = tuple(f.name for f in fields(ArticleContext))


@dataclass(frozen=True)
class StageSpec:
    name: str
    reads: tuple[str, ...]
    writes: tuple[str, ...]
    factory: Factory
    doc: str = ""
    stream: bool = False  # True: the function maps a stream of contexts (batching stages)

    def __post_init__(self):
        unknown = [f for f in (*self.reads, *self.writes) if f not in FIELDS]
        if unknown:
            raise ValueError(f"stage {self.name}: unknown context fields {unknown}; known: {FIELDS}")


def article_stage(name: str, reads: tuple[str, ...], writes: tuple[str, ...],
                  run: Callable[[ArticleContext, Resources], ArticleContext], doc: str) -> StageSpec:
    """A stage that maps one parsed article at a time with the loaded resources: the common
    case, so the stage module writes only ``run(ctx, resources)``.  Articles without a parse
    pass through unchanged."""

    def factory(config: Config, resources: Resources) -> StageFn:
        def stage(ctx: ArticleContext) -> ArticleContext:
            return ctx if ctx.doc is None else run(ctx, resources)
        return stage

    return StageSpec(name=name, reads=reads, writes=writes, factory=factory, doc=doc)


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
    """Every field a stage reads must be written by an earlier stage (or be the article)."""
    have = {"article"}
    for spec in specs:
        missing = [need for need in spec.reads if need not in have]
        if missing:
            raise PactwatchError("PW042", name=spec.name, needs=", ".join(missing))
        have.update(spec.writes)


def check_writes(spec: StageSpec, before: ArticleContext, after: Any) -> None:
    """Raise PW044 when ``after`` differs from ``before`` in a field ``spec`` does not write.

    Contexts are immutable and stages build new ones with ``with_``, so an unchanged field is
    the very same object: the check is an identity test per field, not a deep comparison."""
    if not isinstance(after, ArticleContext):
        raise PactwatchError("PW044", name=spec.name, fields="the context itself (not returned)")
    changed = [f for f in FIELDS if f not in spec.writes
               and getattr(after, f) is not getattr(before, f)]
    if changed:
        raise PactwatchError("PW044", name=spec.name, fields=", ".join(changed))
