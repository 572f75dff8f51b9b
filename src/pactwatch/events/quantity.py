"""A minimal reader of the size of an event's object: "10,000 troops", "thousands of soldiers"."""

from __future__ import annotations

import re

from pactwatch.records import Quantity

WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
         "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30,
         "forty": 40, "fifty": 50, "hundred": 100, "dozen": 12, "dozens": 12, "hundreds": 100,
         "thousand": 1000, "thousands": 1000, "million": 1_000_000, "millions": 1_000_000}
SCALE = {"hundred": 100, "thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000}
PLURAL_BOUNDS = frozenset({"dozens", "hundreds", "thousands", "millions", "tens"})
BOUND_WORDS = frozenset({"more", "over", "least", "than", "some", "about", "around", "nearly",
                         "approximately", "roughly", "up"})


def _number(text: str) -> float | None:
    clean = text.replace(",", "")
    if re.fullmatch(r"\d+(\.\d+)?", clean):
        return float(clean)
    return float(WORDS[text.lower()]) if text.lower() in WORDS else None


def quantity_of(noun) -> Quantity | None:
    """The count modifying ``noun`` (a spaCy token): nummod, or "thousands of" above it."""
    for child in noun.children:
        if child.dep_ == "nummod":
            return _from_numeral(child, noun)
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ in PLURAL_BOUNDS:
        return Quantity(value=WORDS[head.head.lower_], unit=noun.lemma_.lower(), lower_bound=True)
    return None


def _from_numeral(num, noun) -> Quantity | None:
    value = _number(num.text)
    if value is None:
        return None
    for mod in num.children:
        if mod.lower_ in SCALE:
            value *= SCALE[mod.lower_]
        elif mod.dep_ == "compound" and _number(mod.text) is not None and num.lower_ in SCALE:
            value = _number(mod.text) * SCALE[num.lower_]
    lower = num.lower_ in PLURAL_BOUNDS or any(m.lower_ in BOUND_WORDS for m in num.subtree)
    return Quantity(value=value, unit=noun.lemma_.lower(), lower_bound=lower)
