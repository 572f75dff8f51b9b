"""The actors stage: every actor mention in the parsed article, with its character span."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pactwatch.actors.matcher import actors_in_doc
from pactwatch.context import ArticleContext
from pactwatch.stages import article_stage

if TYPE_CHECKING:
    from pactwatch.resources import Resources


def run(ctx: ArticleContext, resources: Resources) -> ArticleContext:
    actors = actors_in_doc(ctx.doc, ctx.published_or_none(), resources.actor_matching)
    return ctx.with_(actors=tuple(actors))


STAGE = article_stage(
    name="pactwatch.actors.v1",
    reads=("doc",),
    writes=("actors",),
    run=run,
    doc="Dictionary and parse-context actor matching: states, institutions, officials, groups; "
        "office holders resolved by the published date.",
)
