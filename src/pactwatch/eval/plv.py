"""Score pactwatch on the PLV format (Hu et al., ACL 2024): typing given the pair, and end to end.

(a) Given the marked source and target, the PLOVER type (CONCEDE and RETREAT scored as YIELD):
accuracy and macro-F1 over the 15 PLV labels, and penta (quad) accuracy.  (b) From the plain
sentence through the pipeline: the share of rows where an event whose source and target overlap
the marked spans is found, and found with the right type.  Columns are read by header name.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from pactwatch.config import Config
from pactwatch.errors import PactwatchError, define
from pactwatch.events.classify import load_classifier, type_pairs, unmark
from pactwatch.events.detect import Draft, detect
from pactwatch.events.lexicon import load_lexicon
from pactwatch.events.quad import penta_data
from pactwatch.records import Article, Event

define("PW410", "{path}: not a PLV file ({detail})")
REQUIRED = ("uid", "marked_sentence", "gold_root")
E2E_STAGES = ("pactwatch.parse.v1", "pactwatch.actors.v1", "pactwatch.time.v1", "pactwatch.places.v1",
              "pactwatch.events.v1")


@dataclass(frozen=True)
class PlvRow:
    uid: str
    text: str
    source: tuple[int, int] | None
    target: tuple[int, int] | None
    gold: str
    gold_penta: int | None


@dataclass
class RowResult:
    uid: str
    type: str | None
    penta: int | None
    found: bool = False
    found_typed: bool = False


@dataclass
class PlvReport:
    rows: int
    accuracy: float
    macro_f1: float
    penta_accuracy: float
    found: float
    found_typed: float
    per_type: dict[str, float] = field(default_factory=dict)

    def to_dict(self) -> dict:
        return dict(self.__dict__)


def read_plv(path: Path) -> list[PlvRow]:
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle, delimiter="\t")
            missing = [c for c in REQUIRED if c not in (reader.fieldnames or ())]
            if missing:
                raise PactwatchError("PW410", path=str(path), detail=f"missing columns {missing}")
            return [_row(raw) for raw in reader]
    except OSError as exc:
        raise PactwatchError("PW001", path=str(path)) from exc


def _row(raw: dict) -> PlvRow:
    text, source, target = unmark(raw["marked_sentence"])
    merge = penta_data().merge
    penta = raw.get("gold_penta") or ""
    return PlvRow(raw["uid"], text, source, target, merge.get(raw["gold_root"], raw["gold_root"]),
                  int(penta) if penta.strip().isdigit() else None)


def _hit(spans: Iterable[tuple[int, int]], span: tuple[int, int] | None) -> bool:
    return span is not None and any(a < span[1] and b > span[0] for a, b in spans)


def _spans(actors) -> list[tuple[int, int]]:
    return [(a.start, a.end) for a in actors if a.start is not None]


def pair_found(events: Iterable[Event], row: PlvRow) -> tuple[bool, bool]:
    """(an event links the marked source to the target, one such event has the gold type)."""
    merge = penta_data().merge
    hits = [e for e in events if _hit(_spans(e.source), row.source)
            and (row.target is None or _hit(_spans(e.target), row.target))]
    return bool(hits), any(merge.get(e.type, e.type) == row.gold for e in hits)


def mention_found(drafts: Iterable[Draft], row: PlvRow) -> tuple[bool, bool]:
    """As :func:`pair_found`, on the detector's mentions: an argument overlapping the marked span
    counts whether or not it names an actor (PLV marks any noun phrase: "the town", "a decision");
    and in "X and Y agreed ..." the coordinated agents are each other's counterpart."""
    merge = penta_data().merge
    hits = [d for d in drafts if _links(d, row)]
    return bool(hits), any(merge.get(d.type, d.type) == row.gold for d in hits)


def _links(draft: Draft, row: PlvRow) -> bool:
    sources = list(draft.source_spans) + _spans(draft.source)
    at = [s for s in sources if _hit([s], row.source)]
    if not at or row.target is None:
        return bool(at)
    partners = [s for s in draft.source_spans if s not in at]
    return _hit(list(draft.target_spans) + _spans(draft.target) + partners, row.target)


def macro_f1(gold: list[str], pred: list[str | None], labels: tuple[str, ...]) -> dict[str, float]:
    scores = {}
    for label in labels:
        tp = sum(g == label and p == label for g, p in zip(gold, pred, strict=True))
        fp = sum(g != label and p == label for g, p in zip(gold, pred, strict=True))
        fn = sum(g == label and p != label for g, p in zip(gold, pred, strict=True))
        scores[label] = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    return scores


def score_rows(rows: list[PlvRow], results: list[RowResult]) -> PlvReport:
    data = penta_data()
    gold, pred = [r.gold for r in rows], [r.type for r in results]
    per = macro_f1(gold, pred, data.labels)
    n = max(len(rows), 1)
    penta_rows = [(r, x) for r, x in zip(rows, results, strict=True) if r.gold_penta is not None]
    return PlvReport(
        rows=len(rows), accuracy=sum(g == p for g, p in zip(gold, pred, strict=True)) / n,
        macro_f1=sum(per.values()) / len(per),
        penta_accuracy=sum(r.gold_penta == x.penta for r, x in penta_rows) / max(len(penta_rows), 1),
        found=sum(x.found for x in results) / n, found_typed=sum(x.found_typed for x in results) / n,
        per_type={k: round(v, 3) for k, v in per.items()},
    )


def _pipeline_mentions(rows: list[PlvRow], config: Config) -> list[list[Draft]]:
    """Run parse, actors, time, places and events on each plain sentence; the detector's mentions."""
    from pactwatch.pipeline import Pipeline

    lex = load_lexicon(config.extra.get("events_data"))
    pipe = Pipeline(Config(stages=E2E_STAGES, model=config.model, batch_size=config.batch_size,
                           extra=config.extra))
    found = []
    for outcome in pipe.run(Article.from_text(r.text) for r in rows):
        ctx = outcome.context if outcome.ok else None
        found.append([d for sent in ctx.doc.sents for d in detect(sent, lex, ctx.actors, keep_unresolved=True)]
                     if ctx is not None and ctx.doc is not None else [])
    return found


def evaluate(rows: list[PlvRow], config: Config = Config(), end_to_end: bool = True,
             classifier: bool = True) -> tuple[PlvReport, list[RowResult]]:
    """Type every row given its pair (rules, plus the learned classifier when installed), run the
    pipeline on the plain sentences, and score."""
    from pactwatch.api import resources_for

    nlp = resources_for(config).nlp
    docs = list(nlp.pipe((r.text for r in rows), batch_size=config.batch_size))
    model = load_classifier(config.extra.get("events_data")) if classifier else None
    lex = load_lexicon(config.extra.get("events_data"))
    kinds = type_pairs(docs, [(r.source, r.target) for r in rows], lex, model)
    merge, penta = penta_data().merge, penta_data().penta
    results = [RowResult(r.uid, merge.get(k, k) if k else None, penta.get(merge.get(k, k)) if k else None)
               for r, k in zip(rows, kinds, strict=True)]
    if end_to_end:
        for result, row, drafts in zip(results, rows, _pipeline_mentions(rows, config), strict=True):
            result.found, result.found_typed = mention_found(drafts, row)
    return score_rows(rows, results), results


def write_predictions(results: list[RowResult], path: Path) -> None:
    with path.open("w", encoding="utf-8") as out:
        for r in results:
            out.write(json.dumps({"uid": r.uid, "type": r.type, "penta": r.penta, "found": r.found}) + "\n")
