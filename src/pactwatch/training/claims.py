"""Train the cue model (data/claims/cue_model.json) on the PolNeAR train parts.

    python -m pactwatch.training.claims \\
        --train ../shared/eval/polnear/polnear_train_part1.jsonl \\
        --train ../shared/eval/polnear/polnear_train_part3.jsonl \\
        --tune ../shared/eval/polnear/polnear_train_part2.jsonl \\
        --out src/pactwatch/data/claims/cue_model.json --cache /tmp/polnear-parses --refit

Candidates are the rules' matches and one generic relation per other verb
(:func:`pactwatch.claims.candidates.verb_candidates`); a candidate's label is whether it matches
a gold relation under the PolNeAR scorer's criterion.  A logistic regression (scikit-learn, a
development dependency only) is fitted on the --train files; the two thresholds are chosen on the
--tune file to maximise relation F1 with precision at least --min-precision, running the same
combination (:mod:`pactwatch.claims.attribution`) and ``outermost`` filter as extraction; with
--refit the weights are then fitted again on all the files, the thresholds kept.  Never pass the
dev or test split here.  (A training script is top layer: it uses :mod:`pactwatch.eval.polnear`.)
"""

from __future__ import annotations

import argparse
import json
import logging
from dataclasses import dataclass
from pathlib import Path

from pactwatch.claims.attribution import best_per_cue, holds, weighed
from pactwatch.claims.candidates import verb_candidates
from pactwatch.claims.cuemodel import SCHEMA, CueModel, features
from pactwatch.claims.lexicon import Lexicon, load_lexicon
from pactwatch.claims.record import Attribution
from pactwatch.claims.rules import rule_attributions
from pactwatch.claims.scope import outermost
from pactwatch.eval.polnear import GoldArticle, Relation, as_relation, matches, pair, read_polnear

log = logging.getLogger(__name__)
MIN_COUNT = 3  # a feature seen fewer times in training gets no weight


@dataclass
class Candidate:
    att: Attribution
    feats: list[str]
    label: bool
    rule: bool
    prob: float = 0.0


@dataclass
class Article:
    gold: GoldArticle
    cands: list[Candidate]


def parsed(path: Path, nlp, cache: Path | None) -> list[tuple[GoldArticle, object]]:
    """The articles of a PolNeAR file with their parses (read from/written to ``cache``)."""
    from spacy.tokens import DocBin

    golds = list(read_polnear(path))
    stored = cache / f"{path.stem}.spacy" if cache else None
    if stored is not None and stored.is_file():
        docs = list(DocBin().from_disk(stored).get_docs(nlp.vocab))
    else:
        docs = list(nlp.pipe((g.text for g in golds), batch_size=8))
        if stored is not None:
            stored.parent.mkdir(parents=True, exist_ok=True)
            DocBin(docs=docs).to_disk(stored)
    return list(zip(golds, docs, strict=True))


def candidates(gold: GoldArticle, doc, lex: Lexicon) -> Article:
    """The article's candidate relations (rule matches and generic readings), labelled."""
    rules = rule_attributions(doc, lex, writer=True)
    out = []
    for rule, atts in ((True, rules), (False, verb_candidates(doc, lex, rules))):
        for att in atts:
            label = any(matches(as_relation(att), g) for g in gold.relations)
            out.append(Candidate(att, features(doc, att, lex), label, rule))
    return Article(gold, out)


def fit(articles: list[Article], c: float):
    """A logistic regression over the features seen at least MIN_COUNT times."""
    from collections import Counter

    from scipy.sparse import csr_matrix
    from sklearn.linear_model import LogisticRegression

    counts = Counter(f for a in articles for x in a.cands for f in set(x.feats))
    vocab = {f: i for i, f in enumerate(sorted(f for f, n in counts.items() if n >= MIN_COUNT))}
    rows, cols, ys = [], [], []
    for r, x in enumerate(x for a in articles for x in a.cands):
        idx = sorted({vocab[f] for f in x.feats if f in vocab})
        rows.extend([r] * len(idx))
        cols.extend(idx)
        ys.append(int(x.label))
    matrix = csr_matrix(([1.0] * len(rows), (rows, cols)), shape=(len(ys), len(vocab)))
    clf = LogisticRegression(C=c, max_iter=2000).fit(matrix, ys)
    weights = {f: round(float(clf.coef_[0][i]), 4) for f, i in vocab.items()
               if abs(clf.coef_[0][i]) >= 1e-3}
    return weights, round(float(clf.intercept_[0]), 4)


