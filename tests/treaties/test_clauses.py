"""The clause classifier on the North Atlantic Treaty and on collected treaty articles."""

from __future__ import annotations

import csv

import pytest
import yaml
from typer.testing import CliRunner

from pactwatch.errors import PactwatchError
from pactwatch.treaties.clauses import classify_clause, code_treaty, load_lexicon, split_articles
from pactwatch.treaties.data import data_path

TYPES = ("defense", "offense", "neutrality", "nonaggression", "consultation")
ATOP_FLAGS = {"defense": "atop_defense", "offense": "atop_offense", "neutrality": "atop_neutral",
              "nonaggression": "atop_nonagg", "consultation": "atop_consul"}


@pytest.fixture(scope="module")
def nat(shared):
    text = (shared / "data" / "treaties" / "north_atlantic_treaty_1949_en.txt").read_text()
    return split_articles(text)


@pytest.fixture(scope="module")
def lex(resources):
    """The clause lexicon of the default resources."""
    return resources.treaties.clause_lexicon


def collected() -> list[dict]:
    return yaml.safe_load(data_path("clauses/collected.yaml").read_text())["clauses"]


def test_nat_splits_into_fourteen_articles(nat):
    assert list(nat) == [f"Art. {i}" for i in range(1, 15)]


def test_nat_articles(nat, lex):
    art5 = classify_clause(nat["Art. 5"], lex)
    assert art5.types() == {"defense"} and art5.mutual
    assert "defcoloc" in art5.condition_names()
    assert classify_clause(nat["Art. 4"], lex).types() == {"consultation"}
    assert classify_clause(nat["Art. 1"], lex).types() == {"nonaggression"}
    for name in ("Art. 2", "Art. 3", "Art. 7", "Art. 8", "Art. 12"):
        assert classify_clause(nat[name], lex).types() == set(), name


def test_nat_treaty_coding_matches_atop_3180(nat, shared, lex):
    with open(shared / "data" / "treaties" / "treaty_test_cases.csv", newline="") as f:
        row = next(r for r in csv.DictReader(f) if r["atopid"] == "3180")
    coding = code_treaty(nat, lex)
    for t in TYPES:
        assert (t in coding.types) == (row[ATOP_FLAGS[t]] == "1"), t
    assert coding.conditions == ["defcoloc"]  # row: defcoloc=42, no other condition


def test_cue_spans_point_into_the_text(lex):
    text = "An armed attack on either Party shall be considered an attack against both."
    coding = classify_clause(text, lex)
    for found in coding.obligations:
        for span in found.cues:
            assert text[span.start:span.end] == span.text


def test_negated_cue_does_not_count(lex):
    text = "Nothing in this Treaty shall be read as a promise to come to the assistance of a Party."
    assert classify_clause(text, lex).types() == set()


def test_general_consultation_is_not_a_consultation_pact(lex):
    text = "The Parties shall consult each other on important international questions of common interest."
    assert classify_clause(text, lex).types() == set()


@pytest.mark.parametrize("clause", collected(), ids=lambda c: c["id"])
def test_collected_clause(clause, lex):
    coding = classify_clause(clause["text"], lex)
    assert sorted(coding.types()) == sorted(clause["expected"]["types"])
    assert sorted(coding.condition_names()) == sorted(clause["expected"]["conditions"])


def test_collected_clauses_agree_with_atop_flags_where_listed(shared, lex):
    with open(shared / "data" / "treaties" / "treaty_test_cases.csv", newline="") as f:
        flags = {r["atopid"]: r for r in csv.DictReader(f) if r["atopid"]}
    for clause in collected():
        row = flags.get(str(clause["atop_id"]))
        if row is None:
            continue
        for t in classify_clause(clause["text"], lex).types():
            assert row[ATOP_FLAGS[t]] == "1", (clause["id"], t)


def test_cli_classify_clause_json():
    import json

    import pactwatch.cli.clauses  # noqa: F401  (registers the command)
    from pactwatch.cli.apps import app

    result = CliRunner().invoke(app, ["classify-clause", "--format", "json",
                                      "Should either Party suffer armed attack, the other Party "
                                      "shall immediately extend military assistance."])
    assert result.exit_code == 0
    data = json.loads(result.output)
    assert [o["name"] for o in data["obligations"]] == ["defense"]


def test_a_lexicon_file_of_ones_own_is_the_one_used(tmp_path, lex):
    text = "The Parties undertake never to quarrel with one another."
    doc = yaml.safe_load(data_path("clause_lexicon.yaml").read_text(encoding="utf-8"))
    doc["nonaggression"].append("never to quarrel")
    file = tmp_path / "clause_lexicon.yaml"
    file.write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    assert classify_clause(text, lex).types() == set()
    assert classify_clause(text, load_lexicon(file)).types() == {"nonaggression"}


def test_a_lexicon_without_its_schema_is_a_coded_error(tmp_path):
    file = tmp_path / "clause_lexicon.yaml"
    file.write_text("schema: something.else\n", encoding="utf-8")
    with pytest.raises(PactwatchError) as info:
        load_lexicon(file)
    assert info.value.code == "PW353"
