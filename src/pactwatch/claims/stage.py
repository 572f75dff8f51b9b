"""The claims stage: attributions in the parse -> Claim records; events take their standing."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pactwatch.claims.build import claims_and_events
from pactwatch.context import ArticleContext
from pactwatch.stages import article_stage

if TYPE_CHECKING:
    from pactwatch.resources import Resources


def run(ctx: ArticleContext, resources: Resources) -> ArticleContext:
    claims, events = claims_and_events(ctx, resources.claims_lexicon, resources.cue_model,
                                       resources.penta, resources.relevance)
    return ctx.with_(claims=claims, events=events)


STAGE = article_stage(
    name="pactwatch.claims.v1",
    reads=("article", "doc", "actors", "events"),
    writes=("claims", "events"),
    run=run,
    doc="Attribution (source, cue, content) and stance from the parse; one Claim per "
        "proposition with every claimant; events get status/attributed_to/denied_by.",
)
