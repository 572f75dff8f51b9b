"""The rule patterns besides cue verbs: light verbs, predicative adjectives, cue nouns,
"according to", evidential adverbs and adjectives, and headline colons.

"X raised concerns over …", "X voiced support for …"; "X is confident that …", "X was critical
of …"; "there are concerns about …", "reports of …", "X issued a statement that …" (a cue noun
under a verb takes the verb's subject); "according to X, …", "as per X"; "troops reportedly
prepare …", "the reported deployment of troops" (source implicit); "Issa: Clinton's honesty is
in question".
"""

from __future__ import annotations

from pactwatch.claims.contents import complement, content_of, for_complement
from pactwatch.claims.grammar import SPEAKER_ENTS, is_negated
from pactwatch.claims.lexicon import Lexicon
from pactwatch.claims.record import Attribution
from pactwatch.claims.sources import noun_holder, subject, with_source
from pactwatch.claims.spans import char_spans, tok_span

LABEL_BREAKS = frozenset({"-", "--", "—", "–"})


def light_attributions(doc, verb, lex: Lexicon) -> list[Attribution]:
    """ "raised concerns over X", "voiced support for X"."""
    if verb.lemma_.lower() not in lex.light_verbs:
        return []
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is None or obj.lemma_.lower() not in lex.light_nouns:
        return []
    comp = complement(obj, lex) or for_complement(obj) or next(
        (c for c in verb.children if c.dep_ == "ccomp" and c.i > obj.i), None)
    if comp is None:
        return []
    fields = with_source(doc, subject(verb, lex), verb, lex, cue=char_spans(doc, {verb.i, obj.i}),
                         stance=lex.light_nouns[obj.lemma_.lower()], kind="light",
                         negated=is_negated(verb))
    return [Attribution(**fields, content=content_of(doc, comp), content_root=comp.i)]


def predicative(doc, adj, lex: Lexicon) -> list[Attribution]:
    """ "X is confident that …", "X was critical of …", "X is upbeat about …"."""
    stance = lex.predicatives.get(adj.lemma_.lower())
    if stance is None or adj.pos_ != "ADJ" or adj.dep_ != "acomp":
        return []
    comp = next((c for c in adj.children if c.dep_ == "ccomp"), None)
    if comp is None:
        prep = next((c for c in adj.children if c.dep_ == "prep" and c.lower_ in
                     lex.noun_complements | {"with"}), None)
        comp = next((g for g in prep.children if g.dep_ in ("pobj", "pcomp")), None) if prep else None
    if comp is None:
        return []
    cue = {adj.i} | {c.i for c in adj.head.children if c.dep_ in ("aux", "neg") or c.i == adj.i}
    fields = with_source(doc, subject(adj.head, lex), adj.head, lex,
                         cue=char_spans(doc, cue | {adj.head.i}),
                         stance=stance, kind="adjective", negated=is_negated(adj.head))
    if "source" not in fields:
        return []
    return [Attribution(**fields, content=content_of(doc, comp), content_root=comp.i)]


def noun_attributions(doc, noun, lex: Lexicon) -> list[Attribution]:
    """A cue noun standing alone with its complement: "there are concerns about X"."""
    lemma = noun.lemma_.lower()
    if noun.pos_ != "NOUN" or lemma not in lex.nouns or noun.dep_ == "dobj" and (
            noun.head.lemma_.lower() in lex.verbs or noun.head.lemma_.lower() in lex.light_verbs):
        return []
    comp = complement(noun, lex)
    if comp is None:
        return []
    holder, cue = noun_holder(noun), {noun.i}
    verb = _governor(noun, lex) if holder is None else None
    if verb is not None:
        holder, cue = subject(verb, lex), cue | {verb.i} | {t.i for t in doc[verb.i + 1: noun.i]
                                                            if t.dep_ in ("prep", "prt")}
    fields = with_source(doc, holder, None, lex, cue=char_spans(doc, cue),
                         stance=lex.nouns[lemma], kind="noun")
    if "source" not in fields and not (_existential(noun) or lemma in lex.implicit_nouns):
        return []  # "accusations that …" with no holder: too often not an attribution
    return [Attribution(**fields, content=content_of(doc, comp), content_root=comp.i)]


def _existential(noun) -> bool:
    """ "There are concerns that …", "Fears are growing that …": a sourceless noun cue."""
    head = noun.head
    if noun.dep_ == "attr" and any(c.lower_ == "there" for c in head.children):
        return True
    return noun.dep_ == "nsubj" and head.pos_ in ("VERB", "AUX")


