"""Score attribution extraction against PolNeAR (Newell, Margolin & Ruths, LREC 2018).

Relation level: a predicted attribution is a true positive when it can be paired one-to-one with
a gold attribution of the first annotator such that the cues overlap, the contents overlap, and
the sources overlap — or, when the gold source is empty (``Attribution-no-source``: "reportedly",
"it was reported"), the prediction has no source either (an implicit source must be predicted
as implicit).  Role level: token-overlap precision/recall/F1 of the union of each role's spans
(source, cue, content) over the article, micro-averaged over articles.

The scorer uses only the parse and :func:`pactwatch.claims.attribution.attributions_in` (with
the packaged cue lexicon and cue model); it does not depend on the actors stage.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from pactwatch.claims.attribution import attributions_in
from pactwatch.claims.record import Attribution
from pactwatch.claims.scope import outermost
from pactwatch.claims.spans import CharSpan
from pactwatch.errors import PactwatchError
from pactwatch.resources import Resources

log = logging.getLogger(__name__)

ROLES = ("source", "cue", "content")
WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Relation:
    """An attribution as three lists of character spans (gold or predicted)."""

    source: tuple[CharSpan, ...]
    cue: tuple[CharSpan, ...]
    content: tuple[CharSpan, ...]


@dataclass(frozen=True)
class GoldArticle:
    id: str
    text: str
    relations: tuple[Relation, ...]


@dataclass
class Counts:
    tp: int = 0
    pred: int = 0
    gold: int = 0

    def add(self, tp: int, pred: int, gold: int) -> None:
        self.tp, self.pred, self.gold = self.tp + tp, self.pred + pred, self.gold + gold

    @property
    def precision(self) -> float:
        return self.tp / self.pred if self.pred else 0.0

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict:
        return {"precision": round(self.precision, 4), "recall": round(self.recall, 4),
                "f1": round(self.f1, 4), "tp": self.tp, "predicted": self.pred, "gold": self.gold}


@dataclass(frozen=True)
class Mismatch:
    article: str
    kind: str  # "fp" | "fn"
    source: str
    cue: str
    content: str


@dataclass
class Report:
    articles: int = 0
    relation: Counts = field(default_factory=Counts)
    roles: dict[str, Counts] = field(default_factory=lambda: {r: Counts() for r in ROLES})
    mismatches: list[Mismatch] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {"articles": self.articles, "relation": self.relation.as_dict(),
                "roles": {r: c.as_dict() for r, c in self.roles.items()}}


# ---- reading ------------------------------------------------------------------------------

def _spans(items: list[dict]) -> tuple[CharSpan, ...]:
    return tuple((int(s), int(e)) for item in items for s, e in item.get("spans", []))


def _relation(raw: dict) -> Relation | None:
    rel = Relation(_spans(raw.get("source", [])), _spans(raw.get("cue", [])),
                   _spans(raw.get("content", [])))
    return rel if rel.cue and rel.content else None


def _article(raw: dict) -> GoldArticle:
    annotations = raw.get("annotations") or [{"attributions": []}]
    rels = (_relation(a) for a in annotations[0].get("attributions", []))
    return GoldArticle(id=raw["id"], text=raw["text"], relations=tuple(r for r in rels if r))


def read_polnear(path: Path, limit: int | None = None) -> Iterator[GoldArticle]:
    """The articles of a PolNeAR JSONL file, scored against their first annotator."""
    if not path.is_file():
        raise PactwatchError("PW220", path=path)
    with path.open(encoding="utf-8") as fh:
        for number, line in enumerate(fh, 1):
            if limit is not None and number > limit:
                return
            if not line.strip():
                continue
            try:
                yield _article(json.loads(line))
            except (json.JSONDecodeError, KeyError, TypeError, ValueError) as exc:
                raise PactwatchError("PW221", path=path, line=number, detail=exc) from None


# ---- scoring ------------------------------------------------------------------------------

def _overlap(a: tuple[CharSpan, ...], b: tuple[CharSpan, ...]) -> bool:
    return any(s1 < e2 and s2 < e1 for s1, e1 in a for s2, e2 in b)


def matches(pred: Relation, gold: Relation) -> bool:
    """The relation-level criterion (see the module docstring for empty gold sources)."""
    if not (_overlap(pred.cue, gold.cue) and _overlap(pred.content, gold.content)):
        return False
    if not gold.source:
        return not pred.source
    return _overlap(pred.source, gold.source)


def pair(preds: list[Relation], golds: list[Relation]) -> list[tuple[int, int]]:
    """Greedy one-to-one pairing of predictions with gold relations, in text order."""
    used: set[int] = set()
    pairs = []
    for i, p in enumerate(preds):
        j = next((j for j, g in enumerate(golds) if j not in used and matches(p, g)), None)
        if j is not None:
            used.add(j)
            pairs.append((i, j))
    return pairs


def _tokens(text: str, spans: Iterable[CharSpan]) -> set[int]:
    """Start offsets of the words lying (partly) in the spans."""
    out: set[int] = set()
    for s, e in spans:
        out.update(m.start() for m in WORD.finditer(text, max(0, s - 30), e) if m.end() > s)
    return out


def _role_spans(rels: Iterable[Relation], role: str) -> list[CharSpan]:
    return [span for rel in rels for span in getattr(rel, role)]


def as_relation(att: Attribution) -> Relation:
    return Relation(att.source, att.cue, att.content)


def score_article(report: Report, gold: GoldArticle, preds: list[Relation],
                  keep_errors: bool = False) -> None:
    golds = list(gold.relations)
    pairs = pair(preds, golds)
    report.articles += 1
    report.relation.add(len(pairs), len(preds), len(golds))
    for role in ROLES:
        p = _tokens(gold.text, _role_spans(preds, role))
        g = _tokens(gold.text, _role_spans(golds, role))
        report.roles[role].add(len(p & g), len(p), len(g))
    if keep_errors:
        report.mismatches.extend(_mismatches(gold, preds, golds, pairs))


def _show(text: str, spans: tuple[CharSpan, ...], width: int = 120) -> str:
    shown = " … ".join(text[s:e] for s, e in spans)
    return shown if len(shown) <= width else shown[: width - 1] + "…"


def _mismatches(gold: GoldArticle, preds, golds, pairs) -> Iterator[Mismatch]:
    hit_p = {i for i, _ in pairs}
    hit_g = {j for _, j in pairs}
    for kind, rels, hit in (("fp", preds, hit_p), ("fn", golds, hit_g)):
        for k, rel in enumerate(rels):
            if k not in hit:
                yield Mismatch(gold.id, kind, _show(gold.text, rel.source),
                               _show(gold.text, rel.cue), _show(gold.text, rel.content))


def evaluate(path: Path, resources: Resources, limit: int | None = None,
             keep_errors: bool = False, batch_size: int = 8) -> Report:
    """Parse each article, extract attributions with ``resources``' parser, cue lexicon and cue
    model, and score them against the gold ones."""
    golds = list(read_polnear(path, limit))
    lex, model = resources.claims_lexicon, resources.cue_model
    report = Report()
    docs = resources.nlp.pipe((g.text for g in golds), batch_size=batch_size)
    for gold, doc in zip(golds, docs, strict=True):
        preds = [as_relation(a) for a in outermost(attributions_in(doc, lex, model), gold.text)]
        score_article(report, gold, preds, keep_errors)
    log.info("scored %d PolNeAR articles from %s", report.articles, path)
    return report
