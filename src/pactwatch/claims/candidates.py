"""Candidates the cue model weighs: one generic reading per token the rules did not take.

Verbs outside the lexicon read as generic cues ("X defended …", "X appears to …"), lexicon verbs
with an object the rules refuse ("polls show him ahead"), verbs of seeming with no source ("X
appears weak", "it seems likely that …"), passives with an agent, received evaluations ("X drew
criticism from Y"), participles the parse made adjectives ("super PACs supporting
candidates"), and the noun, channel and viewpoint phrases of :mod:`pactwatch.claims.phrases`.
"""

from __future__ import annotations

from dataclasses import replace

from pactwatch.claims.contents import content_of
from pactwatch.claims.grammar import RELATIVE_TAGS, agent
from pactwatch.claims.lexicon import Lexicon, VerbCue
from pactwatch.claims.phrases import channel_candidate, noun_candidate, view_candidate
from pactwatch.claims.record import Attribution
from pactwatch.claims.scope import finish
from pactwatch.claims.sources import with_source
from pactwatch.claims.spans import char_spans, merge, subtree_ids, tok_span
from pactwatch.claims.verbs import verb_relation

GENERIC_CUE = VerbCue(stance="assert", takes=("clause", "xcomp", "object"))
SEEM_COMPLEMENTS = frozenset({"acomp", "attr", "oprd", "ccomp"})


def verb_candidates(doc, lex: Lexicon, rules: list[Attribution]) -> list[Attribution]:
    """One candidate relation per verb the rules did not take, read as a generic cue: its
    subject the source, its clause, object or prepositional object the content."""
    taken = {t.i for a in rules for s, e in a.cue
             for t in (doc.char_span(s, e, alignment_mode="expand") or ())}
    found = []
    for tok in doc:
        if tok.i not in taken and tok.dep_ == "amod":
            found.extend(_participle_candidate(doc, tok))
        if tok.i not in taken and tok.dep_ not in ("amod", "compound"):
            found.extend(_token_candidates(doc, tok, lex))
    return finish(doc, found, lex, writer=True)


def _token_candidates(doc, tok, lex: Lexicon) -> list[Attribution]:
    """The generic readings of one token: a verb, a noun, a channel or viewpoint phrase."""
    if tok.pos_ == "VERB":
        rel = verb_relation(doc, tok, lex, GENERIC_CUE, _any_prep(tok))
        found = [_with_patient(doc, tok, replace(a, kind="learned"), lex) for a in rel[:1]
                 if not _purpose(doc, tok, a)]
        return (found + (_raising(doc, tok) or _seeming(doc, tok, lex))
                + _passive_candidate(doc, tok, lex) + _reception(doc, tok, lex))
    if tok.pos_ == "NOUN":
        return noun_candidate(doc, tok, lex)
    if tok.dep_ in ("prep", "ROOT") and tok.lower_ in lex.words.channel_prepositions:
        return channel_candidate(doc, tok, lex)
    if tok.dep_ == "prep" and tok.lower_ in lex.words.view_prepositions:
        return view_candidate(doc, tok, lex)
    return []


def _any_prep(verb):
    """The first preposition after a verb with an object: a fallback content ("focus on X")."""
    for child in verb.children:
        if child.dep_ == "prep" and child.i > verb.i and any(
                g.dep_ in ("pobj", "pcomp") for g in child.children):
            return "assert", child
    return None


def _with_patient(doc, verb, att: Attribution, lex: Lexicon) -> Attribution:
    """ "Lewandowski was dismissed on Monday": a passive with no agent has no source, and what
    it is about is its subject, not the phrase after it."""
    subj = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if att.source or subj is None or subj.tag_ in RELATIVE_TAGS or (
            subj.lower_ in lex.words.placeholders):
        return att
    return replace(att, content=merge(att.content + content_of(doc, subj)))


def _purpose(doc, verb, att: Attribution) -> bool:
    """A purpose clause after an object is no reported content: "X fired missiles to signal
    its strength" (the generic reading would take "to signal …" as what X says)."""
    root = doc[att.content_root] if att.content_root is not None else None
    return root is not None and root.dep_ in ("advcl", "xcomp") and any(
        c.dep_ == "dobj" and c.i < root.i for c in verb.children)


