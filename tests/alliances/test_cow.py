from __future__ import annotations

from collections import defaultdict
from datetime import date

import pytest

from pactwatch.alliances import cow
from pactwatch.alliances.states import resolve
from pactwatch.errors import PactwatchError


def test_every_cow_code_has_an_iso_entry(shared, ref):
    states = cow.read_states(shared / "data" / "cow")
    assert len(states) == 217
    assert {s.ccode for s in states} <= set(ref.by_ccode)


@pytest.mark.parametrize(("ccode", "iso3", "rule"), [
    (2, "USA", "current"), (255, "DEU", "continuing"), (260, "DEU", "continuing"),
    (265, "DDR", "iso3166-3"), (315, "CSK", "iso3166-3"), (365, "RUS", "continuing"),
    (345, "SRB", "continuing"), (680, "YMD", "iso3166-3"), (245, "COW:BAV", "pseudo"),
    (731, "PRK", "current"), (732, "KOR", "current"), (710, "CHN", "current"),
])
def test_documented_rules(ref, ccode, iso3, rule):
    entry = ref.by_ccode[ccode]
    assert (entry.iso3, entry.rule) == (iso3, rule)


def test_shared_iso_codes_never_overlap_in_time(shared, ref):
    """Two COW codes may share an ISO3 code (DEU: 255, 260) only if never in the system together."""
    spells = defaultdict(list)
    for state in cow.read_states(shared / "data" / "cow"):
        for spell in state.spells:
            spells[ref.iso3_of(state.ccode)].append((spell.start, spell.end, state.ccode))
    for iso3, items in spells.items():
        items.sort()
        for (_s1, e1, c1), (s2, _, c2) in zip(items, items[1:], strict=False):
            assert c1 == c2 or s2 >= e1, f"{iso3}: {c1} and {c2} overlap"


def test_resolve_accepts_codes_abbreviations_and_aliases(ref):
    assert resolve(ref, "prk") == "PRK"
    assert resolve(ref, "731") == "PRK"
    assert resolve(ref, "GMY") == "DEU"
    assert resolve(ref, "SUN") == "RUS"
    assert resolve(ref, "North Korea") == "PRK"
    with pytest.raises(PactwatchError, match="PW302"):
        resolve(ref, "Atlantis")


def test_spells_parse_dates(shared):
    usa = next(s for s in cow.read_states(shared / "data" / "cow") if s.ccode == 2)
    assert usa.spells[0].start == date(1816, 1, 1)
