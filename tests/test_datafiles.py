"""The one reader for shipped data files: every kind of bad file is a catalogue error."""

import pytest
from pydantic import BaseModel, Field

from pactwatch.datafiles import entry_label, load_validated
from pactwatch.errors import CATALOGUE, PactwatchError


class Rules(BaseModel):
    schema_name: str = ""
    words: list[str]


class Item(BaseModel):
    code: str = Field(pattern=r"^[A-Z]{3}$")
    name: str


class Listing(BaseModel):
    schema_: str = Field(alias="schema")
    entries: list[Item]


def load(path, schema=None):
    return load_validated(path, Rules, schema=schema)


@pytest.mark.parametrize("text, detail", [
    ("words: [a, b\n", "while parsing"),
    ("- a\n- b\n", "the top level is not a mapping"),
    ("schema: test.v1\nwords: 3\n", "words: Input should be a valid list"),
    ("schema: other.v1\nwords: [a]\n", "expected schema 'test.v1', found 'other.v1'"),
])
def test_bad_files_name_the_file_and_the_problem(tmp_path, text, detail):
    file = tmp_path / "rules.yaml"
    file.write_text(text, encoding="utf-8")
    with pytest.raises(PactwatchError, match="PW062") as info:
        load(file, schema="test.v1")
    assert str(file) in str(info.value) and detail in str(info.value)


def test_missing_file(tmp_path):
    with pytest.raises(PactwatchError, match="PW061"):
        load(tmp_path / "absent.yaml")


def test_a_good_file(tmp_path):
    file = tmp_path / "rules.yaml"
    file.write_text("schema: test.v1\nwords: [treaty, pact]\n", encoding="utf-8")
    assert load(file, schema="test.v1").words == ["treaty", "pact"]


def test_json_by_its_suffix(tmp_path):
    file = tmp_path / "rules.json"
    file.write_text('{"schema": "test.v1", "words": ["treaty"]}', encoding="utf-8")
    assert load(str(file), schema="test.v1").words == ["treaty"]
    file.write_text('{"schema": "test.v1", "words": [', encoding="utf-8")
    with pytest.raises(PactwatchError, match="PW062") as info:
        load(file, schema="test.v1")
    assert str(file) in str(info.value)


def test_area_codes_for_each_kind_of_problem(tmp_path):
    """An area's own codes: syntax, schema (expected/found) and per-entry (index and label)."""
    codes = {"missing": "PW100", "syntax": "PW101", "wrong_schema": "PW102", "entry": "PW103",
             "invalid": "PW104"}
    file = tmp_path / "groups.yaml"
    cases = [
        ("entries: [a\n", "PW101", "while parsing"),
        ("schema: x.v2\nentries: []\n", "PW102", "expected schema 'x.v1', found 'x.v2'"),
        ("schema: x.v1\nentries:\n  - {code: WST, name: West}\n  - {code: west, name: Westerners}\n",
         "PW103", "entry 1 (code='west'): code: String should match pattern"),
        ("schema: x.v1\nentries: 3\n", "PW104", "entries: Input should be a valid list"),
    ]
    for text, code, detail in cases:
        file.write_text(text, encoding="utf-8")
        with pytest.raises(PactwatchError, match=code) as info:
            load_validated(file, Listing, schema="x.v1", **codes)
        assert str(info.value).startswith(f"{code}: {file}: ") and detail in str(info.value)
    with pytest.raises(PactwatchError, match="PW100"):
        load_validated(tmp_path / "absent.yaml", Listing, schema="x.v1", **codes)


def test_entry_labels():
    assert entry_label({"name": "x", "iso3": "PRK"}) == "iso3='PRK'"
    assert entry_label({"person": "Kim Jong Un"}) == "person='Kim Jong Un'"
    assert entry_label({"other": 1}) == "?" and entry_label("plain") == "'plain'"


def test_codes_are_in_the_catalogue():
    for code in ("PW061", "PW062", "PW100", "PW103", "PW500", "PW520", "PW530", "PW531"):
        assert code in CATALOGUE
