"""Issue 6's scenario: the example article ingested on top of the default registry and ATOP."""

from datetime import date

import pytest

from pactwatch.alliances.load import load_atop, load_cow_states
from pactwatch.db import Database
from pactwatch.readers import Meta

pytestmark = pytest.mark.slow  # loads all of ATOP and runs the pipeline: about 30 s


@pytest.fixture(scope="module")
def news_db(shared, ref, tmp_path_factory, resources):
    db = Database(f"sqlite:///{tmp_path_factory.mktemp('news') / 'news.db'}", resources=resources)
    with db.transaction() as conn:
        load_cow_states(conn, ref, shared / "data" / "cow")
        load_atop(conn, ref, shared / "data" / "atop-5.1")
    report = db.ingest([shared / "examples" / "russia-dprk-defence-pact.txt"],
                       meta=Meta(published=date(2024, 11, 6)))
    assert report.ok and report.stored == 1
    yield db
    db.close()


def test_news_adds_evidence_to_the_known_treaty(news_db):
    [treaty] = [t for t in news_db.treaties(actor="PRK", since=date(2019, 1, 1))
                if set(t.parties) == {"RUS", "PRK"}]
    assert {(o.type, o.from_, o.to) for o in treaty.obligations} >= {
        ("defense", "RUS", "PRK"), ("defense", "PRK", "RUS")}
    steps = {(r.party, r.stage): r for r in treaty.ratification}
    assert steps[("RUS", "lower_house")].date.value == date(2024, 10, 24)
    assert steps[("RUS", "upper_house")].body == "Federation Council"
    assert treaty.evidence, "the article's sentences are evidence on the stored treaty"
    assert {ev.sentence for ev in treaty.evidence} >= {0, 1}  # the pact is named in both


def test_defenders_of_prk_at_end_of_2024(news_db):
    found = news_db.defenders("PRK", date(2024, 12, 31))
    by_state = {f.state: f for f in found.defenders if f.type == "defense"}
    assert {"RUS", "CHN"} <= set(by_state)
    assert by_state["CHN"].atop_id == 3445
    assert by_state["RUS"].proof, "each defender comes with its proof"
