"""Fixtures for the events tests: the lexicon, and a helper running the detector on one sentence."""

from __future__ import annotations

import pytest

from pactwatch.events.detect import detect
from pactwatch.events.lexicon import load_lexicon


@pytest.fixture(scope="session")
def lex():
    return load_lexicon()


@pytest.fixture(scope="session")
def drafts(nlp, lex):
    def run(text: str):
        doc = nlp(text)
        return [d for sent in doc.sents for d in detect(sent, lex, ())]

    return run
