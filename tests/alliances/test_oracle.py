from __future__ import annotations

import csv

import pytest

from pactwatch.alliances import oracle
from pactwatch.alliances.load import load_atop
from pactwatch.db import Database

SAMPLE_YEARS = {1840, 1914, 1925, 1949, 1962, 1990, 1999}


def _sample(atop_dir, tmp_path) -> list:
    out = tmp_path / "ddyr_sample.csv"
    with out.open("w", newline="") as fh:
        writer = None
        for name in ("atop5_1ddyr_1815_1979.csv", "atop5_1ddyr_1980_1999.csv"):
            with (atop_dir / name).open(newline="") as src:
                reader = csv.DictReader(src)
                writer = writer or csv.DictWriter(fh, reader.fieldnames)
                if fh.tell() == 0:
                    writer.writeheader()
                writer.writerows(r for r in reader if int(r["year"]) in SAMPLE_YEARS)
    return [out]


def test_ddyr_agreement_on_sample_years(conn, ref, atop_dir, tmp_path):
    report = oracle.evaluate(conn, ref, _sample(atop_dir, tmp_path))
    assert report.file_rows > 10_000
    assert report.extra_pairs == 0 and report.missing_pairs == 0
    for score in report.scores_without_obvary.values():
        assert score.rate == 1.0
    for score in report.scores.values():
        assert score.rate >= 0.999


@pytest.mark.slow
def test_ddyr_full_member_level_only(atop_dir, ref, tmp_path):
    """All of 1815–1999 with OBVARY left to the member file (no ddyr input to the derivation)."""
    db = Database(f"sqlite:///{tmp_path / 'member_only.db'}")
    with db.transaction() as conn:
        load_atop(conn, ref, atop_dir, obvary_from_ddyr=False)
    files = sorted(atop_dir.glob("atop5_1ddyr_*.csv"))
    with db.engine.connect() as conn:
        report = oracle.evaluate(conn, ref, files)
    assert report.extra_pairs == 0 and report.missing_pairs == 0
    assert all(s.rate == 1.0 for s in report.scores_without_obvary.values())
    assert all(d.obvary for d in report.disagreements)
    assert min(s.rate for s in report.scores.values()) > 0.998


@pytest.mark.slow
def test_ddyr_full_with_obvary_from_ddyr(conn, ref, atop_dir):
    report = oracle.evaluate(conn, ref, sorted(atop_dir.glob("atop5_1ddyr_*.csv")))
    assert all(s.rate >= 0.999 for s in report.scores.values())
