"""The actor matcher on sentences written for these tests, and on the seed article."""

from __future__ import annotations

from pathlib import Path

import pytest

from pactwatch.actors import actors_in_doc
from pactwatch.actors.data import load_file
from pactwatch.actors.lexicon import case_ok, fold
from pactwatch.errors import PactwatchError


@pytest.fixture(scope="module")
def find(nlp, resources):
    def run(text: str, published: str | None = None):
        actors = actors_in_doc(nlp(text), published, resources.actor_matching)
        for a in actors:
            assert text[a.start:a.end] == a.text
        return actors
    return run


def codes(actors) -> set[tuple]:
    return {(a.country, a.sector) for a in actors}


def by_text(actors, text: str):
    hits = [a for a in actors if a.text == text]
    assert hits, f"no actor {text!r} in {[a.text for a in actors]}"
    return hits[0]


# ---- names, possessives, adjectives and roles

def test_exact_and_case_folded_names(find):
    assert ("PRK", None) in codes(find("NORTH KOREA FIRED A MISSILE ON TUESDAY."))
    assert codes(find("The United States and Japan held talks.")) >= {("USA", None), ("JPN", None)}


def test_common_words_are_not_countries(find):
    assert find("They ate turkey with us and then went to chad about it.") == []
    assert find("THE REBELS, WHO HAD WARNED US, FLED THE TOWN.") == []


def test_subdivision_as_nationality(find):
    actor = by_text(find("The West Bengal government protested."), "West Bengal government")
    assert (actor.country, actor.sector) == ("IND", "GOV")
    assert find("Floods hit Bavaria last week.") == []  # a subdivision alone is a place


def test_possessive_with_role(find):
    navy = by_text(find("Iran's navy seized a tanker in the Gulf."), "Iran's navy")
    assert (navy.country, navy.sector) == ("IRN", "MIL")


@pytest.mark.parametrize(("text", "span", "expected"), [
    ("Russian troops crossed the river at dawn.", "Russian troops", ("RUS", "MIL")),
    ("North Korean officials did not reply.", "North Korean officials", ("PRK", "GOV")),
    ("South Korean officials voiced concern.", "South Korean officials", ("KOR", "GOV")),
    ("Western officials doubt the claim.", "Western officials", ("WST", "GOV")),
    ("A Turkish prosecutor sought jail terms.", "Turkish prosecutor", ("TUR", "JUD")),
])
def test_adjective_and_role(find, text, span, expected):
    actor = by_text(find(text), span)
    assert (actor.country, actor.sector) == expected


def test_coordinated_nationalities_share_the_role(find):
    actors = find("Western and Japanese diplomats left the meeting.")
    assert codes(actors) >= {("WST", "GOV"), ("JPN", "GOV")}


def test_role_noun_modifying_a_thing_is_not_a_role(find):
    actor = by_text(find("Pyongyang's military capabilities are growing."), "Pyongyang")
    assert actor.sector == "GOV"


def test_metonyms_and_organs(find):
    actors = find("The Kremlin said the UN Security Council had no say.")
    assert ("RUS", "GOV") in codes(actors)
    assert any(a.country == "UN" for a in actors)


def test_role_then_country(find):
    actor = by_text(find("Authorities in Pakistan imposed a curfew."), "Authorities in Pakistan")
    assert (actor.country, actor.sector) == ("PAK", "GOV")


# ---- titles, people, office holders

def test_title_with_nationality_and_known_person(find):
    actor = by_text(find("Turkish President Recep Tayyip Erdogan spoke on Friday."),
                    "Turkish President Recep Tayyip Erdogan")
    assert (actor.country, actor.sector) == ("TUR", "GOV")
    assert fold(actor.person) == "recep tayyip erdogan"


def test_title_with_unknown_person_keeps_the_name(find):
    actor = find("North Korean Foreign Minister Jang Ok Ran arrived in Beijing.")[0]
    assert (actor.country, actor.sector, actor.person) == ("PRK", "GOV", "Jang Ok Ran")


def test_title_of_country(find):
    actor = find("The President of Kazakhstan visited Ankara.", "2023-03-01")[0]
    assert actor.country == "KAZ" and actor.person == "Kassym-Jomart Tokayev"


def test_office_holder_resolved_by_date(find):
    text = "The U.S. President called for calm."
    assert by_text(find(text, "2019-06-01"), "U.S. President").person == "Donald Trump"
    assert by_text(find(text, "2022-06-01"), "U.S. President").person == "Joe Biden"
    assert by_text(find(text), "U.S. President").person is None


def test_surname_after_title(find):
    actor = by_text(find("President Putin met the delegation."), "President Putin")
    assert (actor.country, actor.person) == ("RUS", "Vladimir Putin")


def test_fuzzy_name_linked_with_context(find):
    actor = find("Russian Foreign Minister Sergei Lavrof met his counterpart.")[0]
    assert actor.person == "Sergei Lavrov"


def test_fuzzy_name_not_linked_without_context(find):
    assert all(a.person != "Sergei Lavrov" for a in find("Sergei Lavrof met his counterpart."))