def score(articles: list[Article], rule_t: float, gen_t: float) -> tuple[int, int, int]:
    """(true positives, predicted, gold) of extraction with these thresholds."""
    tp = pred = gold = 0
    for art in articles:
        kept = [x.att for x in art.cands if x.rule and (x.prob >= rule_t or not weighed(x.att))]
        extra = best_per_cue([(x.att, x.prob) for x in art.cands
                              if not x.rule and x.prob >= gen_t])
        atts = kept + [a for a in extra if not any(holds(a, k) for k in kept)]
        preds: list[Relation] = [as_relation(a) for a in outermost(atts, art.gold.text)]
        golds = list(art.gold.relations)
        tp, pred, gold = tp + len(pair(preds, golds)), pred + len(preds), gold + len(golds)
    return tp, pred, gold


def _f1(tp: int, pred: int, gold: int) -> tuple[float, float, float]:
    p, r = tp / max(pred, 1), tp / max(gold, 1)
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


def thresholds(articles: list[Article], min_precision: float) -> tuple[float, float, tuple]:
    """The (rule, generic) thresholds of best F1 with precision at least ``min_precision``."""
    best = (0.0, 1.0, (0.0, 0.0, 0.0))
    for rule_t in [i / 20 for i in range(4, 14)]:
        for gen_t in [i / 40 for i in range(12, 32)]:
            p, r, f = _f1(*score(articles, rule_t, gen_t))
            if p >= min_precision and f > best[2][2]:
                best = (rule_t, gen_t, (p, r, f))
    return best


def _probabilities(articles: list[Article], weights: dict[str, float], bias: float) -> None:
    model = CueModel(schema_=SCHEMA, trained_on="", notes="", bias=bias, threshold=0.5,
                     rule_threshold=0.5, weights=weights)
    for art in articles:
        for x in art.cands:
            x.prob = model.probability(x.feats)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--train", type=Path, action="append", required=True)
    ap.add_argument("--tune", type=Path, required=True)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--cache", type=Path, default=None, help="directory for parsed DocBins")
    ap.add_argument("--min-precision", type=float, default=0.85)
    ap.add_argument("--c", type=float, default=0.2, help="inverse L2 regularisation strength")
    ap.add_argument("--refit", action="store_true",
                    help="after choosing the thresholds, fit the weights on --train and --tune")
    args = ap.parse_args(argv)
    for path in (*args.train, args.tune):
        if "dev" in path.name or "test" in path.name:
            ap.error(f"{path}: train on the train parts only")
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    from pactwatch.api import resources_for

    nlp, lex = resources_for().nlp, load_lexicon()
    train = [candidates(g, d, lex) for p in args.train for g, d in parsed(p, nlp, args.cache)]
    tune = [candidates(g, d, lex) for g, d in parsed(args.tune, nlp, args.cache)]
    weights, bias = fit(train, args.c)
    _probabilities(train + tune, weights, bias)
    rule_t, gen_t, (p, r, f) = thresholds(tune, args.min_precision)
    log.info("tune %s: P %.3f R %.3f F1 %.3f (rule >= %.2f, generic >= %.2f)",
             args.tune.name, p, r, f, rule_t, gen_t)
    log.info("train (fitted): P %.3f R %.3f F1 %.3f", *_f1(*score(train, rule_t, gen_t)))
    if args.refit:
        weights, bias = fit(train + tune, args.c)
        log.info("refitted on the --train and --tune files; thresholds kept")
    _write(args, weights, bias, rule_t, gen_t)


def _write(args, weights: dict[str, float], bias: float, rule_t: float, gen_t: float) -> None:
    doc = {"schema": SCHEMA,
           "trained_on": ", ".join(x.name for x in (*args.train, *([args.tune] * args.refit)))
                         + f"; thresholds chosen on {args.tune.name} held out",
           "notes": "PolNeAR 1.0 (Newell, Margolin & Ruths, LREC 2018) train parts; "
                    "python -m pactwatch.training.claims; logistic regression, "
                    f"C={args.c}, features seen >= {MIN_COUNT} times",
           "bias": bias, "threshold": gen_t, "rule_threshold": rule_t,
           "weights": dict(sorted(weights.items()))}
    args.out.write_text(json.dumps(doc, indent=1) + "\n", encoding="utf-8")
    log.info("wrote %s (%d weights)", args.out, len(weights))


if __name__ == "__main__":
    main()
