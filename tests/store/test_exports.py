"""Export formats: one function per format, used by the converters, the CLI and the API."""

import pytest

from pactwatch.errors import PactwatchError
from pactwatch.store import exports
from pactwatch.store.results import Records

ROWS = Records([{"id": "a", "place": {"name": "Kursk"}, "tags": [1]}])


def test_the_converters_are_the_registered_exporters():
    assert ROWS.to_csv() == ROWS.export("csv") == 'id,place.name,tags\na,Kursk,[1]\n'
    assert ROWS.to_jsonl() == ROWS.export("jsonl") == '{"id": "a", "place": {"name": "Kursk"}, "tags": [1]}\n'
    assert ROWS.export("json") == ROWS.to_json() + "\n"
    assert Records().to_jsonl() == "" and Records().to_json() == "[]"


def test_a_new_format_is_one_registered_function(monkeypatch):
    monkeypatch.setitem(exports.EXPORTERS, "ids", lambda rows, out: out.writelines(
        r["id"] + "\n" for r in rows))
    assert "ids" in exports.formats()
    assert Records([{"id": "a"}, {"id": "b"}]).export("ids") == "a\nb\n"


def test_an_unknown_format_is_a_catalogue_error():
    with pytest.raises(PactwatchError, match="PW032"):
        ROWS.export("xml")
