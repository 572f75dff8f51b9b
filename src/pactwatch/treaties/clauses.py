"""Code a treaty article into ATOP obligation types and conditions, by rules over its sentences.

``classify_clause(text, lex)`` finds the cue phrases of the clause lexicon (by default
``data/treaties/clause_lexicon.yaml``, read by :func:`load_lexicon`) in each sentence and combines
them (the rules are described in the lexicon's header).  Each obligation and condition keeps the
spans that triggered it.  ``code_treaty(articles, lex)`` combines the codings of a treaty's
articles into treaty-level flags comparable with ATOP's alliance-level ones.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from pactwatch.datafiles import load_validated
from pactwatch.records import ObligationType, Span
from pactwatch.treaties.data import INVALID, MISSING, data_path

SCHEMA = "pactwatch.treaties.clause_lexicon.v1"
TYPES: tuple[ObligationType, ...] = ("defense", "offense", "neutrality", "nonaggression",
                                     "consultation")


class Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class ConditionCue(Model):
    variable: str
    pattern: str


class DefenseCues(Model):
    assistance: list[str]
    equivalence: list[str]


class ConsultCues(Model):
    consult: list[str]
    threat: list[str]


class Lexicon(Model):
    schema_: str = Field(alias="schema")
    sources: list[dict]
    attack_triggers: list[str]
    defense: DefenseCues
    offense: list[str]
    nonaggression: list[str]
    neutrality: list[str]
    consultation: ConsultCues
    conditions: list[ConditionCue]
    variables: dict[ObligationType, dict[str, str]]
    mutual: list[str]
    negation: list[str]


class Found(Model):
    """One obligation type or condition and the cue spans that triggered it."""

    name: str
    cues: list[Span]


class ClauseCoding(Model):
    text: str
    obligations: list[Found] = Field(default_factory=list)
    conditions: list[Found] = Field(default_factory=list)  # ATOP variable names (defcoloc ...)
    attack_trigger: list[Span] = Field(default_factory=list)
    mutual: bool = False
    mutual_cues: list[Span] = Field(default_factory=list)

    def types(self) -> set[str]:
        return {o.name for o in self.obligations}

    def condition_names(self) -> set[str]:
        return {c.name for c in self.conditions}


def load_lexicon(path: str | Path | None = None) -> Lexicon:
    """The clause lexicon of ``path``; default the packaged clause_lexicon.yaml."""
    file = Path(path) if path else data_path("clause_lexicon.yaml")
    return load_validated(file, Lexicon, missing=MISSING, invalid=INVALID, schema=SCHEMA)


@lru_cache(maxsize=256)
def _rx(pattern: str) -> re.Pattern:
    return re.compile(rf"\b(?:{pattern})\b", re.IGNORECASE)


SENTENCE = re.compile(r"[^.;:]+(?:[.;:]+|$)")


def sentences(text: str) -> list[tuple[int, str]]:
    """(offset, text) of each sentence or semicolon clause of an article."""
    return [(m.start(), m.group()) for m in SENTENCE.finditer(text) if m.group().strip()]


def _hits(patterns: Iterable[str], sent: str, offset: int, negation: list[str]) -> list[Span]:
    """Cue spans in ``sent`` that no ``negation`` cue precedes."""
    negations = [m.start() for p in negation for m in _rx(p).finditer(sent)]
    spans = []
    for p in patterns:
        for m in _rx(p).finditer(sent):
            if not any(n < m.start() for n in negations):
                spans.append(Span(start=offset + m.start(), end=offset + m.end(), text=m.group()))
    return spans


def _sentence_types(sent: str, off: int, lex: Lexicon) -> tuple[dict[str, list[Span]], list[Span]]:
    attack = _hits(lex.attack_triggers, sent, off, lex.negation)
    found: dict[str, list[Span]] = {}
    assist = _hits(lex.defense.assistance, sent, off, lex.negation)
    equiv = _hits(lex.defense.equivalence, sent, off, lex.negation)
    if attack and assist or equiv:
        found["defense"] = attack + assist + equiv
    consult = _hits(lex.consultation.consult, sent, off, lex.negation)
    threat = _hits(lex.consultation.threat, sent, off, lex.negation)
    if consult and threat:
        found["consultation"] = consult + threat
    for name, patterns in (("offense", lex.offense), ("nonaggression", lex.nonaggression),
                           ("neutrality", lex.neutrality)):
        if spans := _hits(patterns, sent, off, lex.negation):
            found[name] = spans
    return found, attack


def classify_clause(text: str, lex: Lexicon) -> ClauseCoding:
    """Obligation types, ATOP conditions and mutuality of one treaty article."""
    types: dict[str, list[Span]] = {}
    conditions: dict[str, list[Span]] = {}
    attack_all: list[Span] = []
    for off, sent in sentences(text):
        found, attack = _sentence_types(sent, off, lex)
        attack_all += attack
        for name, spans in found.items():
            types.setdefault(name, []).extend(spans)
        if found or attack:
            _conditions(sent, off, found or {"defense": []}, conditions, lex)
    mutual = _hits(lex.mutual, text, 0, lex.negation)
    return ClauseCoding(
        text=text, obligations=[Found(name=t, cues=types[t]) for t in TYPES if t in types],
        conditions=[Found(name=k, cues=v) for k, v in sorted(conditions.items())],
        attack_trigger=attack_all, mutual=bool(mutual) and bool(types), mutual_cues=mutual)


def _conditions(sent: str, off: int, found: dict, into: dict[str, list[Span]], lex: Lexicon) -> None:
    """Condition cues of a sentence, named by the ATOP variable of each obligation found in it."""
    for cue in lex.conditions:
        spans = _hits([cue.pattern], sent, off, lex.negation)
        if not spans:
            continue
        for obligation in found:
            variable = lex.variables.get(obligation, {}).get(cue.variable)
            if variable:
                into.setdefault(variable, []).extend(spans)


class TreatyCoding(Model):
    types: list[str]
    conditions: list[str]
    by_article: dict[str, ClauseCoding]


def code_treaty(articles: dict[str, str], lex: Lexicon) -> TreatyCoding:
    """Treaty-level coding: the union of the articles' obligations; a defense condition found in
    an article with an attack trigger but no obligation of its own (a definitional article such
    as NAT Art. 6) conditions the treaty's defense obligation."""
    coded = {name: classify_clause(text, lex) for name, text in articles.items()}
    types = {t for c in coded.values() for t in c.types()}
    conditions: set[str] = set()
    for c in coded.values():
        names = c.condition_names()
        if c.types():
            conditions |= {n for n in names if _type_of(n, lex) in c.types()}
        elif "defense" in types:
            conditions |= {n for n in names if n.startswith("def")}
    return TreatyCoding(types=[t for t in TYPES if t in types], conditions=sorted(conditions),
                        by_article=coded)


def _type_of(variable: str, lex: Lexicon) -> str | None:
    for obligation, table in lex.variables.items():
        if variable in table.values():
            return obligation
    return None


ARTICLE = re.compile(r"^\s*Article\s+([0-9IVXL]+)\s*$", re.MULTILINE)


def split_articles(text: str) -> dict[str, str]:
    """A treaty text split at its 'Article N' headings: {'Art. N': body}."""
    heads = list(ARTICLE.finditer(text))
    return {f"Art. {h.group(1)}": text[h.end(): heads[i + 1].start() if i + 1 < len(heads)
                                       else len(text)].strip()
            for i, h in enumerate(heads)}
