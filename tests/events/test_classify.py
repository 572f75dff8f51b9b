"""The learned typing classifier: marking, features text, combination, artefact, training data."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from pactwatch.events.classify import (
    MODEL_FILE,
    TypingModel,
    between,
    combine,
    load_classifier,
    mark,
    read_model,
    unmark,
)
from pactwatch.records import PLOVER_TYPES

words = st.text(alphabet="abcdefgh ", min_size=1, max_size=12)


@given(words, words, words, words, words)
def test_mark_and_unmark_round_trip(a, s, b, t, c):
    text = a + s + b + t + c
    source, target = (len(a), len(a) + len(s)), (len(a + s + b), len(a + s + b) + len(t))
    assert unmark(mark(text, source, target)) == (text, source, target)


def test_between_is_the_linking_words_or_the_whole_sentence():
    text = "The army shelled the town."
    assert between(text, (0, 8), (17, 25)) == "shelled"
    assert between(text, (0, 8), None) == text


def _model(trust_rule: float, trust_fallback: float) -> TypingModel:
    return TypingModel(np.zeros((2, 2), dtype=np.float32), np.zeros(2, dtype=np.float32), ("AID", "ASSAULT"),
                       trust_rule, trust_fallback)


def test_combination_prefers_rules_on_the_path_and_falls_back_to_the_classifier():
    model = _model(0.9, 0.5)
    assert combine(None, "none", ("AID", 0.2), model) == "AID"
    assert combine("ASSAULT", "path", ("AID", 0.8), model) == "ASSAULT"
    assert combine("ASSAULT", "path", ("AID", 0.95), model) == "AID"
    assert combine("ASSAULT", "sentence", ("AID", 0.6), model) == "AID"
    assert combine("ASSAULT", "sentence", None, model) == "ASSAULT"


def test_model_file_round_trip(tmp_path):
    model = TypingModel(np.eye(3, 2, dtype=np.float32), np.array([0.5, -0.5], dtype=np.float32),
                        ("AID", "ASSAULT"), 0.7, 0.4)
    model.save(tmp_path / MODEL_FILE)
    back = read_model(tmp_path / MODEL_FILE)
    assert back.labels == model.labels and (back.trust_rule, back.trust_fallback) == (0.7, 0.4)
    x = np.ones((1, 3), dtype=np.float32)
    assert np.allclose(back.proba(x), model.proba(x), atol=1e-3)


def test_without_an_artefact_events_are_typed_by_rules_only(tmp_path):
    assert load_classifier(str(tmp_path)) is None


def test_shipped_artefact_is_small_and_covers_every_type():
    from pactwatch.events.lexicon import data_dir

    path = data_dir() / MODEL_FILE
    assert path.stat().st_size < 300_000
    assert set(read_model(path).labels) == set(PLOVER_TYPES)


def test_training_sentences_cover_every_type_with_marked_pairs():
    from pactwatch.events.train import training_set

    data = training_set()
    assert set(data.sentences) == set(PLOVER_TYPES)
    assert all(30 <= len(rows) <= 60 for rows in data.sentences.values())
    train = {s for rows in data.sentences.values() for s in rows}
    assert not train & {s for rows in data.heldout.values() for s in rows}


def test_training_is_deterministic_on_toy_data():
    from pactwatch.events.train import fit, folds

    rng = np.random.default_rng(0)
    x, y = rng.normal(size=(40, 5)), np.array([0, 1] * 20)
    w1, b1 = fit(x, y, 2, 1e-3, steps=50)
    w2, b2 = fit(x, y, 2, 1e-3, steps=50)
    assert np.array_equal(w1, w2) and np.array_equal(b1, b2)
    assert sorted(np.bincount(folds(y, 4, 13))) == [10, 10, 10, 10]


@pytest.mark.classifier
def test_classifier_types_a_plain_attack():
    clf = load_classifier()
    assert clf is not None, "install the extra: pip install -e '.[classifier]'"
    text = "Rebel fighters ambushed an army convoy near the border."
    (label, prob), = clf.predict([(text, (0, 14), (29, 41))])
    assert label == "ASSAULT" and prob > 0.3
