"""Attribution extraction: source, cue and content spans from a spaCy dependency parse.

Patterns (all over the lemmas of data/claims/cues.yaml, none over particular words of a text):

- reporting verb with a clause: "X said (that) …", "…, X said.", "“…,” X said", "X told Y …",
  "X said: “…”", "The plan, X said, failed" (the cue as a parenthetical);
- reporting verb with an object: "X denied the allegations", "X dismissed claims of …";
  a claim noun with a possessor or nationality is itself an attribution ("Western claims of …");
- light verb + cue noun: "X raised concerns over …", "X voiced support for …";
- noun cue with a complement: "there are concerns about …", "reports of …";
- "according to X, …", "as per X";
- evidential adverbs and adjectives, source implicit: "troops reportedly prepare …",
  "the reported deployment of troops";
- participles and coordinated verbs take the subject of their head: "…, asserting that …",
  "X dismissed … and affirmed that …"; coordinated subjects are split into ``source_parts``;
- wanting, planning, expecting with an infinitive: "X wants/plans/hopes to …", "X is expected
  to …"; "called on Y to …"; a question after "ask": "asked whether …", "Asked about …, X said"
  (the bare participle has an implicit source);
- a cue verb with a preposition: "X called for …", "X talked about …", "X referred to …",
  "X thanked Y for …" (data: ``prep_verbs``);
- predicative adjectives: "X is confident that …", "X was critical of …";
- "said yes/so", "as X reported, …", "X, who said …" (the relative pronoun is kept in the
  source), "by saying …" (the subject of the verb "by" attaches to);
- a cue noun under a verb takes the verb's subject: "X issued a statement that …";
- quotations the parse leaves unattached ("“…,” X said", "X said on Monday, “…”"), and a
  content that starts a quotation runs to its end across sentences;
- sources and contents stay in the cue's paragraph; first- and second-person sources (the
  writer, the reader) are not attributions for the rules alone.

:func:`attributions_in` then lets the learned cue model (:mod:`pactwatch.claims.cuemodel`)
drop unlikely cue-verb matches and add the candidates of
:func:`verb_candidates`: verbs outside the lexicon read as generic cues ("X defended …", "X
appears to …"), lexicon verbs with an object the rules refuse ("polls show him ahead"), noun
cues with a holder ("claims by X that …", "X's plan to …", "X has been a critic of …",
"Y, a critic of X", "X is in a dispute over …"), channels ("In a CNN poll, …", "in their view,
…", "X holds a lead in the polls"), viewpoints ("For most voters, …", "To his critics, …"),
verbs of seeming with no source ("X appears weak", "it seems likely that …") and participles
the parse made adjectives ("super PACs supporting candidates").

Spans: "it" and "that" name a source only as the subject of an active cue verb ("It said …");
a wire dateline ("WASHINGTON (AP) — ") and a date the parse took for the subject are no
sources; a bracketed aside stays in the source ("Paul Ryan (R-Wis.) said"); the phrase after an
object is content ("accused X of Y", "took a shot at Y"); a colon or a quotation right after
the cue beats an unquoted clause the parse hung before it, and a colon ending a paragraph
introduces the next one; "as X put it" takes the words "it" stands for.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from pactwatch.claims.cuemodel import CueModel, features, load_cue_model
from pactwatch.claims.lexicon import CueStance, Lexicon, VerbCue, load_lexicon
from pactwatch.claims.spans import (
    CharSpan,
    char_spans,
    clip,
    dateline_end,
    doc_text,
    hull,
    merge,
    paragraph,
    quotations,
    quoted_regions,
    subtree_ids,
    tok_span,
)

SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
INHERIT_DEPS = ("conj", "advcl", "xcomp", "pcomp", "acl", "acomp", "prep")
RELATIVE_TAGS = ("WP", "WDT")
IDLE_PARTICLES = frozenset({"up", "off", "down", "over", "in", "back", "away", "around"})
SENTENCE_PUNCT = frozenset({".", "!", "?", ";"})
QUOTE_GAP = 30  # tokens between a quotation and the cue that introduces it


@dataclass(frozen=True)
class Attribution:
    """One attribution relation, with character spans into the doc's text."""

    cue: tuple[CharSpan, ...]
    stance: CueStance
    kind: str  # verb | object-noun | light | noun | according | adverb | adjective | colon
    # | learned | learned-noun | learned-channel | learned-passive | learned-view | raising
    # (candidates of the cue model)
    source: tuple[CharSpan, ...] = ()
    content: tuple[CharSpan, ...] = ()
    source_parts: tuple[CharSpan, ...] = ()
    content_root: int | None = None  # token index of the content's head
    negated: bool = False
    anaphoric: bool = False  # the content refers back ("these allegations")

    @property
    def cue_span(self) -> CharSpan:
        return hull(self.cue)

    @property
    def source_span(self) -> CharSpan | None:
        return hull(self.source)

    @property
    def content_span(self) -> CharSpan | None:
        return hull(self.content)


# ---- sources -----------------------------------------------------------------------------

def _subject(verb):
    """The subject token of a verb, climbing through participles, conjuncts and relatives."""
    for _ in range(4):
        subj = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
        if subj is not None and subj.ent_type_ in ("DATE", "TIME") and subj.i > verb.i:
            return None  # "X said Tuesday …" with the date parsed as the subject
        if subj is not None and subj.tag_ in RELATIVE_TAGS and verb.dep_ == "relcl":
            return _agent(verb) if subj.dep_ == "nsubjpass" else verb.head
        if subj is not None:
            return _agent(verb) if subj.dep_ == "nsubjpass" else subj
        if verb.tag_ == "VBN" and verb.dep_ in ("advcl", "acl"):
            return _agent(verb)  # "Asked about …, X said": the asker is not X
        if verb.dep_ == "relcl" or (verb.dep_ == "acl" and verb.tag_ == "VBG"):
            return verb.head
        if verb.dep_ not in INHERIT_DEPS or verb.head.i == verb.i:
            return None
        verb = _reporter(verb.head) if _continues_report(verb) else verb.head
    return None


