"""Small helpers over the spaCy dependency parse shared by detection and pair typing."""

from __future__ import annotations

from dataclasses import dataclass

from pactwatch.events.lexicon import EventLexicon, Frame, Trigger

OBJECT_DEPS = frozenset({"dobj", "nsubjpass", "attr", "oprd", "compound", "amod", "nmod", "dative", "obj"})
NAMING_DEPS = frozenset({"amod", "compound", "nmod", "poss"})
NAMING_ENTS = frozenset({"NORP", "GPE"})
COMPLEMENT_DEPS = frozenset({"xcomp", "ccomp", "dobj", "pobj", "prep", "acl", "advcl", "relcl", "pcomp",
                             "conj", "attr", "oprd", "nsubjpass"})


@dataclass(frozen=True)
class Match:
    """A trigger word and what the lexicon says of it."""

    token: object  # spaCy Token
    entry: Trigger


def pos_of(token) -> str:
    return "VERB" if token.pos_ in ("VERB", "AUX") else "NOUN" if token.pos_ in ("NOUN", "PROPN") else token.pos_


def word_forms(token) -> set[str]:
    return {token.lemma_.lower(), token.lower_}


def objects_of(token) -> set[str]:
    """Words a trigger governs that can select an object pattern ("sign" + treaty, "launch" + missile);
    its prepositions and particles as "@for", "@on", its complements as "@xcomp", "@ccomp", "@dobj",
    and a nationality or country naming it as "#NORP", "#GPE" ("an Israeli strike", "a US strike")."""
    found: set[str] = {f"@{c.lower_}" for c in token.children if c.dep_ in ("prep", "prt") and not _when(c)}
    found |= {f"#{c.ent_type_}" for c in token.children if c.dep_ in NAMING_DEPS and c.ent_type_ in NAMING_ENTS}
    found |= {f"@{c.dep_}" for c in token.children if c.dep_ in ("xcomp", "ccomp", "dobj", "neg", "acl", "nsubjpass")}
    found |= {w for c in token.children if c.dep_ in ("xcomp", "ccomp") and c.pos_ == "ADJ"  # "found X guilty"
              for w in word_forms(c)}
    for child in token.children:
        if child.dep_ in OBJECT_DEPS or child.dep_ == "prt":
            found |= word_forms(child)
            found |= {w for gc in child.children if gc.dep_ in ("compound", "amod") for w in word_forms(gc)}
            found |= {w for p in child.children if p.lower_ == "of" and child.lower_ in STATE_OF
                      for gc in p.children if gc.dep_ == "pobj" for w in word_forms(gc)}
        elif child.dep_ in ("prep", "agent") and not _when(child):  # not "began on [March] 13"
            objs = [gc for gc in child.children if gc.dep_ == "pobj"]
            found |= {w for gc in objs for w in word_forms(gc)}
            found |= {w for gc in objs for m in gc.children if m.dep_ in ("compound", "amod") for w in word_forms(m)}
    if token.dep_ in ("compound", "amod", "acl") and token.head.pos_ in ("NOUN", "PROPN"):
        found |= word_forms(token.head)
    return found


# nouns that measure or contain what is acted on: "a state of siege", "13 tons of medicine",
# "$4 million worth of equipment", "the instrument of accession"
STATE_OF = frozenset({"state", "states", "ton", "tons", "tonne", "tonnes", "team", "teams", "wave", "series",
                      "batch", "shipment", "consignment", "convoy", "package", "contingent", "load", "truckload",
                      "worth", "instrument", "instruments"}) | frozenset({
    # partitives: "eased some of its restrictions", "released all of the hostages"
    "some", "all", "most", "many", "several", "part", "rest", "much", "each", "none", "half", "dozens", "hundreds"})
def _when(prep) -> bool:
    """A preposition introducing a date or time ("on Saturday"), not an argument."""
    return any(g.ent_type_ in ("DATE", "TIME") for g in prep.children if g.dep_ == "pobj")


NAME_ENTS = frozenset({"GPE", "PERSON", "NORP", "ORG", "FAC", "WORK_OF_ART", "LAW", "PRODUCT", "LOC", "DATE", "TIME"})
GOVERNED_DEPS = frozenset({"dobj", "pobj", "nsubjpass", "compound", "attr", "oprd"})


