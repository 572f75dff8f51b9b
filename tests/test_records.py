import json

import pytest
from hypothesis import given

from pactwatch import records as r
from tests import strategies as s


@pytest.mark.parametrize("strategy,model", [
    (s.events, r.Event), (s.claims, r.Claim), (s.treaties, r.Treaty), (s.articles, r.Article),
    (s.actors, r.Actor), (s.places, r.Place), (s.evidence, r.Evidence),
])
def test_json_round_trip(strategy, model):
    @given(strategy)
    def check(record):
        assert model.from_json(record.to_json()) == record

    check()


def test_design_keys_are_the_json_keys():
    event = r.Event(id="e1", type="AGREE")
    assert {"id", "type", "mode", "context", "source", "target", "date", "location", "quantity",
            "status", "attributed_to", "denied_by", "cameo", "confidence",
            "evidence"} <= set(event.to_dict())
    claim = r.Claim(id="c1", proposition="p")
    assert {"id", "proposition", "claimants", "about", "status", "evidence"} <= set(claim.to_dict())
    treaty = r.Treaty(id="t", name="n", obligations=[r.Obligation(type="defense", **{"from": "RUS"}, to="PRK")])
    data = treaty.to_dict()
    assert {"id", "name", "parties", "signed", "signatories", "obligations", "ratification",
            "status", "atop_id", "evidence"} <= set(data)
    assert data["obligations"][0]["from"] == "RUS"


def test_article_id_is_hash_of_normalised_text():
    a = r.Article.from_text("  Troops moved.\r\n")
    b = r.Article.from_text("Troops moved.\n")
    assert a.id == b.id == r.content_hash("Troops moved.")
    assert len(a.id) == 64


def test_unknown_keys_are_rejected():
    with pytest.raises(ValueError):
        r.Actor.model_validate_json(json.dumps({"name": "x", "text": "x", "colour": "red"}))


def test_records_are_immutable():
    actor = r.Actor(name="Russia", text="Russia", country="RUS")
    with pytest.raises(ValueError):
        actor.country = "PRK"
