"""The events stage: PLOVER events from the parse, with actors, standing, date, place, quantity."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from pactwatch.context import ArticleContext
from pactwatch.dates.quantities import QuantityRules, find_quantities
from pactwatch.events.build import AttachRules, to_event
from pactwatch.events.detect import detect
from pactwatch.events.lexicon import EventLexicon
from pactwatch.events.relevance import Relevance
from pactwatch.records import Event
from pactwatch.stages import article_stage

if TYPE_CHECKING:
    from pactwatch.resources import Resources

log = logging.getLogger(__name__)


def find_events(ctx: ArticleContext, lex: EventLexicon, rules: AttachRules,
                quantities: QuantityRules, relevance: Relevance) -> list[Event]:
    """Every event mention of the article with a political actor as source or target (see
    pactwatch.events.relevance), one Event each (the merge stage folds repeats)."""
    if ctx.doc is None:
        return []
    events: list[Event] = []
    mentions = find_quantities(ctx.doc, quantities)
    for sent in ctx.doc.sents:
        events += [to_event(ctx, draft, lex, mentions, rules, relevance)
                   for draft in detect(sent, lex, ctx.actors) if relevance.relevant(draft.source, draft.target, draft.type)]
    log.debug("article %s: %d event mentions", ctx.article.id[:12], len(events))
    return events


def run(ctx: ArticleContext, resources: Resources) -> ArticleContext:
    found = find_events(ctx, resources.events, resources.attach_rules, resources.quantity_rules,
                        resources.relevance)
    return ctx.with_(events=tuple(found))


STAGE = article_stage(
    name="pactwatch.events.v1",
    reads=("article", "doc", "sentences", "actors", "times", "places"),
    writes=("events",),
    run=run,
    doc="PLOVER events from a trigger lexicon and dependency patterns, with status, date, place, quantity.",
)