def _continues_report(verb) -> bool:
    """ "“…,” X said, adding …" and "X says A was so and says B": the participle or the
    conjoined cue continues the reporting verb above the clause it hangs from."""
    if verb.tag_ == "VBG":
        return True
    lex = load_lexicon()
    return (verb.dep_ == "conj" and lex.verb_lemma(verb) in lex.verbs
            and lex.verb_lemma(verb.head) not in lex.verbs)


def _reporter(head):
    """A participle attached to a reported clause belongs to the reporting verb above it."""
    if head.dep_ == "ccomp" and head.head.i != head.i and head.head.pos_ == "VERB":
        lex = load_lexicon()
        if lex.verb_lemma(head.head) in lex.verbs:
            return head.head
    return head


def _agent(verb):
    """The ``by`` agent of a passive reporting verb ("it was reported by X")."""
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    return next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None


SPEAKER_ENTS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
SUBJECT_PRONOUNS = frozenset({"he", "she", "they", "who"})
NOT_SUBJECT_DEPS = frozenset({"dobj", "dative", "pobj", "poss", "npadvmod"})


def _preceding_subject(doc, verb) -> tuple[CharSpan, ...]:
    """A subject the parse attached elsewhere: the noun phrase right before the cue
    ("GOP candidate Ben Carson says …" after a headline the parser ran on)."""
    lo, _ = paragraph(doc_text(doc), verb.idx)
    i = verb.i - 1
    while i >= verb.sent.start and doc[i].pos_ in ("ADV", "AUX", "PART"):
        i -= 1
    last, i = i, _before_brackets(doc, i, verb.sent.start)
    if i < verb.sent.start or doc[i].idx < lo:
        return ()
    tok = doc[i]
    nominal = tok.pos_ in ("PROPN", "NOUN") or tok.lower_ in SUBJECT_PRONOUNS
    if not nominal or (tok.dep_ in NOT_SUBJECT_DEPS and not _of_phrase(tok)):
        return ()
    start = max(tok.left_edge.i, verb.sent.start)
    ids = {t.i for t in doc[start: last + 1] if t.idx >= lo}
    return char_spans(doc, ids)


def _before_brackets(doc, i: int, start: int) -> int:
    """The token before a bracketed aside ending at ``i``: "Paul Ryan (R-Wis.) said"."""
    if i < start or doc[i].text != ")":
        return i
    opening = next((j for j in range(i - 1, max(start, i - 10) - 1, -1) if doc[j].text == "("), None)
    return i if opening is None else opening - 1


def _of_phrase(tok) -> bool:
    """The last noun of "the Speaker of the House Paul Ryan": the phrase names the speaker."""
    return tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.pos_ == "PROPN"


INVERTED_POS = frozenset({"DET", "ADJ", "PROPN", "NOUN", "NUM", "PART"})


def _following_subject(doc, verb) -> tuple[CharSpan, ...]:
    """An inverted subject the parse missed: "“…,” added a South Carolina Democrat", "…, said
    a former spokesman for …": the noun phrase right after a cue whose content precedes it."""
    if verb.i == verb.sent.start or not doc[verb.i - 1].is_punct:
        return ()
    run = []
    for tok in doc[verb.i + 1: min(verb.sent.end, verb.i + 8)]:
        if tok.pos_ not in INVERTED_POS:
            break
        run.append(tok.i)
    if not any(doc[i].pos_ in ("NOUN", "PROPN") for i in run):
        return ()
    return char_spans(doc, set(run))


def _relative(verb):
    """The relative pronoun a relativised reporting verb has as subject ("X, who said …")."""
    if verb.dep_ != "relcl":
        return None
    return next((c for c in verb.children if c.dep_ in SUBJECT_DEPS and c.tag_ in RELATIVE_TAGS),
                None)


def _source_ids(subj, head=None) -> set[int]:
    """The source noun phrase, without the relative clause a relativised source heads."""
    skip = [c for c in subj.children
            if c.dep_ in ("relcl", "appos") and head is not None and c.i == head.i]
    return subtree_ids(subj, skip)


def _parts(doc, subj) -> tuple[CharSpan, ...]:
    """Each conjunct of a coordinated source ("Moscow and Pyongyang") as its own span."""
    out = []
    for part in (subj, *subj.conjuncts):
        drop = [c for c in part.children if c.dep_ in ("conj", "cc", "preconj", "punct", "relcl")]
        spans = char_spans(doc, subtree_ids(part, drop))
        if spans:
            out.append(hull(spans))
    return tuple(out)


PLACEHOLDERS = frozenset({"it", "there", "that", "this"})


def _placeholder(subj) -> bool:
    """ "it was reported", "it seems", "it is clear", "there are", "that said": no source; but the
    subject of an active cue verb names one ("It said …" of a statement, "That suggests …")."""
    if subj.lower_ not in PLACEHOLDERS:
        return False
    verb, lex = subj.head, load_lexicon()
    if subj.lower_ == "there" or subj.dep_ != "nsubj" or verb.pos_ != "VERB":
        return True
    if lex.verb_lemma(verb) not in lex.verbs or verb.lemma_.lower() in lex.raising:
        return True
    nxt = verb.nbor(1) if verb.i + 1 < len(verb.doc) else None
    return subj.lower_ != "it" and verb.i == subj.i + 1 and nxt is not None and nxt.text == ","


def _with_source(doc, subj, head, relative=None, **fields) -> dict:
    if subj is None or _placeholder(subj):
        return fields
    ids = _source_ids(subj, head) | ({relative.i} if relative is not None else set())
    return {**fields, "source": char_spans(doc, ids), "source_parts": _parts(doc, subj)}


