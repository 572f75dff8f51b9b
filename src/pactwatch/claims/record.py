"""The attribution relation (source, cue and content as character spans into the doc's text),
and the same with its proposition key."""

from __future__ import annotations

from dataclasses import dataclass

from pactwatch.claims.lexicon import CueStance
from pactwatch.claims.spans import CharSpan, hull


@dataclass(frozen=True)
class Attribution:
    """One attribution relation, with character spans into the doc's text."""

    cue: tuple[CharSpan, ...]
    stance: CueStance
    kind: str  # verb | object-noun | light | noun | according | adverb | adjective | colon
    # | learned | learned-noun | learned-channel | learned-passive | learned-view | raising
    # | learned-received (candidates of the cue model)
    source: tuple[CharSpan, ...] = ()
    content: tuple[CharSpan, ...] = ()
    source_parts: tuple[CharSpan, ...] = ()
    content_root: int | None = None  # token index of the content's head
    negated: bool = False
    anaphoric: bool = False  # the content refers back ("these allegations")

    @property
    def cue_span(self) -> CharSpan:
        return hull(self.cue)

    @property
    def source_span(self) -> CharSpan | None:
        return hull(self.source)

    @property
    def content_span(self) -> CharSpan | None:
        return hull(self.content)


@dataclass(frozen=True)
class Keyed:
    """An attribution with its proposition key (after anaphora resolution)."""

    att: Attribution
    key: tuple[str, ...]
