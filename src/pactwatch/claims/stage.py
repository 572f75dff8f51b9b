"""The claims stage: attributions in the parse -> Claim records; events take their standing."""

from __future__ import annotations

from pactwatch.claims.build import claims_and_events
from pactwatch.claims.cuemodel import load_cue_model
from pactwatch.claims.lexicon import load_lexicon
from pactwatch.config import Config
from pactwatch.context import ArticleContext
from pactwatch.pipeline import StageSpec


def make_stage(config: Config):
    lexicon, model = load_lexicon(), load_cue_model()

    def run(ctx: ArticleContext) -> ArticleContext:
        if ctx.doc is None:
            return ctx
        claims, events = claims_and_events(ctx, lexicon, model)
        return ctx.with_(claims=claims, events=events)

    return run


STAGE = StageSpec(
    name="pactwatch.claims.v1",
    needs=("actors", "events"),
    adds=("claims",),
    factory=make_stage,
    doc="Attribution (source, cue, content) and stance from the parse; one Claim per "
        "proposition with every claimant; events get status/attributed_to/denied_by.",
)
