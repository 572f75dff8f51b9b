"""The library's front door: ``extract`` text without storing, and the cached pipeline."""

from __future__ import annotations

from datetime import date
from functools import lru_cache

from pactwatch.config import Config
from pactwatch.errors import PactwatchError
from pactwatch.pipeline import Outcome, Pipeline
from pactwatch.readers import parse_date
from pactwatch.records import Article, Extraction


@lru_cache(maxsize=4)
def get_pipeline(config: Config = Config()) -> Pipeline:
    """One pipeline per configuration per process: spaCy and the data load once."""
    return Pipeline(config)


def to_extraction(outcome: Outcome) -> Extraction:
    if not outcome.ok:
        raise PactwatchError("PW050", article=outcome.article.id[:12], detail=outcome.error)
    ctx = outcome.context
    return Extraction(article=ctx.article, events=list(ctx.events), claims=list(ctx.claims),
                      treaties=list(ctx.treaties))


def extract_article(article: Article, config: Config = Config()) -> Extraction:
    return to_extraction(get_pipeline(config).run_one(article))


def extract(text: str, published: date | str | None = None, *, title: str | None = None,
            source: str | None = None, url: str | None = None,
            config: Config = Config()) -> Extraction:
    """Run the pipeline on ``text`` without storing; what ``pactwatch extract`` prints."""
    article = Article.from_text(text, published=parse_date(published), title=title,
                                source=source, url=url)
    return extract_article(article, config)
