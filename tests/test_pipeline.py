import pytest

from pactwatch.config import DEFAULT_STAGES, Config
from pactwatch.errors import PactwatchError
from pactwatch.pipeline import Pipeline
from pactwatch.records import Article
from pactwatch.stages import StageSpec, check_order, get_stage, list_stages, register


@pytest.fixture(scope="module")
def pipeline(resources):
    return Pipeline(Config(), resources)


def test_default_stages_are_registered_in_order():
    specs = [get_stage(name) for name in DEFAULT_STAGES]
    check_order(specs)
    assert {s.name for s in list_stages()} >= set(DEFAULT_STAGES)
    assert all(s.name.startswith("pactwatch.") and s.name.endswith(".v1") for s in specs)


def test_unknown_stage_is_a_clear_error():
    with pytest.raises(PactwatchError, match="PW041.*no.such.v1"):
        get_stage("no.such.v1")


def test_missing_reads_are_caught_before_running():
    spec = StageSpec(name="x.v1", reads=("events",), writes=(), factory=lambda c, r: None)
    with pytest.raises(PactwatchError, match="PW042: stage 'x.v1' reads events"):
        check_order([spec])


def test_a_stage_declares_only_context_fields():
    with pytest.raises(ValueError, match="unknown context fields"):
        StageSpec(name="x.v1", reads=("doc",), writes=("evnts",), factory=lambda c, r: None)


def test_every_builtin_stage_declares_what_it_reads():
    specs = {s.name: s for s in list_stages()}
    assert set(specs["pactwatch.claims.v1"].writes) == {"claims", "events"}
    assert set(specs["pactwatch.merge.v1"].writes) == {"events", "claims"}
    assert "doc" in specs["pactwatch.events.v1"].reads


def _sneaky(name: str, change) -> tuple[str, ...]:
    def make(config, resources):
        return lambda ctx: change(ctx)

    register(StageSpec(name=name, reads=("doc",), writes=("events",), factory=make))
    return ("pactwatch.parse.v1", name)


def test_an_undeclared_change_stops_the_run(resources):
    stages = _sneaky("test.sneaky_sentences.v1", lambda ctx: ctx.with_(sentences=()))
    with pytest.raises(PactwatchError, match="PW044: stage 'test.sneaky_sentences.v1' changed sentences"):
        list(Pipeline(Config(stages=stages), resources).run([Article.from_text("A text.")]))


def test_a_declared_change_passes(resources):
    stages = _sneaky("test.honest_events.v1", lambda ctx: ctx.with_(events=()))
    (outcome,) = Pipeline(Config(stages=stages), resources).run([Article.from_text("A text.")])
    assert outcome.ok


def test_a_stage_must_return_a_context(resources):
    stages = _sneaky("test.returns_none.v1", lambda ctx: None)
    with pytest.raises(PactwatchError, match="PW044"):
        list(Pipeline(Config(stages=stages), resources).run([Article.from_text("A text.")]))


def test_pipeline_runs_end_to_end_and_keeps_order(pipeline):
    pipe = pipeline
    arts = [Article.from_text(t) for t in ("First text here.", "Second one. Two sentences.")]
    outcomes = list(pipe.run(arts))
    assert [o.article.id for o in outcomes] == [a.id for a in arts]
    assert all(o.ok for o in outcomes)
    second = outcomes[1].context
    assert [s.text for s in second.sentences] == ["Second one.", "Two sentences."]
    assert second.article.text[second.sentences[1].start:second.sentences[1].end] == "Two sentences."


# -- several processes ------------------------------------------------------------------------


def _news(shared, n: int) -> list[Article]:
    import json

    lines = (shared / "eval" / "news" / "wikinews_2019_2021.jsonl").read_text(encoding="utf-8").splitlines()
    return [Article.from_text(json.loads(line)["text"]) for line in lines[:n]]


def _stage(name: str, act) -> tuple[str, ...]:
    def make(config, resources):
        def run(ctx):
            act(ctx.article.text)
            return ctx
        return run

    register(StageSpec(name=name, reads=("doc",), writes=(), factory=make))
    return ("pactwatch.parse.v1", name)


def test_processes_give_the_same_records_in_the_same_order(shared, pipeline, resources):
    from pactwatch.api import to_extraction

    articles = _news(shared, 5)
    one = [to_extraction(o).to_json() for o in pipeline.run(articles)]
    pool = Pipeline(Config(processes=2, batch_size=2), resources)
    outcomes = list(pool.run(articles))
    assert [o.article.id for o in outcomes] == [a.id for a in articles]
    assert [to_extraction(o).to_json() for o in outcomes] == one
    assert all(o.context.doc is None and o.context.sentences for o in outcomes)
    assert pool.run_one(articles[0]).context.doc is not None  # one article stays in this process


def test_a_failure_in_a_worker_fails_only_its_article(resources):
    def explode(text):
        if "explode" in text:
            raise RuntimeError("boom")

    config = Config(stages=_stage("test.worker_explode.v1", explode), processes=2, batch_size=2)
    texts = ["One quiet day.", "This will explode.", "Another quiet day.", "A last one."]
    outcomes = list(Pipeline(config, resources).run(Article.from_text(t) for t in texts))
    assert [o.article.text for o in outcomes] == texts
    assert [o.ok for o in outcomes] == [True, False, True, True]
    assert "RuntimeError: boom" in outcomes[1].error


def test_a_dead_worker_fails_its_batches_and_the_run_goes_on(resources):
    import os

    def die(text):
        if "die" in text:
            os._exit(3)

    config = Config(stages=_stage("test.worker_die.v1", die), processes=2, batch_size=1)
    texts = ["Workers die here."] + [f"Text number {i}." for i in range(7)]
    outcomes = list(Pipeline(config, resources).run(Article.from_text(t) for t in texts))
    assert [o.article.text for o in outcomes] == texts
    assert not outcomes[0].ok and "worker process" in outcomes[0].error
    assert all(o.ok for o in outcomes[4:])  # sent after the pool was started afresh


def test_an_undeclared_change_in_a_worker_stops_the_run(resources):
    stages = _sneaky("test.sneaky_worker.v1", lambda ctx: ctx.with_(doc=None))
    config = Config(stages=stages, processes=2, batch_size=1)
    with pytest.raises(PactwatchError, match="PW044"):
        list(Pipeline(config, resources).run([Article.from_text("A text."), Article.from_text("B.")]))
