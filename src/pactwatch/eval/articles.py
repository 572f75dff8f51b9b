"""Score what a user gets from :func:`pactwatch.api.extract` on hand-coded whole articles.

The key (one JSON line per article, see ``KEY-GUIDE.md`` beside the key files) codes the
article's events, claims and treaties; each keyed article's text is run through exactly
``pactwatch.api.extract(text, published=..., title=..., config=config)`` and scored:

* A ``must`` event is **found** when one extracted event shares a source code with it (when
  the key has one) and a target code (when the key has one); an extracted event's codes are the
  ``country`` fields of its source/target actors.  When the key has neither code, it is found
  when an extracted event's evidence sentence overlaps the key's quote located in the text.
  Among the matching events the best one is taken: one with the key's type and status first,
  then one with the key's type.  **typed**: that event has the key's type; **standing**: it has
  the key's type and the key's status.
* A ``must`` claim is **found** when a claimant entry of some extracted claim has the key's
  claimant code (``actor.country``) and stance.
* A keyed treaty (every one is scored) is **found** when an extracted treaty has at least
  ``min(2, number of key parties)`` of the key's party codes (so never for a key without
  parties); **named** when it is found and its name (less a bracketed list of its own parties,
  :func:`bare_name`) matches the key's name by :func:`name_matches`.
* The count ratio of an article is the number of extracted events over the key's
  ``distinct_event_count_estimate`` (none when the estimate is 0); the report gives the median.

``misses`` lists each missed must event, must claim and treaty with its quote beside the
nearest predicted record of its kind: the one whose first evidence sentence starts closest (in
characters) to where the quote sits in the text.
"""

from __future__ import annotations

import json
import re
import statistics
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field, fields
from datetime import date
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from pactwatch import api
from pactwatch.config import Config
from pactwatch.errors import PactwatchError
from pactwatch.records import Claim, Event, Extraction, Treaty

M = TypeVar("M", bound=BaseModel)

#: words a treaty name shares with any other; they never make two names match
GENERIC_NAME_WORDS = frozenset({
    "a", "an", "the", "of", "for", "on", "and", "to", "in", "with", "between", "by", "new",
    "joint", "mutual", "agreement", "agreements", "treaty", "treaties", "pact", "pacts",
    "accord", "accords", "deal", "deals", "convention", "protocol", "alliance", "initiative",
    "partnership", "memorandum", "understanding", "framework", "arrangement",
})
WORD = re.compile(r"\w+")


# ---- the key and the texts ------------------------------------------------------------------

class KeyRecord(BaseModel):
    model_config = ConfigDict(frozen=True, extra="ignore", populate_by_name=True)


class KeyEvent(KeyRecord):
    must: bool
    type: str
    status: str
    quote: str
    source: list[str] = Field(default_factory=list)
    target: list[str] = Field(default_factory=list)
    mode: str | None = None


class KeyClaim(KeyRecord):
    must: bool
    claimant: str | None
    stance: str
    quote: str
    proposition: str | None = None


class KeyTreaty(KeyRecord):
    name: str
    parties: list[str] = Field(default_factory=list)
    quote: str = ""
    stage: str | None = None


class KeyArticle(KeyRecord):
    id: str
    published: date | None = None
    distinct_event_count_estimate: int
    events: list[KeyEvent] = Field(default_factory=list)
    claims: list[KeyClaim] = Field(default_factory=list)
    treaties: list[KeyTreaty] = Field(default_factory=list)


class ArticleText(KeyRecord):
    id: str
    text: str
    title: str | None = None
    published: date | None = Field(default=None, alias="date")


def _read_jsonl(path: Path, model: type[M], code: str) -> Iterator[M]:
    if not path.is_file():
        raise PactwatchError("PW230", path=path)
    with path.open(encoding="utf-8") as fh:
        for number, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                yield model.model_validate(json.loads(line))
            except (json.JSONDecodeError, ValidationError) as exc:
                detail = str(exc).splitlines()[0] if isinstance(exc, ValidationError) else exc
                raise PactwatchError(code, path=path, line=number, detail=detail) from None


