"""The PolNeAR scorer: a fast check on three dev articles, and the dev thresholds (slow)."""

from __future__ import annotations

import json

import pytest

from pactwatch.eval.polnear import Relation, evaluate, matches, read_polnear


def test_matching_rule():
    gold = Relation(source=((0, 5),), cue=((6, 10),), content=((11, 30),))
    assert matches(Relation(((0, 3),), ((6, 10),), ((15, 20),)), gold)
    assert not matches(Relation(((40, 45),), ((6, 10),), ((15, 20),)), gold)
    assert not matches(Relation(((0, 3),), ((6, 10),), ((31, 40),)), gold)
    implicit = Relation(source=(), cue=((6, 10),), content=((11, 30),))
    assert matches(Relation((), ((6, 10),), ((12, 14),)), implicit)
    assert not matches(Relation(((0, 3),), ((6, 10),), ((12, 14),)), implicit)


def test_reader_uses_first_annotator(shared, tmp_path):
    line = {"id": "x", "text": "He said it rained.", "annotations": [
        {"annotator": "a", "attributions": [{"id": "T1", "type": "Attribution",
         "source": [{"spans": [[0, 2]], "text": "He"}], "cue": [{"spans": [[3, 7]], "text": "said"}],
         "content": [{"spans": [[8, 17]]}]}]},
        {"annotator": "b", "attributions": []}]}
    path = tmp_path / "one.jsonl"
    path.write_text(json.dumps(line) + "\n")
    (article,) = read_polnear(path)
    assert article.relations == (Relation(((0, 2),), ((3, 7),), ((8, 17),)),)


def test_scorer_on_three_dev_articles(shared, resources):
    report = evaluate(shared / "eval/polnear/polnear_dev.jsonl", resources, limit=3, keep_errors=True)
    assert report.articles == 3
    rel = report.relation
    assert rel.gold > 0 and rel.pred > 0 and 0 < rel.tp <= min(rel.pred, rel.gold)
    assert rel.precision > 0.5
    assert set(report.roles) == {"source", "cue", "content"}
    assert len(report.mismatches) == (rel.pred - rel.tp) + (rel.gold - rel.tp)


@pytest.fixture(scope="module")
def dev_report(shared, resources):
    return evaluate(shared / "eval/polnear/polnear_dev.jsonl", resources)


@pytest.mark.slow
def test_dev_floor(dev_report):
    """What rules and cue model reach now (dev, 82 articles: P 0.862, R 0.667, F1 0.752; round 3
    was P 0.873, R 0.649, F1 0.745; round 2 P 0.880, R 0.634, F1 0.737; round 1 P 0.885,
    R 0.603, F1 0.717; the rules alone were P 0.852, R 0.568, F1 0.682): a regression floor,
    kept below the measured figures by a small margin."""
    assert dev_report.relation.precision >= 0.855
    assert dev_report.relation.f1 >= 0.745


@pytest.mark.slow
def test_dev_issue_target(dev_report):
    """Issue 5's aim on the dev split: relation F1 at least 0.75 with precision at least 0.85."""
    assert dev_report.relation.precision >= 0.85
    assert dev_report.relation.f1 >= 0.75
