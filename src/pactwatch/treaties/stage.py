"""The treaties stage: treaty mentions in the article become records.Treaty (see mentions.py)."""

from __future__ import annotations

from pactwatch.config import Config
from pactwatch.context import ArticleContext
from pactwatch.pipeline import StageSpec
from pactwatch.treaties.mentions import extract_treaties


def make_stage(config: Config):
    def run(ctx: ArticleContext) -> ArticleContext:
        return ctx.with_(treaties=tuple(extract_treaties(ctx)))

    return run


STAGE = StageSpec(
    name="pactwatch.treaties.v1",
    needs=("actors", "times"),
    adds=("treaties",),
    factory=make_stage,
    doc="Treaty mentions, parties, signatories, clause obligations and ratification steps; "
        "matched to the current-treaties registry.",
)
