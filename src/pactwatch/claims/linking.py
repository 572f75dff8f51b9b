"""What a claim is about: the events whose trigger shares the proposition's key, or whose
evidence sentence overlaps a content that holds the trigger as part of what it says."""

from __future__ import annotations

from pactwatch.claims.lexicon import Lexicon
from pactwatch.claims.proposition import normalise
from pactwatch.claims.record import Keyed
from pactwatch.claims.spans import CharSpan, overlaps
from pactwatch.context import ArticleContext
from pactwatch.nlp import doc_text, register_extension
from pactwatch.records import Event


def _trigger_key(event: Event, doc, lex: Lexicon) -> str | None:
    if not event.trigger:
        return None
    tokens = ctx_tokens(doc, event.trigger)
    return normalise(tokens[-1], lex) if tokens else event.trigger.lower()


LOWER = register_extension("pw_lower")


def _lower_text(doc) -> str:
    """The doc's text lower-cased, computed once per doc."""
    if doc._.get(LOWER) is None:
        doc._.set(LOWER, doc_text(doc).lower())
    return doc._.get(LOWER)


def ctx_tokens(doc, phrase: str) -> list:
    """Tokens of ``phrase`` as parsed in the doc (its first occurrence), for lemmas."""
    start = _lower_text(doc).find(phrase.lower())
    if start < 0:
        return []
    chunk = doc.char_span(start, start + len(phrase), alignment_mode="expand")
    return list(chunk) if chunk is not None else []


def _is_about(ctx: ArticleContext, event: Event, items: list[Keyed], lex: Lexicon) -> bool:
    """An event is what a claim is about when its trigger shares the proposition's key, or
    its evidence sentence overlaps a content that holds its trigger."""
    key = set(items[0].key)
    trig = _trigger_key(event, ctx.doc, lex)
    if trig is not None and trig in key:
        return True
    for item in items:
        content = item.att.content_span
        for ev in event.evidence:
            if overlaps((ev.start, ev.end), content) and (
                    event.trigger is None or _heads_into(ctx, content, event.trigger)):
                return True
    return False


def _heads_into(ctx: ArticleContext, content: CharSpan, trigger: str) -> bool:
    """Is the trigger in the content and part of what it says, not a conjunct beside it
    ("the reported deployment of troops and the signing of a pact": "reported" is not said of
    the signing)?"""
    chunk = ctx.doc.char_span(*content, alignment_mode="expand") if ctx.doc is not None else None
    if chunk is None:
        return trigger.lower() in ctx.article.text[content[0]:content[1]].lower()
    return any(tok.lower_ == trigger.lower() and not _conjunct_below(tok, chunk.root) for tok in chunk)


def _conjunct_below(token, root) -> bool:
    while token.i != root.i and token.head.i != token.i:
        if token.dep_ == "conj":
            return True
        token = token.head
    return False


def about(ctx: ArticleContext, items: list[Keyed], lex: Lexicon) -> list[str]:
    """The ids of the events the keyed attributions ``items`` (one proposition) are about."""
    return [e.id for e in ctx.events if _is_about(ctx, e, items, lex)]