def read_key(path: Path) -> list[KeyArticle]:
    """The keyed articles of a whole-article key file (PW230 missing, PW231 a bad line)."""
    return list(_read_jsonl(Path(path), KeyArticle, "PW231"))


def read_texts(path: Path, ids: list[str]) -> dict[str, ArticleText]:
    """The texts of ``ids`` from an articles file (PW232 a bad line, PW233 an id with no text)."""
    wanted = set(ids)
    texts = {a.id: a for a in _read_jsonl(Path(path), ArticleText, "PW232") if a.id in wanted}
    missing = [i for i in ids if i not in texts]
    if missing:
        raise PactwatchError("PW233", path=path, id=missing[0])
    return texts


def read_ids(path: Path) -> list[str]:
    """The article ids of a list file: one a line; blank lines and ``#`` comments skipped."""
    path = Path(path)
    if not path.is_file():
        raise PactwatchError("PW230", path=path)
    lines = (line.strip() for line in path.read_text(encoding="utf-8").splitlines())
    return [line for line in lines if line and not line.startswith("#")]


# ---- the matching rules ---------------------------------------------------------------------

Span = tuple[int, int]


def locate(text: str, quote: str) -> Span | None:
    """Where ``quote`` sits in ``text`` (whitespace-insensitive), or None."""
    at = text.find(quote)
    if at >= 0:
        return at, at + len(quote)
    words = quote.split()
    found = re.search(r"\s+".join(map(re.escape, words)), text) if words else None
    return found.span() if found else None


def codes(actors) -> set[str]:
    return {a.country for a in actors if a.country}


def _codes_match(key: KeyEvent, event: Event) -> bool:
    if key.source and not set(key.source) & codes(event.source):
        return False
    return not key.target or bool(set(key.target) & codes(event.target))


def _overlaps(event: Event, span: Span | None) -> bool:
    return span is not None and any(e.start < span[1] and span[0] < e.end for e in event.evidence)


@dataclass(frozen=True)
class EventMatch:
    event: Event | None
    found: bool
    typed: bool
    standing: bool


def match_event(key: KeyEvent, events: list[Event], span: Span | None) -> EventMatch:
    """The best extracted event for a key event (see the module docstring)."""
    if key.source or key.target:
        candidates = [e for e in events if _codes_match(key, e)]
    else:
        candidates = [e for e in events if _overlaps(e, span)]
    best = max(candidates, default=None,
               key=lambda e: (e.type == key.type and e.status == key.status, e.type == key.type))
    typed = best is not None and best.type == key.type
    return EventMatch(best, best is not None, typed, typed and best.status == key.status)


def claim_found(key: KeyClaim, claims: list[Claim]) -> bool:
    return any(entry.actor is not None and entry.actor.country == key.claimant
               and entry.stance == key.stance for claim in claims for entry in claim.claimants)


def treaty_found(key: KeyTreaty, treaty: Treaty) -> bool:
    """At least min(2, number of key parties) common party codes (never for no key parties)."""
    need = max(1, min(2, len(key.parties)))
    return len(set(key.parties) & set(treaty.parties)) >= need


def distinctive_words(name: str) -> set[str]:
    return {w for w in WORD.findall(name.lower()) if w not in GENERIC_NAME_WORDS}


def name_matches(key_name: str, name: str) -> bool:
    """An extracted treaty name matches a key name when an acronym of it (an all-capitals word
    of 3 or more letters, "NAFTA") is a word of the key name, or when the two share at least
    ``min(2, n)`` distinctive words, n the fewer distinctive words of the two names (words other
    than :data:`GENERIC_NAME_WORDS`).  A name of generic words only ("the agreement") never
    matches."""
    key_words, words = distinctive_words(key_name), distinctive_words(name)
    acronyms = {w.lower() for w in WORD.findall(name) if len(w) >= 3 and w.isupper()}
    if acronyms & key_words:
        return True
    need = min(2, len(key_words), len(words))
    return need > 0 and len(key_words & words) >= need


PARENS = re.compile(r"\(([^()]*)\)")


