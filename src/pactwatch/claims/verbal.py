"""Speech acts as events: an attribution whose cue is itself a PLOVER verbal act ("condemned",
"urged ... to", "warned", "rejected", "praised": the ``speech_acts`` of data/claims/cues.yaml)
is an event, the speaker its source and the addressee its target ("urged Iran to ...",
"called on Obama to ...", "condemned the Japanese visit"), else the first political actor the
content names other than the speaker.

When the events stage already found the act (same sentence and type, its trigger the cue word or
a word the cue governs), no second event is made: that event takes the claim, and a target from
the cue when it has none.  Either way the event lists the claim in ``claims`` and the claim
lists the event in ``about``.  The act happened in the text's own voice, so the event is ``asserted``; a speech
act inside someone else's reported content ("officials said Iran had warned ...") is
``reported``, attributed to that claimant.
"""

from __future__ import annotations

from dataclasses import dataclass

from pactwatch.claims.lexicon import Lexicon, SpeechActGroup
from pactwatch.claims.record import Keyed
from pactwatch.context import ArticleContext
from pactwatch.events.build import event_id
from pactwatch.events.relevance import Relevance
from pactwatch.records import Actor, Claim, ClaimantEntry, DateValue, Event

OBJECT_DEPS = frozenset({"dobj", "dative", "iobj", "nsubjpass"})
BASE, MATCHED, COUNTRY, ROLE, UNRESOLVED = 0.45, 0.15, 0.15, 0.1, -0.1


@dataclass(frozen=True)
class SpeechAct:
    """One attribution whose cue is a speech act: its type, its cue token and the claim."""

    group: SpeechActGroup
    token: object  # the cue's head token (a spaCy Token)
    keyed: Keyed
    claim: Claim


def _cue_tokens(doc, keyed: Keyed) -> list:
    tokens = []
    for start, end in keyed.att.cue:
        chunk = doc.char_span(start, end, alignment_mode="expand")
        tokens += [t for t in chunk or () if not t.is_punct]
    return tokens


def _lemma(tok, lex: Lexicon) -> str:
    return lex.verb_lemma(tok) if tok.pos_ in ("VERB", "AUX") else tok.lemma_.lower()


def speech_act(doc, keyed: Keyed, lex: Lexicon) -> tuple[SpeechActGroup, object] | None:
    """The speech-act entry the cue matches ("call on" before "call"), with its head token."""
    tokens = _cue_tokens(doc, keyed)
    lemmas = [_lemma(t, lex) for t in tokens]
    for i, tok in enumerate(tokens):
        particles = tokens[i + 1:] + [c for c in tok.children if c.dep_ in ("prep", "prt")]
        for other in particles:
            group = lex.speech_acts.get(f"{lemmas[i]} {other.lower_}")
            if group is not None:
                return group, tok
    for tok, lemma in zip(tokens, lemmas, strict=True):
        if lemma in lex.speech_acts:
            return lex.speech_acts[lemma], tok
    return None


def speech_acts(ctx: ArticleContext, claims: list[Claim], groups: dict[str, list[Keyed]],
                lex: Lexicon) -> list[SpeechAct]:
    """Every claim-bearing attribution whose cue is a speech act, in text order."""
    out = []
    for claim in claims:
        for keyed in groups.get(claim.proposition, ()):
            if keyed.att.stance == "deny":  # disputing a report is a claim stance, not REJECT
                continue
            hit = speech_act(ctx.doc, keyed, lex)
            if hit is not None:
                out.append(SpeechAct(hit[0], hit[1], keyed, claim))
    return sorted(out, key=lambda a: a.keyed.att.cue_span)


# ---- actors -------------------------------------------------------------------------------

def _speakers(act: SpeechAct) -> list[Actor]:
    cue = act.keyed.att.cue_span
    return [e.actor for e in act.claim.claimants
            if e.actor is not None and e.cue.start == cue[0] and e.cue.end == cue[1]]


def _in_range(actors, start: int, end: int) -> list[Actor]:
    return [a for a in actors if a.start is not None and start <= a.start and a.end <= end]


def _others(actors: list[Actor], source: list[Actor], relevance: Relevance) -> list[Actor]:
    """Political actors that are not the speaker (by country or by the same words)."""
    mine = {a.country for a in source if a.country}
    spans = {(a.start, a.end) for a in source}
    return [a for a in actors if relevance.political(a) and a.country not in mine
            and (a.start, a.end) not in spans]


def _addressee_tokens(tok) -> list:
    """The cue's objects ("urged Iran", "condemned the visit"), its passive subject, and the
    object of its particle or preposition ("called on Obama")."""
    out = [c for c in tok.children if c.dep_ in OBJECT_DEPS]
    for prep in (c for c in tok.children if c.dep_ in ("prep", "prt")):
        out += [c for c in prep.children if c.dep_ == "pobj"]
    return out


