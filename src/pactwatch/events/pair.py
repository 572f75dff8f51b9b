"""Type the relation between a given source and target in a sentence.

The dependency path from the source to the target carries the event: the trigger nearest
the target on that path gives the type; a frame above it ("refused to", "threatened to",
"called on ... to", "agreed to") recodes it; negation of a cooperative act is a refusal.
When no trigger lies on the path, the nearest trigger elsewhere in the sentence is used.
"""

from __future__ import annotations

from dataclasses import dataclass

from pactwatch.events.lexicon import EventLexicon
from pactwatch.events.tree import (
    ancestors_upto,
    aux_words,
    frame_at,
    governing_trigger,
    lowest_common_ancestor,
    negated,
    trigger_at,
)

REPORTING = frozenset({"say", "tell", "state", "add", "report", "announce", "note", "claim", "write", "quote"})


@dataclass(frozen=True)
class PairType:
    type: str | None
    cameo: str | None = None
    mode: str | None = None
    trigger: str | None = None
    route: str = "none"  # path | frame | clause | none
    negated: bool = False


def down_path(top, token) -> list:
    """Tokens from ``top`` down to ``token``, both included."""
    return list(reversed(ancestors_upto(token, top)))


def _innermost(tokens: list, lex: EventLexicon):
    """The trigger nearest the end of ``tokens`` (the far side of the path) and its entry; a light
    noun on the path stands for the act naming it ("launched a [mediation] effort between X and Y")."""
    for token in reversed(tokens):
        entry = trigger_at(token, lex)
        if entry and token.lemma_.lower() not in REPORTING:
            return climb(token, entry, lex)
        named = carried_act(token, lex)
        if named is not None:  # an act on the carried one governs it: "ended [mediation] efforts"
            up = governing_trigger(token, lex)
            return up if up is not None else named
    return None, None


def carried_act(token, lex: EventLexicon):
    """The act a light noun carries through a compound modifier: "effort" of "mediation effort"."""
    if token.pos_ != "NOUN" or token.lemma_.lower() not in lex.transparent:
        return None
    for child in (c for c in token.children if c.dep_ == "compound"):
        entry = trigger_at(child, lex)
        if entry:
            return child, entry
    return None


def climb(token, entry, lex: EventLexicon, steps: int = 2):
    """Move from a governed noun to the act governing it ("lifted [the ban]"), and from a participle
    describing a standing measure to the act on that measure ("lifted [sanctions] imposed on X")."""
    if token.dep_ == "acl" and token.tag_ == "VBN" and token.head.pos_ == "NOUN":
        up = governing_trigger(token.head, lex)
        if up is not None:
            token, entry = up
    for _ in range(steps):
        up = governing_trigger(token, lex)
        if up is None:
            break
        token, entry = up
    return token, entry


def _outcome(path: list, at: int, entry, route: str, lex: EventLexicon) -> PairType:
    """Code the trigger ``path[at]``; a frame above it on the path recodes it."""
    token = path[at]
    neg = negated(token) or (at > 0 and negated(path[at - 1]) and path[at - 1].lemma_ in lex.transparent)
    for k in range(at - 1, -1, -1):
        frame = frame_at(path[k], lex, entry.type, below=path[k + 1])
        if frame:
            return PairType(frame.type, frame.cameo, None, path[k].lemma_, "frame", negated(path[k]))
    rule = future_rule(token, entry.type, lex)
    if rule is not None and not neg:
        return PairType(rule.type, rule.cameo, None, token.lemma_, "future", neg)
    return PairType(entry.type, entry.cameo, entry.mode, token.lemma_, route, neg)


def future_rule(token, kind: str, lex: EventLexicon):
    """A cooperative act in the future tense is a promise (AGREE); a material conflict act in the
    future tense, stated by someone ("X said it would boycott ..."), a threat (``future_conflictual``)."""
    token = light_verb_of(token, lex)
    aux = aux_words(token)
    if kind in lex.cooperative and aux & lex.future_cooperative.aux:
        return lex.future_cooperative
    rule = lex.future_conflictual
    if rule is None or kind not in rule.types or not aux & rule.aux:
        return None
    return rule if stated(token, rule.verbs) else None


def light_verb_of(token, lex: EventLexicon):
    """The light verb carrying a nominal trigger's tense ("will hold [talks]"), else the trigger."""
    head = token.head
    if token.pos_ in ("NOUN", "PROPN") and token.dep_ in ("dobj", "nsubjpass") and head.i != token.i \
            and head.pos_ in ("VERB", "AUX") and head.lemma_.lower() in lex.transparent:
        return head
    return token