def _participle_candidate(doc, verb) -> list[Attribution]:
    """ "super PACs supporting presidential candidates" parsed as an adjective of the object:
    the noun before the participle is the source, the phrase after it the content."""
    prev = doc[verb.i - 1] if verb.i > verb.sent.start else None
    head = verb.head
    if verb.tag_ != "VBG" or prev is None or prev.pos_ not in ("NOUN", "PROPN") or head.i <= verb.i:
        return []
    source = {t.i for t in doc[max(prev.left_edge.i, verb.sent.start): prev.i + 1]}
    content = set(range(verb.i + 1, head.right_edge.i + 1))
    return [Attribution(cue=(tok_span(verb),), stance="assert", kind="learned",
                        source=char_spans(doc, source), source_parts=char_spans(doc, source),
                        content=char_spans(doc, content), content_root=head.i)]


def _raising(doc, verb) -> list[Attribution]:
    """ "Sanders appears to lead": no source, the subject and infinitive the content."""
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    xcomp = next((c for c in verb.children if c.dep_ == "xcomp" and c.i > verb.i), None)
    if subj is None or xcomp is None or subj.tag_ in RELATIVE_TAGS or any(
            c.dep_ == "dobj" for c in verb.children):
        return []  # "X fired missiles to signal …": an object makes it no raising verb
    ids = subtree_ids(subj) | subtree_ids(xcomp) | {verb.i}
    return [Attribution(cue=(tok_span(verb),), stance="assert", kind="raising",
                        content=char_spans(doc, ids), content_root=xcomp.i)]


def _seeming(doc, verb, lex: Lexicon) -> list[Attribution]:
    """ "X seems ready", "X appears weak", "it seems (likely) that …", "X looked like a winner":
    a verb of seeming with a predicate, no source, the subject and predicate the content."""
    if verb.lemma_.lower() not in lex.raising:
        return []
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    comps = [c for c in verb.children if c.i > verb.i and _seem_complement(c, lex)]
    if subj is None or not comps or subj.tag_ in RELATIVE_TAGS:
        return []
    ids = set().union(*(subtree_ids(c) for c in comps))
    ids |= set() if subj.lower_ == "it" else subtree_ids(subj)  # "it seems (likely) that …"
    return [Attribution(cue=(tok_span(verb),), stance="assert", kind="raising",
                        content=char_spans(doc, ids), content_root=comps[0].i)]


def _seem_complement(child, lex: Lexicon) -> bool:
    """What a verb of seeming predicates: "weak", "a winner", "like a winner", "that …",
    "as if …"."""
    if child.dep_ in SEEM_COMPLEMENTS or (
            child.dep_ == "prep" and child.lower_ in lex.words.seem_prepositions):
        return True
    return child.dep_ == "advcl" and any(
        g.dep_ == "mark" and g.lower_ in lex.words.seem_marks for g in child.children)


def _passive_candidate(doc, verb, lex: Lexicon) -> list[Attribution]:
    """ "X was backed by most voters", "the meeting was first reported by Politico": the agent is
    the source, the passive subject the content."""
    subj = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    giver = agent(verb)
    if subj is None or giver is None:
        return []
    by = giver.head
    fields = with_source(doc, giver, None, lex, stance="assert", kind="learned-passive",
                         cue=char_spans(doc, {verb.i, by.i} | {c.i for c in verb.children
                                                              if c.dep_ == "auxpass"}))
    if "source" not in fields:
        return []
    return [Attribution(**fields, content=content_of(doc, subj), content_root=subj.i)]


def _reception(doc, verb, lex: Lexicon) -> list[Attribution]:
    """ "X drew criticism from Y", "X has faced criticism for …", "X came under fire": the
    evaluation's giver (if named) is the source, its receiver (and the reason) the content."""
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    noun = _received(verb, lex)
    if subj is None or noun is None or verb.lemma_.lower() not in lex.reception_verbs:
        return []
    preps = [c for t in (verb, noun) for c in t.children if c.dep_ == "prep" and c.i > noun.i]
    giver = next((g for c in preps if c.lower_ in lex.words.giver_prepositions
                  for g in c.children if g.dep_ == "pobj"), None)
    reason = [c for c in preps if c.lower_ in lex.words.reason_prepositions]
    ids = subtree_ids(subj) | set().union(*(subtree_ids(c) for c in reason))
    fields = with_source(doc, giver, None, lex, cue=char_spans(doc, {verb.i, noun.i}),
                         stance="assert", kind="learned-received")
    return [Attribution(**fields, content=char_spans(doc, ids), content_root=subj.i)]


def _received(verb, lex: Lexicon):
    """The evaluation noun a verb of receiving takes: "drew criticism", "came under fire"."""
    for child in verb.children:
        if child.dep_ == "dobj" and child.lemma_.lower() in lex.reception_nouns:
            return child
        if child.dep_ == "prep" and child.lower_ == "under":
            pobj = next((g for g in child.children if g.dep_ == "pobj"), None)
            if pobj is not None and pobj.lemma_.lower() in lex.reception_nouns:
                return pobj
    return None
