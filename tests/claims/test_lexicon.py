"""The claims data files go through the one validating loader: errors name the file."""

import json

import pytest

from pactwatch.claims.cuemodel import load_cue_model
from pactwatch.claims.lexicon import load_lexicon
from pactwatch.errors import CATALOGUE, PactwatchError


def test_missing_files_are_named(tmp_path):
    with pytest.raises(PactwatchError, match=r"PW204: .*none.yaml: claims data file not found"):
        load_lexicon(tmp_path / "none.yaml")
    with pytest.raises(PactwatchError, match=r"PW204: .*none.json"):
        load_cue_model(tmp_path / "none.json")


def test_a_cue_model_with_the_wrong_schema_is_refused(tmp_path):
    file = tmp_path / "model.json"
    file.write_text(json.dumps({"schema": "other", "trained_on": "", "notes": "", "bias": 0,
                                "threshold": 0.5, "rule_threshold": 0.5, "weights": {}}))
    with pytest.raises(PactwatchError, match=r"PW203: .*model.json.*expected schema"):
        load_cue_model(file)


def test_claims_codes_are_in_the_catalogue():
    assert {"PW200", "PW201", "PW202", "PW203", "PW204"} <= set(CATALOGUE)
