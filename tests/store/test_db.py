"""The store on both engines: idempotence, transactions, merging, queries."""

from datetime import date

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from pactwatch.context import ArticleContext
from pactwatch.pipeline import Outcome
from pactwatch.records import (
    Actor,
    Article,
    Claim,
    ClaimantEntry,
    DateValue,
    Event,
    Evidence,
    Span,
)
from pactwatch.store import writer
from pactwatch.store.schema import metadata

PRK = Actor(name="North Korea", text="North Korean troops", country="PRK", sector="MIL")
RUS = Actor(name="Russia", text="Russia", country="RUS")


def article(text: str, source: str = "Wire A", published=date(2024, 11, 6)) -> Article:
    return Article.from_text(text, source=source, published=published)


def event_in(art: Article, when: DateValue, type_: str = "AID") -> Event:
    ev = Evidence(article_id=art.id, sentence=0, start=0, end=len(art.text), text=art.text)
    return Event(id=f"ev-{art.id[:8]}", type=type_, source=[PRK], target=[RUS], date=when,
                 evidence=[ev])


def claim_in(art: Article, stance: str, who: Actor, subjects=("PRK",), about=()) -> Claim:
    ev = Evidence(article_id=art.id, sentence=0, start=0, end=len(art.text), text=art.text)
    cue = Span(start=0, end=4, text=art.text[:4])
    entry = ClaimantEntry(actor=who, stance=stance, cue=cue)
    return Claim(id=f"cl-{art.id[:8]}", proposition="deploy troop", claimants=[entry],
                 subjects=list(subjects), about=list(about), evidence=[ev])


def outcome(art: Article, events=(), claims=()) -> Outcome:
    ctx = ArticleContext(article=art, events=tuple(events), claims=tuple(claims))
    return Outcome(article=art, context=ctx)


PUBLISHED = DateValue(value=date(2024, 11, 6), precision="published")


def test_store_is_idempotent(db):
    art = article("North Korean troops deployed in Russia.")
    assert db.store(outcome(art, [event_in(art, PUBLISHED)])) == "stored"
    assert db.store(outcome(art, [event_in(art, PUBLISHED)])) == "skipped"
    assert db.counts() == {"articles": 1, "events": 1, "claims": 0, "evidence": 1}


def test_same_event_from_two_articles_is_one_record(db):
    a, b = article("Report one on troops."), article("Report two on troops.", source="Wire B")
    db.store(outcome(a, [event_in(a, PUBLISHED)]))
    db.store(outcome(b, [event_in(b, DateValue(value=date(2024, 11, 4), precision="day"))]))
    [event] = db.events()
    assert len(event.evidence) == 2
    assert (event.num_articles, event.num_sources) == (2, 2)
    assert event.date.precision == "day"


def test_incompatible_dates_stay_apart(db):
    a, b = article("Troops in 2024."), article("Troops in 2019.", published=date(2019, 1, 5))
    db.store(outcome(a, [event_in(a, PUBLISHED)]))
    db.store(outcome(b, [event_in(b, DateValue(value=date(2019, 1, 5), precision="published"))]))
    assert len(db.events()) == 2


def test_failed_article_is_recorded_and_retried(db):
    art = article("Something that failed.")
    assert db.store(Outcome(article=art, error="stage x: boom")) == "failed"
    [row] = db.articles()
    assert row["status"] == "failed" and "boom" in row["error"]
    assert db.store(outcome(art)) == "stored"
    assert [r["status"] for r in db.articles()] == ["stored"]


def test_one_transaction_per_article(db, monkeypatch):
    art = article("Troops and a claim.")

    def broken(conn, claim, batch):
        raise sa.exc.OperationalError("insert", {}, Exception("disk full"))

    monkeypatch.setattr(writer, "save_claim", broken)
    with pytest.raises(sa.exc.OperationalError):
        db.store(outcome(art, [event_in(art, PUBLISHED)], [claim_in(art, "assert", PRK)]))
    assert db.counts() == {"articles": 0, "events": 0, "claims": 0, "evidence": 0}


def test_claims_merge_across_articles_and_become_disputed(db):
    a, b = article("Officials said troops deployed."), article("Moscow denied it.", source="B")
    db.store(outcome(a, claims=[claim_in(a, "concern", Actor(name="West", text="Western officials", country="WST"))]))
    db.store(outcome(b, claims=[claim_in(b, "deny", RUS)]))
    [claim] = db.claims()
    assert claim.status == "disputed" and len(claim.claimants) == 2
    assert {c.article_id for c in claim.claimants} == {a.id, b.id}
    assert db.claims(disputed=True) == [claim]
    assert db.claims(actor="RUS") == [claim]


def test_claims_about_different_actors_stay_apart(db):
    a, b = article("Officials said troops deployed."), article("Kyiv said troops deployed.")
    db.store(outcome(a, claims=[claim_in(a, "assert", RUS, subjects=["PRK"])]))
    db.store(outcome(b, claims=[claim_in(b, "deny", RUS, subjects=["USA"])]))
    c = article("Nobody named.")
    db.store(outcome(c, claims=[claim_in(c, "deny", RUS, subjects=[])]))
    assert sorted(c.status for c in db.claims()) == ["uncontested"] * 3


