"""Who did it and to whom: the source and target arguments of a trigger, as actors."""

from __future__ import annotations

from pactwatch.events.lexicon import EventLexicon
from pactwatch.nlp import doc_text
from pactwatch.records import Actor

SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
ACTOR_ENTS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
CUT_DEPS = frozenset({"relcl", "acl", "advcl", "appos", "punct", "cc", "prep", "ccomp", "xcomp"})


def subjects(pred) -> list:
    """The agent of ``pred``: nsubj, "by X" of a passive, or the subject it inherits (xcomp, conj)."""
    found = [c for c in pred.children if c.dep_ in SUBJECT_DEPS]
    found += [g for c in pred.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    if found:
        return found
    if pred.dep_ in ("xcomp", "conj", "advcl", "acomp") and pred.head.i != pred.i and not _bare_passive(pred):
        return subjects(pred.head)
    if pred.pos_ in ("NOUN", "PROPN"):
        owners = [c for c in pred.children if c.dep_ in ("poss", "compound", "amod") and _is_agent_word(c)]
        return owners or [g for c in pred.children if c.dep_ == "amod" for g in c.children
                          if g.dep_ in ("nsubj", "poss") and _is_agent_word(g)]
    return []


def _bare_passive(pred) -> bool:
    """A reduced passive clause ("If convicted, X could ..."): the subject it leans on is its patient."""
    return pred.dep_ == "advcl" and pred.tag_ == "VBN" and not any(c.dep_ in ("aux", "nsubj") for c in pred.children)


def _is_agent_word(token) -> bool:
    return token.ent_type_ in ACTOR_ENTS or token.pos_ == "PROPN"


def objects(token, lex: EventLexicon) -> list:
    """Recipients: the direct object, the passive subject, and objects of recipient prepositions."""
    found = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass", "dative", "attr")]
    for holder in [token] + [c for c in token.children if c.dep_ == "dobj"]:
        for prep in (c for c in holder.children if c.dep_ in ("prep", "dative")):
            if prep.lower_ in lex.target_preps:
                found += [g for g in prep.children if g.dep_ == "pobj"]
    return found


def np_bounds(token) -> tuple[int, int]:
    """Character span of the noun phrase headed by ``token`` (no relative clauses or PPs)."""
    left = min([token] + [t for c in token.children if c.dep_ not in CUT_DEPS and c.i < token.i
                          for t in c.subtree], key=lambda t: t.i)
    right = max([token] + [t for c in token.children if c.dep_ in ("compound", "amod", "nummod", "poss")
                           and c.i > token.i for t in c.subtree], key=lambda t: t.i)
    return left.idx, right.idx + len(right)


COUNT_NOUNS = frozenset({"thousands", "hundreds", "dozens", "scores", "tens", "millions", "group", "number",
                         "some", "many", "most", "all", "members", "hundred", "thousand", "dozen"})


def _through_count(token):
    """"thousands of students" names the students."""
    if token.lower_ in COUNT_NOUNS or token.pos_ == "NUM":
        inner = [g for c in token.children if c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
        return inner[0] if inner else token
    return token


def conjuncts(token) -> list:
    token = _through_count(token)
    return [token] + [c for c in token.children if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN")]


def resolve(tokens: list, known: tuple[Actor, ...], lex: EventLexicon) -> list[Actor]:
    """Actors named by argument tokens: the actors stage's records, else the phrase itself."""
    out: list[Actor] = []
    for head in (c for t in tokens for c in conjuncts(t)):
        start, end = np_bounds(head)
        hits = [a for a in known if a.start is not None and a.start < end and a.end > start]
        out += hits or _fallback(head, start, end, lex)
    return _unique(out)


def _fallback(head, start: int, end: int, lex: EventLexicon) -> list[Actor]:
    if head.pos_ == "PRON" or not (head.ent_type_ in ACTOR_ENTS or head.lemma_.lower() in lex.agent_nouns
                                   or head.lower_ in lex.agent_nouns):
        return []
    text = doc_text(head.doc)[start:end]
    for article in ("the ", "The ", "a ", "A ", "an ", "An "):
        if text.startswith(article):
            text, start = text[len(article):], start + len(article)
    return [Actor(name=text, text=text, start=start, end=end)]


def _unique(actors: list[Actor]) -> list[Actor]:
    seen: dict[tuple, Actor] = {}
    for actor in actors:
        seen.setdefault((actor.key(), actor.start), actor)
    return list(seen.values())


def arg_spans(tokens: list, whole: bool = False) -> tuple[tuple[int, int], ...]:
    """Character spans of the noun phrases heading ``tokens`` and their conjuncts, actors or not;
    with ``whole``, each phrase with its modifiers ("a French citizen held hostage in Yemen")."""
    heads = [head for t in tokens for head in conjuncts(t) if head.pos_ != "PRON"]
    return tuple(np_bounds(h) for h in heads) + (tuple(_whole(h) for h in heads) if whole else ())


def _whole(token) -> tuple[int, int]:
    words = [t for t in token.subtree if t.dep_ != "punct"] or [token]
    return words[0].idx, words[-1].idx + len(words[-1])
