"""Shared fixtures: the ../shared folder and one spaCy pipeline per session."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("PACTWATCH_SHARED", REPO.parent / "shared"))


@pytest.fixture(scope="session")
def shared() -> Path:
    """The read-only reference and evaluation data beside the repo (never copied in)."""
    if not SHARED.is_dir():
        if os.environ.get("CI"):
            pytest.fail(f"{SHARED} is missing in CI")
        pytest.skip(f"no shared data folder at {SHARED} (set PACTWATCH_SHARED)")
    return SHARED


@pytest.fixture(scope="session")
def nlp():
    from pactwatch.nlp import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def example_article(shared) -> str:
    return (shared / "examples" / "russia-dprk-defence-pact.txt").read_text(encoding="utf-8")