# ---- contents ----------------------------------------------------------------------------

def _complement(noun, lex: Lexicon):
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


def _content(doc, root, exclude=()) -> tuple[CharSpan, ...]:
    return char_spans(doc, subtree_ids(root, exclude))


def _after_colon(doc, verb) -> tuple[CharSpan, ...]:
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


def _quote_attributions(doc, verb, base: dict) -> list[Attribution]:
    """A reporting verb whose content is a quotation the parse did not attach to it; not one
    inside its source ("the journalist, promoting his book “Sin Miedo”, downplayed …")."""
    lo, hi = paragraph(doc_text(doc), verb.idx)
    source = hull(base.get("source", ()))
    quotes = [q for q in quotations(doc_text(doc), lo, hi)
              if source is None or not (source[0] <= q[0] and q[1] <= source[1])]
    explicit = "source" in base or _is_passive(verb)
    left = _left_quote(doc, verb, quotes)
    if left is not None:
        fields = base if explicit else _gap_source(doc, left[1], base)
        return [Attribution(**fields, content=(left[0],))] if fields else []
    right = _right_quote(doc, verb, quotes)
    return [Attribution(**base, content=(right,))] if right and explicit else []


def _is_negated(tok) -> bool:
    return any(c.dep_ == "neg" for c in tok.children)


def _cue_tokens(verb, lex: Lexicon) -> list:
    """The cue: the verb, its particle ("point out") and a channel ("in a statement")."""
    toks = [verb] + [c for c in verb.children if c.dep_ == "prt"]
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("in", "on")):
        pobj = next((g for g in prep.children if g.dep_ == "pobj"), None)
        if pobj is not None and pobj.lemma_.lower() in lex.channels and prep.i == verb.i + 1:
            toks.extend(prep.subtree)
    return toks


# ---- patterns ----------------------------------------------------------------------------

def _is_cue_verb(verb) -> bool:
    if verb.pos_ not in ("VERB", "AUX") or verb.dep_ in ("amod", "compound"):
        return False
    if any(c.dep_ == "prt" and c.lower_ in IDLE_PARTICLES for c in verb.children):
        return False
    return (verb.dep_, verb.tag_) not in WEAK_POSITIONS


# positions where a cue verb is mostly not reporting anything: "groups supporting X",
# "those who support X", "to say X and (to) say Y"
WEAK_POSITIONS = frozenset({("acl", "VBG"), ("relcl", "VB"), ("relcl", "VBP"), ("conj", "VB")})


def _verb_attributions(doc, verb, lex: Lexicon) -> list[Attribution]:
    cue = lex.verbs.get(lex.verb_lemma(verb))
    prep = _prep_cue(verb, lex)
    if (cue is None and prep is None) or not _is_cue_verb(verb):
        return []
    return _verb_relation(doc, verb, lex, cue, prep)


def _verb_relation(doc, verb, lex: Lexicon, cue, prep) -> list[Attribution]:
    """Source and content of a cue verb (``cue`` from the lexicon, ``prep`` its prepositional
    frame); also reads the generic candidates the cue model weighs (:func:`verb_candidates`)."""
    says = cue is not None and "clause" in cue.takes
    refused = _refuses_object(verb, cue)
    base = {"cue": char_spans(doc, {t.i for t in _cue_tokens(verb, lex)}),
            "stance": cue.stance if cue else prep[0], "kind": "verb", "negated": _is_negated(verb)}
    base = _with_source(doc, _subject(verb), verb, _relative(verb), **base)
    if "source" not in base and not _is_passive(verb):
        near = _preceding_subject(doc, verb) or (_following_subject(doc, verb) if says else ())
        if not near:
            return _quote_attributions(doc, verb, base) if says and not refused else []
        base = {**base, "source": near, "source_parts": (hull(near),)}
    found = _verb_content(doc, verb, cue.takes, lex, base) if cue else []
    if not found and prep is not None:
        found = _prep_attributions(doc, verb, prep, base)
    if not found and says and not refused:
        found = _quote_attributions(doc, verb, base)
    return found


def _refuses_object(verb, cue) -> bool:
    """ "X defended the incident, calling …": an object the lexicon refuses as a claim is still
    what the verb is about, so no quotation nearby is its content (the generic reading of
    :func:`verb_candidates` offers the object to the cue model)."""
    return cue is not None and "claim_object" in cue.takes and any(
        c.dep_ == "dobj" for c in verb.children)


def _prep_cue(verb, lex: Lexicon):
    """(stance, preposition) for "called for", "talked about", "responded to" with an object."""
    lemma = verb.lemma_.lower()
    if lemma not in lex.prep_lemmas:  # most words: no need to read their children
        return None
    for child in verb.children:
        stance = lex.prep_verbs.get((lemma, child.lower_))
        objs = [g for g in child.children if g.dep_ in ("pobj", "pcomp")]
        if child.dep_ == "prep" and stance and objs and objs[0].ent_type_ not in ("DATE", "TIME"):
            return stance, child
    return None


def _prep_attributions(doc, verb, prep, base: dict) -> list[Attribution]:
    """The content is the preposition's object, and an infinitive after it ("call on X to …")."""
    stance, tok = prep
    ids = subtree_ids(tok) - {tok.i}
    xcomp = next((c for c in verb.children if c.dep_ == "xcomp" and c.i > tok.i), None)
    if xcomp is not None:
        ids |= subtree_ids(xcomp)
    cue_ids = {t.i for t in _cue_tokens(verb, load_lexicon())} | {tok.i}
    fields = {**base, "cue": char_spans(doc, cue_ids), "stance": stance}
    return [Attribution(**fields, content=char_spans(doc, ids), content_root=tok.i)]


