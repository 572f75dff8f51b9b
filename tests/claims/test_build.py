"""Claims: merging, disputed status, event standing, and the example article."""

from __future__ import annotations

from datetime import date

import pytest

from pactwatch.actors import actors_in_doc
from pactwatch.claims.build import build_claims, claim_id
from pactwatch.claims.cuemodel import load_cue_model
from pactwatch.claims.lexicon import load_lexicon
from pactwatch.claims.stage import STAGE
from pactwatch.claims.standing import event_standing
from pactwatch.config import Config
from pactwatch.context import ArticleContext
from pactwatch.parse import sentences_of
from pactwatch.records import Actor, Article, Event, Evidence

LEX, MODEL = load_lexicon(), load_cue_model()


def _ctx(nlp, text, actors=(), events=()):
    article = Article.from_text(text, published=date(2024, 11, 6))
    doc = nlp(article.text)
    return ArticleContext(article=article, doc=doc, sentences=sentences_of(doc),
                          actors=tuple(actors), events=tuple(events))


TEXT = ("Kyiv said that Belarusian troops crossed the border. "
        "Officials in Warsaw also said Belarusian troops crossed the border on Monday. "
        "Minsk denied the troop crossing.")


def test_same_proposition_twice_is_one_claim_and_disputed(nlp):
    claims = build_claims(_ctx(nlp, TEXT), LEX, MODEL)
    crossing = [c for c in claims if "cross" in c.proposition]
    assert len(crossing) == 1
    claim = crossing[0]
    assert len(claim.evidence) == 3
    assert {e.stance for e in claim.claimants} == {"assert", "deny"}
    assert claim.status == "disputed"
    assert {e.source.text for e in claim.claimants} == {"Kyiv", "Officials in Warsaw", "Minsk"}


def test_ids_are_deterministic(nlp):
    first = build_claims(_ctx(nlp, TEXT), LEX, MODEL)
    again = build_claims(_ctx(nlp, TEXT), LEX, MODEL)
    assert [c.id for c in first] == [c.id for c in again]
    article_id = Article.from_text(TEXT).id
    assert first[0].id == claim_id(article_id, first[0].proposition)


def test_uncontested_and_negated(nlp):
    text = "The ministry did not deny that drones were supplied. Analysts said drones were supplied."
    claims = build_claims(_ctx(nlp, text), LEX, MODEL)
    supplied = [c for c in claims if "supply" in c.proposition]
    assert len(supplied) == 1 and supplied[0].status == "uncontested"
    assert [e.stance for e in supplied[0].claimants] == ["assert"]


def test_claimant_resolves_to_actor_from_actors_stage(nlp):
    ctx = _ctx(nlp, "The Kremlin denied that missiles were shipped.")
    kremlin = Actor(name="Russian government", text="The Kremlin", country="RUS", sector="GOV",
                    start=0, end=11)
    claim = build_claims(ctx.with_(actors=(kremlin,)), LEX, MODEL)[0]
    assert claim.claimants[0].actor.country == "RUS"
    assert claim.claimants[0].stance == "deny"


def _event(ctx, sentence, trigger, status="asserted"):
    sent = ctx.sentences[sentence]
    ev = Evidence(article_id=ctx.article.id, sentence=sent.index, start=sent.start, end=sent.end,
                  text=sent.text)
    return Event(id=f"ev{sentence}", type="MOBILIZE", trigger=trigger, status=status, evidence=[ev])


def test_event_reported_with_denial(nlp, resources):
    ctx = _ctx(nlp, TEXT)
    event = _event(ctx, 0, "crossed")
    ctx = ctx.with_(events=(event,))
    claims = build_claims(ctx, LEX, MODEL)
    crossing = next(c for c in claims if "cross" in c.proposition)
    assert crossing.about == ["ev0"]
    updated = event_standing(event, claims, resources.penta)
    assert updated.status == "reported"
    assert {a.text for a in updated.attributed_to} == {"Kyiv", "Officials in Warsaw"}
    assert [a.text for a in updated.denied_by] == ["Minsk"]


def test_event_denied_when_only_denied(nlp, resources):
    ctx = _ctx(nlp, "Minsk denied that its troops crossed the border.")
    event = _event(ctx, 0, "crossed")
    claims = build_claims(ctx.with_(events=(event,)), LEX, MODEL)
    updated = event_standing(event, claims, resources.penta)
    assert updated.status == "denied" and [a.text for a in updated.denied_by] == ["Minsk"]


def test_stage_works_with_no_events(nlp, resources):
    run = STAGE.factory(Config(), resources)
    ctx = run(_ctx(nlp, TEXT))
    assert ctx.claims and ctx.events == ()
    assert STAGE.name == "pactwatch.claims.v1" and set(STAGE.writes) == {"claims", "events"}


# ---- the example article --------------------------------------------------------------

@pytest.fixture(scope="module")
def example_claims(nlp, resources, example_article):
    article = Article.from_text(example_article, published=date(2024, 11, 6))
    doc = nlp(article.text)
    actors = tuple(actors_in_doc(doc, article.published, resources.actor_matching))
    ctx = ArticleContext(article=article, doc=doc, sentences=sentences_of(doc), actors=actors)
    return build_claims(ctx, LEX, MODEL)


def _who(claim, stance):
    return {e.actor.country for e in claim.claimants if e.stance == stance and e.actor is not None}


def _one(claims, word):
    found = [c for c in claims if word in c.proposition.split()]
    assert len(found) == 1, [c.proposition for c in claims]
    return found[0]


def test_example_technology_transfer(example_claims):
    claims = example_claims
    claim = _one(claims, "transfer")
    assert claim.status == "disputed"
    assert len(claim.evidence) >= 3
    assert {"RUS", "PRK"} <= _who(claim, "deny")
    assert "KOR" in _who(claim, "concern")


def test_example_troop_deployment(example_claims):
    claims = example_claims
    claim = _one(claims, "deploy")
    assert claim.status == "disputed"
    assert len(claim.evidence) >= 3
    assert {"RUS", "PRK"} <= _who(claim, "deny")


def test_example_legality_and_minister(example_claims):
    claims = example_claims
    legal = _one(claims, "law")
    assert {e.stance for e in legal.claimants} == {"assert"}
    assert len(legal.evidence) == 2
    assert {"RUS", "PRK"} <= _who(legal, "assert")
    backing = _one(claims, "back")
    minister = backing.claimants[0]
    assert minister.stance == "assert" and "Foreign Minister" in minister.source.text


def test_learned_cues_bear_claims_only_with_a_reported_clause(nlp):
    from pactwatch.claims.build import _claim_bearing
    from pactwatch.claims.record import Attribution

    doc = nlp("The president signed the bill. The envoy described seeing troops cross the border.")
    bill = next(t for t in doc if t.text == "bill")
    seeing = next(t for t in doc if t.text == "seeing")

    def att(root, kind="learned"):
        return Attribution(cue=((0, 3),), stance="assert", kind=kind, source=((0, 3),),
                           content=((root.idx, root.idx + len(root)),), content_root=root.i)
    lex = LEX
    assert not _claim_bearing(doc, att(bill), lex)
    assert _claim_bearing(doc, att(seeing), lex)
    assert _claim_bearing(doc, att(bill, kind="verb"), lex)
