"""From attributions to Claim records: claimants, propositions, merging, linking to events.

Within an article, attributions whose contents have the same proposition key are one Claim
with every claimant and every sentence as evidence.  A content that only points back ("denied
these allegations") takes the proposition of the nearest earlier attribution it answers.
A claim is about the events :mod:`pactwatch.claims.linking` links it to; events take their
standing from the claims about them (:mod:`pactwatch.claims.standing`: ``status``,
``attributed_to``, ``denied_by``).  Merging across articles is the store's job, on
(``proposition``, ``about``).
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterable
from typing import get_args

from pactwatch.claims.attribution import attributions_in
from pactwatch.claims.coref import antecedent
from pactwatch.claims.cuemodel import CueModel
from pactwatch.claims.lexicon import Lexicon
from pactwatch.claims.linking import about
from pactwatch.claims.proposition import content_root, proposition_key
from pactwatch.claims.record import Attribution, Keyed
from pactwatch.claims.sources import by_writer
from pactwatch.claims.spans import CharSpan, overlaps
from pactwatch.claims.standing import claim_status, event_standing
from pactwatch.claims.subjects import claim_subjects
from pactwatch.claims.verbal import verbal_events
from pactwatch.context import ArticleContext
from pactwatch.events.quad import PentaData
from pactwatch.events.relevance import Relevance
from pactwatch.nlp import doc_text
from pactwatch.records import Actor, Claim, ClaimantEntry, Event, Evidence, Span, Stance

log = logging.getLogger(__name__)

STANCES = frozenset(get_args(Stance))
ANAPHOR_WINDOW = 3  # sentences an anaphoric content may reach back

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


def keyed_attributions(doc, lex: Lexicon, model: CueModel) -> list[Keyed]:
    """Claim-bearing attributions (four stances, not negated) with their keys, in text order."""
    out: list[Keyed] = []
    atts = sorted(attributions_in(doc, lex, model), key=lambda a: a.cue_span)
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


def _actors_for(ctx: ArticleContext, part: CharSpan, lex: Lexicon) -> list[Actor]:
    """The actors in a source part; a pronoun ("he said") the actor it refers to, when clear;
    else an unresolved actor named by the words."""
    found = _actors_in(part, ctx.actors)
    if found:
        return found
    text = ctx.article.text
    resolved = antecedent(ctx.doc, part, text, ctx.actors, lex)
    if resolved is not None:
        return [resolved]
    words = text[part[0]:part[1]]
    return [Actor(name=words, text=words, start=part[0], end=part[1])]


def claimants(ctx: ArticleContext, att: Attribution, lex: Lexicon) -> list[ClaimantEntry]:
    """One entry per source actor; a coordinated source gives one entry per conjunct."""
    text = ctx.article.text
    common = {"stance": att.stance, "cue": _span(text, att.cue_span),
              "content": _span(text, att.content_span)}
    if not att.source:
        return [ClaimantEntry(actor=None, source=None, **common)]
    parts = att.source_parts or (att.source_span,)
    return [ClaimantEntry(actor=actor, source=_span(text, part), **common)
            for part in parts for actor in _actors_for(ctx, part, lex)]


# ---- claims -------------------------------------------------------------------------------

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


def proposition_groups(ctx: ArticleContext, lex: Lexicon, model: CueModel) -> dict[str, list[Keyed]]:
    """The article's keyed attributions by proposition, in text order."""
    groups: dict[str, list[Keyed]] = {}
    for item in keyed_attributions(ctx.doc, lex, model):
        groups.setdefault(" ".join(item.key), []).append(item)
    return groups


def build_claims(ctx: ArticleContext, lex: Lexicon, model: CueModel,
                 groups: dict[str, list[Keyed]] | None = None) -> list[Claim]:
    """Every claim in the article, one per proposition, with all claimants and evidence
    (``groups``: the :func:`proposition_groups`, when the caller has them)."""
    groups = proposition_groups(ctx, lex, model) if groups is None else groups
    claims = []
    for proposition, items in groups.items():
        entries = _dedupe([e for item in items for e in claimants(ctx, item.att, lex)])
        linked = about(ctx, items, lex)
        events = [e for e in ctx.events if e.id in linked]
        claims.append(Claim(
            id=claim_id(ctx.article.id, proposition), proposition=proposition,
            claimants=entries, about=linked, subjects=claim_subjects(ctx, entries, events),
            status=claim_status(entries), evidence=_evidence(ctx, items)))
    log.debug("article %s: %d claims", ctx.article.id[:12], len(claims))
    return claims


def claims_and_events(ctx: ArticleContext, lex: Lexicon, model: CueModel, penta: PentaData,
                      relevance: Relevance) -> tuple[tuple[Claim, ...], tuple[Event, ...]]:
    """The article's claims; its events, with one per speech act (``pactwatch.claims.verbal``,
    cross-referenced with its claim), each with the standing the claims give it (the verbal
    event classes in ``penta`` decide whose word is a report)."""
    groups = proposition_groups(ctx, lex, model)
    claims, events = verbal_events(ctx, build_claims(ctx, lex, model, groups), groups, lex, relevance)
    return tuple(claims), tuple(event_standing(e, claims, penta) for e in events)