def bare_name(treaty: Treaty) -> str:
    """The treaty's name without a bracketed list of its own parties ("a pact (SAM, BRA)" ->
    "a pact"), so party codes the extractor appends never make a name match."""
    def strip(found: re.Match) -> str:
        items = {p.strip() for p in found.group(1).split(",")}
        return "" if items <= set(treaty.parties) else found.group(0)

    return PARENS.sub(strip, treaty.name).strip()


def best_treaty(key: KeyTreaty, treaties: list[Treaty]) -> tuple[bool, bool]:
    """(found, named) for a key treaty."""
    found = [t for t in treaties if treaty_found(key, t)]
    return bool(found), any(name_matches(key.name, bare_name(t)) for t in found)


# ---- the nearest predicted record of a miss --------------------------------------------------

@dataclass(frozen=True)
class Nearest:
    """A predicted record shown beside a miss: for a claim, ``type`` is its stances, ``source``
    its claimants' codes and ``target`` its subjects; for a treaty ``type`` is its name and
    ``source`` its parties."""

    type: str
    source: list[str]
    target: list[str]
    status: str | None
    evidence: str


def _start(record: Event | Claim | Treaty) -> int | None:
    return record.evidence[0].start if record.evidence else None


def nearest(records: list, at: int | None):
    """The record whose first evidence sentence starts closest to character ``at``."""
    placed = [r for r in records if _start(r) is not None]
    if at is None or not placed:
        return None
    return min(placed, key=lambda r: abs(_start(r) - at))


def describe(record: Event | Claim | Treaty) -> Nearest:
    sentence = record.evidence[0].text if record.evidence else ""
    if isinstance(record, Event):
        return Nearest(record.type, sorted(codes(record.source)), sorted(codes(record.target)),
                       record.status, sentence)
    if isinstance(record, Claim):
        stances = "/".join(sorted({e.stance for e in record.claimants}))
        return Nearest(f"claim {stances}", sorted(codes(e.actor for e in record.claimants if e.actor)),
                       list(record.subjects), record.status, sentence)
    return Nearest(record.name, list(record.parties), [], record.status, sentence)


@dataclass(frozen=True)
class Miss:
    article: str
    kind: str  # event, claim or treaty
    key: str  # the key record in a few words
    quote: str
    nearest: Nearest | None

    def as_dict(self) -> dict:
        return asdict(self)


# ---- scoring an article ----------------------------------------------------------------------

@dataclass(frozen=True)
class Counts:
    """What an article (or the whole key) has and what was found of it."""

    must_events: int
    found: int
    typed: int
    standing: int
    must_claims: int
    claims_found: int
    treaties: int
    treaties_found: int
    treaties_named: int


@dataclass(frozen=True)
class ArticleRow(Counts):
    id: str
    extracted_events: int
    estimate: int

    @property
    def count_ratio(self) -> float | None:
        return self.extracted_events / self.estimate if self.estimate else None

    def as_dict(self) -> dict:
        return {"id": self.id, **asdict(self), "count_ratio": _round(self.count_ratio)}


@dataclass(frozen=True)
class ArticleScore:
    row: ArticleRow
    misses: list[Miss]


def _event_key(key: KeyEvent) -> str:
    return f"{key.type} {'/'.join(key.source) or '-'} -> {'/'.join(key.target) or '-'} {key.status}"


def _miss(article: str, kind: str, key: str, quote: str, records: list, text: str) -> Miss:
    span = locate(text, quote) if quote else None
    found = nearest(records, span[0] if span else None)
    return Miss(article, kind, key, quote, describe(found) if found else None)


def _score_events(key: KeyArticle, ext: Extraction) -> tuple[list[EventMatch], list[Miss]]:
    text, musts = ext.article.text, [e for e in key.events if e.must]
    matches = [match_event(k, ext.events, locate(text, k.quote)) for k in musts]
    misses = [_miss(key.id, "event", _event_key(k), k.quote, ext.events, text)
              for k, m in zip(musts, matches, strict=True) if not m.found]
    return matches, misses


def _score_claims(key: KeyArticle, ext: Extraction) -> tuple[list[bool], list[Miss]]:
    musts = [c for c in key.claims if c.must]
    found = [claim_found(c, ext.claims) for c in musts]
    misses = [_miss(key.id, "claim", f"{c.claimant} {c.stance}", c.quote, ext.claims,
                    ext.article.text) for c, ok in zip(musts, found, strict=True) if not ok]
    return found, misses


