"""A short normalised key for what an attribution's content says.

The key is the content's predicate and its main argument, lemmatised and brought to one form
across nominalisation, so that "troop deployment", "the reported deployment of North Korean
troops" and "10,000 troops deployed in Kursk" all give ``deploy troop``; for a copular clause
it is the subject and the noun the predicate ends in ("their cooperation is in line with
international law" and "… in compliance with international law" give ``cooperation law``).
A clause gives its verb and its subject (else its object), a noun phrase its head and its
compound or of-argument, so "troops crossed the border" and "the troop crossing" meet.  The key
is deliberately small and conservative: two contents merge only when both predicate and
argument agree.
"""

from __future__ import annotations

from pactwatch.claims.lexicon import Lexicon

NOMINAL = ("NOUN", "PROPN")
SUBJECTS = ("nsubj", "nsubjpass")
PRONOUN_POS = ("PRON", "DET")


def normalise(tok, lex: Lexicon) -> str:
    """The lemma in lower case, nominalisations brought to their verb ("deployment" -> "deploy")."""
    lemma = tok.lemma_.lower()
    for rule in lex.nominalisations:
        stem = lemma[: -len(rule.suffix)]
        if lemma.endswith(rule.suffix) and len(stem) >= rule.min_stem:
            return stem + rule.replace
    return lemma


def _content_word(tok, lex: Lexicon) -> bool:
    return (tok.pos_ in NOMINAL and tok.lemma_.lower() not in lex.weak_words
            and not tok.is_stop)


def _deepest_noun(tok, lex: Lexicon):
    """Follow prepositions down to the last content noun: "in line with international law" -> law."""
    best = tok if _content_word(tok, lex) else None
    for child in tok.children:
        if child.dep_ in ("prep", "pobj", "attr", "acomp", "dobj"):
            deeper = _deepest_noun(child, lex)
            best = deeper or best
    return best


def _noun_key(noun, lex: Lexicon) -> tuple[str, ...]:
    for child in noun.children:
        if child.dep_ == "acl" and child.pos_ == "VERB":
            return (normalise(child, lex), normalise(noun, lex))
    for child in noun.children:
        if child.dep_ == "compound" and _content_word(child, lex):
            return (normalise(noun, lex), normalise(child, lex))
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            pobj = next((g for g in child.children if g.dep_ == "pobj"), None)
            if pobj is not None and _content_word(pobj, lex):
                return (normalise(noun, lex), normalise(pobj, lex))
    return (normalise(noun, lex),)


def _clause_key(verb, lex: Lexicon) -> tuple[str, ...]:
    subj = next((c for c in verb.children if c.dep_ in SUBJECTS), None)
    subj_key = normalise(subj, lex) if subj is not None and subj.pos_ not in PRONOUN_POS else None
    if verb.lemma_.lower() == "be":
        comp = next((c for c in verb.children if c.dep_ in ("attr", "acomp", "prep")), None)
        obj = _deepest_noun(comp, lex) if comp is not None else None
        parts = (subj_key, normalise(obj, lex) if obj is not None else None)
    else:
        obj = next((c for c in verb.children if c.dep_ in ("dobj", "attr")), None)
        obj_key = normalise(obj, lex) if obj is not None and _content_word(obj, lex) else None
        parts = (normalise(verb, lex), subj_key or obj_key)
    return tuple(p for p in parts if p)


def proposition_key(root, lex: Lexicon) -> tuple[str, ...]:
    """The key of a content whose head token is ``root``."""
    if root.pos_ in NOMINAL:
        if root.lemma_.lower() in lex.weak_words:
            deeper = _deepest_noun(root, lex)
            root = deeper if deeper is not None else root
        return _noun_key(root, lex)
    if root.pos_ in ("VERB", "AUX"):
        return _clause_key(root, lex)
    return (root.lemma_.lower(),)


def content_root(doc, span: tuple[int, int]):
    """The syntactic head of a character span of the doc."""
    chunk = doc.char_span(span[0], span[1], alignment_mode="expand")
    return chunk.root if chunk is not None and len(chunk) else None
