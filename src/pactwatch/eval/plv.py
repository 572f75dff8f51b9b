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

from pactwatch.api import resources_for
from pactwatch.config import Config
from pactwatch.errors import PactwatchError, define
from pactwatch.events.classify import load_classifier, type_pairs, unmark
from pactwatch.events.detect import Draft, detect
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


def read_plv(path: Path, config: Config = Config()) -> list[PlvRow]:
    """The rows of a PLV file, gold types merged as ``config``'s quad classes say (CONCEDE and
    RETREAT as YIELD)."""
    merge = resources_for(config).penta.merge
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle, delimiter="\t")
            missing = [c for c in REQUIRED if c not in (reader.fieldnames or ())]
            if missing:
                raise PactwatchError("PW410", path=str(path), detail=f"missing columns {missing}")
            return [_row(raw, merge) for raw in reader]
    except OSError as exc:
        raise PactwatchError("PW001", path=str(path)) from exc


def _row(raw: dict, merge: dict[str, str]) -> PlvRow:
    text, source, target = unmark(raw["marked_sentence"])
    penta = raw.get("gold_penta") or ""
    return PlvRow(raw["uid"], text, source, target, merge.get(raw["gold_root"], raw["gold_root"]),
                  int(penta) if penta.strip().isdigit() else None)


def _hit(spans: Iterable[tuple[int, int]], span: tuple[int, int] | None) -> bool:
    return span is not None and any(a < span[1] and b > span[0] for a, b in spans)


def _spans(actors) -> list[tuple[int, int]]:
    return [(a.start, a.end) for a in actors if a.start is not None]


def pair_found(events: Iterable[Event], row: PlvRow, merge: dict[str, str]) -> tuple[bool, bool]:
    """(an event links the marked source to the target, one such event has the gold type)."""
    hits = [e for e in events if _hit(_spans(e.source), row.source)
            and (row.target is None or _hit(_spans(e.target), row.target))]
    return bool(hits), any(merge.get(e.type, e.type) == row.gold for e in hits)


def mention_found(drafts: Iterable[Draft], row: PlvRow, merge: dict[str, str]) -> tuple[bool, bool]:
    """As :func:`pair_found`, on the detector's mentions: an argument overlapping the marked span
    counts whether or not it names an actor (PLV marks any noun phrase: "the town", "a decision");
    and in "X and Y agreed ..." the coordinated agents are each other's counterpart."""
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


def score_rows(rows: list[PlvRow], results: list[RowResult], config: Config = Config()) -> PlvReport:
    data = resources_for(config).penta
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

    resources = resources_for(config)
    run = Config(stages=E2E_STAGES, model=config.model, batch_size=config.batch_size, data=config.data)
    pipe = Pipeline(run, resources)
    found = []
    for outcome in pipe.run(Article.from_text(r.text) for r in rows):
        ctx = outcome.context if outcome.ok else None
        found.append([d for sent in ctx.doc.sents
                      for d in detect(sent, resources.events, ctx.actors, keep_unresolved=True)]
                     if ctx is not None and ctx.doc is not None else [])
    return found


def evaluate(rows: list[PlvRow], config: Config = Config(), end_to_end: bool = True,
             classifier: bool = True) -> tuple[PlvReport, list[RowResult]]:
    """Type every row given its pair (rules, plus the learned classifier when installed), run the
    pipeline on the plain sentences, and score."""
    resources = resources_for(config)
    docs = list(resources.nlp.pipe((r.text for r in rows), batch_size=config.batch_size))
    model = load_classifier(config.data.events) if classifier else None
    kinds = type_pairs(docs, [(r.source, r.target) for r in rows], resources.events, model)
    merge, penta = resources.penta.merge, resources.penta.penta
    results = [RowResult(r.uid, merge.get(k, k) if k else None, penta.get(merge.get(k, k)) if k else None)
               for r, k in zip(rows, kinds, strict=True)]
    if end_to_end:
        for result, row, drafts in zip(results, rows, _pipeline_mentions(rows, config), strict=True):
            result.found, result.found_typed = mention_found(drafts, row, merge)
    return score_rows(rows, results, config), results


def write_predictions(results: list[RowResult], path: Path) -> None:
    with path.open("w", encoding="utf-8") as out:
        for r in results:
            out.write(json.dumps({"uid": r.uid, "type": r.type, "penta": r.penta, "found": r.found}) + "\n")
