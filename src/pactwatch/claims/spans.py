"""Token-set to character-span helpers over a spaCy parse."""

from __future__ import annotations

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
    while run and _edge(doc[run[-1]], first=False):
        run = run[:-1]
    return run


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