def targets(ctx: ArticleContext, act: SpeechAct, source: list[Actor], relevance: Relevance) -> list[Actor]:
    """The addressee's actors, else the first political actor of the content (not the speaker)."""
    for head in _addressee_tokens(act.token):
        span = (min(t.idx for t in head.subtree), max(t.idx + len(t) for t in head.subtree))
        found = _others(_in_range(ctx.actors, *span), source, relevance)
        if found:
            return found[:1]
    content = act.keyed.att.content_span
    found = _others(_in_range(ctx.actors, *content), source, relevance) if content else []
    return found[:1]


# ---- events -------------------------------------------------------------------------------

def _reporter(act: SpeechAct, claims: list[Claim]) -> list[ClaimantEntry]:
    """Claimants of other claims whose content holds this cue ("X said Y had warned ...")."""
    cue = act.keyed.att.cue_span
    return [e for c in claims for e in c.claimants
            if e.content is not None and e.cue.start != cue[0]
            and e.content.start <= cue[0] and cue[1] <= e.content.end]


def _confidence(source: list[Actor], target: list[Actor], relevance: Relevance) -> float:
    """As the events stage's: a lexicon match, then each side by its actors."""
    def side(actors, unresolved):
        political = [a for a in actors if relevance.political(a)]
        if any(a.country for a in political):
            return COUNTRY
        return ROLE if political else (unresolved if actors else 0.0)
    return round(min(BASE + MATCHED + side(source, UNRESOLVED) + side(target, 0.0), 0.95), 2)


def new_event(ctx: ArticleContext, act: SpeechAct, claims: list[Claim], relevance: Relevance) -> Event | None:
    """The event of a speech act no event of the events stage covers; None when no political
    actor speaks or is spoken to (the events stage's relevance rule)."""
    source = _speakers(act)
    target = targets(ctx, act, source, relevance)
    if not source or not relevance.relevant(source, target, act.group.type):
        return None
    evidence = ctx.evidence_at(act.token.idx)
    reporters = _reporter(act, claims)
    published = ctx.article.published
    return Event(
        id=event_id(ctx.article.id, act.group.type, source, target, None, evidence.sentence),
        type=act.group.type, mode="statement", context=["verbal"], source=source, target=target,
        date=DateValue(value=published, precision="published") if published else None,
        status="reported" if reporters else "asserted",
        attributed_to=[e.actor for e in reporters if e.actor is not None],
        cameo=act.group.cameo, confidence=_confidence(source, target, relevance),
        trigger=act.token.text, evidence=[evidence], claims=[act.claim.id])


def _same_trigger(event: Event, act: SpeechAct, sentence: int) -> bool:
    """The events stage's event of this act: its trigger is the cue word, or a word the cue
    governs (a frame: "called on Russia to withdraw" is a REQUEST triggered at "withdraw")."""
    if event.trigger is None or not any(ev.sentence == sentence for ev in event.evidence):
        return False
    word = event.trigger.lower()
    return word == act.token.lower_ or any(t.lower_ == word for t in act.token.subtree)


def _link(event: Event, act: SpeechAct, ctx: ArticleContext, relevance: Relevance) -> Event:
    """The events stage's event of this act takes the claim, and the cue's target if it had none."""
    update: dict = {"claims": sorted(set(event.claims) | {act.claim.id})}
    if not event.target:
        update["target"] = targets(ctx, act, _speakers(act) or event.source, relevance)
    return event.model_copy(update=update)


def verbal_events(ctx: ArticleContext, claims: list[Claim], groups: dict[str, list[Keyed]],
                  lex: Lexicon, relevance: Relevance) -> tuple[list[Claim], list[Event]]:
    """The claims with the speech-act events in ``about``, and the article's events with a new
    event per speech act no event covers (the covering events take the claim)."""
    events = list(ctx.events)
    about: dict[str, set[str]] = {c.id: set(c.about) for c in claims}
    for act in speech_acts(ctx, claims, groups, lex):
        sentence = ctx.evidence_at(act.token.idx).sentence
        i = next((i for i, e in enumerate(events) if e.type == act.group.type
                  and _same_trigger(e, act, sentence)), None)
        if i is None:
            event = new_event(ctx, act, claims, relevance)
            if event is None:
                continue
            i = next((i for i, e in enumerate(events) if e.id == event.id), None)
            if i is None:
                events.append(event)
                i = len(events) - 1
        events[i] = _link(events[i], act, ctx, relevance)
        about[act.claim.id].add(events[i].id)
    linked = [c.model_copy(update={"about": [e.id for e in events if e.id in about[c.id]]})
              for c in claims]
    return linked, events

