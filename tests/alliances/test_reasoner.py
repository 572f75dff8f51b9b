from __future__ import annotations

import json
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pactwatch.alliances import reasoner, repository
from pactwatch.records import DateValue, Evidence, Obligation, Ratification, Treaty

NATO = ["USA", "CAN", "GBR", "FRA", "DEU", "ITA", "NLD", "BEL", "LUX", "NOR", "DNK", "PRT", "ISL",
        "TUR", "GRC", "ESP", "POL", "HUN", "CZE", "EST", "LVA", "LTU", "ROU", "BGR", "SVK",
        "SVN", "ALB", "HRV", "MNE"]


def states(findings, status=None):
    return {f.state for f in findings if status is None or f.status == status}


def test_prk_defended_by_china_in_2018(conn, ref):
    found = reasoner.defenders(conn, ref, "PRK", date(2018, 12, 31))
    china = next(f for f in found if f.state == "CHN")
    assert china.atop_id == 3445 and china.status == "unconditional"
    assert china.proof[0].rule == "atop-member-coding"
    assert "atopid=3445" in china.proof[0].records[0]


def test_japan_does_not_defend_the_usa(conn, ref):
    assert "USA" in states(reasoner.defenders(conn, ref, "JPN", date(1970, 1, 1)))
    us_defenders = reasoner.defenders(conn, ref, "USA", date(1970, 1, 1))
    assert not any(f.state == "JPN" and f.atop_id == 3375 for f in us_defenders)


@pytest.mark.parametrize("member", ["POL", "TUR", "EST", "MNE"])
def test_nato_members_defend_each_other(conn, member, ref):
    on = date(2018, 6, 1)
    nato = {f.state for f in reasoner.defenders(conn, ref, member, on) if f.atop_id == 3180}
    assert nato == set(NATO) - {member}


def test_adversary_condition_fires_only_against_the_named_adversary(conn, ref):
    on = date(1955, 1, 1)
    by_japan = reasoner.attack(conn, ref, "JPN", "CHN", on)
    by_usa = reasoner.attack(conn, ref, "USA", "CHN", on)
    assert any(f.state == "RUS" and f.atop_id == 3200 for f in by_japan.direct)
    assert not any(f.state == "RUS" and f.atop_id == 3200 for f in by_usa.direct)
    failed = next(f for f in by_usa.not_firing if f.atop_id == 3200)
    assert failed.conditions[0].result == "fails"


def test_unnamed_conditions_are_reported_as_conditional(conn, ref):
    found = reasoner.defenders(conn, ref, "CHN", date(1955, 1, 1))
    soviet = next(f for f in found if f.atop_id == 3200)
    assert soviet.status == "conditional"  # no attacker given: adversary cannot be checked


def test_attack_chain_conflict_and_nonaggression(conn, ref):
    answer = reasoner.attack(conn, ref, "RUS", "EST", date(2018, 12, 31))
    assert {"USA", "GBR", "FRA"} <= states(answer.direct)
    for chained in answer.chained:
        links = chained.chain
        assert links[0].to == "EST" and links[-1].state == chained.state
        assert all(a.state == b.to for a, b in zip(links, links[1:], strict=False))
    conflicted = {c.state for c in answer.conflicted}
    assert conflicted <= states(answer.direct) | {c.state for c in answer.chained}
    assert any("RUS" in p.states and p.to == "EST" for p in answer.nonaggression)
    json.loads(answer.model_dump_json())


def test_news_treaty_plugs_in_as_rows(atop_db, ref):
    evidence = Evidence(article_id="a" * 64, sentence=3, start=10, end=90,
                        text="The treaty mandates mutual military assistance.")
    treaty = Treaty(
        id="test-rus-prk-2024", name="Treaty on Comprehensive Strategic Partnership",
        parties=["RUS", "PRK"], signed=DateValue(value=date(2024, 6, 19), precision="day"),
        obligations=[Obligation(type="defense", **{"from": "RUS"}, to="PRK",
                                conditions=["attack on a party", "article:4"]),
                     Obligation(type="defense", **{"from": "PRK"}, to="RUS",
                                conditions=["attack on a party", "article:4"])],
        ratification=[Ratification(party="RUS", stage="lower_house", body="State Duma",
                                   date=DateValue(value=date(2024, 10, 24), precision="day"))],
        evidence=[evidence])
    with atop_db.transaction() as conn:
        repository.save_treaty(conn, ref, treaty, origin="test", source="news")
    try:
        with atop_db.engine.connect() as conn:
            found = reasoner.defenders(conn, ref, "PRK", date(2024, 12, 31))
            assert "RUS" not in states(reasoner.defenders(conn, ref, "PRK", date(2024, 1, 1)))
        russia = next(f for f in found if f.treaty_id == "test-rus-prk-2024")
        assert {"CHN", "RUS"} <= states(found)
        assert russia.article == "4" and russia.status == "unconditional"
        assert russia.evidence == [evidence] and russia.source == "news"
        assert russia.conditions[0].result == "not_restrictive"
    finally:
        with atop_db.transaction() as conn:
            repository.delete_source(conn, "news")


@pytest.fixture(scope="module")
def symmetric_defense(atop_db):
    """(giver, receiver, treaty, date) of defense obligations of symmetric ATOP alliances."""
    import sqlalchemy as sa

    from pactwatch.store import schema as s

    o, t = s.treaty_obligations, s.treaties
    query = (sa.select(o.c.from_iso3, o.c.to_iso3, o.c.treaty_id, o.c.start)
             .join(t, t.c.id == o.c.treaty_id)
             .where(t.c.asymm.is_(False), o.c.type == "defense", t.c.source == "atop"))
    with atop_db.engine.connect() as conn:
        return list(conn.execute(query))


@settings(max_examples=40, deadline=None)
@given(data=st.data())
def test_symmetric_alliances_give_symmetric_answers(atop_db, symmetric_defense, ref, data):
    giver, receiver, treaty_id, start = data.draw(st.sampled_from(symmetric_defense))
    with atop_db.engine.connect() as conn:
        forward = reasoner.defenders(conn, ref, receiver, start)
        backward = reasoner.defenders(conn, ref, giver, start)
    assert any(f.state == giver and f.treaty_id == treaty_id for f in forward)
    assert any(f.state == receiver and f.treaty_id == treaty_id for f in backward)