def _score_treaties(key: KeyArticle, ext: Extraction) -> tuple[list[tuple[bool, bool]], list[Miss]]:
    results = [best_treaty(t, ext.treaties) for t in key.treaties]
    misses = [_miss(key.id, "treaty", f"{t.name} ({'/'.join(t.parties)})", t.quote,
                    ext.treaties, ext.article.text)
              for t, (ok, _) in zip(key.treaties, results, strict=True) if not ok]
    return results, misses


def score_article(key: KeyArticle, ext: Extraction) -> ArticleScore:
    """One keyed article against what was extracted from it."""
    events, event_misses = _score_events(key, ext)
    claims, claim_misses = _score_claims(key, ext)
    treaties, treaty_misses = _score_treaties(key, ext)
    row = ArticleRow(
        id=key.id, must_events=len(events), found=sum(m.found for m in events),
        typed=sum(m.typed for m in events), standing=sum(m.standing for m in events),
        must_claims=len(claims), claims_found=sum(claims), treaties=len(treaties),
        treaties_found=sum(f for f, _ in treaties), treaties_named=sum(n for _, n in treaties),
        extracted_events=len(ext.events), estimate=key.distinct_event_count_estimate)
    return ArticleScore(row, event_misses + claim_misses + treaty_misses)


# ---- the report -----------------------------------------------------------------------------

def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


@dataclass(frozen=True)
class Totals(Counts):
    median_count_ratio: float | None

    @classmethod
    def of(cls, rows: list[ArticleRow]) -> Totals:
        sums = {f.name: sum(getattr(r, f.name) for r in rows) for f in fields(Counts)}
        ratios = [r.count_ratio for r in rows if r.count_ratio is not None]
        return cls(**sums, median_count_ratio=statistics.median(ratios) if ratios else None)

    def as_dict(self) -> dict:
        return {**asdict(self), "median_count_ratio": _round(self.median_count_ratio)}


@dataclass(frozen=True)
class ArticlesReport:
    rows: list[ArticleRow]
    misses: list[Miss] = field(default_factory=list)

    @property
    def totals(self) -> Totals:
        return Totals.of(self.rows)

    def as_dict(self) -> dict:
        return {"articles": len(self.rows), "totals": self.totals.as_dict(),
                "rows": [r.as_dict() for r in self.rows],
                "misses": [m.as_dict() for m in self.misses]}


Extractor = Callable[..., Extraction]


def _extract(text: ArticleText, published: date | None, config: Config,
             extractor: Extractor) -> Extraction:
    return extractor(text.text, published=published or text.published, title=text.title, config=config)


def evaluate_articles(key_file: Path, articles_file: Path, config: Config = Config(),
                      extractor: Extractor = api.extract) -> ArticlesReport:
    """Run ``extractor`` (``pactwatch.api.extract``) on every keyed article and score it."""
    keys = read_key(key_file)
    texts = read_texts(articles_file, [k.id for k in keys])
    scores = [score_article(k, _extract(texts[k.id], k.published, config, extractor)) for k in keys]
    return ArticlesReport([s.row for s in scores], [m for s in scores for m in s.misses])


# ---- off-topic articles ---------------------------------------------------------------------

@dataclass(frozen=True)
class OfftopicReport:
    counts: dict[str, int]  # events extracted per article id, in the list's order

    @property
    def mean(self) -> float:
        return statistics.fmean(self.counts.values()) if self.counts else 0.0

    def as_dict(self) -> dict:
        return {"articles": len(self.counts), "events": sum(self.counts.values()),
                "mean": round(self.mean, 4), "counts": dict(self.counts)}


def evaluate_offtopic(ids_file: Path, articles_file: Path, config: Config = Config(),
                      extractor: Extractor = api.extract) -> OfftopicReport:
    """Events extracted from each listed article that reports no political event."""
    ids = read_ids(ids_file)
    texts = read_texts(articles_file, ids)
    return OfftopicReport({i: len(_extract(texts[i], None, config, extractor).events) for i in ids})
