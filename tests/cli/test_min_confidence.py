"""--min-confidence in extract, events and export; min_confidence of Database.events."""

from __future__ import annotations

import json

from typer.testing import CliRunner

import pactwatch
from pactwatch.cli.main import app

TEXT = "Iran condemned Israel on Monday. The government condemned the attack."
runner = CliRunner()


def run(*args):
    return runner.invoke(app, [str(a) for a in args], catch_exceptions=False)


def _lines(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines() if line.strip()]


def test_extract_min_confidence(tmp_path):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    full = json.loads(run("extract", tmp_path / "a.txt", "--published", "2020-01-06").stdout)
    confidences = sorted(e["confidence"] for e in full["events"])
    assert len(confidences) == 2 and confidences[0] < confidences[1]
    cut = run("extract", tmp_path / "a.txt", "--published", "2020-01-06", "--min-confidence", confidences[1])
    assert [e["confidence"] for e in json.loads(cut.stdout)["events"]] == [confidences[1]]


def test_events_export_and_the_api_filter_stored_events(tmp_path):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    db = f"sqlite:///{tmp_path / 's.db'}"
    assert run("ingest", tmp_path / "a.txt", "--db", db, "--published", "2020-01-06").exit_code == 0
    stored = _lines(run("events", "--db", db, "--format", "jsonl").stdout)
    top = max(e["confidence"] for e in stored)
    high = _lines(run("events", "--db", db, "--format", "jsonl", "--min-confidence", top).stdout)
    assert len(stored) == 2 and [e["confidence"] for e in high] == [top]
    exported = _lines(run("export", "--db", db, "--min-confidence", top).stdout)
    assert [e["id"] for e in exported] == [e["id"] for e in high]
    assert run("export", "--db", db, "--what", "claims", "--min-confidence", top).exit_code == 0
    with pactwatch.open(db) as database:
        assert len(database.events(min_confidence=top)) == 1
        assert len(database.events(min_confidence=0)) == len(database.events()) == 2


def test_min_confidence_is_between_0_and_1(tmp_path):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    assert run("extract", tmp_path / "a.txt", "--min-confidence", "1.5").exit_code != 0
