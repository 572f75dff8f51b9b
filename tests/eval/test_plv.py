"""The PLV scorer: parsing the format, the metrics, and (slow) the thresholds on the train split."""

import json

import pytest

from pactwatch.errors import PactwatchError
from pactwatch.eval.plv import (
    PlvRow,
    RowResult,
    evaluate,
    macro_f1,
    read_plv,
    score_rows,
    unmark,
    write_predictions,
)


def test_unmark_gives_plain_text_and_spans():
    text, s, t = unmark("Yesterday <s>the army</s> shelled <t>the town</t>.")
    assert text == "Yesterday the army shelled the town."
    assert text[s[0]:s[1]] == "the army" and text[t[0]:t[1]] == "the town"


def test_columns_are_read_by_name_in_any_order(tmp_path):
    path = tmp_path / "x.tsv"
    path.write_text("extra\tgold_root\tmarked_sentence\tuid\tgold_penta\n"
                    "1\tRETREAT\t<s>Rebels</s> freed <t>the hostages</t>.\tu1\t2\n", encoding="utf-8")
    (row,) = read_plv(path)
    assert (row.uid, row.gold, row.gold_penta) == ("u1", "YIELD", 2)


def test_missing_columns_raise_a_coded_error(tmp_path):
    path = tmp_path / "x.tsv"
    path.write_text("uid\tsentence\n1\tx\n", encoding="utf-8")
    with pytest.raises(PactwatchError) as info:
        read_plv(path)
    assert info.value.code == "PW410"


def test_metrics_on_a_hand_made_case():
    rows = [PlvRow(str(i), "", (0, 1), (2, 3), g, p) for i, (g, p) in
            enumerate([("ASSAULT", 4), ("ASSAULT", 4), ("AGREE", 1), ("REJECT", 3)])]
    results = [RowResult("0", "ASSAULT", 4, True, True), RowResult("1", "COERCE", 4, True, False),
               RowResult("2", "AGREE", 1), RowResult("3", None, None)]
    report = score_rows(rows, results)
    assert report.accuracy == 0.5 and report.penta_accuracy == 0.75
    assert report.found == 0.5 and report.found_typed == 0.25
    per = macro_f1([r.gold for r in rows], [x.type for x in results], ("ASSAULT", "AGREE"))
    assert per == {"ASSAULT": pytest.approx(2 / 3), "AGREE": 1.0}


def test_thirty_rows_end_to_end(shared, tmp_path):
    rows = read_plv(shared / "eval" / "plv" / "PLV_train.tsv")[::35][:30]
    report, results = evaluate(rows)
    assert report.rows == 30 and 0.0 <= report.macro_f1 <= report.accuracy + 1
    assert report.accuracy > 0.4  # far above the 0.117 majority baseline even on 30 rows
    out = tmp_path / "pred.jsonl"
    write_predictions(results, out)
    lines = [json.loads(line) for line in out.read_text().splitlines()]
    assert len(lines) == 30 and set(lines[0]) == {"uid", "type", "penta", "found"}


@pytest.fixture(scope="module")
def full_report(shared):
    report, _ = evaluate(read_plv(shared / "eval" / "plv" / "PLV_train.tsv"))
    return report


@pytest.mark.slow
def test_full_train_split_reaches_what_was_measured(full_report):
    # measured 2026-11-29 after issue #4: given the pair, accuracy 0.806 / macro-F1 0.781 / penta 0.877
    # with the classifier fallback (0.800 / 0.783 rules only); end to end, found 0.782, typed 0.667
    assert full_report.penta_accuracy >= 0.86
    assert full_report.macro_f1 >= 0.75  # the target
    assert full_report.found >= 0.70  # the target
    assert full_report.found_typed >= 0.65


@pytest.mark.slow
def test_full_train_split_meets_the_accuracy_target(full_report):
    assert full_report.accuracy >= 0.80  # the target; measured 0.806
