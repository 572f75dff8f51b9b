"""The one reader for shipped data files: every kind of bad file is a catalogue error."""

import pytest
from pydantic import BaseModel

from pactwatch import errors
from pactwatch.datafiles import load_validated
from pactwatch.errors import PactwatchError

errors.define("PW991", "{path}: test data file not found")
errors.define("PW992", "{path}: not a valid test data file ({detail})")


class Rules(BaseModel):
    schema_name: str = ""
    words: list[str]


def load(path, schema=None):
    return load_validated(path, Rules, missing="PW991", invalid="PW992", schema=schema)


@pytest.mark.parametrize("text, detail", [
    ("words: [a, b\n", "while parsing"),
    ("- a\n- b\n", "the top level is not a mapping"),
    ("schema: test.v1\nwords: 3\n", "words: Input should be a valid list"),
    ("schema: other.v1\nwords: [a]\n", "expected schema 'test.v1', found 'other.v1'"),
])
def test_bad_files_name_the_file_and_the_problem(tmp_path, text, detail):
    file = tmp_path / "rules.yaml"
    file.write_text(text, encoding="utf-8")
    with pytest.raises(PactwatchError, match="PW992") as info:
        load(file, schema="test.v1")
    assert str(file) in str(info.value) and detail in str(info.value)


def test_missing_file(tmp_path):
    with pytest.raises(PactwatchError, match="PW991"):
        load(tmp_path / "absent.yaml")


def test_a_good_file(tmp_path):
    file = tmp_path / "rules.yaml"
    file.write_text("schema: test.v1\nwords: [treaty, pact]\n", encoding="utf-8")
    assert load(file, schema="test.v1").words == ["treaty", "pact"]
