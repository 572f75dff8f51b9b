"""Within-article merging: one fact, one record, with every mention as evidence."""

from __future__ import annotations

from datetime import date

from pactwatch.merge import merge_events, places_compatible
from pactwatch.records import Actor, Admin1, DateValue, Event, Evidence, Place, Quantity

TROOPS = Actor(name="Ruritanian troops", text="Ruritanian troops", country="RUR", sector="MIL")
STRAY = Actor(name="the border", text="the border")  # an argument naming no actor
COUNTRY = Place(name="Borduria", country="BOR")
REGION = Place(name="North Province", country="BOR", admin1=Admin1(name="North Province", code="BO-N"),
               lat=45.0, lon=20.0)
OTHER_REGION = Place(name="South Province", country="BOR", admin1=Admin1(name="South Province"),
                     lat=41.0, lon=21.0)


def event(sentence: int, **fields) -> Event:
    base = dict(id=f"e{sentence}", type="MOBILIZE", source=[TROOPS],
                date=DateValue(value=date(2023, 5, 12), precision="published"),
                evidence=[Evidence(article_id="a", sentence=sentence, start=sentence * 100,
                                   end=sentence * 100 + 90, text="...")])
    return Event(**{**base, **fields})


def test_mentions_with_and_without_details_merge_keeping_the_most_specific():
    first = event(5, location=REGION, quantity=Quantity(value=4000, unit="troops"))
    later = event(11, location=COUNTRY, target=[STRAY])
    (merged,) = merge_events([first, later])
    assert [e.sentence for e in merged.evidence] == [5, 11]
    assert merged.location == REGION and merged.quantity.value == 4000
    (again,) = merge_events([later, first])
    assert again.location == REGION and again.quantity.value == 4000


def test_conflicting_details_keep_mentions_apart():
    assert len(merge_events([event(1, location=REGION), event(2, location=OTHER_REGION)])) == 2
    assert len(merge_events([event(1, quantity=Quantity(value=4000, unit="troops")),
                             event(2, quantity=Quantity(value=900, unit="troops"))])) == 2
    day = DateValue(value=date(2023, 3, 1), precision="day")
    assert len(merge_events([event(1), event(2, date=day)])) == 2  # March 1 is not "just before May 12"


def test_planned_and_actual_are_different_facts():
    assert len(merge_events([event(1), event(2, status="planned")])) == 2
    assert len(merge_events([event(1), event(2, status="reported")])) == 1


def test_different_actors_never_merge():
    other = Actor(name="Bordurian army", text="Bordurian army", country="BOR", sector="MIL")
    assert len(merge_events([event(1), event(2, source=[other])])) == 2


def test_more_precise_date_wins():
    day = DateValue(value=date(2023, 5, 10), precision="day")
    (merged,) = merge_events([event(1), event(2, date=day)])
    assert merged.date == day


def test_place_compatibility():
    assert places_compatible(COUNTRY, REGION) and places_compatible(None, REGION)
    assert not places_compatible(REGION, OTHER_REGION)
    assert not places_compatible(Place(name="Ruritania", country="RUR"), REGION)


def test_across_articles_places_must_be_the_same():
    """The store's rule (one module, one function): a country and a place inside it are two
    facts when two articles report them."""
    assert not places_compatible(COUNTRY, REGION, nested=False)
    assert places_compatible(REGION, REGION, nested=False) and places_compatible(None, REGION, nested=False)


def test_a_mention_without_target_joins_one_with_a_target():
    host = Actor(name="Borduria", text="Borduria", country="BOR")
    (merged,) = merge_events([event(1), event(2, target=[host])])
    assert merged.target == [host]
    third = Actor(name="Syldavia", text="Syldavia", country="SYL")
    assert len(merge_events([event(1, target=[host]), event(2, target=[third])])) == 2


def test_claims_about_a_folded_mention_point_at_its_record(resources):
    from pactwatch.config import Config
    from pactwatch.context import ArticleContext
    from pactwatch.merge import make_merge
    from pactwatch.records import Article, Claim

    claim = Claim(id="c", proposition="deploy troop", about=["e11"])
    ctx = ArticleContext(article=Article.from_text("..."), events=(event(5), event(11)),
                         claims=(claim,))
    out = make_merge(Config(), resources)(ctx)
    assert [e.id for e in out.events] == ["e5"] and out.claims[0].about == ["e5"]


LOWER = Actor(name="Ruritanian Senate", text="the Senate", country="RUR", sector="LEG")
UPPER = Actor(name="Ruritanian Diet", text="the Diet", country="RUR", sector="LEG")
LAWMAKERS = Actor(name="Ruritania", text="Ruritanian lawmakers", country="RUR", sector="LEG")
BODIES = frozenset({("Ruritanian Senate", "RUR"), ("Ruritanian Diet", "RUR")})


def test_two_named_bodies_of_one_country_and_sector_are_two_facts():
    mentions = [event(1, type="SUPPORT", source=[LOWER]), event(2, type="SUPPORT", source=[UPPER])]
    assert len(merge_events(mentions, BODIES)) == 2
    assert len(merge_events(mentions)) == 1  # without actor data, only codes count (as GDELT)


def test_a_body_merges_with_an_unnamed_mention_of_its_sector():
    mentions = [event(1, type="SUPPORT", source=[LOWER]), event(2, type="SUPPORT", source=[LAWMAKERS]),
                event(3, type="SUPPORT", source=[UPPER])]
    merged = merge_events(mentions, BODIES)
    assert [[e.sentence for e in m.evidence] for m in merged] == [[1, 2], [3]]
    talks = [event(4, type="CONSULT", target=[LOWER]), event(5, type="CONSULT", target=[UPPER])]
    assert len(merge_events(talks, BODIES)) == 2  # the same holds for targets
