"""Event arguments: who acted and on whom (issue #4), on sentences written for these tests.

Actors are given by hand (as the actors stage would give them) so that each test reads one rule:
a place in a locative phrase is where, not whom; a place name modifying a nominal event is where,
not who; the recipient of a thing handed over is the target, not the thing's owner; a "strike"
is military or a work stoppage from its modifiers.
"""

from __future__ import annotations

import pytest

from pactwatch.events.args import named_first
from pactwatch.events.detect import detect
from pactwatch.events.tree import trigger_at
from pactwatch.records import Actor


def actor(doc, text: str, country: str | None, sector: str | None = None, person: str | None = None) -> Actor:
    start = doc.text.index(text)
    return Actor(name=person or text, text=text, country=country, sector=sector, person=person,
                 start=start, end=start + len(text))


def events(nlp, lex, text: str, *named: tuple, unresolved: bool = False):
    doc = nlp(text)
    known = tuple(actor(doc, *spec) for spec in named)
    return [d for sent in doc.sents for d in detect(sent, lex, known, keep_unresolved=unresolved)]


def codes(actors) -> list[str]:
    return sorted(f"{a.country}/{a.sector}" + (f"/{a.person}" if a.person else "") for a in actors)


def one(found, kind: str):
    hits = [d for d in found if d.type == kind]
    assert hits, [(d.type, d.token.text) for d in found]
    return hits[0]


# --- 1. a place in a locative phrase is the location, not the target ---------------------------

@pytest.mark.parametrize("text,named", [
    ("Reports say 2,000 Belarusian soldiers were stationed in Ukraine's Zhytomyr region.",
     [("Belarusian", "BLR"), ("Ukraine", "UKR")]),
    ("The deployment of Chinese warships near Taiwan alarmed Tokyo.", [("Chinese", "CHN"), ("Taiwan", "TWN")]),
    ("Turkish troops were deployed inside Syria last year.", [("Turkish", "TUR"), ("Syria", "SYR")]),
])
def test_locative_place_is_not_the_target(nlp, lex, text, named):
    event = one(events(nlp, lex, text, *named), "MOBILIZE")
    assert codes(event.source) == [f"{named[0][1]}/None"]
    assert event.target == []


def test_locative_phrase_stays_an_argument_span(nlp, lex):
    """The evaluation matches argument spans (PLV marks places as targets): the span is kept."""
    text = "Reports say 2,000 Belarusian soldiers were stationed in Ukraine's Zhytomyr region."
    event = one(events(nlp, lex, text, ("Belarusian", "BLR"), ("Ukraine", "UKR")), "MOBILIZE")
    assert any(text[a:b].endswith("Zhytomyr region") for a, b in event.target_spans)


def test_at_a_place_is_no_target_of_a_meeting(nlp, lex):
    found = events(nlp, lex, "The Kenyan president held talks with Ethiopian officials at Camp David.",
                   ("Kenyan president", "KEN", "GOV"), ("Ethiopian officials", "ETH", "GOV"))
    assert codes(one(found, "CONSULT").target) == ["ETH/GOV"]


def test_at_an_actor_is_the_target_of_an_attack(nlp, lex):
    found = events(nlp, lex, "Riot police fired at protesters outside the parliament in Nairobi.",
                   ("Riot police", "KEN", "COP"), ("protesters", "KEN", "OPP"))
    event = one(found, "ASSAULT")
    assert codes(event.target) == ["KEN/OPP"]


def test_a_country_after_at_is_the_target_of_a_conflictual_act(nlp, lex):
    found = events(nlp, lex, "Militants in Lebanon fired rockets at Israel.", ("Militants", None, "REB"),
                   ("Israel", "ISR"))
    assert "ISR/None" in codes(next(d for d in found if d.target).target)


def test_a_target_naming_nobody_gives_way_to_a_named_one(nlp, lex):
    found = events(nlp, lex, "The government imposed sanctions on the militias and Eritrea.",
                   ("Eritrea", "ERI"))
    assert codes(one(found, "SANCTION").target) == ["ERI/None"]