def _is_passive(verb) -> bool:
    """A passive cue ("it was reported"), or a bare passive participle ("Asked about X, …")."""
    if any(c.dep_ in ("auxpass", "nsubjpass", "csubjpass") for c in verb.children):
        return True
    return verb.tag_ == "VBN" and verb.dep_ == "advcl" and not any(
        c.dep_ in SUBJECT_DEPS or c.dep_ == "aux" for c in verb.children)


def _nested_cues(root, lex: Lexicon) -> list:
    """Cues hanging off a reported clause that continue the reporting verb: "“…,” X said,
    adding …", "X says A was so and says B"."""
    return [c for c in root.children if lex.verb_lemma(c) in lex.verbs and (
        (c.dep_ == "advcl" and c.tag_ == "VBG") or (c.dep_ == "conj" and _continues_report(c)
                                                     and not _has_subject(c)))]


def _has_subject(verb) -> bool:
    return any(c.dep_ in SUBJECT_DEPS for c in verb.children)


def _clause_child(verb, takes):
    """The reported clause: a that-clause, an if/whether question, an infinitive."""
    for child in sorted(verb.children, key=lambda c: abs(c.i - verb.i)):
        if "clause" in takes and child.dep_ == "ccomp" and not _fronted(verb, child, takes):
            return child
        if "clause" in takes and child.dep_ == "advcl" and child.i > verb.i and any(
                g.dep_ == "mark" and g.lower_ in ("if", "whether") for g in child.children):
            return child
    for child in sorted(verb.children, key=lambda c: abs(c.i - verb.i)):
        if "xcomp" in takes and child.dep_ == "xcomp":
            return child
        if "xcomp" in takes and child.dep_ == "advcl" and child.i > verb.i and any(
                g.dep_ == "aux" and g.lower_ == "to" for g in child.children):
            return child
    return None


def _spoken_after(doc, verb, before) -> tuple[CharSpan, ...]:
    """The words a colon or a quotation right after the cue gives: they, not the unquoted clause
    the parse hung before it, are what is said ("…, but Susan said, “…”").  A quotation before
    the cue keeps it ("“…,” he said, “…”", "“…,” he said on “Meet the Press.”")."""
    quoted = _after_colon(doc, verb)
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


def _fronted(verb, clause, takes) -> bool:
    """A clause before a verb that has its own object after it is no report of that verb:
    "Sanders advocates X, (while) Clinton seeks Y" (the parse makes the first clause a ccomp)."""
    return "object" in takes and clause.i < verb.i and any(
        c.dep_ == "dobj" and c.i > verb.i for c in verb.children)


def _verb_content(doc, verb, takes, lex: Lexicon, base: dict) -> list[Attribution]:
    kids: dict = {}
    for child in sorted(verb.children, key=lambda c: abs(c.i - verb.i)):
        kids.setdefault(child.dep_, child)
    root = _clause_child(verb, takes)
    if root is not None and root.i < verb.i and "clause" in takes:
        spoken = _spoken_after(doc, verb, root)  # "Asked about X, Trump replied: “…”"
        if spoken:
            return [Attribution(**base, content=spoken)]
    if root is not None:
        content = _content(doc, root, _nested_cues(root, lex))
        return [Attribution(**base, content=content, content_root=root.i)]
    if "clause" in takes and "intj" in kids and kids["intj"].i > verb.i:
        root = kids["intj"]
        return [Attribution(**base, content=_content(doc, root), content_root=root.i)]
    if "object" in takes and "dobj" in kids and "oprd" in kids:
        ids = subtree_ids(kids["dobj"]) | subtree_ids(kids["oprd"])
        return [Attribution(**base, content=char_spans(doc, ids), content_root=kids["dobj"].i)]
    if "dobj" in kids and _takes_object(kids["dobj"], takes, lex) and verb.dep_ != "acl":
        hosted = _pronoun_object(doc, verb, kids["dobj"], base) if "clause" in takes else []
        return hosted or _object_attributions(doc, kids["dobj"], lex, base)
    return _host_content(doc, verb, base) if "clause" in takes else []


def _pronoun_object(doc, verb, obj, base: dict) -> list[Attribution]:
    """ "As X put it, …", "X put it this way: “…”": the object "it" stands for the words the
    clause, colon or quotation gives."""
    if obj.lower_ != "it":
        return []
    return _host_content(doc, verb, base) or _quote_attributions(doc, verb, base)


def _host_content(doc, verb, base: dict) -> list[Attribution]:
    """The reported clause hosts the cue: "The plan, X said, failed", "As the Times reported,
    X met Y"; or the cue ends in a colon: "X said: …"."""
    as_clause = verb.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ == "as" for c in verb.children)
    if as_clause or (verb.dep_ == "parataxis" and verb.head.pos_ in ("VERB", "AUX")):
        head = verb.head
        return [Attribution(**base, content=_content(doc, head, [verb]), content_root=head.i)]
    quoted = _after_colon(doc, verb)
    return [Attribution(**base, content=quoted)] if quoted else []


def _takes_object(obj, takes, lex: Lexicon) -> bool:
    """Any object for `object` verbs; for the others only a claim noun ("backed the claims")."""
    if "object" in takes:
        return True
    lemma = obj.lemma_.lower()
    return lemma in lex.nouns or lemma in lex.light_nouns


