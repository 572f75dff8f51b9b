import pytest

from pactwatch.config import DEFAULT_STAGES, Config
from pactwatch.errors import PactwatchError
from pactwatch.pipeline import Pipeline, StageSpec, check_order, get_stage, list_stages
from pactwatch.records import Article


def test_default_stages_are_registered_in_order():
    specs = [get_stage(name) for name in DEFAULT_STAGES]
    check_order(specs)
    assert {s.name for s in list_stages()} >= set(DEFAULT_STAGES)
    assert all(s.name.startswith("pactwatch.") and s.name.endswith(".v1") for s in specs)


def test_unknown_stage_is_a_clear_error():
    with pytest.raises(PactwatchError, match="PW041.*no.such.v1"):
        get_stage("no.such.v1")


def test_missing_needs_are_caught_before_running():
    spec = StageSpec(name="x.v1", needs=("events",), adds=(), factory=lambda c: None)
    with pytest.raises(PactwatchError, match="PW042: stage 'x.v1' needs events"):
        check_order([spec])


def test_pipeline_runs_end_to_end_and_keeps_order():
    pipe = Pipeline(Config())
    arts = [Article.from_text(t) for t in ("First text here.", "Second one. Two sentences.")]
    outcomes = list(pipe.run(arts))
    assert [o.article.id for o in outcomes] == [a.id for a in arts]
    assert all(o.ok for o in outcomes)
    second = outcomes[1].context
    assert [s.text for s in second.sentences] == ["Second one.", "Two sentences."]
    assert second.article.text[second.sentences[1].start:second.sentences[1].end] == "Two sentences."
