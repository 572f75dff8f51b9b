"""The current-treaties file: schema, ISO3 parties, ordered dates, sources, store round trip."""

from __future__ import annotations

from datetime import date

import pytest

from pactwatch.alliances.reference import load_alliance_data
from pactwatch.errors import PactwatchError
from pactwatch.treaties.current import load_current, read_current

ORDER = {"signed": 0, "lower_house": 1, "upper_house": 1, "head_of_state": 1, "exchange": 2,
         "in_force": 3}


def test_file_validates_and_every_entry_cites_a_source():
    data = read_current()
    assert len(data.treaties) >= 10
    assert all(t.sources for t in data.treaties)


def test_parties_are_iso3_codes_known_to_the_registry():
    known = {e.iso3 for e in load_alliance_data().iso_map.states}
    for t in load_current():
        assert set(t.parties) <= known, t.id
        assert all(o.from_ in t.parties and o.to in t.parties for o in t.obligations), t.id


def test_dates_are_ordered_signed_then_steps_then_in_force():
    for t in read_current().treaties:
        steps = sorted(t.ratification, key=lambda s: s.date.value)
        for s in steps:
            assert t.signed.value <= s.date.value, (t.id, s)
        stages = [ORDER[s.stage] for s in steps]
        assert stages == sorted(stages), t.id
        force = t.in_force()
        if force:
            assert all(s.date.value <= force for s in t.ratification), t.id


def test_russia_dprk_treaty_stages_and_mutual_defence():
    t = next(x for x in load_current() if x.id == "rus-prk-2024")
    steps = {(r.party, r.stage): r for r in t.ratification}
    assert steps[("RUS", "lower_house")].date.value == date(2024, 10, 24)
    assert steps[("RUS", "upper_house")].body == "Federation Council"
    assert steps[("PRK", "head_of_state")].date.value == date(2024, 11, 11)
    assert steps[("RUS", "in_force")].date.value == date(2024, 12, 4)
    defense = {(o.from_, o.to) for o in t.obligations if o.type == "defense"}
    assert defense == {("RUS", "PRK"), ("PRK", "RUS")}
    assert any(c == "article:Art. 4" for o in t.obligations for c in o.conditions)


def test_accessions_bind_the_new_member_both_ways_to_every_member():
    by_id = {t.id: t for t in load_current()}
    swe = by_id["nato-accession-swe-2024"]
    defense = {(o.from_, o.to) for o in swe.obligations if o.type == "defense"}
    for member in ("USA", "TUR", "HUN", "FIN", "MKD"):
        assert ("SWE", member) in defense and (member, "SWE") in defense
    assert ("USA", "TUR") not in defense  # the old members' ties come from ATOP 3180
    assert swe.atop_id is None  # save_treaty would drop the obligations of an ATOP merge
    assert all("defcoloc" in o.conditions for o in swe.obligations if o.type == "defense")


def test_bad_file_is_a_pactwatch_error(tmp_path):
    bad = tmp_path / "current.yaml"
    bad.write_text("schema: pactwatch.treaties.current.v1\nsources: []\ntreaties:\n"
                   "  - {id: x, name: X, parties: [RUS], signed: {value: 2024-01-01, "
                   "precision: day}, obligations: [], status: signed, sources: [nope]}\n")
    with pytest.raises(PactwatchError, match="PW353"):
        read_current(bad)


def test_current_treaties_load_into_the_store_and_answer_defenders(tmp_path):
    from pactwatch.alliances.reasoner import defenders_of
    from pactwatch.alliances.repository import save_treaty
    from pactwatch.db import Database

    db = Database(f"sqlite:///{tmp_path / 'store.db'}")
    ref = load_alliance_data()
    try:
        with db.transaction() as conn:
            for t in load_current():
                save_treaty(conn, ref, t, origin="current_treaties.yaml", source="current")
        with db.engine.connect() as conn:
            prk = defenders_of(conn, ref, "PRK", date(2024, 12, 31)).defenders
            fin = defenders_of(conn, ref, "FIN", date(2024, 12, 31)).defenders
    finally:
        db.close()
    assert {(f.state, f.treaty_id) for f in prk} == {("RUS", "rus-prk-2024")}
    assert {"USA", "SWE", "MKD"} <= {f.state for f in fin}