def _object_attributions(doc, obj, lex: Lexicon, base: dict) -> list[Attribution]:
    """ "denied the allegations", "dismissed Western claims of troop deployment"."""
    lemma = obj.lemma_.lower()
    if lemma not in lex.nouns and lemma not in lex.light_nouns:
        ids = subtree_ids(obj) | set().union(*(subtree_ids(p) for p in _charge(obj)))
        return [Attribution(**base, content=char_spans(doc, ids), content_root=obj.i)]
    comp = _complement(obj, lex)
    if comp is None:
        anaphoric = any(c.dep_ in ("det", "poss") and c.lower_ in lex.anaphoric for c in obj.children)
        return [Attribution(**base, content=_content(doc, obj), content_root=obj.i,
                            anaphoric=anaphoric)]
    content = _content(doc, comp)
    found = [Attribution(**base, content=content, content_root=comp.i)]
    holder = _noun_holder(obj)
    if holder is not None and lemma in lex.nouns:
        fields = _with_source(doc, holder, None, cue=char_spans(doc, {obj.i}),
                              stance=lex.nouns[lemma], kind="object-noun")
        found.append(Attribution(**fields, content=content, content_root=comp.i))
    return found


CHARGE_PREPS = frozenset({"of", "for", "over", "about", "at", "into", "to", "toward", "towards",
                          "with", "against", "on"})


def _charge(obj) -> list:
    """What the object is praised, blamed or accused for, or a light verb's object aims at:
    "accused X of Y", "praised X for Y", "took a shot at Y", "turned her attention to Y" (the
    phrase after the object belongs to the content)."""
    verb = obj.head
    return [c for c in verb.children if c.dep_ == "prep" and c.i > obj.i
            and c.lower_ in CHARGE_PREPS and any(
                g.dep_ in ("pobj", "pcomp") and g.ent_type_ not in ("DATE", "TIME")
                for g in c.children)]


def _noun_holder(noun):
    """Who holds a claim noun: a possessor ("Russia's claims") or a nationality ("Western claims")."""
    for child in noun.children:
        if child.dep_ == "poss" and (child.pos_ in ("PROPN", "NOUN") or child.tag_ == "PRP$"):
            return child
        if child.dep_ in ("amod", "compound") and _names_group(child):
            return child
    return None


def _names_group(tok) -> bool:
    """A proper name or a capitalised nationality adjective ("Western", "Russian")."""
    if tok.ent_type_ in ("NORP", "GPE", "ORG") or tok.pos_ == "PROPN":
        return True
    return tok.pos_ == "ADJ" and tok.is_title and tok.i != tok.sent.start


def _light_attributions(doc, verb, lex: Lexicon) -> list[Attribution]:
    """ "raised concerns over X", "voiced support for X"."""
    if verb.lemma_.lower() not in lex.light_verbs:
        return []
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is None or obj.lemma_.lower() not in lex.light_nouns:
        return []
    comp = _complement(obj, lex) or _for_complement(obj) or next(
        (c for c in verb.children if c.dep_ == "ccomp" and c.i > obj.i), None)
    if comp is None:
        return []
    fields = _with_source(doc, _subject(verb), verb, cue=char_spans(doc, {verb.i, obj.i}),
                          stance=lex.light_nouns[obj.lemma_.lower()], kind="light",
                          negated=_is_negated(verb))
    return [Attribution(**fields, content=_content(doc, comp), content_root=comp.i)]


def _predicative(doc, adj, lex: Lexicon) -> list[Attribution]:
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
    fields = _with_source(doc, _subject(adj.head), adj.head, cue=char_spans(doc, cue | {adj.head.i}),
                          stance=stance, kind="adjective", negated=_is_negated(adj.head))
    if "source" not in fields:
        return []
    return [Attribution(**fields, content=_content(doc, comp), content_root=comp.i)]


def _for_complement(noun):
    prep = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "for"), None)
    return next((g for g in prep.children if g.dep_ == "pobj"), None) if prep else None


def _noun_attributions(doc, noun, lex: Lexicon) -> list[Attribution]:
    """A cue noun standing alone with its complement: "there are concerns about X"."""
    lemma = noun.lemma_.lower()
    if noun.pos_ != "NOUN" or lemma not in lex.nouns or noun.dep_ == "dobj" and (
            noun.head.lemma_.lower() in lex.verbs or noun.head.lemma_.lower() in lex.light_verbs):
        return []
    comp = _complement(noun, lex)
    if comp is None:
        return []
    holder, cue = _noun_holder(noun), {noun.i}
    verb = _governor(noun) if holder is None else None
    if verb is not None:
        holder, cue = _subject(verb), cue | {verb.i} | {t.i for t in doc[verb.i + 1: noun.i]
                                                          if t.dep_ in ("prep", "prt")}
    fields = _with_source(doc, holder, None, cue=char_spans(doc, cue),
                          stance=lex.nouns[lemma], kind="noun")
    if "source" not in fields and not (_existential(noun) or lemma in lex.implicit_nouns):
        return []  # "accusations that …" with no holder: too often not an attribution
    return [Attribution(**fields, content=_content(doc, comp), content_root=comp.i)]


def _existential(noun) -> bool:
    """ "There are concerns that …", "Fears are growing that …": a sourceless noun cue."""
    head = noun.head
    if noun.dep_ == "attr" and any(c.lower_ == "there" for c in head.children):
        return True
    return noun.dep_ == "nsubj" and head.pos_ in ("VERB", "AUX")


def _governor(noun):
    """The verb whose subject holds a cue noun: "X issued a statement that …",
    "X said in a statement that …"."""
    head = noun.head
    if noun.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in ("in", "on"):
        head = head.head
    elif noun.dep_ != "dobj":
        return None
    return head if head.pos_ == "VERB" and head.i < noun.i else None


def _according(doc, tok, lex: Lexicon) -> list[Attribution]:
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
    fields = _with_source(doc, pobj, None, cue=cue, stance=stance, kind="according")
    content = _content(doc, head, [tok])
    return [Attribution(**fields, content=content, content_root=head.i)]


