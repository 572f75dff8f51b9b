"""Sources: who an attribution is by, from the cue's subject, an agent, or the words near it.

"it" and "that" name a source only as the subject of an active cue verb ("It said …"); a wire
dateline ("WASHINGTON (AP) — ") and a date the parse took for the subject are no sources; a
bracketed aside stays in the source ("Paul Ryan (R-Wis.) said"); coordinated subjects are split
into ``source_parts``; a relative pronoun is kept in the source ("X, who said …").
"""

from __future__ import annotations

from pactwatch.claims.grammar import RELATIVE_TAGS, SUBJECT_DEPS, agent
from pactwatch.claims.lexicon import Lexicon
from pactwatch.claims.record import Attribution
from pactwatch.claims.spans import CharSpan, char_spans, hull, paragraph, subtree_ids
from pactwatch.nlp import doc_text

INHERIT_DEPS = ("conj", "advcl", "xcomp", "pcomp", "acl", "acomp", "prep")
NOT_SUBJECT_DEPS = frozenset({"dobj", "dative", "pobj", "poss", "npadvmod"})
INVERTED_POS = frozenset({"DET", "ADJ", "PROPN", "NOUN", "NUM", "PART"})
DATELINE_SUBJECT = frozenset({"DET", "ADJ", "PROPN", "NOUN", "NUM", "CCONJ", "PART"})


def subject(verb, lex: Lexicon):
    """The subject token of a verb, climbing through participles, conjuncts and relatives."""
    for _ in range(4):
        subj = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
        if subj is not None and subj.ent_type_ in ("DATE", "TIME") and subj.i > verb.i:
            return None  # "X said Tuesday …" with the date parsed as the subject
        if subj is not None and subj.tag_ in RELATIVE_TAGS and verb.dep_ == "relcl":
            return agent(verb) if subj.dep_ == "nsubjpass" else verb.head
        if subj is not None:
            return agent(verb) if subj.dep_ == "nsubjpass" else subj
        if verb.tag_ == "VBN" and verb.dep_ in ("advcl", "acl"):
            return agent(verb)  # "Asked about …, X said": the asker is not X
        if verb.dep_ == "relcl" or (verb.dep_ == "acl" and verb.tag_ == "VBG"):
            return verb.head
        if verb.dep_ not in INHERIT_DEPS or verb.head.i == verb.i:
            return None
        verb = _reporter(verb.head, lex) if continues_report(verb, lex) else verb.head
    return None


def continues_report(verb, lex: Lexicon) -> bool:
    """ "“…,” X said, adding …" and "X says A was so and says B": the participle or the
    conjoined cue continues the reporting verb above the clause it hangs from."""
    if verb.tag_ == "VBG":
        return True
    return (verb.dep_ == "conj" and lex.verb_lemma(verb) in lex.verbs
            and lex.verb_lemma(verb.head) not in lex.verbs)


def _reporter(head, lex: Lexicon):
    """A participle attached to a reported clause belongs to the reporting verb above it."""
    above = head.head
    if head.dep_ == "ccomp" and above.i != head.i and above.pos_ == "VERB" and (
            lex.verb_lemma(above) in lex.verbs):
        return above
    return head


def preceding_subject(doc, verb, lex: Lexicon) -> tuple[CharSpan, ...]:
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
    nominal = tok.pos_ in ("PROPN", "NOUN") or tok.lower_ in lex.words.subject_pronouns
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


def following_subject(doc, verb) -> tuple[CharSpan, ...]:
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


def relative(verb):
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


def placeholder(subj, lex: Lexicon) -> bool:
    """ "it was reported", "it seems", "it is clear", "there are", "that said": no source; but the
    subject of an active cue verb names one ("It said …" of a statement, "That suggests …")."""
    if subj.lower_ not in lex.words.placeholders:
        return False
    verb = subj.head
    if subj.lower_ == "there" or subj.dep_ != "nsubj" or verb.pos_ != "VERB":
        return True
    if lex.verb_lemma(verb) not in lex.verbs or verb.lemma_.lower() in lex.raising:
        return True
    nxt = verb.nbor(1) if verb.i + 1 < len(verb.doc) else None
    return subj.lower_ != "it" and verb.i == subj.i + 1 and nxt is not None and nxt.text == ","


def with_source(doc, subj, head, lex: Lexicon, relative=None, **fields) -> dict:
    """``fields`` with the source and its parts that ``subj`` names (none for a placeholder)."""
    if subj is None or placeholder(subj, lex):
        return fields
    ids = _source_ids(subj, head) | ({relative.i} if relative is not None else set())
    return {**fields, "source": char_spans(doc, ids), "source_parts": _parts(doc, subj)}


def noun_holder(noun):
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


def after_dateline(doc, start: int) -> tuple[CharSpan, ...]:
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


def by_writer(text: str, att: Attribution, lex: Lexicon) -> bool:
    """The source is "I", "we" or "you": the writer's own view, not an attribution."""
    return len(att.source) == 1 and text[slice(*att.source[0])].lower() in lex.writer
