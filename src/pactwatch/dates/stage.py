"""The time stage: time expressions in the article, resolved against its publication date.

Candidates are spaCy's DATE and TIME entities plus explicit day-and-month dates found by a
pattern (spaCy misses some, e.g. in upper-case wire copy).  A dateline ("Friday, January 4,
2019" opening a Wikinews article, "LIMA, 5 OCT 89 (EFE) --" in MUC-4) is the publication date,
not an event date: it yields no mention, and stands in for a missing publication date.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING

from pactwatch.context import ArticleContext, TimeMention
from pactwatch.dates.data import TimeRules
from pactwatch.dates.resolve import _ORD, MONTH, WEEKDAY, is_anaphoric, resolve, resolve_anaphoric
from pactwatch.nlp import doc_text, span_text
from pactwatch.records import DateValue
from pactwatch.stages import article_stage

if TYPE_CHECKING:
    from pactwatch.resources import Resources

TIME_LABELS = frozenset({"DATE", "TIME"})
SCAN = re.compile(
    rf"\b(?:{WEEKDAY},? )?(?:\d{{1,2}}{_ORD} (?:of )?{MONTH}\.?(?:,? \d{{4}}|\s\d{{2}}\b)?"
    rf"|{MONTH}\.? \d{{1,2}}{_ORD}(?:,? \d{{4}})?)\b", re.IGNORECASE)
DATELINE_PREFIX = re.compile(r"^[A-Za-z .'()-]{0,60},\s*$")


def is_dateline(text: str, start: int) -> bool:
    """True for a date opening the article's first line, alone or after a place name."""
    line_end = text.find("\n")
    line_end = len(text) if line_end < 0 else line_end
    head = text[:start]
    return start < min(line_end, 80) and (not head.strip() or bool(DATELINE_PREFIX.match(head)))


def dateline_date(text: str, rules: TimeRules) -> date | None:
    """The date of the article's dateline, if it has one with a year."""
    match = SCAN.search(text[:120])
    if not match or not is_dateline(text, match.start()):
        return None
    found = resolve(match.group(), None, rules)
    return found.value if found else None


def reference_date(published: date | None, text: str, rules: TimeRules) -> date | None:
    """The date relative dates are resolved from: the publication date, else the dateline's
    (an article read with no ``--published`` and no front matter)."""
    return published or dateline_date(text, rules)


def _governing_verbs(span) -> list:
    tok, steps = span.root, 0
    while tok.pos_ not in ("VERB", "AUX") and tok.head is not tok and steps < 4:
        tok, steps = tok.head, steps + 1
    return [tok, tok.head] if tok.dep_ in ("xcomp", "ccomp", "advcl") else [tok]


def is_future(span, rules: TimeRules) -> bool:
    """Future wording on the verb governing a time expression ("will meet on Monday")."""
    cues = rules.future_cues.words
    for verb in _governing_verbs(span):
        if verb.lower_ in cues or any(c.lower_ in cues for c in verb.children
                                      if c.dep_ in ("aux", "auxpass", "advmod", "xcomp")):
            return True
    return False


def _pieces(span) -> Iterator:
    """A span cut at line breaks (spaCy may join a dateline and "Yesterday" into one entity)."""
    for match in re.finditer(r"[^\n]+", span.text):
        piece = span.doc.char_span(span.start_char + match.start(), span.start_char + match.end(),
                                   alignment_mode="contract")
        if piece is not None and piece.text.strip():
            yield piece


def _person_name(span) -> bool:
    """"Theresa May": a bare month name right after a proper noun is a surname."""
    prev = span.doc[span.start - 1] if span.start > 0 else None
    return len(span) == 1 and prev is not None and prev.pos_ == "PROPN" and prev.is_title


def relative_scanner(rules: TimeRules) -> re.Pattern:
    """Relative phrases and "N days ago", for text spaCy tags poorly (upper-case wire copy)."""
    return _scanner(tuple(rules.relative.phrases) + tuple(rules.anaphoric.phrases))


@lru_cache(maxsize=8)
def _scanner(phrases: tuple[str, ...]) -> re.Pattern:
    phrases = tuple(sorted(phrases, key=len, reverse=True))
    alternation = "|".join(re.escape(p) for p in phrases)
    return re.compile(rf"\b(?:{alternation}|\w+ (?:day|week|month|year)s? (?:ago|later|earlier))\b", re.IGNORECASE)


def _candidates(doc, rules: TimeRules) -> Iterator:
    for ent in doc.ents:
        if ent.label_ in TIME_LABELS:
            yield from (p for p in _pieces(ent) if not _person_name(p))
    text = doc_text(doc)
    matches = [*SCAN.finditer(text), *relative_scanner(rules).finditer(text)]
    for match in matches:
        span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
        if span is not None:
            yield span


def times_in(ctx: ArticleContext, rules: TimeRules) -> tuple[TimeMention, ...]:
    """Time mentions in text order; an anaphoric one ("two days later") is dated from the mention
    before it when that lies in the same or the previous sentence, else left out."""
    text = ctx.article.text
    ref = reference_date(ctx.article.published, text, rules)
    kept: list[tuple] = []  # (span, value or None when anaphoric)
    for span in _candidates(ctx.doc, rules):
        if is_dateline(text, span.start_char) or _overlaps([k[0] for k in kept], span):
            continue
        value = None if is_anaphoric(span.text, rules) else resolve(span.text, ref, rules, is_future(span, rules))
        if value is not None or is_anaphoric(span.text, rules):
            kept.append((span, value))
    found: list[TimeMention] = []
    for span, value in sorted(kept, key=lambda k: k[0].start_char):
        value = value or resolve_anaphoric(span.text, _anchor(found, span), rules)
        if value is not None:
            found.append(TimeMention(span.start_char, span.end_char, span_text(span), value))
    return tuple(found)


def _anchor(found: list[TimeMention], span) -> DateValue | None:
    """The date of the last mention before ``span``, if in its sentence or the one before."""
    if not found:
        return None
    sent = span.sent
    previous = span.doc[sent.start - 1].sent if sent.start > 0 else sent
    return found[-1].date if found[-1].start >= previous.start_char else None


def _overlaps(spans: list, span) -> bool:
    return any(s.start_char < span.end_char and span.start_char < s.end_char for s in spans)


def run(ctx: ArticleContext, resources: Resources) -> ArticleContext:
    return ctx.with_(times=times_in(ctx, resources.time_rules))


STAGE = article_stage(
    name="pactwatch.time.v1",
    reads=("doc",),
    writes=("times",),
    run=run,
    doc="time expressions resolved against the publication date (day, month or year precision)",
)
