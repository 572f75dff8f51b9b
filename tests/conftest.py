"""Shared fixtures: the ../shared folder and one spaCy pipeline per session."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("PACTWATCH_SHARED", REPO.parent / "shared"))


def pytest_addoption(parser):
    parser.addoption("--update-golden", action="store_true",
                     help="rewrite tests/golden/*.json from the current output (review the diff!)")


@pytest.fixture(scope="session")
def shared() -> Path:
    """The read-only reference and evaluation data beside the repo (never copied in)."""
    if not SHARED.is_dir():
        if os.environ.get("CI"):
            pytest.fail(f"{SHARED} is missing in CI")
        pytest.skip(f"no shared data folder at {SHARED} (set PACTWATCH_SHARED)")
    return SHARED


@pytest.fixture(scope="session")
def resources():
    """The default language data, loaded once per test session (the front door's own)."""
    from pactwatch.api import resources_for

    return resources_for()


@pytest.fixture(scope="session")
def nlp(resources):
    """The parser with the gazetteer ruler, as the pipeline uses it."""
    return resources.nlp


@pytest.fixture(scope="session")
def news(shared) -> dict[str, dict]:
    """The Wikinews and MUC-4 news articles of ../shared, by id."""
    import json

    rows = {}
    for name in ("wikinews_2019_2021.jsonl", "muc4_1988_1990.jsonl"):
        for line in (shared / "eval" / "news" / name).read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            rows[row["id"]] = row
    return rows


@pytest.fixture(scope="session")
def example_article(shared) -> str:
    return (shared / "examples" / "russia-dprk-defence-pact.txt").read_text(encoding="utf-8")


# -- stores on both engines ------------------------------------------------------------------
PG_URL = os.environ.get("PACTWATCH_TEST_PG")


def _pg_or_skip() -> str:
    if PG_URL:
        return PG_URL
    if os.environ.get("CI"):
        pytest.fail("CI must run the PostgreSQL store tests: PACTWATCH_TEST_PG is not set")
    pytest.skip("PostgreSQL tests need PACTWATCH_TEST_PG=postgresql://... (.ci/postgres.sh)")


def _empty_pg(url: str) -> str:
    import sqlalchemy as sa

    from pactwatch.store.db import normalise_url

    engine = sa.create_engine(normalise_url(url))
    with engine.begin() as conn:
        conn.execute(sa.text("DROP SCHEMA public CASCADE"))
        conn.execute(sa.text("CREATE SCHEMA public"))
    engine.dispose()
    return url


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request, tmp_path) -> str:
    """An empty database URL, once per engine."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'store.db'}"
    return _empty_pg(_pg_or_skip())


@pytest.fixture
def pg_url() -> str:
    """An empty PostgreSQL database URL, for what only a server with several writers shows."""
    return _empty_pg(_pg_or_skip())


@pytest.fixture
def db(db_url, resources):
    """An empty store (the services facade, with the session's default language data)."""
    from pactwatch.db import Database

    database = Database(db_url, resources=resources)
    yield database
    database.close()


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory, resources):
    """One session-scoped SQLite store holding the project's example articles."""
    from pactwatch.db import Database

    database = Database(f"sqlite:///{tmp_path_factory.mktemp('demo') / 'demo.db'}",
                        resources=resources)
    report = database.ingest([REPO / "examples" / "articles"])
    assert report.ok and report.stored >= 1
    yield database
    database.close()
