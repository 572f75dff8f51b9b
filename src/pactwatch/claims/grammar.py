"""Parse predicates the attribution patterns share: subjects, agents, negation, the passive."""

from __future__ import annotations

SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
RELATIVE_TAGS = ("WP", "WDT")
SPEAKER_ENTS = frozenset({"PERSON", "ORG", "GPE", "NORP"})


def agent(verb):
    """The ``by`` agent of a passive reporting verb ("it was reported by X")."""
    by = next((c for c in verb.children if c.dep_ == "agent"), None)
    return next((c for c in by.children if c.dep_ == "pobj"), None) if by else None


def is_negated(tok) -> bool:
    return any(c.dep_ == "neg" for c in tok.children)


def is_passive(verb) -> bool:
    """A passive cue ("it was reported"), or a bare passive participle ("Asked about X, …")."""
    if any(c.dep_ in ("auxpass", "nsubjpass", "csubjpass") for c in verb.children):
        return True
    return verb.tag_ == "VBN" and verb.dep_ == "advcl" and not any(
        c.dep_ in SUBJECT_DEPS or c.dep_ == "aux" for c in verb.children)


def has_subject(verb) -> bool:
    return any(c.dep_ in SUBJECT_DEPS for c in verb.children)
