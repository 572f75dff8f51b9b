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
    if pred.dep_ in ("xcomp", "conj", "advcl", "acomp") and pred.head.i != pred.i and not _bare_passive(pred) \
            and not any(c.dep_ in ("nsubjpass", "auxpass") for c in pred.children):  # a passive's subject is its patient
        return subjects(pred.head)
    if pred.pos_ in ("NOUN", "PROPN"):
        owners = [c for c in pred.children if c.dep_ in ("poss", "compound", "amod", "nmod") and _is_agent_word(c)]
        return owners or [g for c in pred.children if c.dep_ == "amod" for g in c.children
                          if g.dep_ in ("nsubj", "poss") and _is_agent_word(g)]
    return []


def _bare_passive(pred) -> bool:
    """A reduced passive clause ("If convicted, X could ..."): the subject it leans on is its patient."""
    return pred.dep_ == "advcl" and pred.tag_ == "VBN" and not any(c.dep_ in ("aux", "nsubj") for c in pred.children)


def _is_agent_word(token) -> bool:
    return token.ent_type_ in ACTOR_ENTS or token.pos_ == "PROPN"


def objects(token, lex: EventLexicon) -> list:
    """Recipients: the direct object, the passive subject, and objects of recipient prepositions,
    also a recipient the parse hangs inside the theme ("handed [the instrument of accession to X]")."""
    found = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass", "dative", "attr")]
    themes = [c for c in token.children if c.dep_ == "dobj"]
    for holder in [token] + themes:
        found += _prep_objects(holder, lex.target_preps)
    inner = [g for t in themes for c in t.children if c.dep_ == "prep" and c.lower_ == "of"
             for g in c.children if g.dep_ == "pobj"]
    return found + [g for t in inner for g in _prep_objects(t, lex.recipient_preps)]


def _prep_objects(holder, preps: frozenset[str]) -> list:
    return [g for p in holder.children if p.dep_ in ("prep", "dative") and p.lower_ in preps
            for g in p.children if g.dep_ == "pobj"]


PLACE_ENTS = frozenset({"GPE", "LOC", "FAC"})
PLACE_LINKS = frozenset({"poss", "compound", "nmod"})


def place_phrase(token, lex: EventLexicon) -> bool:
    """A noun phrase naming a place: a place name, or a common noun a place name qualifies that
    names no actor ("Russia's Kursk region", "the Donetsk front"; not "Russia's army")."""
    if token.ent_type_ in PLACE_ENTS:
        return True
    return (token.pos_ == "NOUN" and not _agent_noun(token, lex)
            and any(c.dep_ in PLACE_LINKS and c.ent_type_ in PLACE_ENTS for c in token.children))


def _agent_noun(token, lex: EventLexicon) -> bool:
    return token.lemma_.lower() in lex.agent_nouns or token.lower_ in lex.agent_nouns


def is_target(token, kind: str, lex: EventLexicon) -> bool:
    """Whether an argument token can be the event's target, not merely where it happened: a place
    after a locative preposition is the location; "at X" is a target only of a conflictual act and
    only when X names an actor ("fired at protesters", "rockets at Israel"; not "rallied at [the
    US capital city]")."""
    prep = token.head.lower_ if token.dep_ == "pobj" else None
    if prep in lex.conflict_preps:
        return kind not in lex.cooperative and token.ent_type_ not in ("LOC", "FAC") and (
            token.ent_type_ == "GPE" or (not place_phrase(token, lex) and names_actor(token, lex)))
    return prep not in lex.locative_preps or not place_phrase(token, lex)


def names_actor(token, lex: EventLexicon) -> bool:
    """A noun phrase head that can name an actor: a named person, group or state, or an agent noun."""
    return token.ent_type_ in ACTOR_ENTS or _agent_noun(token, lex) or token.pos_ == "PRON"


def given_thing(token, tokens: list, lex: EventLexicon) -> bool:
    """A direct object that names a thing handed to a recipient also among ``tokens`` ("handed
    [Norway's instrument] to X"): the recipient is the target, not the thing or its owner."""
    if token.dep_ != "dobj" or token.ent_type_ in ACTOR_ENTS or _agent_noun(token, lex):
        return False
    return any(t.dep_ == "dative" or (t.dep_ == "pobj" and t.head.lower_ in lex.recipient_preps)
               for t in tokens)


def named_first(actors: list[Actor]) -> list[Actor]:
    """The actors with a country, sector or person when there are some; else all of them."""
    return [a for a in actors if a.country or a.sector or a.person] or actors


def np_bounds(token) -> tuple[int, int]:
    """Character span of the noun phrase headed by ``token`` (no relative clauses or PPs)."""
    left = min([token] + [t for c in token.children if c.dep_ not in CUT_DEPS and c.i < token.i
                          for t in c.subtree], key=lambda t: t.i)
    right = max([token] + [t for c in token.children if c.dep_ in ("compound", "amod", "nummod", "poss")
                           and c.i > token.i for t in c.subtree], key=lambda t: t.i)
    return left.idx, right.idx + len(right)


# named things that name no actor even when a country is part of the name: "the 2020 US
# Presidential Election" (EVENT), "Freedom Plaza" (FAC), "the Patriot Act" (LAW)
THING_NAMES = frozenset({"EVENT", "FAC", "LAW", "WORK_OF_ART", "PRODUCT", "LANGUAGE"})

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
    for head in (c for t in tokens for c in conjuncts(t) if c.ent_type_ not in THING_NAMES):
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
