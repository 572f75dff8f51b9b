"""Attribution extraction: source, cue and content spans from a spaCy dependency parse.

The rules (:mod:`pactwatch.claims.rules`: cue verbs in :mod:`~pactwatch.claims.verbs`, the
other patterns in :mod:`~pactwatch.claims.patterns`, all over the lemmas of data/claims/cues.yaml,
none over particular words of a text) find the lexicon's cues, with sources from
:mod:`~pactwatch.claims.sources` and contents from :mod:`~pactwatch.claims.contents`, kept in
their paragraph by :mod:`~pactwatch.claims.scope`.  :func:`attributions_in` then lets the learned
cue model (:mod:`pactwatch.claims.cuemodel`) drop unlikely rule matches and add the generic
candidates of :mod:`pactwatch.claims.candidates` it accepts.
"""

from __future__ import annotations

from pactwatch.claims.candidates import verb_candidates
from pactwatch.claims.cuemodel import CueModel, features
from pactwatch.claims.lexicon import Lexicon
from pactwatch.claims.record import Attribution
from pactwatch.claims.rules import rule_attributions


def attributions_in(doc, lex: Lexicon, model: CueModel | None) -> list[Attribution]:
    """Every attribution in a parsed doc: the rules' matches the cue model keeps, then the
    candidates outside the lexicon it accepts.  ``model=None`` gives the rules alone."""
    if model is None:
        return rule_attributions(doc, lex)
    rules = rule_attributions(doc, lex, writer=True)
    kept = [a for a in rules if not weighed(a)
            or model.probability(features(doc, a, lex)) >= model.rule_threshold]
    scored = [(a, model.probability(features(doc, a, lex)))
              for a in verb_candidates(doc, lex, rules)]
    extra = best_per_cue([(a, p) for a, p in scored if p >= model.threshold])
    return kept + [a for a in extra if not any(holds(a, k) for k in kept)]


def best_per_cue(scored: list[tuple[Attribution, float]]) -> list[Attribution]:
    """Of the candidate readings of one cue word ("X appears to …" with X as the source, or
    as part of the content), the likeliest; in text order."""
    best: dict[int, tuple[Attribution, float]] = {}
    for att, p in scored:
        key = att.cue[0][0]
        if key not in best or p > best[key][1]:
            best[key] = (att, p)
    return [best[k][0] for k in sorted(best)]


def weighed(att: Attribution) -> bool:
    """Rule matches the model may drop: cue verbs (most spurious matches are of this kind),
    headline colons (right about a third of the time on PolNeAR's train parts) and claim nouns
    with a holder ("his concerns", "Clinton's rejection": right about a third of the time
    there).  Light-verb ("raised concerns"), adjective, adverb and "according to" cues stand as
    the rules found them, and so do nouns that name no one ("reports of troops deployed"): they
    are the anonymous reports a security desk keeps as evidence."""
    return att.kind in ("verb", "colon") or (att.kind == "noun" and bool(att.source))


def holds(outer: Attribution, inner: Attribution) -> bool:
    """A candidate whose content holds a kept cue would hide it (see
    :func:`pactwatch.claims.scope.outermost`)."""
    s, e = inner.cue_span
    return any(cs <= s and e <= ce for cs, ce in outer.content)
