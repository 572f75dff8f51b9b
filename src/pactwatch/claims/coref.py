"""Pronoun claimants: "he said" is said by the person the article last named, when that is clear.

A claimant whose source is "he" or "she" takes the one person actor named in the pronoun's
sentence or the one before it (before the pronoun); "they" takes the one group, country or
organisation named there.  With none in that window, an article that so far names only one
such actor gives that one.  Two candidates is ambiguous, and the pronoun stays unresolved.
The source span stays the pronoun; only the actor changes.
"""

from __future__ import annotations

from pactwatch.claims.lexicon import Lexicon
from pactwatch.claims.spans import CharSpan
from pactwatch.records import Actor


def _compatible(pronoun: str, actor: Actor, lex: Lexicon) -> bool:
    if pronoun in lex.words.person_pronouns:
        return actor.person is not None
    return actor.person is None and (actor.country is not None or actor.sector is not None)


def _single(actors: list[Actor]) -> Actor | None:
    """The last mention when every mention is of one actor; else None."""
    keys = {a.key() for a in actors}
    return max(actors, key=lambda a: a.start or 0) if len(keys) == 1 else None


def window_start(doc, at: int) -> int:
    """The character offset where the sentence before the one holding ``at`` starts."""
    starts = [s.start_char for s in doc.sents if s.start_char <= at]
    return starts[-2] if len(starts) >= 2 else 0


def antecedent(doc, source: CharSpan, text: str, actors: tuple[Actor, ...],
               lex: Lexicon) -> Actor | None:
    """The actor a pronoun source refers to, when unambiguous."""
    pronoun = text[source[0]:source[1]].strip().lower()
    if pronoun not in lex.words.person_pronouns | lex.words.group_pronouns:
        return None
    before = [a for a in actors if a.start is not None and a.end is not None
              and a.end <= source[0] and _compatible(pronoun, a, lex)]
    if not before:
        return None
    lo = window_start(doc, source[0])
    near = [a for a in before if a.start >= lo]
    return _single(near) if near else _single(before)
