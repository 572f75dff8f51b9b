"""One error catalogue: every code the package uses is defined in pactwatch/errors.py, once."""

import pickle
import re
from pathlib import Path

from pactwatch.errors import CATALOGUE, InputError, PactwatchError

SRC = Path(__file__).resolve().parents[1] / "src" / "pactwatch"


def _source_files():
    return [p for p in SRC.rglob("*.py") if p.name != "errors.py"]


def test_every_code_used_is_in_the_catalogue():
    used = {code for p in _source_files()
            for code in re.findall(r"[\"'](PW\d{3})[\"']", p.read_text(encoding="utf-8"))}
    assert used, "expected the package to raise catalogue errors"
    assert sorted(used - set(CATALOGUE)) == []


def test_no_module_defines_codes_of_its_own():
    assert [p.name for p in _source_files() if "ErrorCode(" in p.read_text(encoding="utf-8")] == []


def test_codes_are_defined_once():
    text = (SRC / "errors.py").read_text(encoding="utf-8")
    codes = re.findall(r'ErrorCode\("(PW\d{3})"', text)
    assert len(codes) == len(set(codes)) == len(CATALOGUE)


def test_an_error_survives_pickling_between_processes():
    err = InputError("PW001", path="news/a.txt")
    back = pickle.loads(pickle.dumps(err))
    assert type(back) is InputError and back.code == "PW001" and str(back) == str(err)
    assert isinstance(back, PactwatchError) and back.fields == {"path": "news/a.txt"}
