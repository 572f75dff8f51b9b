"""Token-set to character-span helpers over a spaCy parse."""

from __future__ import annotations

import re
from collections.abc import Iterable

CharSpan = tuple[int, int]
EDGE_DEPS = frozenset({"punct", "cc", "preconj"})


def subtree_ids(tok, exclude: Iterable = ()) -> set[int]:
    """Indices of ``tok``'s subtree without the subtrees of the ``exclude`` tokens."""
    ids = {t.i for t in tok.subtree}
    for other in exclude:
        ids -= {t.i for t in other.subtree}
    return ids


def _trim(doc, run: list[int]) -> list[int]:
    """Drop punctuation and conjunctions at both ends of a run of token indices."""
    while run and _edge(doc[run[0]], first=True):
        run = run[1:]
    while run and _edge(doc[run[-1]], first=False) and not _closes(doc, run):
        run = run[:-1]
    return run


def _closes(doc, run: list[int]) -> bool:
    """The run ends with the bracket closing one it opens: "Paul Ryan (R-Wis.)"."""
    return doc[run[-1]].text == ")" and any(doc[i].text == "(" for i in run)


def _edge(tok, first: bool) -> bool:
    if tok.is_space or tok.dep_ in ("cc", "preconj"):
        return True
    if not tok.is_punct:
        return False
    quote = tok.is_quote or tok.text in "“”‘’\"'"
    return not quote or (tok.text in "”’" if first else tok.text in "“‘")


def runs(doc, ids: set[int]) -> list[list[int]]:
    """Contiguous runs of token indices, each trimmed of edge punctuation."""
    out: list[list[int]] = []
    for i in sorted(ids):
        if out and out[-1][-1] == i - 1:
            out[-1].append(i)
        else:
            out.append([i])
    trimmed = (_trim(doc, run) for run in out)
    return [run for run in trimmed if run]


def char_spans(doc, ids: set[int]) -> tuple[CharSpan, ...]:
    """Character spans of the contiguous runs of ``ids`` (discontinuous content allowed)."""
    return tuple((doc[r[0]].idx, doc[r[-1]].idx + len(doc[r[-1]])) for r in runs(doc, ids))


def tok_span(*toks) -> CharSpan:
    first = min(toks, key=lambda t: t.i)
    last = max(toks, key=lambda t: t.i)
    return (first.idx, last.idx + len(last))


def hull(spans: Iterable[CharSpan]) -> CharSpan | None:
    spans = list(spans)
    if not spans:
        return None
    return (min(s for s, _ in spans), max(e for _, e in spans))


def overlaps(a: CharSpan | None, b: CharSpan | None) -> bool:
    return a is not None and b is not None and a[0] < b[1] and b[0] < a[1]


# also the ''…'' of some wires, and a nested '…' closing with it: ''He said, 'No,''' she said
QUOTATION = re.compile(r"“[^”\n]*”|\"[^\"\n]*\"|''[^\n]*?'''?")


PLACE = r"[A-Z][A-Za-z.'’ ]{1,30}(?:, [A-Z][A-Za-z.]+\.?(?: \d{1,2})?)?"


def dateline_pattern(agencies: Iterable[str]) -> re.Pattern:
    """A wire dateline: a place and an agency ("WASHINGTON (AP) — ", "NEW YORK, Dec. 11 (UPI) —
    "), or a place in capitals ("CLEVELAND - "); ``agencies`` come from the lexicon."""
    wires = "|".join(re.escape(a) for a in agencies)
    return re.compile(
        rf"(?:{PLACE} \((?:{wires}|[A-Z]{{2,8}})\)|[A-Z][A-Z.'’ ]{{2,30}}"
        r"(?:, [A-Z][A-Za-z.]+\.?(?: \d{1,2})?)?)\s*(?:—|–|--|-)\s+")


def dateline_end(text: str, lo: int, dateline: re.Pattern) -> int:
    """Where a wire dateline (``dateline``, see :func:`dateline_pattern`) opening the paragraph
    at ``lo`` ends; ``lo`` when there is none."""
    m = dateline.match(text, lo)
    return m.end() if m else lo


def paragraph(text: str, at: int) -> CharSpan:
    """The line (news paragraph) of ``text`` holding offset ``at``."""
    end = text.find("\n", at)
    return text.rfind("\n", 0, at) + 1, len(text) if end < 0 else end


def quotations(text: str, lo: int, hi: int) -> list[CharSpan]:
    """Quotations (with their marks) between ``lo`` and ``hi``; they may span sentences."""
    return [(m.start() + lo, m.end() + lo) for m in QUOTATION.finditer(text[lo:hi])]


def clip(text: str, spans: Iterable[CharSpan], lo: int, hi: int) -> tuple[CharSpan, ...]:
    """The parts of ``spans`` inside ``[lo, hi)``, without surrounding white space."""
    out = []
    for s, e in spans:
        s, e = max(s, lo), min(e, hi)
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            out.append((s, e))
    return tuple(out)


def merge(spans: Iterable[CharSpan]) -> tuple[CharSpan, ...]:
    """Sorted spans with overlapping ones joined."""
    out: list[CharSpan] = []
    for s, e in sorted(spans):
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(e, out[-1][1]))
        else:
            out.append((s, e))
    return tuple(out)


QUOTE_MARK = re.compile(r"“|”|''|\"")
LINE = re.compile(r"[^\n]+")


def quoted_regions(text: str) -> list[CharSpan]:
    """Stretches inside quotation marks (with the marks), paragraph by paragraph.  A quotation
    still open at its paragraph's end runs to that end: news leaves a quotation that goes on
    into the next paragraph unclosed, and such a paragraph is quoted speech throughout."""
    out: list[CharSpan] = []
    for line in LINE.finditer(text):
        start = None
        for mark in QUOTE_MARK.finditer(text, line.start(), line.end()):
            if start is None and mark.group() != "”":
                start = mark.start()
            elif start is not None and mark.group() != "“":
                out.append((start, mark.end()))
                start = None
        if start is not None:
            out.append((start, line.end()))
    return out
