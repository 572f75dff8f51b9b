"""The working record that flows through the pipeline stages.

Each stage takes an :class:`ArticleContext` and returns a new one with the
fields it adds filled in.  Contexts are immutable; use :meth:`ArticleContext.with_`.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

from pactwatch.records import Actor, Article, Claim, DateValue, Event, Evidence, Place, Treaty


@dataclass(frozen=True)
class Sentence:
    index: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class TimeMention:
    """A time expression in the text and the date it resolves to."""

    start: int
    end: int
    text: str
    date: DateValue


@dataclass(frozen=True)
class ArticleContext:
    article: Article
    doc: Any = None  # spaCy Doc once parsed
    sentences: tuple[Sentence, ...] = ()
    actors: tuple[Actor, ...] = ()
    times: tuple[TimeMention, ...] = ()
    places: tuple[Place, ...] = ()
    events: tuple[Event, ...] = ()
    claims: tuple[Claim, ...] = ()
    treaties: tuple[Treaty, ...] = ()

    def with_(self, **changes) -> ArticleContext:
        return dataclasses.replace(self, **changes)

    def sentence_at(self, char: int) -> Sentence | None:
        """The sentence holding character offset ``char``."""
        for sent in self.sentences:
            if sent.start <= char < sent.end:
                return sent
        return self.sentences[-1] if self.sentences and char >= self.sentences[-1].end else None

    def evidence_at(self, char: int) -> Evidence:
        """Evidence for a mention at ``char``: the whole sentence and its offsets."""
        sent = self.sentence_at(char)
        if sent is None:
            text = self.article.text
            return Evidence(article_id=self.article.id, sentence=0, start=0, end=len(text), text=text)
        return Evidence(
            article_id=self.article.id, sentence=sent.index,
            start=sent.start, end=sent.end, text=sent.text,
        )

    def published_or_none(self):
        return self.article.published


@dataclass(frozen=True)
class Outcome:
    """One article's result from the pipeline: a finished context, or the error that stopped it."""

    article: Article
    context: ArticleContext | None = None
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None
