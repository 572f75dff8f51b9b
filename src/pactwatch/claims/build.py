"""From attributions to Claim records: claimants, propositions, merging, linking to events.

Within an article, attributions whose contents have the same proposition key are one Claim
with every claimant and every sentence as evidence.  A content that only points back ("denied
these allegations") takes the proposition of the nearest earlier attribution it answers.
Events take their standing from the claims about them (``status``, ``attributed_to``,
``denied_by``).  Merging across articles is the store's job, on (``proposition``, ``about``).
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterable
from dataclasses import dataclass
from typing import get_args

from pactwatch.claims.attribution import Attribution, attributions_in, by_writer
from pactwatch.claims.coref import antecedent
from pactwatch.claims.lexicon import Lexicon, load_lexicon
from pactwatch.claims.proposition import content_root, normalise, proposition_key
from pactwatch.claims.spans import CharSpan, doc_text, overlaps
from pactwatch.claims.subjects import claim_subjects
from pactwatch.context import ArticleContext
from pactwatch.events.quad import PentaData
from pactwatch.records import Actor, Claim, ClaimantEntry, Event, Evidence, Span, Stance

log = logging.getLogger(__name__)

STANCES = frozenset(get_args(Stance))
POSITIVE = frozenset({"assert", "concern", "support"})
ANAPHOR_WINDOW = 3  # sentences an anaphoric content may reach back


@dataclass(frozen=True)
class Keyed:
    """An attribution with its proposition key (after anaphora resolution)."""

    att: Attribution
    key: tuple[str, ...]


def claim_id(article_id: str, proposition: str) -> str:
    """Deterministic: the same article and proposition always give the same id."""
    return hashlib.sha256(f"{article_id}\x1f{proposition}".encode()).hexdigest()[:16]


def _span(text: str, span: CharSpan | None) -> Span | None:
    return None if span is None else Span(start=span[0], end=span[1], text=text[span[0]:span[1]])


# ---- keys ---------------------------------------------------------------------------------

def _key(doc, att: Attribution, lex: Lexicon) -> tuple[str, ...]:
    root = doc[att.content_root] if att.content_root is not None else None
    root = root if root is not None else content_root(doc, att.content_span)
    return proposition_key(root, lex) if root is not None else ()


def _antecedent(doc, att: Attribution, earlier: list[Keyed]) -> tuple[str, ...]:
    """The proposition an anaphoric content ("these allegations") refers back to."""
    here = doc.char_span(*att.cue_span, alignment_mode="expand")
    for prev in reversed(earlier):
        there = doc.char_span(*prev.att.cue_span, alignment_mode="expand")
        gap = _sentence_gap(doc, there, here)
        if gap > ANAPHOR_WINDOW:
            break
        if prev.att.stance != att.stance and not prev.att.anaphoric:
            return prev.key
    return ()


def _sentence_gap(doc, a, b) -> int:
    starts = [s.start for s in doc.sents]
    index = {start: i for i, start in enumerate(starts)}
    return index[b[0].sent.start] - index[a[0].sent.start]


LEARNED = frozenset({"learned", "learned-noun", "learned-received", "learned-view"})


def _claim_bearing(doc, att: Attribution, lex: Lexicon) -> bool:
    """A claim needs a stance, no negation, a source other than the writer, and — for the
    cue model's verbs outside the lexicon — a reported clause, not a thing ("signed it")."""
    if att.stance not in STANCES or att.negated or by_writer(doc_text(doc), att, lex):
        return False
    if att.kind not in LEARNED:
        return True
    root = doc[att.content_root] if att.content_root is not None else None
    return root is not None and root.pos_ in ("VERB", "AUX")


def keyed_attributions(doc, lex: Lexicon) -> list[Keyed]:
    """Claim-bearing attributions (four stances, not negated) with their keys, in text order."""
    out: list[Keyed] = []
    atts = sorted(attributions_in(doc, lex), key=lambda a: a.cue_span)
    for att in atts:
        if not _claim_bearing(doc, att, lex):
            continue
        key = _antecedent(doc, att, out) if att.anaphoric else _key(doc, att, lex)
        if key:
            out.append(Keyed(att, key))
    return out


# ---- claimants ----------------------------------------------------------------------------

def _actors_in(part: CharSpan, actors: Iterable[Actor]) -> list[Actor]:
    """Actors whose span lies in the source part, else the one that best overlaps it."""
    placed = [a for a in actors if a.start is not None and a.end is not None]
    inside = [a for a in placed if part[0] <= a.start and a.end <= part[1]]
    if inside:
        return [max(inside, key=lambda a: a.end - a.start)]
    over = [a for a in placed if overlaps(part, (a.start, a.end))]
    return [max(over, key=lambda a: min(a.end, part[1]) - max(a.start, part[0]))] if over else []


def _actors_for(ctx: ArticleContext, part: CharSpan) -> list[Actor]:
    """The actors in a source part; a pronoun ("he said") the actor it refers to, when clear;
    else an unresolved actor named by the words."""
    found = _actors_in(part, ctx.actors)
    if found:
        return found
    text = ctx.article.text
    resolved = antecedent(ctx.doc, part, text, ctx.actors)
    if resolved is not None:
        return [resolved]
    words = text[part[0]:part[1]]
    return [Actor(name=words, text=words, start=part[0], end=part[1])]


def claimants(ctx: ArticleContext, att: Attribution) -> list[ClaimantEntry]:
    """One entry per source actor; a coordinated source gives one entry per conjunct."""
    text = ctx.article.text
    common = {"stance": att.stance, "cue": _span(text, att.cue_span),
              "content": _span(text, att.content_span)}
    if not att.source:
        return [ClaimantEntry(actor=None, source=None, **common)]
    parts = att.source_parts or (att.source_span,)
    return [ClaimantEntry(actor=actor, source=_span(text, part), **common)
            for part in parts for actor in _actors_for(ctx, part)]


