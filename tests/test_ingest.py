"""Ingest end to end through the real pipeline: idempotent, bad inputs named, good ones kept."""

import json

from pactwatch.readers import Meta

GOOD_1 = "Russian troops shelled the town of Kupiansk on Tuesday, Ukrainian officials said."
GOOD_2 = "The foreign ministers of Japan and South Korea met in Tokyo to discuss missile launches."


def mixed_folder(root):
    (root / "nested").mkdir(parents=True)
    (root / "nested" / "one.txt").write_text(GOOD_1)
    (root / "two.jsonl").write_text(json.dumps({"id": "2", "text": GOOD_2}) + "\n{bad json\n")
    (root / "blob.bin").write_bytes(b"\x89PNG\x00\x00\x00")
    (root / "empty.txt").write_text("")
    return root


def test_folder_twice_adds_nothing_the_second_time(db, tmp_path):
    folder = mixed_folder(tmp_path / "in")
    first = db.ingest([folder])
    assert (first.stored, first.skipped, first.failed) == (2, 0, 0)
    assert len(first.errors) == 3
    joined = "\n".join(first.errors)
    for name in ("blob.bin: binary file", "empty.txt: empty file", "two.jsonl: line 2"):
        assert name in joined
    counts = db.counts()
    second = db.ingest([folder])
    assert (second.stored, second.skipped) == (0, 2)
    assert db.counts() == counts


def test_meta_applies_to_plain_text(db, tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(GOOD_1)
    from datetime import date

    db.ingest([path], meta=Meta(source="Desk", published=date(2024, 2, 3)))
    [row] = db.articles()
    assert (row["source"], str(row["published"]), row["origin"]) == ("Desk", "2024-02-03", str(path))


def test_failing_stage_records_the_article_and_goes_on(db, tmp_path):
    from pactwatch.config import Config
    from pactwatch.pipeline import StageSpec, register

    def make(config, resources):
        def run(ctx):
            if "explode" in ctx.article.text:
                raise RuntimeError("boom")
            return ctx
        return run

    register(StageSpec(name="test.explode.v1", reads=("doc",), writes=(), factory=make))
    config = Config(stages=("pactwatch.parse.v1", "test.explode.v1"))
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("This article will explode.")
    (folder / "b.txt").write_text(GOOD_2)
    report = db.ingest([folder], config=config)
    assert (report.stored, report.failed) == (1, 1)
    assert "boom" in report.errors[0]
    failed = [r for r in db.articles() if r["status"] == "failed"]
    assert len(failed) == 1 and "RuntimeError: boom" in failed[0]["error"]


def test_worker_processes_store_what_one_process_stores(db, tmp_path, resources):
    from pactwatch.config import Config
    from pactwatch.db import Database

    folder = mixed_folder(tmp_path / "in")
    report = db.ingest([folder], config=Config(processes=2, batch_size=1))
    assert (report.stored, report.skipped, report.failed, len(report.errors)) == (2, 0, 0, 3)
    with Database(f"sqlite:///{tmp_path / 'one.db'}", resources=resources) as one:
        one.ingest([folder], config=Config())
        assert db.events().to_json() == one.events().to_json()
        assert db.counts() == one.counts() and db.counts()["events"] >= 1
