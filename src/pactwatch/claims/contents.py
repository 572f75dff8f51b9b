"""Contents: what an attribution reports, from the cue's clause, object or complement, a colon,
or a quotation the parse left unattached.

A colon or a quotation right after the cue beats an unquoted clause the parse hung before it;
the phrase after an object is content ("accused X of Y", "took a shot at Y"); "as X put it"
takes the words "it" stands for.
"""

from __future__ import annotations

from pactwatch.claims.grammar import is_passive
from pactwatch.claims.lexicon import Lexicon
from pactwatch.claims.record import Attribution
from pactwatch.claims.spans import CharSpan, char_spans, hull, paragraph, quotations, subtree_ids
from pactwatch.nlp import doc_text

SENTENCE_PUNCT = frozenset({".", "!", "?", ";"})
QUOTE_GAP = 30  # tokens between a quotation and the cue that introduces it


def complement(noun, lex: Lexicon):
    """What a cue noun is about: "claims of X", "concerns over X", "allegations that X"."""
    for child in noun.children:
        if child.dep_ in ("acl", "ccomp", "relcl") and any(
                g.lower_ == "that" and g.dep_ == "mark" for g in child.children):
            return child
        if child.dep_ == "prep" and child.lower_ in lex.noun_complements:
            pobj = next((g for g in child.children if g.dep_ in ("pobj", "pcomp")), None)
            if pobj is not None:
                return pobj
    return None


def for_complement(noun):
    """ "support for X": the object of the noun's "for"."""
    prep = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "for"), None)
    return next((g for g in prep.children if g.dep_ == "pobj"), None) if prep else None


def content_of(doc, root, exclude=()) -> tuple[CharSpan, ...]:
    """The spans of ``root``'s subtree without the subtrees of ``exclude``."""
    return char_spans(doc, subtree_ids(root, exclude))


def after_colon(doc, verb) -> tuple[CharSpan, ...]:
    """ "X said: “…”": the words after the colon, or the next sentence when the colon ends one."""
    colon = next((t for t in doc[verb.i + 1: verb.i + 4] if t.text == ":"), None)
    if colon is None:
        return ()
    sent = verb.sent
    if colon.i + 2 < sent.end:
        return char_spans(doc, set(range(colon.i + 1, sent.end)))
    nxt = sent.end
    if nxt >= len(doc):
        return ()
    return char_spans(doc, set(range(nxt, doc[nxt].sent.end)))


def _gap(doc, start: int, end: int) -> list | None:
    """The tokens between two offsets, or None when a sentence or another quotation intervenes."""
    chunk = doc.char_span(start, end, alignment_mode="expand") if start < end else None
    toks = [t for t in chunk if not t.is_space] if chunk is not None else []
    if len(toks) > QUOTE_GAP or any(t.text in SENTENCE_PUNCT or t.is_quote for t in toks):
        return None
    return toks


def _left_quote(doc, verb, quotes: list[CharSpan]):
    """ "“…,” the senator said": the quotation just before the cue, with the words between."""
    before = [q for q in quotes if q[1] <= verb.idx]
    if not before:
        return None
    q = before[-1]
    gap = _gap(doc, q[1], verb.idx)
    return None if gap is None else (q, gap)


def _right_quote(doc, verb, quotes: list[CharSpan]) -> CharSpan | None:
    """ "X said on Monday, “…”": the quotation just after the cue."""
    end = verb.idx + len(verb)
    after = [q for q in quotes if q[0] >= end]
    if not after:
        return None
    gap = _gap(doc, end, after[0][0])
    return after[0] if gap is not None and len(gap) <= 8 else None


def _gap_source(doc, gap: list, base: dict) -> dict | None:
    """A source the parse lost: the noun phrase between a quotation and its cue."""
    nominal = [i for i, t in enumerate(gap) if t.pos_ in ("PROPN", "NOUN", "PRON")]
    if not nominal:
        return None
    ids = {t.i for t in gap[nominal[0]: nominal[-1] + 1]}
    spans = char_spans(doc, ids)
    return {**base, "source": spans, "source_parts": (hull(spans),)} if spans else None


