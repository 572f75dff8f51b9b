"""Which place is an event's location: one in a locative phrase on the event, not a metonym.

"10,000 troops deployed in Russia's Kursk region" is located in Kursk Oblast; "Pyongyang's backing
for Russia" and "Moscow said" are not located in Pyongyang or Moscow: a capital as subject or
possessor names its government.  A place is the event's location when it heads (through a noun
phrase: "Russia's Kursk region", "the city of Kharkiv") the object of a locative preposition
attached to the event's *anchors* - its trigger, the words up to its predicate (a light verb or
frame) and their objects ("an attack on [a base] in Wardak") - or when it modifies a nominal
trigger directly ("the Kabul bombing").  The prepositions are in ``gazetteer.yaml:
event_locatives``; the most specific place wins (a region or city before a country), then the
one nearest the trigger.
"""

from __future__ import annotations

from collections.abc import Iterable

from pactwatch.places.data import EventLocatives
from pactwatch.records import Place

DIRECT_OBJECTS = frozenset({"dobj", "nsubjpass", "attr"})
ARGUMENT_DEPS = frozenset({"dobj", "dative", "pobj", "prep", "agent", "compound", "appos"})
MODIFIER_DEPS = frozenset({"compound", "nmod", "amod"})
MAX_STEPS = 6


def anchors(trigger, pred, theme, preps: frozenset[str]) -> set[int]:
    """The trigger, its path up to the predicate, the theme, and their objects: direct objects and
    the objects of locative or "of" prepositions ("an attack on [a base] in Wardak")."""
    core, node = {trigger.i}, trigger
    if pred is not None and pred.i in {a.i for a in trigger.ancestors}:
        while node.i != pred.i:
            node = node.head
            core.add(node.i)
    if theme is not None:
        core.add(theme.i)
    doc = trigger.doc
    objects = {c.i for i in core for c in doc[i].children if c.dep_ in DIRECT_OBJECTS}
    objects |= {g.i for i in core for c in doc[i].children if c.dep_ == "prep" and c.lower_ in preps
                for g in c.children if g.dep_ == "pobj"}
    return core | objects | participants(doc, core)


def participants(doc, core: set[int]) -> set[int]:
    """People among the event's noun-phrase arguments, however deep ("handed X to [Blinken] in
    Washington"): where a participant is, the event is; a thing's place ("backing for Russia's
    campaign in Ukraine") is not the event's."""
    found, todo = set(), [c for i in core for c in doc[i].children if c.dep_ in ARGUMENT_DEPS]
    while todo:
        node = todo.pop()
        if node.ent_type_ == "PERSON":
            found.add(node.i)
        todo += [c for c in node.children if c.dep_ in ARGUMENT_DEPS]
    return found


def is_event_place(root, trigger, anchor_ids: set[int], preps: frozenset[str],
                   rules: EventLocatives) -> bool:
    """Whether the place whose head token is ``root`` locates the event."""
    node = root
    for _ in range(MAX_STEPS):
        head = node.head
        if head.i == node.i:
            return False
        if node.dep_ == "pobj" and head.lower_ in preps and head.head.i in anchor_ids:
            return True
        if node.dep_ in MODIFIER_DEPS and head.i == trigger.i and trigger.pos_ in ("NOUN", "PROPN"):
            return True
        if node.dep_ == "pobj" and head.lower_ in rules.of_words:
            node = head.head
        elif node.dep_ in rules.noun_links:
            node = head
        else:
            return False
    return False


def event_location(trigger, pred, theme, kind: str, places: Iterable[Place],
                   rules: EventLocatives) -> Place | None:
    """The event's location among ``places`` (already filtered of places inside actor names)."""
    doc = trigger.doc
    preps = rules.for_type(kind)
    anchor_ids = anchors(trigger, pred, theme, preps | frozenset(rules.of_words))
    hits = []
    for place in places:
        span = doc.char_span(place.start, place.end, alignment_mode="expand")
        if span is not None and is_event_place(span.root, trigger, anchor_ids, preps, rules):
            hits.append(place)
    if not hits:
        return None
    return min(hits, key=lambda p: (p.admin1 is None, abs(p.start - trigger.idx)))
