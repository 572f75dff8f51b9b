"""The CLI in-process (typer's runner): thin commands over the library."""

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pactwatch.cli.main import app

REPO = Path(__file__).resolve().parents[2]
runner = CliRunner()


def run(*args):
    return runner.invoke(app, [str(a) for a in args], catch_exceptions=False)


def test_extract_prints_the_documented_json(shared):
    path = shared / "examples" / "russia-dprk-defence-pact.txt"
    result = run("extract", path, "--published", "2024-11-06", "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert set(data) == {"article", "events", "claims", "treaties"}
    assert data["article"]["published"] == "2024-11-06"
    text = data["article"]["text"]
    for kind in ("events", "claims", "treaties"):
        for record in data[kind]:
            for ev in record["evidence"]:
                assert text[ev["start"]:ev["end"]] == ev["text"]


def test_bad_date_is_a_clear_error(tmp_path):
    (tmp_path / "a.txt").write_text("Text.")
    result = run("extract", tmp_path / "a.txt", "--published", "06/11/2024")
    assert result.exit_code == 2
    assert "PW020" in result.stderr and "Traceback" not in result.output


def test_missing_file_is_a_clear_error(tmp_path):
    result = run("extract", tmp_path / "nope.txt")
    assert result.exit_code == 1 and "nope.txt: file not found" in result.stderr


def test_ingest_names_bad_inputs_and_exits_non_zero(tmp_path):
    (tmp_path / "good.txt").write_text("Iran and Iraq signed a border security agreement on Monday.")
    (tmp_path / "bad.bin").write_bytes(b"\x00\x01")
    db = f"sqlite:///{tmp_path / 's.db'}"
    result = run("ingest", tmp_path, "--db", db)
    assert result.exit_code == 1
    assert "bad.bin: binary file" in result.stderr
    assert "stored 1" in result.stdout
    again = run("ingest", tmp_path / "good.txt", "--db", db)
    assert again.exit_code == 0 and "skipped 1" in again.stdout


def test_queries_and_exports_on_the_demo_store(demo_db, tmp_path):
    db = demo_db.url
    for fmt in ("table", "json", "csv"):
        assert run("events", "--db", db, "--format", fmt).exit_code == 0
        assert run("claims", "--db", db, "--format", fmt).exit_code == 0
    as_json = json.loads(run("events", "--db", db, "--format", "json").stdout)
    assert isinstance(as_json, list)
    out = tmp_path / "events.jsonl"
    assert run("export", "--db", db, "--format", "jsonl", "--output", out).exit_code == 0
    assert len(out.read_text().splitlines()) == len(as_json)
    articles = run("export", "--db", db, "--what", "articles", "--format", "csv").stdout
    assert articles.splitlines()[0].startswith("id,")
    assert "1 articles" in run("summary", "--db", db).stdout


def test_a_config_file_names_the_store_and_the_options_override_it(tmp_path):
    settings = tmp_path / "pactwatch.toml"
    store = tmp_path / "from-file.db"
    settings.write_text(f'db = "sqlite:///{store}"\n', encoding="utf-8")
    result = run("summary", "--config", settings)
    assert result.exit_code == 0, result.output
    assert "from-file.db" in result.stdout
    result = run("summary", "--config", settings, "--db", f"sqlite:///{tmp_path / 'from-flag.db'}")
    assert "from-flag.db" in result.stdout and "from-file.db" not in result.stdout


def test_options_given_override_the_config_file_and_the_others_keep_its_values(tmp_path):
    from pactwatch.cli.apps import load_config

    settings = tmp_path / "pactwatch.yaml"
    settings.write_text("processes: 3\nmax_bytes: 10\ndata:\n  actors: my-actors\n", encoding="utf-8")
    config = load_config(settings, processes=None, max_bytes=20, batch_size=None)
    assert (config.processes, config.max_bytes, config.batch_size) == (3, 20, 16)
    assert config.data.actors == str((tmp_path / "my-actors").resolve())


def test_a_bad_config_file_is_a_clear_error(tmp_path):
    (tmp_path / "bad.yaml").write_text("processes: 2\nthreads: 4\n", encoding="utf-8")
    result = run("events", "--config", tmp_path / "bad.yaml", "--db", f"sqlite:///{tmp_path / 's.db'}")
    assert result.exit_code == 2
    assert "PW043" in result.stderr and "threads" in result.stderr and "Traceback" not in result.output


@pytest.mark.parametrize("command", [
    ("ingest",), ("extract",), ("actors",), ("events",), ("claims",), ("treaties",), ("export",),
    ("summary",), ("pipeline",), ("eval", "plv"), ("eval", "polnear"), ("eval", "actors"),
    ("eval", "atop-ddyr"), ("ask", "defenders"), ("ask", "attack"), ("ask", "network"),
    ("reference", "load", "atop"), ("reference", "load", "cow-states")])
def test_commands_that_run_the_pipeline_or_open_the_store_take_a_config_file(command):
    result = run(*command, "--help")
    assert result.exit_code == 0 and "--config" in result.stdout


def test_pipeline_lists_stages_with_needs_and_adds():
    result = run("pipeline")
    assert result.exit_code == 0
    for name in ("parse", "actors", "events", "claims", "treaties", "merge"):
        assert f"pactwatch.{name}" in result.stdout


def _commands(typer_app, prefix=()):
    import typer.main

    group = typer.main.get_command(typer_app)
    yield from _walk(group, prefix)


def _walk(command, prefix):
    for name, sub in getattr(command, "commands", {}).items():
        path = (*prefix, name)
        if getattr(sub, "commands", None):
            yield from _walk(sub, path)
        else:
            yield " ".join(path)


def test_every_command_is_documented():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"pactwatch ([a-z][a-z -]*[a-z])", readme))
    missing = [c for c in _commands(app) if not any(d.startswith(c) for d in documented)]
    assert missing == [], f"commands missing from README.md: {missing}"


@pytest.mark.parametrize("option", ["--db", "--format"])
def test_common_options_are_documented(option):
    assert option in (REPO / "README.md").read_text(encoding="utf-8")


def test_eval_plv_given_pair_only_says_the_end_to_end_run_was_skipped(tmp_path):
    path = tmp_path / "plv.tsv"
    path.write_text("uid\tmarked_sentence\tgold_root\tgold_penta\n"
                    "u1\t<s>Rebels</s> shelled <t>the town</t>.\tASSAULT\t4\n", encoding="utf-8")
    result = run("eval", "plv", path, "--given-pair-only", "--rules-only")
    assert result.exit_code == 0, result.output
    assert "rows 1" in result.stdout and "not run (--given-pair-only)" in result.stdout
    assert "pair found" not in result.stdout
