"""Quantities in the text: "10,000 North Korean troops" -> Quantity(10000, "troops").

``find_quantities(doc, rules)`` returns a :class:`QuantityMention` for every counted number: numerals
("10,000", "1.5 million", "12"), number words ("ten thousand"), vague plurals ("dozens of
missiles": a lower bound, see data/dates/quantities.yaml) and currency amounts ("$5 million":
unit "USD").  Dates, times, percentages and ordinals are not quantities.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from pactwatch.datafiles import load_validated
from pactwatch.nlp import doc_text
from pactwatch.records import Quantity

SKIP_LABELS = frozenset({"DATE", "TIME", "PERCENT", "ORDINAL"})
NUMERAL = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$")


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)


class _Numbers(_Model):
    source: str
    units: dict[str, float]
    scales: dict[str, float]


class _Vague(_Model):
    source: str
    words: dict[str, float]


class _Phrases(_Model):
    source: str
    phrases: list[str]


class _Units(_Model):
    source: str
    lemmas: dict[str, str]
    symbols: dict[str, str]


class QuantityRules(_Model):
    schema_: str = Field(alias="schema")
    sources: list[dict]
    numbers: _Numbers
    vague: _Vague
    lower_bound: _Phrases
    approximate: _Phrases
    units: _Units


def default_path() -> Path:
    return Path(str(resources.files("pactwatch") / "data" / "dates" / "quantities.yaml"))


def load_quantity_rules(path: str | Path | None = None) -> QuantityRules:
    """Read and validate the quantity rules (default: the packaged file); PW531/PW530."""
    return load_validated(Path(path) if path else default_path(), QuantityRules,
                          schema="pactwatch.dates.quantities.v1", missing="PW531", invalid="PW530")


@dataclass(frozen=True)
class QuantityMention:
    """A counted number: its span, the quantity, and the counted noun (lemma and offset)."""

    start: int
    end: int
    text: str
    quantity: Quantity
    noun: str | None
    noun_start: int | None = None


# -- numbers -------------------------------------------------------------------------------


def _word_value(word: str, rules: QuantityRules) -> float | None:
    if NUMERAL.match(word):
        return float(word.replace(",", ""))
    return rules.numbers.units.get(word)


def parse_number(text: str, rules: QuantityRules) -> float | None:
    """ "10,000" -> 10000; "1.5 million" -> 1500000; "two hundred and fifty thousand" -> 250000."""
    words = [w for w in re.split(r"[\s-]+", text.lower().strip()) if w and w != "and"]
    total, current, seen = 0.0, 0.0, False
    for word in words:
        scale = rules.numbers.scales.get(word)
        if scale is not None and scale < 1000:
            current = (current or 1) * scale
        elif scale is not None:
            total, current = total + (current or 1) * scale, 0.0
        elif (value := _word_value(word, rules)) is not None:
            current, seen = current + value, True
        else:
            return None
    return round(total + current, 6) if seen or words else None


# -- finding them in a parsed doc ------------------------------------------------------------


def _numeric(tok, rules: QuantityRules) -> bool:
    word = tok.lower_
    if word in ("a", "an"):
        nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
        return nxt is not None and nxt.lower_ in rules.numbers.scales
    return bool(NUMERAL.match(word)) or word in rules.numbers.units or word in rules.numbers.scales


def _joiner(doc, i: int, rules: QuantityRules) -> bool:
    """ "and" / "-" inside a written number: "two hundred and fifty", "twenty-five"."""
    return (doc[i].lower_ in ("and", "-") and i + 1 < len(doc) and i > 0
            and doc[i + 1].lower_ in rules.numbers.units and not NUMERAL.match(doc[i + 1].lower_)
            and doc[i - 1].lower_ in {**rules.numbers.units, **rules.numbers.scales})


def number_groups(doc, rules: QuantityRules) -> list:
    """Maximal runs of number tokens: "10,000", "1.5 million", "two hundred and fifty"."""
    groups, i = [], 0
    while i < len(doc):
        if not _numeric(doc[i], rules) or doc[i].lower_ in rules.numbers.scales:
            i += 1
            continue
        j = i + 1
        while j < len(doc) and (_numeric(doc[j], rules) or _joiner(doc, j, rules)):
            j += 1
        groups.append(doc[i:j])
        i = j
    return groups


def _of_object(tok):
    """The noun after "of": "thousands of people" -> people."""
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    if nxt is None or nxt.lower_ != "of":
        return None
    return next((c for c in nxt.children if c.dep_ == "pobj"), None)


def _counted_noun(span):
    """The noun a number counts: its head after it ("10,000 ... troops"), or "of" + noun."""
    heads = (t.head for t in span if t.head.i >= span.end and t.head.pos_ in ("NOUN", "PROPN"))
    return next(heads, None) or _of_object(span[-1])


def _preceding(span, phrases: list[str]) -> bool:
    before = " ".join(t.lower_ for t in span.doc[max(0, span.start - 3): span.start])
    return any(before == p or before.endswith(" " + p) for p in phrases)


def _currency(span, rules: QuantityRules) -> str | None:
    prev = span.doc[span.start - 1] if span.start > 0 else None
    return rules.units.symbols.get(prev.text) if prev is not None else None


def _unit(noun, rules: QuantityRules) -> str:
    lemma = noun.lemma_.lower()
    return rules.units.lemmas.get(lemma, lemma)


def _mention(span, value: float, rules: QuantityRules, lower: bool) -> QuantityMention | None:
    currency = _currency(span, rules)
    noun = None if currency else _counted_noun(span)
    unit = currency or (_unit(noun, rules) if noun is not None else None)
    if unit is None:
        return None
    start = span.start_char - (1 if currency and span.start > 0 else 0) * len(span.doc[span.start - 1])
    lower = lower or _preceding(span, rules.lower_bound.phrases)
    return QuantityMention(start=start, end=span.end_char, text=doc_text(span.doc)[start:span.end_char],
                           quantity=Quantity(value=value, unit=unit, lower_bound=lower),
                           noun=noun.lemma_.lower() if noun is not None else None,
                           noun_start=noun.idx if noun is not None else None)


def _vague_spans(doc, rules: QuantityRules):
    """ "dozens of", "tens of thousands of": the vague phrase and its lower-bound value."""
    phrases = sorted(rules.vague.words, key=len, reverse=True)
    for tok in doc:
        lower = tok.lower_
        for phrase in (p for p in phrases if p.startswith(lower)):  # cheap test before any Span
            n = len(phrase.split())
            span = doc[tok.i: tok.i + n]
            if span.text.lower() == phrase and not (tok.i > 0 and doc[tok.i - 1].lower_ == "of"):
                yield span, rules.vague.words[phrase]
                break


def find_quantities(doc, rules: QuantityRules) -> list[QuantityMention]:
    """Every counted quantity in a parsed doc, in text order (``rules``: Resources.quantity_rules)."""
    found = []
    for span in number_groups(doc, rules):
        value = parse_number(span.text, rules)
        pronoun = span.text.lower() in ("one", "a", "an") and _of_object(span[-1]) is not None
        if value is not None and not pronoun and not any(t.ent_type_ in SKIP_LABELS for t in span):
            found.append(_mention(span, value, rules, lower=False))
    for span, value in _vague_spans(doc, rules):
        found.append(_mention(span, value, rules, lower=True))
    return sorted((m for m in found if m is not None), key=lambda m: m.start)
