"""The events stage: PLOVER events from the parse, with actors, standing, date, place, quantity."""

from __future__ import annotations

import logging

from pactwatch.config import Config
from pactwatch.context import ArticleContext
from pactwatch.dates.quantities import find_quantities
from pactwatch.events.build import AttachRules, to_event
from pactwatch.events.detect import detect
from pactwatch.events.lexicon import EventLexicon, load_lexicon
from pactwatch.pipeline import StageSpec
from pactwatch.records import Event

log = logging.getLogger(__name__)


def find_events(ctx: ArticleContext, lex: EventLexicon,
                rules: AttachRules | None = None) -> list[Event]:
    """Every event mention of the article, one Event each (the merge stage folds repeats)."""
    if ctx.doc is None:
        return []
    events: list[Event] = []
    mentions = find_quantities(ctx.doc)
    for sent in ctx.doc.sents:
        events += [to_event(ctx, draft, lex, mentions, rules)
                   for draft in detect(sent, lex, ctx.actors)]
    log.debug("article %s: %d event mentions", ctx.article.id[:12], len(events))
    return events


def make_stage(config: Config):
    lex = load_lexicon(config.extra.get("events_data"))
    rules = AttachRules.load(config.extra.get("time_rules"), config.extra.get("places_rules"))

    def run(ctx: ArticleContext) -> ArticleContext:
        return ctx.with_(events=ctx.events + tuple(find_events(ctx, lex, rules)))

    return run


STAGE = StageSpec(
    name="pactwatch.events.v1",
    needs=("actors", "times", "places"),
    adds=("events",),
    factory=make_stage,
    doc="PLOVER events from a trigger lexicon and dependency patterns, with status, date, place, quantity.",
)