# ---- claims -------------------------------------------------------------------------------

def _status(entries: list[ClaimantEntry]) -> str:
    stances = {e.stance for e in entries}
    return "disputed" if "deny" in stances and stances & POSITIVE else "uncontested"


def _evidence(ctx: ArticleContext, items: list[Keyed]) -> list[Evidence]:
    seen: dict[int, Evidence] = {}
    for item in items:
        ev = ctx.evidence_at(item.att.cue_span[0])
        seen.setdefault(ev.sentence, ev)
    return [seen[k] for k in sorted(seen)]


def _dedupe(entries: list[ClaimantEntry]) -> list[ClaimantEntry]:
    seen, out = set(), []
    for e in entries:
        mark = (e.actor.key() if e.actor else None, e.stance, e.cue.start, e.source and e.source.start)
        if mark not in seen:
            seen.add(mark)
            out.append(e)
    return out


def build_claims(ctx: ArticleContext, lexicon: Lexicon | None = None) -> list[Claim]:
    """Every claim in the article, one per proposition, with all claimants and evidence."""
    lex = lexicon or load_lexicon()
    groups: dict[str, list[Keyed]] = {}
    for item in keyed_attributions(ctx.doc, lex):
        groups.setdefault(" ".join(item.key), []).append(item)
    claims = []
    for proposition, items in groups.items():
        entries = _dedupe([e for item in items for e in claimants(ctx, item.att)])
        linked = about(ctx, items, lex)
        events = [e for e in ctx.events if e.id in linked]
        claims.append(Claim(
            id=claim_id(ctx.article.id, proposition), proposition=proposition,
            claimants=entries, about=linked, subjects=claim_subjects(ctx, entries, events),
            status=_status(entries), evidence=_evidence(ctx, items)))
    log.debug("article %s: %d claims", ctx.article.id[:12], len(claims))
    return claims


# ---- events -------------------------------------------------------------------------------

def _trigger_key(event: Event, doc, lex: Lexicon) -> str | None:
    if not event.trigger:
        return None
    tokens = ctx_tokens(doc, event.trigger)
    return normalise(tokens[-1], lex) if tokens else event.trigger.lower()


def _lower_text(doc) -> str:
    """The doc's text lower-cased, computed once per doc."""
    if "pw_lower" not in doc.user_data:
        doc.user_data["pw_lower"] = doc_text(doc).lower()
    return doc.user_data["pw_lower"]


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
    return [e.id for e in ctx.events if _is_about(ctx, e, items, lex)]


def _within_contents(event: Event, claims: list[Claim]) -> bool:
    """Every sentence reporting the event is reported speech (the narrator does not vouch)."""
    spans = [(c.content.start, c.content.end) for claim in claims for c in claim.claimants
             if c.content is not None]
    return all(any(overlaps((ev.start, ev.end), s) for s in spans) for ev in event.evidence)


def _actors(claims: list[Claim], stances: frozenset[str]) -> list[Actor]:
    out: dict[tuple, Actor] = {}
    for claim in claims:
        for entry in claim.claimants:
            if entry.stance in stances and entry.actor is not None:
                out.setdefault(entry.actor.key(), entry.actor)
    return list(out.values())


def _others_word(event: Event, claims: list[Claim], penta: PentaData) -> list[Claim]:
    """The claims about a verbal event (a threat, an accusation, a demand: PLOVER's verbal
    quad classes) without its own source's entries: "Iran said it would retaliate" is Iran's
    threat itself, not a report of one; so is the Kremlin saying Moscow would retaliate (one
    country's voice)."""
    if not penta.verbal(event.type):
        return claims
    kept = [c.model_copy(update={"claimants": [e for e in c.claimants if not _is_source(e, event)]})
            for c in claims]
    return [c for c in kept if c.claimants]


def _is_source(entry: ClaimantEntry, event: Event) -> bool:
    """The claimant is the event's source: the same country, or the same words in the text."""
    if entry.actor is None:
        return False
    if entry.actor.country and entry.actor.country in {a.country for a in event.source}:
        return True
    return entry.source is not None and any(
        a.start is not None and a.end is not None and overlaps((a.start, a.end), (entry.source.start, entry.source.end))
        for a in event.source)


def event_standing(event: Event, claims: list[Claim], penta: PentaData) -> Event:
    """``reported`` when someone vouches for it (denials noted in ``denied_by``); ``denied``
    when the only word on it is a denial."""
    mine = _others_word(event, [c for c in claims if event.id in c.about], penta)
    if not mine or event.status not in ("asserted", "reported", "denied"):
        return event
    supporters = _actors(mine, POSITIVE)
    deniers = _actors(mine, frozenset({"deny"}))
    vouched = any(e.stance in POSITIVE for c in mine for e in c.claimants)
    if vouched or not _within_contents(event, mine):
        status = "reported" if vouched else event.status
    else:
        status = "denied" if deniers else event.status
    return event.model_copy(update={"status": status, "attributed_to": supporters,
                                    "denied_by": deniers})


def claims_and_events(ctx: ArticleContext, lexicon: Lexicon | None, penta: PentaData
                      ) -> tuple[tuple[Claim, ...], tuple[Event, ...]]:
    claims = build_claims(ctx, lexicon)
    events = tuple(event_standing(e, claims, penta) for e in ctx.events)
    return tuple(claims), events