def test_kim_alone_is_not_linked(find):
    assert find("Kim said the talks had failed.", "2019-06-01") == []


def test_kim_with_title_context_is_the_office_holder(find):
    actor = find("North Korean leader Kim said the talks had failed.", "2019-06-01")[0]
    assert (actor.country, actor.person) == ("PRK", "Kim Jong Un")


# ---- pairs and places

def test_the_two_countries(find):
    actors = find("Japan and South Korea met in Tokyo. The two countries signed a deal.")
    pair = [a for a in actors if a.text == "The two countries"]
    assert {a.country for a in pair} == {"JPN", "KOR"}


@pytest.mark.parametrize("text", [
    "About 10,000 troops were deployed in Russia last month.",
    "Heavy fighting continued in Ukraine's east.",
    "Shelling hit villages in Russia's Kursk region.",
    "Refugees crossed into Poland near the border.",
    "Aid reached the Lachin corridor between Armenia and Azerbaijan.",
])
def test_location_is_not_an_actor(find, text):
    assert find(text) == []


def test_to_a_country_is_kept(find):
    assert codes(find("Russia sent troops to Syria.")) >= {("RUS", None), ("SYR", None)}


def test_names_inside_other_names(find):
    assert find("Settlers moved into the West Bank towns.") == []
    assert find("The Washington Post reported it first.") == []


# ---- the seed article

def test_seed_article(find, example_article):
    actors = find(example_article, "2024-11-06")
    found = {(a.country, a.sector, a.person) for a in actors}
    assert {("RUS", None, None), ("PRK", None, None), ("USA", None, None)} <= found
    assert {("RUS", "GOV", "Vladimir Putin"), ("PRK", "GOV", "Kim Jong Un")} <= found
    assert ("PRK", "GOV", "Choe Son Hui") in found
    assert ("WST", "GOV", None) in found and ("KOR", "GOV", None) in found
    for body in ("State Duma", "Federation Council"):
        actor = by_text(actors, body)
        assert (actor.country, actor.sector) == ("RUS", "LEG")
    assert by_text(actors, "North Korean Foreign Minister Chloe Son Hui").person == "Choe Son Hui"
    kursk = example_article.index("Kursk")
    assert not any(a.start <= kursk < a.end + 12 and a.country == "RUS" for a in actors)


# ---- helpers and loader

def test_case_ok():
    assert case_ok("US", "US") and not case_ok("US", "us")
    assert case_ok("Turkey", "TURKEY") and not case_ok("Turkey", "turkey")
    assert case_ok("North Korea", "north korea")


def test_fold():
    assert fold("Choe Son-hui") == fold("choe son hui")
    assert fold("Nicolás Maduro") == "nicolas maduro"


def test_published_must_be_a_date(find):
    with pytest.raises(PactwatchError, match="PW020"):
        find("Russia.", "yesterday")


def test_loaded_once_per_resources_and_complete(resources):
    data = resources.actors
    assert data is resources.actors and resources.actor_matching.data is data
    assert data.country("PRK").name == "North Korea"
    assert any(t.kind == "title" for t in data.titles)


def _write(path: Path, body: str) -> Path:
    path.write_text(body, encoding="utf-8")
    return path


def test_bad_entry_names_file_and_entry(tmp_path):
    bad = _write(tmp_path / "groups.yaml", (
        "schema: pactwatch.actors.groups.v1\n"
        "sources: [{id: s, cite: a source}]\n"
        "entries:\n"
        "  - {code: WST, name: the West, source: s}\n"
        "  - {code: west, name: Westerners, source: s}\n"))
    with pytest.raises(PactwatchError) as info:
        load_file(bad, "groups")
    message = str(info.value)
    assert "PW103" in message and "groups.yaml" in message and "entry 1" in message
    assert "Westerners" in message or "west" in message


def test_undeclared_source_and_wrong_schema(tmp_path):
    undeclared = _write(tmp_path / "groups.yaml", (
        "schema: pactwatch.actors.groups.v1\nsources: []\n"
        "entries:\n  - {code: WST, name: the West, source: nowhere}\n"))
    with pytest.raises(PactwatchError, match="nowhere"):
        load_file(undeclared, "groups")
    wrong = _write(tmp_path / "people.yaml", "schema: pactwatch.actors.groups.v1\nentries: []\n")
    with pytest.raises(PactwatchError, match="PW102"):
        load_file(wrong, "people")
    with pytest.raises(PactwatchError, match="PW100"):
        load_file(tmp_path / "missing.yaml", "titles")


def test_role_dates_must_be_ordered(tmp_path):
    bad = _write(tmp_path / "people.yaml", (
        "schema: pactwatch.actors.people.v1\nsources: [{id: s, cite: c}]\nentries:\n"
        "  - person: A B\n    country: ABC\n    roles:\n"
        "      - {office: head_of_state, start: 2020-01-01, end: 2019-01-01, source: s}\n"))
    with pytest.raises(PactwatchError, match="before start"):
        load_file(bad, "people")
