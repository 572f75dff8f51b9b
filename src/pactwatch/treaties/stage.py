"""The treaties stage: treaty mentions in the article become records.Treaty (see mentions.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pactwatch.context import ArticleContext
from pactwatch.stages import article_stage
from pactwatch.treaties.mentions import extract_treaties

if TYPE_CHECKING:
    from pactwatch.resources import Resources


def run(ctx: ArticleContext, resources: Resources) -> ArticleContext:
    return ctx.with_(treaties=tuple(extract_treaties(ctx, resources.treaties)))


STAGE = article_stage(
    name="pactwatch.treaties.v1",
    reads=("article", "doc", "sentences", "actors", "times"),
    writes=("treaties",),
    run=run,
    doc="Treaty mentions, parties, signatories, clause obligations and ratification steps; "
        "matched to the current-treaties registry.",
)