def trigger_at(token, lex: EventLexicon) -> Trigger | None:
    if token.pos_ not in ("VERB", "NOUN", "PROPN", "AUX") or token.ent_type_ in NAME_ENTS:
        return None
    if not lex.knows(token.lemma_.lower()):  # most words: skip reading their objects
        return None
    # a noun modifying another noun ("gulf war allies", "war games") is an event only through a pattern,
    # unless the noun it modifies is a light one that only carries it ("a [mediation] effort", "a
    # [bombing] campaign")
    modifier = token.dep_ == "compound" and token.pos_ == "NOUN" and token.head.lemma_.lower() not in lex.transparent
    entry = lex.trigger(token.lemma_.lower(), pos_of(token), objects_of(token), patterns_only=modifier)
    return lex.recoded(entry, token.lemma_.lower(), clause_words(token)) if entry and lex.recode else entry


def clause_words(token) -> set[str]:
    """Lower-cased words of the trigger's phrase, and of the clause governing a nominal trigger
    ("announced the deployment of troops [on a peacekeeping mission]")."""
    words = {t.lower_ for t in token.subtree}
    if token.pos_ in ("NOUN", "PROPN") and token.head.i != token.i:
        words |= {t.lower_ for t in token.head.subtree}
    return words


def governing_trigger(token, lex: EventLexicon):
    """The word whose object ``token`` is, when that word is itself a (non-light) trigger.

    "lifted its ban", "reduced aid", "suspension of aid", "investigate attacks": the governing
    act is the event, the governed noun its object.
    """
    if token.dep_ == "conj" and token.pos_ in ("NOUN", "PROPN") and token.head.i != token.i:
        return governing_trigger(token.head, lex)  # "provide [a grant] and [a loan]": the same act
    if token.dep_ not in GOVERNED_DEPS:
        return None
    head = token.head.head if token.dep_ == "pobj" else token.head
    if token.dep_ == "pobj" and token.head.lower_ not in ("of", "to", "on", "for", "into"):
        return None
    if token.dep_ == "pobj" and head.lower_ in STATE_OF and head.dep_ in GOVERNED_DEPS and head.i != token.i:
        return governing_trigger(head, lex)  # "[some] of its restrictions": the act on the whole phrase
    if head.i == token.i or head.lemma_.lower() in lex.transparent:
        return None
    entry = trigger_at(head, lex)
    return (head, entry) if entry else None


def frame_at(token, lex: EventLexicon, inner_type: str | None, below=None) -> Frame | None:
    """A frame word governing ``below`` through a verbal complement or "call for"/"call on"."""
    if token.pos_ not in ("VERB", "NOUN", "AUX", "ADJ"):
        return None
    if below is not None and not (below.dep_ in ("xcomp", "ccomp") or below.lower_ in lex.frame_preps
                                  or (below.dep_ == "acl" and token.pos_ == "NOUN" and below.tag_ == "VB")):
        return None  # a noun frame governs its infinitive: "Honcharuk's offer [to resign]"
    frame = lex.frame(token.lemma_.lower(), inner_type)
    if frame is not None and frame.other_subject and not (below is not None and own_subject(token, below)):
        return None
    if frame is not None and frame.links and below is not None and below.dep_ not in frame.links:
        return None  # "told the Daily Mail, '[...] is ask her ...'": a quotation, not an order
    return frame


def own_subject(token, below) -> bool:
    """The complement ``below`` of ``token`` has a subject of its own: "wants [foreign forces] to
    leave" (a subject in the clause, or an object of ``token`` before an infinitive)."""
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in below.children):
        return True
    return below.dep_ == "xcomp" and any(c.dep_ == "dobj" and c.i < below.i for c in token.children)


def aux_words(token) -> set[str]:
    return {c.lower_ for c in token.children if c.dep_ in ("aux", "auxpass")}


def ancestors_upto(token, top) -> list:
    """Tokens from ``token`` (inclusive) up to ``top`` (inclusive), or to the root."""
    chain = [token]
    stop = top.i if top is not None else -1
    while chain[-1].i != stop and chain[-1].head.i != chain[-1].i:
        chain.append(chain[-1].head)
    return chain


def lowest_common_ancestor(a, b):
    above_a = {t.i for t in ancestors_upto(a, None)}
    return next(t for t in ancestors_upto(b, None) if t.i in above_a)


def span_head(doc, start: int, end: int):
    """The syntactic head of the tokens within character offsets [start, end)."""
    tokens = [t for t in doc if t.idx < end and t.idx + len(t) > start]
    if not tokens:
        return None
    ids = {t.i for t in tokens}
    heads = [t for t in tokens if t.head.i not in ids or t.head.i == t.i]
    return heads[0] if heads else tokens[0]


def negated(token) -> bool:
    return any(c.dep_ == "neg" for c in token.children)
