"""Candidates the cue model weighs from phrases: cue nouns with a holder, channels, viewpoints.

"claims by X that …", "X's plan to …", "X has been a critic of …", "Y, a critic of X", "X is in
a dispute over …"; "In a CNN poll, …", "in their view, …", "X holds a lead in the polls"; "For
most voters, …", "To his critics, …".
"""

from __future__ import annotations

from pactwatch.claims.contents import content_of
from pactwatch.claims.grammar import SPEAKER_ENTS, SUBJECT_DEPS
from pactwatch.claims.lexicon import Lexicon
from pactwatch.claims.record import Attribution
from pactwatch.claims.sources import subject, with_source
from pactwatch.claims.spans import char_spans, paragraph, tok_span
from pactwatch.nlp import doc_text


def view_candidate(doc, prep, lex: Lexicon) -> list[Attribution]:
    """ "For most voters, the economy is the issue", "To his critics, X looks weak": a fronted
    "for"/"to" phrase naming people, set off by a comma, is whose view the clause is."""
    head, pobj = prep.head, next((c for c in prep.children if c.dep_ == "pobj"), None)
    subj = next((c for c in head.children if c.dep_ in SUBJECT_DEPS), None)
    after = doc[prep.right_edge.i + 1] if prep.right_edge.i + 1 < len(doc) else None
    if pobj is None or subj is None or head.pos_ not in ("VERB", "AUX") or not (
            prep.i < subj.i and after is not None and after.text == "," and _viewer(pobj, lex)):
        return []
    fields = with_source(doc, pobj, None, lex, cue=(tok_span(prep),), stance="assert",
                         kind="learned-view")
    return [Attribution(**fields, content=content_of(doc, head, [prep]), content_root=head.i)]


def _viewer(tok, lex: Lexicon) -> bool:
    """People: a named person or group, a pronoun, or a plural noun ("many voters")."""
    if tok.lower_ in lex.words.not_viewers or tok.ent_type_ in ("DATE", "TIME", "MONEY", "PERCENT"):
        return False
    return tok.ent_type_ in SPEAKER_ENTS or tok.pos_ == "PRON" or tok.tag_ in ("NNS", "NNPS")


def channel_candidate(doc, prep, lex: Lexicon) -> list[Attribution]:
    """ "In a CNN poll, 38 percent said …", "In a statement, the ministry denied …": the
    channel is the source, the clause the phrase modifies the content (the model weighs it)."""
    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    head = _channel_host(prep)
    if pobj is not None and head is None and pobj.lemma_.lower() in lex.channels:
        return _opening_channel(doc, prep)
    if pobj is None or head is None:
        return []
    lemma = pobj.lemma_.lower()
    holder = next((c for c in pobj.children if c.dep_ == "poss"), None)
    if lemma in lex.channels:
        source = pobj  # "in a poll", "in a statement"
    elif holder is not None and (lemma in lex.nouns or lemma in lex.light_nouns):
        source = holder  # "in my view", "in their opinion"
    else:
        return []
    fields = with_source(doc, source, None, lex, cue=char_spans(doc, {prep.i, pobj.i}),
                         stance="assert", kind="learned-channel")
    return [Attribution(**fields, content=content_of(doc, head, [prep]), content_root=head.i)]


def _opening_channel(doc, prep) -> list[Attribution]:
    """ "In a CNN poll released Monday, 50 percent …" opening a paragraph, which the parse did
    not hang from the clause: the phrase up to the first comma is the source, the rest of the
    sentence the content."""
    lo, _ = paragraph(doc_text(doc), prep.idx)
    if prep.idx != lo:
        return []
    comma = next((t for t in doc[prep.i + 2: prep.sent.end] if t.text == ","), None)
    if comma is None or comma.i + 3 > prep.sent.end:
        return []
    source = char_spans(doc, set(range(prep.i + 1, comma.i)))
    return [Attribution(cue=(tok_span(prep),), stance="assert", kind="learned-channel",
                        source=source, source_parts=source, content_root=None,
                        content=char_spans(doc, set(range(comma.i + 1, prep.sent.end))))]


def _channel_host(prep):
    """The clause a channel phrase qualifies: its verb, or the verb of the object it follows
    ("Cruz had 38 percent support in a Fox poll", "X holds a lead in the polls")."""
    head = prep.head
    if head.pos_ in ("VERB", "AUX"):
        return head
    if head.dep_ in ("dobj", "attr") and head.i < prep.i and head.head.pos_ in ("VERB", "AUX"):
        return head.head
    return None


def noun_candidate(doc, noun, lex: Lexicon) -> list[Attribution]:
    """ "Trump's opposition to X", "criticism of X", "claims by X that …", "his plan to …":
    the holder (if any) and the complement."""
    cue, comp = _noun_complement(noun, lex)
    if comp is None:
        return []
    fields = with_source(doc, _noun_source(noun, lex), noun, lex, cue=char_spans(doc, cue),
                         stance="assert", kind="learned-noun")
    return [Attribution(**fields, content=content_of(doc, comp), content_root=comp.i)]


def _noun_complement(noun, lex: Lexicon) -> tuple[set[int], object]:
    """A noun's clause ("… that X", "… to X") or prepositional object, with the cue tokens."""
    for child in noun.children:
        if child.dep_ in ("acl", "ccomp", "relcl") and child.i > noun.i and (any(
                g.dep_ in ("mark", "aux") and g.lower_ in ("that", "to") for g in child.children)
                or child.left_edge.lower_ == "that"):
            return {noun.i}, child
    prep = next((c for c in noun.children
                 if c.dep_ == "prep" and c.lower_ in lex.words.noun_prepositions), None)
    pobj = next((g for g in prep.children if g.dep_ in ("pobj", "pcomp")), None) if prep else None
    return ({noun.i, prep.i}, pobj) if pobj is not None else (set(), None)


def _noun_source(noun, lex: Lexicon):
    """A noun's holder: a possessor, a "by"/"from" agent ("claims by X", "criticism from X"),
    or the subject of the verb it completes ("X has been a critic of", "X raised questions")."""
    for child in noun.children:
        if child.dep_ == "poss":
            return child
        if child.dep_ == "prep" and child.lower_ in lex.words.agent_prepositions:
            pobj = next((g for g in child.children if g.dep_ == "pobj"), None)
            if pobj is not None:
                return pobj
    if noun.dep_ in ("attr", "dobj") and noun.head.pos_ in ("VERB", "AUX"):
        return subject(noun.head, lex)
    return _frame_holder(noun, lex)


def _frame_holder(noun, lex: Lexicon):
    """The holder of a noun in apposition ("X, a critic of Y") or in a prepositional phrase of
    the verb ("X is in a dispute over Y", "X spoke in support of Y")."""
    if noun.dep_ == "appos" and noun.head.pos_ in ("PROPN", "NOUN", "PRON"):
        return noun.head
    head = noun.head
    if noun.dep_ == "pobj" and head.dep_ == "prep" and head.head.pos_ in ("VERB", "AUX"):
        return subject(head.head, lex)
    return None