def _adverb(doc, tok, lex: Lexicon) -> list[Attribution]:
    """ "troops reportedly prepare …": an implicit source vouches for the clause."""
    stance = lex.adverbs.get(tok.lower_)
    if stance is None or tok.dep_ != "advmod":
        return []
    head = tok.head
    drop = [tok] + [c for c in head.children if c.dep_ in ("mark", "advcl") and c.i < tok.i]
    return [Attribution(cue=char_spans(doc, {tok.i}), stance=stance, kind="adverb",
                        content=_content(doc, head, drop), content_root=head.i)]


def _adjective(doc, tok, lex: Lexicon) -> list[Attribution]:
    """ "the reported deployment of troops": an implicit source for the noun phrase."""
    stance = lex.adjectives.get(tok.lower_)
    if stance is None or tok.dep_ != "amod" or tok.head.pos_ != "NOUN":
        return []
    head = tok.head
    return [Attribution(cue=char_spans(doc, {tok.i}), stance=stance, kind="adjective",
                        content=_content(doc, head), content_root=head.i)]


def _headline_colon(doc, sent) -> list[Attribution]:
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
    if not _names_speaker(head, load_lexicon()):
        return []  # "The Latest: …", "Question: …" are labels, not speakers
    return [Attribution(cue=(tok_span(colon),), stance="assert", kind="colon",
                        source=char_spans(doc, {t.i for t in head}),
                        source_parts=char_spans(doc, {t.i for t in head}),
                        content=char_spans(doc, set(range(colon.i + 1, end))),
                        content_root=None)]


LABEL_BREAKS = frozenset({"-", "--", "—", "–"})


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


def attributions_in(doc, lexicon: Lexicon | None = None,
                    model: CueModel | None | bool = True) -> list[Attribution]:
    """Every attribution in a parsed doc: the rules' matches the cue model keeps, then the
    verbs outside the lexicon it accepts.  ``model=False`` gives the rules alone."""
    lex = lexicon or load_lexicon()
    if model is False:
        return rule_attributions(doc, lex)
    rules = rule_attributions(doc, lex, writer=True)
    weights = model if isinstance(model, CueModel) else load_cue_model()
    kept = [a for a in rules if not weighed(a)
            or weights.probability(features(doc, a, lex)) >= weights.rule_threshold]
    scored = [(a, weights.probability(features(doc, a, lex)))
              for a in verb_candidates(doc, lex, rules)]
    extra = best_per_cue([(a, p) for a, p in scored if p >= weights.threshold])
    return kept + [a for a in extra if not any(_holds(a, k) for k in kept)]


def best_per_cue(scored: list[tuple[Attribution, float]]) -> list[Attribution]:
    """Of the candidate readings of one cue word ("X appears to …" with X as the source, or
    as part of the content), the likeliest; in text order."""
    best: dict[int, tuple[Attribution, float]] = {}
    for att, p in scored:
        key = att.cue[0][0]
        if key not in best or p > best[key][1]:
            best[key] = (att, p)
    return [best[k][0] for k in sorted(best)]


def weighed(att: Attribution) -> bool:
    """Rule matches the model may drop: cue verbs (most spurious matches are of this kind),
    headline colons (right about a third of the time on PolNeAR's train parts) and claim nouns
    with a holder ("his concerns", "Clinton's rejection": right about a third of the time
    there).  Light-verb ("raised concerns"), adjective, adverb and "according to" cues stand as
    the rules found them, and so do nouns that name no one ("reports of troops deployed"): they
    are the anonymous reports a security desk keeps as evidence."""
    return att.kind in ("verb", "colon") or (att.kind == "noun" and bool(att.source))


def _holds(outer: Attribution, inner: Attribution) -> bool:
    """A candidate whose content holds a kept cue would hide it (see :func:`outermost`)."""
    s, e = inner.cue_span
    return any(cs <= s and e <= ce for cs, ce in outer.content)


def rule_attributions(doc, lex: Lexicon, writer: bool = False) -> list[Attribution]:
    """The matches of the patterns over the lexicon, in text order of the cue; with ``writer``
    also those whose source is "I", "we" or "you" (the cue model weighs them)."""
    found: list[Attribution] = []
    for sent in doc.sents:
        found.extend(_headline_colon(doc, sent))
    for tok in doc:
        light = _light_attributions(doc, tok, lex)
        found.extend(light or _verb_attributions(doc, tok, lex))
        for pattern in (_noun_attributions, _according, _adverb, _adjective, _predicative):
            found.extend(pattern(doc, tok, lex))
    return _finish(doc, found, lex, writer)


def _finish(doc, found: list[Attribution], lex: Lexicon, writer: bool) -> list[Attribution]:
    kept = (_in_paragraph(doc, a) for a in found if a.content and a.cue)
    return [_whole_quotes(doc_text(doc), a) for a in kept
            if a is not None and (writer or not by_writer(doc_text(doc), a, lex))]


GENERIC_CUE = VerbCue(stance="assert", takes=("clause", "xcomp", "object"))


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
    return _finish(doc, found, lex, writer=True)


def _token_candidates(doc, tok, lex: Lexicon) -> list[Attribution]:
    """The generic readings of one token: a verb, a noun, a channel or viewpoint phrase."""
    if tok.pos_ == "VERB":
        rel = _verb_relation(doc, tok, lex, GENERIC_CUE, _any_prep(tok))
        found = [_with_patient(doc, tok, replace(a, kind="learned")) for a in rel[:1]
                 if not _purpose(doc, tok, a)]
        return (found + (_raising(doc, tok) or _seeming(doc, tok, lex))
                + _passive_candidate(doc, tok) + _reception(doc, tok, lex))
    if tok.pos_ == "NOUN":
        return _noun_candidate(doc, tok)
    if tok.dep_ in ("prep", "ROOT") and tok.lower_ in CHANNEL_PREPS:
        return _channel_candidate(doc, tok, lex)
    if tok.dep_ == "prep" and tok.lower_ in VIEW_PREPS:
        return _view_candidate(doc, tok)
    return []


