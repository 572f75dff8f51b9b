"""Which event a time expression dates: the one whose trigger governs it in the dependency tree.

A sentence may hold several events and several dates: "The pact comes after it was endorsed by
the Duma on October 24, and coincides with reports of troops deployed in Kursk" dates the
endorsement, not the deployment.  A time mention dates an event when the path from the time
expression up to its nearest verb meets the event's *time chain*: the trigger, the words between
it and its predicate (a light verb or frame: "launched [an attack] on Monday", "refused on Monday
to [send]"), and the heads it inherits its time from through the links of
``time.yaml: attachment`` ("voted to [ratify]", "[the attack] came on Monday", "on February 26,
when X [voted]").  Reported speech, coordinated clauses and clauses marked "after"/"before" keep
their own time.
"""

from __future__ import annotations

from collections.abc import Iterable

from pactwatch.context import TimeMention
from pactwatch.dates.data import Attachment

VERBAL = frozenset({"VERB", "AUX"})
NOMINAL = frozenset({"NOUN", "PROPN"})
MAX_STEPS = 8


def _inherits(node, rules: Attachment) -> bool:
    """Whether ``node`` shares the time of its head."""
    if node.dep_ in rules.argument_links:
        return node.pos_ in NOMINAL
    if node.dep_ == "relcl":  # only a clause on a time noun: "on February 26, when X voted"
        return node.head.ent_type_ in ("DATE", "TIME")
    if node.dep_ in rules.inherit_links:
        markers = {c.lower_ for c in node.children if c.dep_ == "mark"}
        return not markers & set(rules.own_time_markers)
    return False


def time_chain(trigger, pred, rules: Attachment) -> set[int]:
    """Token indices that carry the event's time: trigger, up to its predicate, and inherited heads."""
    chain, node = {trigger.i}, trigger
    if pred is not None and pred.i != trigger.i and pred.i in {a.i for a in trigger.ancestors}:
        while node.i != pred.i:
            node = node.head
            chain.add(node.i)
    for _ in range(MAX_STEPS):
        if node.head.i == node.i or not _inherits(node, rules):
            break
        node = node.head
        chain.add(node.i)
    return chain


def time_path(doc, mention: TimeMention) -> set[int]:
    """The time expression's tokens and its heads up to the nearest verb (inclusive)."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return set()
    path, node = {t.i for t in span}, span.root
    for _ in range(MAX_STEPS):
        if node.head.i == node.i or (node.pos_ in VERBAL and node.i not in {t.i for t in span}):
            break
        node = node.head
        path.add(node.i)
    return path


def attached_times(trigger, pred, times: Iterable[TimeMention], rules: Attachment) -> list[TimeMention]:
    """The time mentions of the trigger's sentence that date its event, nearest first."""
    sent, doc = trigger.sent, trigger.doc
    chain = time_chain(trigger, pred, rules)
    here = [t for t in times if sent.start_char <= t.start < sent.end_char]
    hits = [t for t in here if time_path(doc, t) & chain]
    return sorted(hits, key=lambda t: abs(t.start - trigger.idx))
