"""The parse stage: spaCy over a stream of articles, loaded once, batched."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from pactwatch.config import Config
from pactwatch.context import ArticleContext, Sentence
from pactwatch.nlp import doc_text, set_doc_text
from pactwatch.stages import StageSpec

if TYPE_CHECKING:
    from pactwatch.resources import Resources


def sentences_of(doc) -> tuple[Sentence, ...]:
    text = doc_text(doc)
    return tuple(
        Sentence(index=i, start=s.start_char, end=s.end_char, text=text[s.start_char:s.end_char])
        for i, s in enumerate(doc.sents)
    )


def make_parse(config: Config, resources: Resources):
    nlp, truecaser = resources.nlp, resources.truecaser

    def run(items: Iterable[ArticleContext]) -> Iterator[ArticleContext]:
        pairs = ((truecaser.truecase(ctx.article.text), ctx) for ctx in items)
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
        "upper-case wire copy is parsed truecased (same length, offsets kept).",
)
