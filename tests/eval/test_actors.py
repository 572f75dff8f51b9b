"""The actor evaluation: span location from marked sentences, the key, and the thresholds (slow)."""

from __future__ import annotations

from pathlib import Path

import pytest

from pactwatch.eval.actors import default_key, evaluate, read_key, read_plv, unmark

KEY = Path(__file__).resolve().parents[1] / "actors" / "data" / "plv_actor_key.tsv"


def test_unmark_gives_offsets_in_the_plain_sentence():
    plain, spans = unmark("<s>Russia</s> warned <t>the U.S.</t> on Monday.", "u1")
    assert plain == "Russia warned the U.S. on Monday."
    assert [(s.role, plain[s.start:s.end]) for s in spans] == [("source", "Russia"),
                                                              ("target", "the U.S.")]


def test_reader_uses_header_names(tmp_path):
    path = tmp_path / "plv.tsv"
    path.write_text("extra\tmarked_sentence\tuid\n"
                    "x\t<t>Iran</t> was warned by <s>Israeli officials</s>.\tu9\n", encoding="utf-8")
    (row,) = read_plv(path)
    assert row.uid == "u9" and row.sentence == "Iran was warned by Israeli officials."
    assert {s.role: s.text for s in row.spans} == {"target": "Iran", "source": "Israeli officials"}


def test_key_is_well_formed(shared):
    assert default_key() == KEY
    key = read_key(KEY)
    assert len(key) >= 200
    assert all(code == "NONE" or code.isupper() for code in key.values())
    plv = {row.uid: {s.role: s.text for s in row.spans}
           for row in read_plv(shared / "eval" / "plv" / "PLV_train.tsv")}
    lines = [ln.rstrip("\n").split("\t") for ln in KEY.open(encoding="utf-8")
             if ln.strip() and not ln.startswith("#")][1:]
    for uid, role, span, _ in lines:
        assert plv[uid][role].strip() == span.strip(), (uid, role)


def test_scoring_on_two_keyed_rows(shared, tmp_path):
    rows = [ln for ln in (shared / "eval" / "plv" / "PLV_train.tsv").open(encoding="utf-8")]
    sample = [rows[0]] + [r for r in rows if r.startswith(("train-0513\t", "train-0153\t"))]
    path = tmp_path / "plv.tsv"
    path.write_text("".join(sample), encoding="utf-8")
    key = {("train-0513", "source"): "RUS", ("train-0513", "target"): "TUR",
           ("train-0153", "source"): "DEU", ("train-0153", "target"): "NONE"}
    score = evaluate(path, key)
    assert score.precision == 1.0 and score.recall == 1.0
    assert score.coverage == 0.75  # "Greek refugee camps" (a place) gets no actor


@pytest.mark.slow
def test_thresholds_on_the_key(shared):
    """The issue's aims: precision >= 0.95, recall >= 0.90 (measured 0.989 / 0.942)."""
    score = evaluate(shared / "eval" / "plv" / "PLV_train.tsv", read_key(KEY), only_keyed=True)
    assert score.precision >= 0.95
    assert score.recall >= 0.90


def test_the_cli_scores_with_the_configured_data(shared, tmp_path):
    """``pactwatch eval actors --config FILE`` runs the evaluation with the file's data."""
    from typer.testing import CliRunner

    from pactwatch.cli.main import app

    rows = [ln for ln in (shared / "eval" / "plv" / "PLV_train.tsv").open(encoding="utf-8")]
    (tmp_path / "plv.tsv").write_text(rows[0] + next(r for r in rows if r.startswith("train-0513\t")),
                                      encoding="utf-8")
    (tmp_path / "key.tsv").write_text("uid\trole\tspan\tcountry\ntrain-0513\tsource\tRussia\tRUS\n",
                                      encoding="utf-8")
    (tmp_path / "desk.toml").write_text("batch_size = 4\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["eval", "actors", str(tmp_path / "plv.tsv"), "--key",
                                      str(tmp_path / "key.tsv"), "--config", str(tmp_path / "desk.toml")])
    assert result.exit_code == 0, result.output
    assert "keyed spans 1  precision 1.000  recall 1.000" in result.output
