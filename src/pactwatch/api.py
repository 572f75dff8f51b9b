"""The library's front door: ``extract`` text without storing, ``find_actors`` in text, ``open``
a store.

The front door keeps one :class:`Pipeline` per :class:`Config` for the life of the process
(``pipeline_for``), so repeated calls load spaCy and the language data once.  Everything below
the front door receives what it needs as arguments.
"""

from __future__ import annotations

from datetime import date

from pactwatch.config import Config
from pactwatch.context import Outcome
from pactwatch.db import Database
from pactwatch.errors import PactwatchError
from pactwatch.pipeline import Pipeline
from pactwatch.readers import parse_date
from pactwatch.records import Actor, Article, Extraction
from pactwatch.resources import Resources

_pipelines: dict[Config, Pipeline] = {}
_resources: dict[tuple, Resources] = {}


def pipeline_for(config: Config = Config()) -> Pipeline:
    """The process's pipeline for ``config``, built on first use."""
    if config not in _pipelines:
        _pipelines[config] = Pipeline(config, resources_for(config))
    return _pipelines[config]


def resources_for(config: Config = Config()) -> Resources:
    """The loaded language data of ``config``: one per model and data files, whatever the
    other settings (processes, stages, database) say."""
    key = (config.model, config.data)
    if key not in _resources:
        _resources[key] = Resources.build(config)
    return _resources[key]


def to_extraction(outcome: Outcome) -> Extraction:
    if not outcome.ok:
        raise PactwatchError("PW050", article=outcome.article.id[:12], detail=outcome.error)
    ctx = outcome.context
    return Extraction(article=ctx.article, events=list(ctx.events), claims=list(ctx.claims),
                      treaties=list(ctx.treaties))


def extract_article(article: Article, config: Config = Config(), min_confidence: float = 0.0) -> Extraction:
    """``article`` through the pipeline; only events of at least ``min_confidence`` (see
    :meth:`Extraction.above`)."""
    return to_extraction(pipeline_for(config).run_one(article)).above(min_confidence)


def extract(text: str, published: date | str | None = None, *, title: str | None = None,
            source: str | None = None, url: str | None = None,
            config: Config = Config(), min_confidence: float = 0.0) -> Extraction:
    """Run the pipeline on ``text`` without storing; what ``pactwatch extract`` prints.
    ``min_confidence`` leaves out events of lower confidence (and claims' ``about`` ids of them)."""
    article = Article.from_text(text, published=parse_date(published), title=title,
                                source=source, url=url)
    return extract_article(article, config, min_confidence)


def find_actors(text_or_doc, published: date | str | None = None, *,
                config: Config = Config()) -> list[Actor]:
    """The actors in a text (parsed with pactwatch's parser) or an already parsed spaCy Doc,
    each with ``start``/``end`` character offsets; office holders ("the U.S. President") are
    resolved for ``published`` (a date or ISO string)."""
    from pactwatch.actors.matcher import actors_in_doc

    resources = resources_for(config)
    doc = resources.nlp(text_or_doc) if isinstance(text_or_doc, str) else text_or_doc
    return actors_in_doc(doc, published, resources.actor_matching)


def open(url: str | None = None, config: Config = Config()) -> Database:  # noqa: A001 - the public API name
    """Open (and migrate) a pactwatch store: ``url``, else the config's database (SQLite
    ``./pactwatch.db`` by default), with the language data ``config`` names (loaded once per
    process, shared with ``extract``)."""
    config = config.replace(db=url) if url else config
    return Database(config=config, resources=resources_for(config))
