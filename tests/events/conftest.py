"""Fixtures for the events tests: the lexicon, and a helper running the detector on one sentence."""

from __future__ import annotations

import pytest

from pactwatch.events.detect import detect


@pytest.fixture(scope="session")
def lex(resources):
    """The event lexicon of the default resources."""
    return resources.events


@pytest.fixture(scope="session")
def drafts(nlp, lex):
    def run(text: str):
        doc = nlp(text)
        return [d for sent in doc.sents for d in detect(sent, lex, ())]

    return run
