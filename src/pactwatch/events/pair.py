"""Type the relation between a given source and target in a sentence.

The dependency path from the source to the target carries the event: the trigger nearest
the target on that path gives the type; a frame above it ("refused to", "threatened to",
"called on ... to", "agreed to") recodes it; negation of a cooperative act is a refusal.
When no trigger lies on the path, the nearest trigger elsewhere in the clause is used.
"""

from __future__ import annotations

from dataclasses import dataclass

from pactwatch.events.lexicon import EventLexicon
from pactwatch.events.tree import frame_at, lowest_common_ancestor, negated, trigger_at

REPORTING = frozenset({"say", "tell", "state", "add", "report", "announce", "note", "claim", "write", "quote"})


@dataclass(frozen=True)
class PairType:
    type: str | None
    cameo: str | None = None
    mode: str | None = None
    trigger: str | None = None
    route: str = "none"  # path | frame | clause | none
    negated: bool = False


def path_tokens(source, target) -> tuple[list, list]:
    """(tokens from the common ancestor down to the target, ... down to the source), top first."""
    top = lowest_common_ancestor(source, target)
    return _down(top, target), _down(top, source)


def _down(top, token) -> list:
    chain = [token]
    while chain[-1] is not top and chain[-1].head is not chain[-1]:
        chain.append(chain[-1].head)
    return list(reversed(chain))


def _innermost(tokens: list, lex: EventLexicon):
    """The trigger nearest the end of the path (the target side), with its lexicon entry."""
    for token in reversed(tokens):
        entry = trigger_at(token, lex)
        if entry and token.lemma_.lower() not in REPORTING:
            return token, entry
    return None, None


def _frame_above(tokens: list, below, lex: EventLexicon, inner_type: str):
    for token in reversed(tokens[: tokens.index(below)] if below in tokens else tokens):
        frame = frame_at(token, lex, inner_type)
        if frame:
            return token, frame
    return None, None


def _outcome(token, entry, route: str, tokens: list, lex: EventLexicon) -> PairType:
    frame_tok, frame = _frame_above(tokens, token, lex, entry.type)
    neg = any(negated(t) for t in tokens[tokens.index(token):] if t in tokens) or negated(token)
    if frame:
        return PairType(frame.type, frame.cameo, None, frame_tok.lemma_, "frame", neg)
    return PairType(entry.type, entry.cameo, entry.mode, token.lemma_, route, neg)


def type_pair(source, target, lex: EventLexicon) -> PairType:
    """Type the event linking the ``source`` and ``target`` head tokens."""
    to_target, to_source = path_tokens(source, target)
    inner = [t for t in to_target if t is not target] + [t for t in to_source[1:] if t is not source]
    token, entry = _innermost([t for t in to_target if t is not target], lex)
    if token is None:
        token, entry = _innermost([t for t in to_source if t is not source], lex)
    if token is not None:
        path = to_target if token in to_target else to_source
        return _outcome(token, entry, "path", path, lex)
    return _clause_fallback(source, target, inner, lex)


def _clause_fallback(source, target, path: list, lex: EventLexicon) -> PairType:
    """No trigger on the path: the trigger nearest the target within the sentence."""
    sent = target.sent
    candidates = sorted(sent, key=lambda t: abs(t.i - target.i))
    for token in candidates:
        if token in (source, target):
            continue
        entry = trigger_at(token, lex)
        if entry and token.lemma_.lower() not in REPORTING:
            chain = _down(lowest_common_ancestor(token, target), token)
            return _outcome(token, entry, "clause", chain, lex)
    return PairType(None)
