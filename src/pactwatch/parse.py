"""The parse stage: spaCy over a stream of articles, loaded once, batched.

Each article is parsed from a truecased copy when it is written in capitals
(:mod:`pactwatch.truecase`: same length, so every offset is the article's), tokenized first so
that its heads (wire datelines, date lines, bylines: ``data/parse/heads.yaml``) are marked as
sentences of their own before the parser runs.  The Doc's text is the truecased copy;
:func:`pactwatch.nlp.doc_text` is the article as stored.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from importlib import resources as package_files
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict, Field

from pactwatch.config import Config
from pactwatch.context import ArticleContext, Sentence
from pactwatch.datafiles import load_validated
from pactwatch.nlp import doc_text, set_doc_text
from pactwatch.stages import StageSpec

if TYPE_CHECKING:
    from pactwatch.resources import Resources


HEADS_SCHEMA = "pactwatch.parse.heads.v1"


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)


class HeadPattern(_Model):
    source: str
    pattern: str


class HeadSource(_Model):
    id: str
    cite: str


class HeadRules(_Model):
    """Article heads split off as sentences (``data/parse/heads.yaml``)."""

    schema_: str = Field(alias="schema")
    head_chars: int
    wire: list[HeadPattern]
    head: list[HeadPattern]
    sources: list[HeadSource]


def load_head_rules(path: str | Path | None = None) -> HeadRules:
    """Read and validate the head rules (default: the packaged file)."""
    file = Path(path) if path else Path(str(package_files.files("pactwatch") / "data" / "parse" / "heads.yaml"))
    return load_validated(file, HeadRules, schema=HEADS_SCHEMA)


def heads_in(text: str, wire: list[re.Pattern], head: list[re.Pattern], head_chars: int) -> list[tuple[int, int]]:
    """(start, end) of the datelines, date lines and bylines of ``text``: a wire dateline at the
    start of any line, a date line or byline alone on one of the first ``head_chars`` characters'
    lines; ``end`` is where the story's words start."""
    found = [(m.start(), m.end()) for p in wire for m in p.finditer(text)]
    found += [(m.start(), m.end()) for p in head for m in p.finditer(text, 0, head_chars)]
    return sorted({(a, b) for a, b in found if b > a})


@dataclass(frozen=True)
class HeadSplitter:
    """Marks the heads of an article's tokens as sentences of their own, before the parser runs
    (spaCy's parser keeps sentence starts set on the Doc it is given)."""

    wire: tuple[re.Pattern, ...]
    head: tuple[re.Pattern, ...]
    head_chars: int

    @classmethod
    def build(cls, rules: HeadRules) -> HeadSplitter:
        return cls(tuple(re.compile(p.pattern, re.M) for p in rules.wire),
                   tuple(re.compile(p.pattern, re.M) for p in rules.head), rules.head_chars)

    def heads(self, text: str) -> list[tuple[int, int]]:
        return heads_in(text, list(self.wire), list(self.head), self.head_chars)

    def mark(self, doc):
        """``doc`` (tokenized, not parsed) with each head one sentence and the story after it
        starting a new one."""
        for start, end in self.heads(doc.text):
            first, story = _first_word_at(doc, start), _first_word_at(doc, end)
            if first is None or story is None:
                continue
            for token in doc[first.i + 1:story.i]:
                token.is_sent_start = False
            for token in (first, story):
                token.is_sent_start = True if token.i > 0 else token.is_sent_start
        return doc


def _first_word_at(doc, char: int):
    """The first non-space token starting at or after ``char``."""
    for token in doc:
        if token.idx >= char and not token.is_space:
            return token
    return None


def sentences_of(doc) -> tuple[Sentence, ...]:
    text = doc_text(doc)
    return tuple(
        Sentence(index=i, start=s.start_char, end=s.end_char, text=text[s.start_char:s.end_char])
        for i, s in enumerate(doc.sents)
    )


def make_parse(config: Config, resources: Resources):
    nlp, truecaser, heads = resources.nlp, resources.truecaser, resources.heads

    def run(items: Iterable[ArticleContext]) -> Iterator[ArticleContext]:
        pairs = ((heads.mark(nlp.make_doc(truecaser.truecase(ctx.article.text))), ctx)
                 for ctx in items)
        n_process = max(1, config.processes)
        for doc, ctx in nlp.pipe(pairs, as_tuples=True, n_process=n_process,
                                 batch_size=config.batch_size):
            set_doc_text(doc, ctx.article.text)
            yield ctx.with_(doc=doc, sentences=sentences_of(doc))

    return run


STAGE = StageSpec(
    name="pactwatch.parse.v1",
    reads=("article",),
    writes=("doc", "sentences"),
    factory=make_parse,
    stream=True,
    doc="spaCy English pipeline with the gazetteer ruler: sentences, tokens, parse, entities; "
        "upper-case wire copy is parsed truecased (same length, offsets kept); datelines and "
        "bylines are sentences of their own.",
)