def _governor(noun, lex: Lexicon):
    """The verb whose subject holds a cue noun: "X issued a statement that …",
    "X said in a statement that …"."""
    head = noun.head
    if noun.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in lex.words.channel_prepositions:
        head = head.head
    elif noun.dep_ != "dobj":
        return None
    return head if head.pos_ == "VERB" and head.i < noun.i else None


def according(doc, tok, lex: Lexicon) -> list[Attribution]:
    """ "according to X, …": source X, content the clause the phrase attaches to."""
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    stance = lex.prepositional.get((tok.lower_, nxt.lower_)) if nxt is not None else None
    if stance is None:
        return []
    pobj = next((c for c in nxt.subtree if c.dep_ == "pobj" and c.head.i == nxt.i), None)
    head = tok.head if tok.head.i != tok.i else None
    if pobj is None or head is None:
        return []
    cue = char_spans(doc, {tok.i, nxt.i})
    fields = with_source(doc, pobj, None, lex, cue=cue, stance=stance, kind="according")
    return [Attribution(**fields, content=content_of(doc, head, [tok]), content_root=head.i)]


def adverb(doc, tok, lex: Lexicon) -> list[Attribution]:
    """ "troops reportedly prepare …": an implicit source vouches for the clause."""
    stance = lex.adverbs.get(tok.lower_)
    if stance is None or tok.dep_ != "advmod":
        return []
    head = tok.head
    drop = [tok] + [c for c in head.children if c.dep_ in ("mark", "advcl") and c.i < tok.i]
    return [Attribution(cue=char_spans(doc, {tok.i}), stance=stance, kind="adverb",
                        content=content_of(doc, head, drop), content_root=head.i)]


def adjective(doc, tok, lex: Lexicon) -> list[Attribution]:
    """ "the reported deployment of troops": an implicit source for the noun phrase."""
    stance = lex.adjectives.get(tok.lower_)
    if stance is None or tok.dep_ != "amod" or tok.head.pos_ != "NOUN":
        return []
    head = tok.head
    return [Attribution(cue=char_spans(doc, {tok.i}), stance=stance, kind="adjective",
                        content=content_of(doc, head), content_root=head.i)]


def headline_colon(doc, sent, lex: Lexicon) -> list[Attribution]:
    """ "Issa: Clinton's honesty is in question", "TAPPER: And obviously …", "… - Jane Roe: “…”":
    a name (after a dash or a line break, if any), a colon, then what the name says."""
    colon = next((t for t in sent[:16] if t.text == ":"), None)
    if colon is None or colon.i == sent.start:
        return []
    end = sent.end if sent.end - colon.i > 1 or sent.end >= len(doc) else doc[sent.end].sent.end
    start = _label_start(doc, sent.start, colon.i)
    head = doc[start: colon.i]
    if end - colon.i < 4 or not len(head) or len(head) > 7 or not _speaker_words(head):
        return []
    if not _names_speaker(head, lex):
        return []  # "The Latest: …", "Question: …" are labels, not speakers
    return [Attribution(cue=(tok_span(colon),), stance="assert", kind="colon",
                        source=char_spans(doc, {t.i for t in head}),
                        source_parts=char_spans(doc, {t.i for t in head}),
                        content=char_spans(doc, set(range(colon.i + 1, end))),
                        content_root=None)]


def _label_start(doc, start: int, colon: int) -> int:
    """Where the words before a colon begin: after the last dash or line break before it."""
    for i in range(colon - 1, start - 1, -1):
        if doc[i].text in LABEL_BREAKS or "\n" in doc[i].text:
            return i + 1
    return start


def _speaker_words(head) -> bool:
    """Capitalised names, possibly joined by "and" or a possessive: "Mark Roe and Jon Doe"."""
    if not (head[0].is_title or head[0].is_upper):
        return False
    return all(t.pos_ in ("PROPN", "PUNCT", "CCONJ", "PART") or t.is_title or t.is_upper
               for t in head)


def _names_speaker(head, lex: Lexicon) -> bool:
    """A named entity, or a name with no article that is not a headline label."""
    if any(t.ent_type_ in SPEAKER_ENTS for t in head):
        return True
    if any(t.pos_ == "DET" for t in head):
        return False
    return not any(t.lemma_.lower() in lex.headline_labels for t in head)