GIVER_PREPS = frozenset({"from", "of", "among", "within", "by"})


def _reception(doc, verb, lex: Lexicon) -> list[Attribution]:
    """ "X drew criticism from Y", "X has faced criticism for …", "X came under fire": the
    evaluation's giver (if named) is the source, its receiver (and the reason) the content."""
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    noun = _received(verb, lex)
    if subj is None or noun is None or verb.lemma_.lower() not in lex.reception_verbs:
        return []
    preps = [c for t in (verb, noun) for c in t.children if c.dep_ == "prep" and c.i > noun.i]
    giver = next((g for c in preps if c.lower_ in GIVER_PREPS for g in c.children
                  if g.dep_ == "pobj"), None)
    reason = [c for c in preps if c.lower_ in ("for", "over")]
    ids = subtree_ids(subj) | set().union(*(subtree_ids(c) for c in reason))
    fields = _with_source(doc, giver, None, cue=char_spans(doc, {verb.i, noun.i}),
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


def _with_patient(doc, verb, att: Attribution) -> Attribution:
    """ "Lewandowski was dismissed on Monday": a passive with no agent has no source, and what
    it is about is its subject, not the phrase after it."""
    subj = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if att.source or subj is None or subj.tag_ in RELATIVE_TAGS or subj.lower_ in PLACEHOLDERS:
        return att
    return replace(att, content=merge(att.content + _content(doc, subj)))


CHANNEL_PREPS = frozenset({"in", "on"})
VIEW_PREPS = frozenset({"for", "to"})
NOT_VIEWERS = frozenset({"it", "this", "that", "now", "instance", "example"})


def _view_candidate(doc, prep) -> list[Attribution]:
    """ "For most voters, the economy is the issue", "To his critics, X looks weak": a fronted
    "for"/"to" phrase naming people, set off by a comma, is whose view the clause is."""
    head, pobj = prep.head, next((c for c in prep.children if c.dep_ == "pobj"), None)
    subj = next((c for c in head.children if c.dep_ in SUBJECT_DEPS), None)
    after = doc[prep.right_edge.i + 1] if prep.right_edge.i + 1 < len(doc) else None
    if pobj is None or subj is None or head.pos_ not in ("VERB", "AUX") or not (
            prep.i < subj.i and after is not None and after.text == "," and _viewer(pobj)):
        return []
    fields = _with_source(doc, pobj, None, cue=(tok_span(prep),), stance="assert",
                          kind="learned-view")
    return [Attribution(**fields, content=_content(doc, head, [prep]), content_root=head.i)]


def _viewer(tok) -> bool:
    """People: a named person or group, a pronoun, or a plural noun ("many voters")."""
    if tok.lower_ in NOT_VIEWERS or tok.ent_type_ in ("DATE", "TIME", "MONEY", "PERCENT"):
        return False
    return tok.ent_type_ in SPEAKER_ENTS or tok.pos_ == "PRON" or tok.tag_ in ("NNS", "NNPS")


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


def _channel_candidate(doc, prep, lex: Lexicon) -> list[Attribution]:
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
    fields = _with_source(doc, source, None, cue=char_spans(doc, {prep.i, pobj.i}),
                          stance="assert", kind="learned-channel")
    return [Attribution(**fields, content=_content(doc, head, [prep]), content_root=head.i)]


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


SEEM_COMPLEMENTS = frozenset({"acomp", "attr", "oprd", "ccomp"})


def _seeming(doc, verb, lex: Lexicon) -> list[Attribution]:
    """ "X seems ready", "X appears weak", "it seems (likely) that …", "X looked like a winner":
    a verb of seeming with a predicate, no source, the subject and predicate the content."""
    if verb.lemma_.lower() not in lex.raising:
        return []
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    comps = [c for c in verb.children if c.i > verb.i and _seem_complement(c)]
    if subj is None or not comps or subj.tag_ in RELATIVE_TAGS:
        return []
    ids = set().union(*(subtree_ids(c) for c in comps))
    ids |= set() if subj.lower_ == "it" else subtree_ids(subj)  # "it seems (likely) that …"
    return [Attribution(cue=(tok_span(verb),), stance="assert", kind="raising",
                        content=char_spans(doc, ids), content_root=comps[0].i)]


def _seem_complement(child) -> bool:
    """What a verb of seeming predicates: "weak", "a winner", "like a winner", "that …",
    "as if …"."""
    if child.dep_ in SEEM_COMPLEMENTS or (child.dep_ == "prep" and child.lower_ in ("like", "as")):
        return True
    return child.dep_ == "advcl" and any(
        g.dep_ == "mark" and g.lower_ in ("if", "though", "like") for g in child.children)


def _passive_candidate(doc, verb) -> list[Attribution]:
    """ "X was backed by most voters", "the meeting was first reported by Politico": the agent is
    the source, the passive subject the content."""
    subj = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    agent = _agent(verb)
    if subj is None or agent is None:
        return []
    by = agent.head
    fields = _with_source(doc, agent, None, stance="assert", kind="learned-passive",
                          cue=char_spans(doc, {verb.i, by.i} | {c.i for c in verb.children
                                                               if c.dep_ == "auxpass"}))
    if "source" not in fields:
        return []
    return [Attribution(**fields, content=_content(doc, subj), content_root=subj.i)]


NOUN_PREPS = frozenset({"of", "about", "on", "to", "for", "over", "against", "with"})


def _noun_candidate(doc, noun) -> list[Attribution]:
    """ "Trump's opposition to X", "criticism of X", "claims by X that …", "his plan to …":
    the holder (if any) and the complement."""
    cue, comp = _noun_complement(noun)
    if comp is None:
        return []
    fields = _with_source(doc, _noun_source(noun), noun, cue=char_spans(doc, cue),
                          stance="assert", kind="learned-noun")
    return [Attribution(**fields, content=_content(doc, comp), content_root=comp.i)]


def _noun_complement(noun) -> tuple[set[int], object]:
    """A noun's clause ("… that X", "… to X") or prepositional object, with the cue tokens."""
    for child in noun.children:
        if child.dep_ in ("acl", "ccomp", "relcl") and child.i > noun.i and (any(
                g.dep_ in ("mark", "aux") and g.lower_ in ("that", "to") for g in child.children)
                or child.left_edge.lower_ == "that"):
            return {noun.i}, child
    prep = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ in NOUN_PREPS), None)
    pobj = next((g for g in prep.children if g.dep_ in ("pobj", "pcomp")), None) if prep else None
    return ({noun.i, prep.i}, pobj) if pobj is not None else (set(), None)


