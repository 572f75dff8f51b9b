"""The treaties stage on the seed article and on sentences about other treaties."""

from __future__ import annotations

from datetime import date

import pytest
import yaml

from pactwatch.config import Config
from pactwatch.pipeline import Pipeline
from pactwatch.records import Article
from pactwatch.resources import Resources
from pactwatch.treaties.data import data_path
from pactwatch.treaties.mentions import extract_treaties

STAGES = ("pactwatch.parse.v1", "pactwatch.actors.v1", "pactwatch.time.v1",
          "pactwatch.treaties.v1")


@pytest.fixture(scope="module")
def pipeline(resources):
    return Pipeline(Config(stages=STAGES), resources)


def treaties(pipeline, text: str, published: date):
    outcome = pipeline.run_one(Article.from_text(text, published=published))
    assert outcome.ok, outcome.error
    return outcome.context.treaties


def steps(treaty):
    return {(r.party, r.stage): r for r in treaty.ratification}


def test_seed_article(pipeline, example_article):
    found = treaties(pipeline, example_article, date(2024, 11, 6))
    assert len(found) == 1
    t = found[0]
    assert t.id == "rus-prk-2024" and set(t.parties) == {"RUS", "PRK"}
    assert {"Vladimir Putin", "Kim Jong Un"} <= set(t.signatories)
    defense = {(o.from_, o.to) for o in t.obligations if o.type == "defense"}
    assert defense == {("RUS", "PRK"), ("PRK", "RUS")}
    s = steps(t)
    assert s[("RUS", "lower_house")].body == "State Duma"
    assert s[("RUS", "lower_house")].date.value == date(2024, 10, 24)
    assert s[("RUS", "upper_house")].body == "Federation Council"
    assert s[("RUS", "upper_house")].evidence  # news evidence merged into the known step
    assert len(t.evidence) >= 4


def test_hungary_ratifies_swedens_accession(pipeline):
    text = ("Hungary's parliament ratified Sweden's NATO accession protocol on February 26, "
            "removing the last obstacle to Sweden joining the alliance.")
    (t,) = treaties(pipeline, text, date(2024, 2, 27))
    assert t.id == "nato-accession-swe-2024"
    step = steps(t)[("HUN", "lower_house")]
    assert step.body == "National Assembly (Hungary)" and step.date.value == date(2024, 2, 26)


def test_philippine_senate_concurs_in_access_agreement(pipeline):
    text = ("The Philippine Senate on Monday ratified the Reciprocal Access Agreement between "
            "the Philippines and Japan, which allows troops of each country to train on the "
            "other's soil.")
    (t,) = treaties(pipeline, text, date(2024, 12, 17))
    assert t.id == "jpn-phl-raa-2024"
    assert steps(t)[("PHL", "upper_house")].body == "Senate of the Philippines"
    assert not [o for o in t.obligations if o.type == "defense"]


def test_unknown_pact_from_clause_description(pipeline):
    text = ("Armenia and Iran signed a mutual defence pact on Tuesday. The pact obliges each "
            "side to provide military assistance in the event of an armed attack on either "
            "country.")
    (t,) = treaties(pipeline, text, date(2026, 3, 4))
    assert t.id.startswith("news-") and set(t.parties) == {"ARM", "IRN"}
    defense = {(o.from_, o.to) for o in t.obligations if o.type == "defense"}
    assert defense == {("ARM", "IRN"), ("IRN", "ARM")}


def test_no_treaty_no_record(pipeline):
    text = "North Korea fired two short-range ballistic missiles into the sea on Tuesday."
    assert treaties(pipeline, text, date(2024, 11, 5)) == ()


# -- the treaty data a run is given -----------------------------------------------------------
COVENANT = "Armenia and Iran signed a friendship covenant in Yerevan on Tuesday."
CURRENT = """\
schema: pactwatch.treaties.current.v1
sources: [{id: s1, cite: A test entry, url: "https://example.org/covenant"}]
treaties:
  - id: arm-irn-2026
    name: Armenia-Iran Friendship Covenant
    aliases: [friendship covenant]
    parties: [ARM, IRN]
    signed: {value: 2026-03-03, precision: day}
    obligations: [{type: consultation, mutual: true}]
    status: signed
    sources: [s1]
"""


@pytest.fixture(scope="module")
def covenant(resources):
    """The covenant sentence through parse, actors and time (everything the treaties stage reads)."""
    outcome = Pipeline(Config(stages=STAGES[:-1]), resources).run_one(
        Article.from_text(COVENANT, published=date(2026, 3, 4)))
    assert outcome.ok, outcome.error
    return outcome.context


def _own_files(tmp_path) -> Config:
    cues = yaml.safe_load(data_path("treaty_cues.yaml").read_text(encoding="utf-8"))
    cues["mentions"].append("friendship covenant")
    (tmp_path / "cues.yaml").write_text(yaml.safe_dump(cues, allow_unicode=True), encoding="utf-8")
    (tmp_path / "current.yaml").write_text(CURRENT, encoding="utf-8")
    return Config().with_data(treaty_cues=str(tmp_path / "cues.yaml"),
                              current_treaties=str(tmp_path / "current.yaml"))


def test_treaty_files_named_in_the_config_reach_extraction(covenant, resources, tmp_path):
    assert extract_treaties(covenant, resources.treaties) == []
    (t,) = extract_treaties(covenant, Resources.build(_own_files(tmp_path)).treaties)
    assert t.id == "arm-irn-2026" and t.name == "Armenia-Iran Friendship Covenant"
    consult = {(o.from_, o.to) for o in t.obligations if o.type == "consultation"}
    assert consult == {("ARM", "IRN"), ("IRN", "ARM")}