def speakers(token, lex: EventLexicon) -> list:
    """The subject of the statement verb whose content clause the trigger heads: "[Iran] said it
    would retaliate", "Moscow would respond, [the Kremlin] said"."""
    token = light_verb_of(token, lex)
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    if token.dep_ != "ccomp":
        return []
    return [c for c in token.head.children if c.dep_ in ("nsubj", "nsubjpass")]


def stated(token, verbs: frozenset[str]) -> bool:
    """``token`` heads the content clause of a statement verb ("said [it would boycott]")."""
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    return token.dep_ == "ccomp" and token.head.lemma_.lower() in verbs


CONDITION_MARKS = frozenset({"until", "unless", "if", "before", "after", "when", "while", "because", "since", "once"})


def _main_clause(inner: list) -> list:
    """The path above a condition or circumstance clause ("will not end the strike [until X meets ...]")."""
    for k, token in enumerate(inner):
        clause = token.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in CONDITION_MARKS for c in token.children)
        if k and (clause or (token.dep_ == "prep" and token.lower_ in CONDITION_MARKS)):
            return inner[:k]
    return inner


def _on_path(path: list, end_i: int, lex: EventLexicon, route: str) -> PairType | None:
    inner = [t for t in path if t.i != end_i]
    token, entry = _innermost(_main_clause(inner), lex)
    if token is None:
        token, entry = _innermost(inner, lex)
    if token is None:
        return None
    ids = [t.i for t in inner]
    if token.i not in ids:  # climbed above the path's top: code it on its own
        return _outcome([token], 0, entry, route, lex)
    return _outcome(inner, ids.index(token.i), entry, route, lex)


def demand_by_statement(source, target, top, lex: EventLexicon) -> PairType | None:
    """"X says Y must ..." / "X said reform was needed": a demand voiced by X."""
    if top.lemma_.lower() not in REPORTING or source.i not in {t.i for c in top.children
                                                              if c.dep_ == "nsubj" for t in c.subtree}:
        return None
    for clause in (c for c in top.children if c.dep_ == "ccomp"):
        if target.i in {t.i for t in clause.subtree} and (
                aux_words(clause) & lex.must.aux or clause.lemma_.lower() in lex.must.verbs):
            return PairType(lex.must.type, lex.must.cameo, None, clause.lemma_, "must")
    return None


def type_source_only(source, lex: EventLexicon) -> PairType:
    """No target marked: the event the source governs or is governed by."""
    root = source.sent.root
    return _on_path(down_path(root, source), source.i, lex, "path") or _sentence_fallback(source, source, lex)


def type_pair(source, target, lex: EventLexicon) -> PairType:
    """Type the event linking the ``source`` and ``target`` head tokens."""
    if target is None:
        return type_source_only(source, lex)
    top = lowest_common_ancestor(source, target)
    stated = demand_by_statement(source, target, top, lex)
    if stated:
        return stated
    found = _on_path(down_path(top, target), target.i, lex, "path")
    found = found or _on_path(down_path(top, source), source.i, lex, "path")
    return demand_against(found or _sentence_fallback(source, target, lex), target, lex)


def demand_against(found: PairType, target, lex: EventLexicon) -> PairType:
    """"called for sanctions against X": X is accused, not asked."""
    rule = lex.demand_against
    if rule is None or found.type != "REQUEST" or found.negated:
        return found
    if target.dep_ == "pobj" and target.head.lower_ in rule.preps:
        return PairType(rule.type, rule.cameo, None, found.trigger, found.route)
    return found


def _sentence_fallback(source, target, lex: EventLexicon) -> PairType:
    """No trigger on the path: the trigger nearest the target within the sentence."""
    for token in sorted(target.sent, key=lambda t: abs(t.i - target.i)):
        if token.i in (source.i, target.i) or token.lemma_.lower() in REPORTING:
            continue
        entry = trigger_at(token, lex)
        if entry:
            path = down_path(lowest_common_ancestor(token, target), token)
            return _outcome(path, len(path) - 1, entry, "sentence", lex)
    return PairType(None)


def plover_label(found: PairType, lex: EventLexicon) -> str | None:
    """The PLOVER type of a typed pair: a negated cooperative act is a refusal (REJECT)."""
    if found.type in lex.cooperative and found.negated:
        return "REJECT"
    return found.type


def type_spans(doc, source: tuple[int, int] | None, target: tuple[int, int] | None,
               lex: EventLexicon) -> PairType:
    """Type the relation between two character spans of a parsed sentence (rules only)."""
    from pactwatch.events.tree import span_head

    head = span_head(doc, *source) if source else None
    if head is None:
        return PairType(None)
    return type_pair(head, span_head(doc, *target) if target else None, lex)