def quote_attributions(doc, verb, base: dict) -> list[Attribution]:
    """A reporting verb whose content is a quotation the parse did not attach to it; not one
    inside its source ("the journalist, promoting his book “Sin Miedo”, downplayed …")."""
    lo, hi = paragraph(doc_text(doc), verb.idx)
    source = hull(base.get("source", ()))
    quotes = [q for q in quotations(doc_text(doc), lo, hi)
              if source is None or not (source[0] <= q[0] and q[1] <= source[1])]
    explicit = "source" in base or is_passive(verb)
    left = _left_quote(doc, verb, quotes)
    if left is not None:
        fields = base if explicit else _gap_source(doc, left[1], base)
        return [Attribution(**fields, content=(left[0],))] if fields else []
    right = _right_quote(doc, verb, quotes)
    return [Attribution(**base, content=(right,))] if right and explicit else []


def clause_child(verb, takes, lex: Lexicon):
    """The reported clause: a that-clause, an if/whether question, an infinitive."""
    for child in sorted(verb.children, key=lambda c: abs(c.i - verb.i)):
        if "clause" in takes and child.dep_ == "ccomp" and not _fronted(verb, child, takes):
            return child
        if "clause" in takes and child.dep_ == "advcl" and child.i > verb.i and any(
                g.dep_ == "mark" and g.lower_ in lex.words.question_marks for g in child.children):
            return child
    for child in sorted(verb.children, key=lambda c: abs(c.i - verb.i)):
        if "xcomp" in takes and child.dep_ == "xcomp":
            return child
        if "xcomp" in takes and child.dep_ == "advcl" and child.i > verb.i and any(
                g.dep_ == "aux" and g.lower_ == "to" for g in child.children):
            return child
    return None


def _fronted(verb, clause, takes) -> bool:
    """A clause before a verb that has its own object after it is no report of that verb:
    "Sanders advocates X, (while) Clinton seeks Y" (the parse makes the first clause a ccomp)."""
    return "object" in takes and clause.i < verb.i and any(
        c.dep_ == "dobj" and c.i > verb.i for c in verb.children)


def spoken_after(doc, verb, before) -> tuple[CharSpan, ...]:
    """The words a colon or a quotation right after the cue gives: they, not the unquoted clause
    the parse hung before it, are what is said ("…, but Susan said, “…”").  A quotation before
    the cue keeps it ("“…,” he said, “…”", "“…,” he said on “Meet the Press.”")."""
    quoted = after_colon(doc, verb)
    if quoted:
        return quoted
    lo, hi = paragraph(doc_text(doc), verb.idx)
    quotes = quotations(doc_text(doc), lo, hi)
    start, end = before.left_edge.idx, verb.idx
    if any(s < end and start < e for s, e in quotes):
        return ()
    right = _right_quote(doc, verb, quotes)
    gap = _gap(doc, verb.idx + len(verb), right[0]) if right else None
    return (right,) if right and gap is not None and len(gap) <= 1 else ()


def pronoun_object(doc, verb, obj, base: dict) -> list[Attribution]:
    """ "As X put it, …", "X put it this way: “…”": the object "it" stands for the words the
    clause, colon or quotation gives."""
    if obj.lower_ != "it":
        return []
    return host_content(doc, verb, base) or quote_attributions(doc, verb, base)


def host_content(doc, verb, base: dict) -> list[Attribution]:
    """The reported clause hosts the cue: "The plan, X said, failed", "As the Times reported,
    X met Y"; or the cue ends in a colon: "X said: …"."""
    as_clause = verb.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ == "as" for c in verb.children)
    if as_clause or (verb.dep_ == "parataxis" and verb.head.pos_ in ("VERB", "AUX")):
        head = verb.head
        return [Attribution(**base, content=content_of(doc, head, [verb]), content_root=head.i)]
    quoted = after_colon(doc, verb)
    return [Attribution(**base, content=quoted)] if quoted else []


def charge(obj, lex: Lexicon) -> list:
    """What the object is praised, blamed or accused for, or a light verb's object aims at:
    "accused X of Y", "praised X for Y", "took a shot at Y", "turned her attention to Y" (the
    phrase after the object belongs to the content)."""
    verb = obj.head
    return [c for c in verb.children if c.dep_ == "prep" and c.i > obj.i
            and c.lower_ in lex.words.charge_prepositions and any(
                g.dep_ in ("pobj", "pcomp") and g.ent_type_ not in ("DATE", "TIME")
                for g in c.children)]