def _noun_source(noun):
    """A noun's holder: a possessor, a "by"/"from" agent ("claims by X", "criticism from X"),
    or the subject of the verb it completes ("X has been a critic of", "X raised questions")."""
    for child in noun.children:
        if child.dep_ == "poss":
            return child
        if child.dep_ == "prep" and child.lower_ in ("by", "from"):
            pobj = next((g for g in child.children if g.dep_ == "pobj"), None)
            if pobj is not None:
                return pobj
    if noun.dep_ in ("attr", "dobj") and noun.head.pos_ in ("VERB", "AUX"):
        return _subject(noun.head)
    return _frame_holder(noun)


def _frame_holder(noun):
    """The holder of a noun in apposition ("X, a critic of Y") or in a prepositional phrase of
    the verb ("X is in a dispute over Y", "X spoke in support of Y")."""
    if noun.dep_ == "appos" and noun.head.pos_ in ("PROPN", "NOUN", "PRON"):
        return noun.head
    head = noun.head
    if noun.dep_ == "pobj" and head.dep_ == "prep" and head.head.pos_ in ("VERB", "AUX"):
        return _subject(head.head)
    return None


def _any_prep(verb):
    """The first preposition after a verb with an object: a fallback content ("focus on X")."""
    for child in verb.children:
        if child.dep_ == "prep" and child.i > verb.i and any(
                g.dep_ in ("pobj", "pcomp") for g in child.children):
            return "assert", child
    return None


def by_writer(text: str, att: Attribution, lex: Lexicon) -> bool:
    """The source is "I", "we" or "you": the writer's own view, not an attribution."""
    return len(att.source) == 1 and text[slice(*att.source[0])].lower() in lex.writer


def _in_paragraph(doc, att: Attribution) -> Attribution | None:
    """Sources and contents stay in the cue's paragraph (the parser may run a headline on);
    a source lost that way is looked for right before the cue."""
    text = doc_text(doc)
    lo, hi = paragraph(text, att.cue_span[0])
    content = clip(text, att.content, lo, _introduced(text, hi))
    named = dateline_end(text, lo)  # "WASHINGTON (AP) — …": the place is no source
    source = clip(text, att.source, named, hi)
    parts = clip(text, att.source_parts, named, hi)
    if att.source and not source:
        source = _after_dateline(doc, named) if named > lo else ()
        cue = doc.char_span(*att.cue_span, alignment_mode="expand")
        source = source or (_preceding_subject(doc, cue[0]) if cue is not None else ())
        parts = (hull(source),) if source else ()
    if not content or (att.source and not source):
        return None
    return replace(att, content=content, source=source, source_parts=parts)


def _introduced(text: str, hi: int) -> int:
    """The end of the paragraph a colon ending the paragraph before ``hi`` introduces ("Cruz
    continued:\n\n“…”"), or ``hi``."""
    end = hi
    while end > 0 and text[end - 1].isspace():
        end -= 1
    if end == 0 or text[end - 1] != ":":
        return hi
    start = SPACE.match(text, hi).end()
    return paragraph(text, start)[1] if start < len(text) else hi


SPACE = re.compile(r"\s*")


DATELINE_SUBJECT = frozenset({"DET", "ADJ", "PROPN", "NOUN", "NUM", "CCONJ", "PART"})


def _after_dateline(doc, start: int) -> tuple[CharSpan, ...]:
    """The noun phrase opening the story after its dateline: "WASHINGTON (AP) — Donald Trump
    and Paul Ryan pledged …" (the parse made the place the subject)."""
    first = doc.char_span(start, start + 1, alignment_mode="expand")
    if first is None or not len(first):
        return ()
    run = []
    for tok in doc[first[0].i: first[0].sent.end]:
        if tok.pos_ not in DATELINE_SUBJECT:
            break
        run.append(tok.i)
    return char_spans(doc, set(run)) if any(doc[i].pos_ in ("NOUN", "PROPN") for i in run) else ()


def _whole_quotes(text: str, att: Attribution) -> Attribution:
    """A content that starts a quotation runs to its end, across sentences of the paragraph."""
    lo, hi = paragraph(text, att.cue_span[0])
    span = att.content_span
    cue = att.cue_span
    extra = [q for q in quotations(text, lo, hi) if q[0] < span[1] and span[0] < q[1]
             and not (q[0] <= cue[0] < q[1]) and (q[0] < span[0] or q[1] > span[1])]
    return replace(att, content=merge(att.content + tuple(extra))) if extra else att


def outermost(atts: list[Attribution], text: str) -> list[Attribution]:
    """Drop attributions nested in reported speech: a cue inside another attribution's content
    or inside quotation marks.  Corpora such as PolNeAR annotate only the outer relation."""
    quotes = quoted_regions(text)

    def inside(a: Attribution, spans) -> bool:
        return any(s <= a.cue_span[0] and a.cue_span[1] <= e for s, e in spans)
    return [a for a in atts if not inside(a, quotes)
            and not any(b is not a and inside(a, b.content) for b in atts)]