def test_claims_follow_their_event_into_the_stored_record(db):
    """The second article's event folds into the first's record: its claim must point there."""
    a, b = article("Troops went."), article("Troops went, Moscow denied.", source="Wire B")
    db.store(outcome(a, [event_in(a, PUBLISHED)]))
    ev_b = event_in(b, PUBLISHED)
    db.store(outcome(b, [ev_b], [claim_in(b, "deny", RUS, subjects=[], about=[ev_b.id])]))
    [event] = db.events()
    assert event.id != ev_b.id and len(event.evidence) == 2
    [claim] = db.claims(about=event.id)
    assert claim.about == [event.id]
    c = article("Troops went, Seoul said.", source="Wire C")
    ev_c = event_in(c, PUBLISHED)
    db.store(outcome(c, [ev_c], [claim_in(c, "assert", RUS, subjects=[], about=[ev_c.id])]))
    [claim] = db.claims(about=event.id)
    assert claim.status == "disputed" and claim.num_articles == 2


def test_event_filters(db):
    art = article("Troops.")
    db.store(outcome(art, [event_in(art, DateValue(value=date(2024, 10, 24), precision="day"))]))
    assert len(db.events(actor="PRK")) == 1
    assert len(db.events(actor="north korea")) == 1
    assert db.events(actor="USA") == []
    assert len(db.events(type="aid")) == 1 and db.events(type="ASSAULT") == []
    assert len(db.events(since=date(2024, 10, 1), until=date(2024, 10, 31))) == 1
    assert db.events(since=date(2024, 10, 25)) == []
    assert len(db.events(status="asserted")) == 1


def test_results_convert(db):
    art = article("Troops.")
    db.store(outcome(art, [event_in(art, PUBLISHED)]))
    found = db.events()
    frame = found.to_dataframe()
    assert frame.loc[0, "type"] == "AID" and frame.loc[0, "date.value"] == "2024-11-06"
    assert found.to_csv().splitlines()[0].startswith("id,type")
    assert '"type": "AID"' in found.to_jsonl()


def test_migrations_match_the_schema(db):
    with db.engine.connect() as conn:
        ctx = MigrationContext.configure(conn)
        diff = [d for d in compare_metadata(ctx, metadata) if not _ignorable(d)]
    assert diff == []


def _ignorable(diff) -> bool:
    # alembic's own bookkeeping table is not in our metadata
    return diff[0] == "remove_table" and diff[1].name == "alembic_version"


@pytest.mark.postgres
def test_two_writers_folding_one_event_do_not_both_insert_it(pg_url):
    """Writer B waits on A's merge-key lock, then folds its event into A's record."""
    import threading

    from pactwatch.db import Database

    db = Database(pg_url)
    a, b = article("Wire A on troops."), article("Wire B on troops.", source="Wire B")
    with db.transaction() as conn:
        db.storage.write(conn, outcome(a, [event_in(a, PUBLISHED)]), None)
        other = threading.Thread(target=db.store, args=(outcome(b, [event_in(b, PUBLISHED)]),))
        other.start()
        other.join(timeout=1.0)
        assert other.is_alive(), "writer B did not wait for A's lock"
    other.join(timeout=30)
    [event] = db.events()
    assert event.num_articles == 2
    db.close()


def test_two_named_bodies_of_one_country_stay_two_events_across_articles(db):
    """The State Duma's and the Federation Council's approvals share codes (RUS LEG), not a fact;
    a mention naming no body ("Russian lawmakers") joins the record it agrees with."""
    duma = Actor(name="State Duma", text="the State Duma", country="RUS", sector="LEG")
    council = Actor(name="Federation Council", text="the Federation Council", country="RUS", sector="LEG")
    lawmakers = Actor(name="Russia", text="Russian lawmakers", country="RUS", sector="LEG")
    for text, who in (("Duma.", duma), ("Council.", council), ("Lawmakers.", lawmakers)):
        art = article(text)
        ev = event_in(art, PUBLISHED, "SUPPORT").model_copy(update={"source": [who], "target": []})
        db.store(outcome(art, [ev]))
    assert sorted(len(e.evidence) for e in db.events()) == [1, 2]


def test_cross_article_merging_uses_the_configured_actor_data(db, tmp_path):
    """A body named only in the user's actors folder (the packaged data plus one committee) is a
    body of its own when the store folds a second article's event: the store merges with the
    config's actor data, not the packaged one."""
    import shutil

    import yaml

    from pactwatch.actors.data import default_folder
    from pactwatch.config import Config
    from pactwatch.db import Database

    folder = tmp_path / "actors"
    shutil.copytree(default_folder(), folder)
    path = folder / "institutions.yaml"
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    doc["entries"].append({"name": "Duma Defence Committee", "country": "RUS", "sector": "LEG",
                           "source": "ipu-parline"})
    path.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")
    committee = Actor(name="Duma Defence Committee", text="the Duma's defence committee",
                      country="RUS", sector="LEG")
    duma = Actor(name="State Duma", text="the State Duma", country="RUS", sector="LEG")

    def evidence_per_event(database) -> list[int]:
        for text, who in (("Committee.", committee), ("Duma.", duma)):
            art = article(text)
            ev = event_in(art, PUBLISHED, "SUPPORT").model_copy(update={"source": [who], "target": []})
            database.store(outcome(art, [ev]))
        return sorted(len(e.evidence) for e in database.events())

    assert evidence_per_event(db) == [2]  # packaged data: the committee names no known body
    config = Config().with_data(actors=str(folder))
    with Database(f"sqlite:///{tmp_path / 'custom.db'}", config=config) as custom:
        assert ("Duma Defence Committee", "RUS") in custom.resources.bodies
        assert evidence_per_event(custom) == [1, 1]
