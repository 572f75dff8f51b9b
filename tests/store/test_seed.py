"""The current-treaties file seeded into every store, and reseeded when it changes."""

from datetime import date

from pactwatch.alliances.reference import load_alliance_data
from pactwatch.records import Evidence
from pactwatch.store import seed, writer
from pactwatch.treaties.current import load_current


def test_a_new_store_holds_the_current_treaties(db):
    ids = {t.id for t in db.treaties(source="current")}
    assert ids == {t.id for t in load_current()}


def test_reseeding_keeps_news_evidence_merged_into_a_current_treaty(db):
    treaty = load_current()[0]
    news = Evidence(article_id="a" * 64, sentence=2, start=10, end=60, text="x" * 50)
    with db.transaction() as conn:
        writer.save_treaty(conn, load_alliance_data(), treaty.model_copy(update={"evidence": [news]}),
                           "news.txt")
        seed.set_meta(conn, seed.CURRENT_KEY, "an older file")
        assert seed.seed_current_treaties(conn) is True
        assert seed.seed_current_treaties(conn) is False  # same file: nothing to do
    [stored] = [t for t in db.treaties(source="current") if t.id == treaty.id]
    assert news in stored.evidence
    assert stored.signed == treaty.signed and stored.parties == treaty.parties
    assert date.today() > stored.signed.value
