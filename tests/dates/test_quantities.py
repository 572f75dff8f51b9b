"""Quantities: number parsing (property tests) and counted nouns in parsed sentences."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pactwatch.dates.quantities import find_quantities, parse_number
from pactwatch.records import Quantity

ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
        "eighteen", "nineteen"]
TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


@pytest.fixture(scope="module")
def rules(resources):
    return resources.quantity_rules


def below_thousand(n: int, joiner: str) -> str:
    hundreds, rest = divmod(n, 100)
    words = [f"{ONES[hundreds]} hundred"] if hundreds else []
    if rest >= 20:
        tens, ones = divmod(rest, 10)
        words.append(TENS[tens] + (f"-{ONES[ones]}" if ones else ""))
    elif rest or not hundreds:
        words.append(ONES[rest])
    return f" {joiner} ".join(words) if joiner else " ".join(words)


def to_words(n: int, joiner: str = "") -> str:
    """English words for 0..999,999 ("two hundred and fifty thousand" with joiner="and")."""
    thousands, rest = divmod(n, 1000)
    if not thousands:
        return below_thousand(rest, joiner)
    head = f"{below_thousand(thousands, joiner)} thousand"
    return head if not rest else f"{head} {below_thousand(rest, joiner)}"


@given(st.integers(min_value=0, max_value=999_999), st.sampled_from(["", "and"]))
def test_words_parse_back(rules, n, joiner):
    assert parse_number(to_words(n, joiner), rules) == n


@given(st.integers(min_value=0, max_value=10**12))
def test_numerals_with_separators_parse_back(rules, n):
    assert parse_number(f"{n:,}", rules) == n
    assert parse_number(str(n), rules) == n


@pytest.mark.parametrize(("text", "value"), [
    ("1.5 million", 1_500_000), ("ten thousand", 10_000), ("12", 12), ("a dozen", 12),
    ("twenty-five", 25), ("10,00", None), ("several", None),
])
def test_parse_examples(rules, text, value):
    assert parse_number(text, rules) == value


def q(value: float, unit: str, lower: bool = False) -> Quantity:
    return Quantity(value=value, unit=unit, lower_bound=lower)


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Some 10,000 North Korean troops were sent to Russia.", [q(10_000, "troops")]),
    ("Some 3,000 soldiers arrived with two battalions.", [q(3_000, "soldiers"), q(2, "battalions")]),
    ("They fired dozens of missiles.", [q(24, "missiles", True)]),
    ("Tens of thousands of people fled.", [q(20_000, "people", True)]),
    ("More than 1.5 million refugees and ten thousand civilians.",
     [q(1_500_000, "refugees", True), q(10_000, "civilians")]),
    ("The United States pledged $5 million and 12 drones.", [q(5_000_000, "USD"), q(12, "drones")]),
    ("At least 300 tanks were destroyed on October 24, 2024.", [q(300, "tanks", True)]),
    ("Hundreds of soldiers died and millions of dollars were lost.",
     [q(200, "soldiers", True), q(2_000_000, "USD", True)]),
    ("Two hundred and fifty troops and twenty-five tanks.", [q(250, "troops"), q(25, "tanks")]),
    ("One of the soldiers said 45% of people agreed in 2023.", []),
])
def test_find_quantities(nlp, rules, sentence, expected):
    assert [m.quantity for m in find_quantities(nlp(sentence), rules)] == expected


def test_mention_offsets_and_noun(nlp, rules):
    doc = nlp("Officials said about 10,000 North Korean troops had arrived.")
    [mention] = find_quantities(doc, rules)
    assert doc.text[mention.start:mention.end] == mention.text == "10,000"
    assert mention.noun == "troop" and doc.text[mention.noun_start:].startswith("troops")
