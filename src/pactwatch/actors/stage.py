"""The actors stage: every actor mention in the parsed article, with its character span."""

from __future__ import annotations

from pactwatch.actors.matcher import actors_in_doc, phrase_matcher
from pactwatch.config import Config
from pactwatch.context import ArticleContext
from pactwatch.nlp import load_pipeline
from pactwatch.pipeline import StageSpec


def make_stage(config: Config):
    folder = config.extra.get("actors_data")
    # built now, not on the first article: worker processes forked later inherit it
    phrase_matcher(load_pipeline(config.model).vocab, folder)

    def run(ctx: ArticleContext) -> ArticleContext:
        actors = actors_in_doc(ctx.doc, ctx.published_or_none(), folder)
        return ctx.with_(actors=tuple(actors))

    return run


STAGE = StageSpec(
    name="pactwatch.actors.v1",
    needs=("doc",),
    adds=("actors",),
    factory=make_stage,
    doc="Dictionary and parse-context actor matching: states, institutions, officials, groups; "
        "office holders resolved by the published date.",
)