def test_named_first_keeps_unnamed_targets_when_nothing_is_named():
    nobody = Actor(name="traffickers", text="traffickers")
    assert named_first([nobody]) == [nobody]
    eritrea = Actor(name="Eritrea", text="Eritrea", country="ERI")
    assert named_first([nobody, eritrea]) == [eritrea]


# --- 2. a place name modifying a nominal event is where it happened, not who did it ----------

def test_city_modifying_a_bombing_is_not_its_source(nlp, lex):
    found = events(nlp, lex, "Last month a Baghdad car bombing killed twelve people.", ("Baghdad", "IRQ", "GOV"))
    assert not any("IRQ/GOV" in codes(d.source) for d in found)


def test_capital_as_subject_of_a_verbal_act_is_the_government(nlp, lex):
    found = events(nlp, lex, "Baghdad imposed a curfew on the southern province.", ("Baghdad", "IRQ", "GOV"))
    assert codes(one(found, "COERCE").source) == ["IRQ/GOV"]


def test_country_modifying_a_strike_is_its_source(nlp, lex):
    found = events(nlp, lex, "A US strike killed two militants near the border.", ("US", "USA"))
    assert codes(one(found, "ASSAULT").source) == ["USA/None"]


def test_an_attack_as_subject_stands_for_its_agent(nlp, lex):
    found = events(nlp, lex, "A Hamas attack killed four soldiers.", ("Hamas", "PSE", "REB"))
    killed = next(d for d in found if d.token.lemma_ == "kill")
    assert codes(killed.source) == ["PSE/REB"]
    text = killed.token.doc.text
    assert "A Hamas attack" in [text[a:b] for a, b in killed.source_spans]  # the argument phrase is kept


# --- 3. the recipient of a thing handed over is the target, not the thing's owner ------------

def test_recipient_inside_the_theme_phrase_is_the_target(nlp, lex):
    text = ("The foreign minister handed Norway's instrument of ratification to Secretary-General "
            "Jens Stoltenberg in Brussels.")
    found = events(nlp, lex, text, ("foreign minister", "NOR", "GOV"), ("Norway", "NOR"),
                   ("Secretary-General Jens Stoltenberg", "NATO", "GOV", "Jens Stoltenberg"))
    event = one(found, "SUPPORT")
    assert codes(event.target) == ["NATO/GOV/Jens Stoltenberg"]


def test_possessor_of_an_attacked_thing_stays_the_target(nlp, lex):
    found = events(nlp, lex, "Rebel fighters shelled Mali's army barracks.", ("Rebel fighters", None, "REB"),
                   ("Mali", "MLI"))
    assert codes(one(found, "ASSAULT").target) == ["MLI/None"]


# --- 4. a "strike": military or a work stoppage ----------------------------------------------

def strike_type(nlp, lex, text: str) -> str:
    doc = nlp(text)
    token = next(t for t in doc if t.lemma_.lower() == "strike" and t.pos_ == "NOUN")
    return trigger_at(token, lex).type


@pytest.mark.parametrize("text", [
    "Tehran promised a harsh answer to any Saudi strike.",
    "The Pentagon confirmed a US strike near the Syrian border.",
    "Drone strikes hit the outskirts of the city overnight.",
    "An air strike destroyed the bridge.",
    "Russian strikes on Odesa continued for a third night.",
    "The strike killed four civilians and wounded nine.",
])
def test_military_strikes_are_assaults(nlp, lex, text):
    assert strike_type(nlp, lex, text) == "ASSAULT"


@pytest.mark.parametrize("text", [
    "Nurses began a strike over pay on Monday.",
    "The dockworkers' strike closed the port for a week.",
    "The unions called a general strike.",
    "A strike by rail workers halted trains across the country.",
    "The strike entered its third week.",
])
def test_work_stoppages_are_protests(nlp, lex, text):
    assert strike_type(nlp, lex, text) == "PROTEST"


def test_going_on_strike_is_a_protest(nlp, lex):
    found = events(nlp, lex, "Teachers in Lagos went on strike on Tuesday.", ("Teachers", "NGA", "EDU"))
    assert "PROTEST" in [d.type for d in found] and "ASSAULT" not in [d.type for d in found]
