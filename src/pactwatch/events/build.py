"""From drafts to Event records: date, place, quantity, confidence, id, evidence."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

from pactwatch.context import ArticleContext
from pactwatch.dates.attach import attached_times
from pactwatch.dates.data import Attachment, TimeRules
from pactwatch.dates.quantities import QuantityMention
from pactwatch.dates.stage import reference_date
from pactwatch.events.args import resolve
from pactwatch.events.detect import Draft
from pactwatch.events.lexicon import EventLexicon
from pactwatch.events.relevance import Relevance
from pactwatch.nlp import span_text
from pactwatch.places.attach import event_location
from pactwatch.places.data import EventLocatives
from pactwatch.records import Actor, DateValue, Event, Place, Quantity


@dataclass(frozen=True)
class AttachRules:
    """Which time mentions and places an event takes: the time rules' ``attachment`` section
    and the gazetteer's ``event_locatives`` (the stage passes those of its Config)."""

    times: Attachment
    locatives: EventLocatives
    calendar: TimeRules  # resolves a dateline's date when the article has no publication date


def event_id(article_id: str, kind: str, source: list[Actor], target: list[Actor],
             location: Place | None, sentence: int) -> str:
    keys = sorted(json.dumps(a.key()) for a in source) + ["->"] + sorted(json.dumps(a.key()) for a in target)
    raw = json.dumps([article_id, kind, keys, location.name if location else None, sentence])
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()[:20]


def event_date(ctx: ArticleContext, draft: Draft, rules: AttachRules) -> DateValue | None:
    """The time mention the trigger governs (see pactwatch.dates.attach), nearest first; else
    the publication date (else the dateline's), marked "published"."""
    hits = attached_times(draft.token, draft.pred, ctx.times, rules.times)
    if hits:
        return hits[0].date
    published = reference_date(ctx.article.published, ctx.article.text, rules.calendar)
    return DateValue(value=published, precision="published") if published else None


def event_place(ctx: ArticleContext, draft: Draft, rules: AttachRules) -> Place | None:
    """The place a locative phrase on the event names (see pactwatch.places.attach); a place name
    inside a longer actor name ("State Duma", "Kursk Governor") is not a place."""
    places = [p for p in ctx.places if p.start is not None and not _inside_actor_name(p, ctx.actors)]
    return event_location(draft.token, draft.pred, draft.theme, draft.type, places,
                          rules.locatives)


def _inside_actor_name(place: Place, actors) -> bool:
    return any(a.start is not None and a.start <= place.start and place.end <= a.end
               and (a.end - a.start) > (place.end - place.start) and (a.sector or a.person)
               for a in actors)


def event_quantity(draft: Draft, mentions: list[QuantityMention]) -> Quantity | None:
    """The counted quantity of the event's theme ("10,000 troops" deployed), else the one nearest
    the trigger among the nouns it governs; read by the time stage's quantity reader."""
    counted = {m.noun_start: m for m in mentions if m.noun_start is not None}
    theme = draft.theme
    if theme is not None:  # the counted noun, or the count word itself ("thousands [of protesters]")
        hit = counted.get(theme.idx) or next((m for m in mentions if m.start <= theme.idx < m.end), None)
        if hit:
            return hit.quantity
    nouns = sorted((t for t in draft.token.subtree if t.pos_ in ("NOUN", "PROPN")
                    and t.idx in counted and _near(t, draft.token)),
                   key=lambda t: abs(t.i - draft.token.i))
    return counted[nouns[0].idx].quantity if nouns else None


def _near(token, trigger) -> bool:
    """A counted noun the trigger governs directly or through one word ("sent 300 troops",
    "deployment of 10,000 troops"), not one buried in a modifier ("a pact between two states")."""
    return token.head == trigger or token.head.head == trigger


IRRELEVANT = 0.05  # the confidence of an event with no political actor (the stage drops them)


def confidence(draft: Draft, relevance: Relevance) -> float:
    """0.45, +0.15 for a pattern or frame match, then each side by its actors: +0.15 for a
    political actor with a country, +0.1 for one without (a role noun: "the police"); a source
    naming no political actor -0.1.  No political actor on either side: ``IRRELEVANT``."""
    if not relevance.relevant(draft.source, draft.target, draft.type):
        return IRRELEVANT
    score = 0.45 + (0.15 if draft.route in ("pattern", "frame") else 0.0)
    score += _side(draft.source, relevance, unresolved=-0.1) + _side(draft.target, relevance, unresolved=0.0)
    return round(min(score, 0.95), 2)


def _side(actors: list[Actor], relevance: Relevance, unresolved: float) -> float:
    political = [a for a in actors if relevance.political(a)]
    if any(a.country for a in political):
        return 0.15
    if political:
        return 0.1
    return unresolved if actors else 0.0


def to_event(ctx: ArticleContext, draft: Draft, lex: EventLexicon,
             mentions: list[QuantityMention], rules: AttachRules, relevance: Relevance) -> Event:
    evidence = ctx.evidence_at(draft.token.idx)
    location = event_place(ctx, draft, rules)
    state = draft.standing
    return Event(
        id=event_id(ctx.article.id, draft.type, draft.source, draft.target, location, evidence.sentence),
        type=draft.type, mode=draft.mode, context=sorted(draft.context),
        source=draft.source, target=draft.target, date=event_date(ctx, draft, rules),
        location=location,
        quantity=event_quantity(draft, mentions), status=state.status,
        attributed_to=resolve(list(state.attributed_to), ctx.actors, lex),
        denied_by=resolve(list(state.denied_by), ctx.actors, lex),
        cameo=draft.cameo, confidence=confidence(draft, relevance), trigger=span_text(draft.token),
        evidence=[evidence],
    )
