"""Event detection over the dependency parse: triggers, frames, arguments, standing."""

from __future__ import annotations

from dataclasses import dataclass, replace

from pactwatch.events.args import (
    PLACE_ENTS,
    arg_spans,
    given_thing,
    is_target,
    named_first,
    objects,
    place_phrase,
    resolve,
    subjects,
)
from pactwatch.events.lexicon import EventLexicon, Trigger
from pactwatch.events.pair import REPORTING, climb, future_rule, speakers
from pactwatch.events.status import Standing, standing
from pactwatch.events.tree import frame_at, objects_of, trigger_at
from pactwatch.records import Actor

FRAME_LINKS = frozenset({"xcomp", "ccomp", "acl"})


@dataclass(frozen=True)
class Draft:
    """One event mention before dates, places and ids are attached."""

    token: object            # the trigger token
    pred: object             # the word whose subject is the source (trigger, frame, or light verb)
    type: str
    cameo: str
    mode: str | None
    context: tuple[str, ...]
    source: list[Actor]
    target: list[Actor]
    standing: Standing
    route: str               # pattern | lexicon | frame | future
    theme: object = None     # what is moved or given ("troops" of "troops deployed in ...")
    source_spans: tuple[tuple[int, int], ...] = ()  # every argument noun phrase, actor or not
    target_spans: tuple[tuple[int, int], ...] = ()


def candidates(sent, lex: EventLexicon) -> dict[int, tuple]:
    """Trigger tokens of a sentence (governed nouns lifted to their governing act), by index."""
    found: dict[int, tuple] = {}
    for token in sent:
        entry = trigger_at(token, lex)
        if entry is None or token.lemma_.lower() in REPORTING:
            continue
        top, top_entry = climb(token, entry, lex)
        found.setdefault(top.i, (top, top_entry))
    return found


def frame_over(token, lex: EventLexicon, inner_type: str):
    """A frame word above ``token`` through xcomp/ccomp ("refused to [send]")."""
    below = token
    while below.dep_ in FRAME_LINKS and below.head.i != below.i:
        frame = frame_at(below.head, lex, inner_type, below=below)
        if frame:
            return below.head, frame
        below = below.head
    return None, None


def light_verb(token, lex: EventLexicon):
    """The light verb governing a nominal trigger ("launched [an attack]", "held [talks]")."""
    if token.pos_ in ("NOUN", "PROPN") and token.dep_ in ("dobj", "nsubjpass", "pobj"):
        head = token.head.head if token.dep_ == "pobj" else token.head
        if head.pos_ == "VERB" and head.lemma_.lower() in lex.transparent:
            return head
    return None


THEMED = frozenset({"MOBILIZE", "RETREAT", "AID"})


def theme_of(token):
    """What a movement or provision acts on: the noun a participle modifies, or "of"/direct object."""
    if token.dep_ == "acl":
        return token.head
    deps = ("pobj",) if token.pos_ == "NOUN" else ("dobj", "nsubjpass")
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            return next((g for g in child.children if g.dep_ == "pobj"), None)
        if child.dep_ in deps:
            return child
    return None


ANAPHORS = frozenset({"it", "they", "he", "she", "we", "who", "which", "that"})
RELATIVES = frozenset({"who", "which", "that"})
CLAUSE_LINKS = frozenset({"ccomp", "xcomp", "conj", "advcl"})


def antecedent(pred, subj) -> list:
    """For a pronoun subject: the noun a relative clause hangs from ("the army, which shelled ..."),
    else the subject of the clause it is reported or coordinated in ("X said it would ...")."""
    if subj.lower_ not in ANAPHORS:
        return []
    if pred.dep_ == "relcl" and pred.head.pos_ in ("NOUN", "PROPN"):
        # "the army, [which] shelled ...": only a relative pronoun stands for the noun (not "whom [she] met")
        return [pred.head] if subj.lower_ in RELATIVES else []
    node = pred
    while node.dep_ in CLAUSE_LINKS and node.head.i != node.i:
        node = node.head
        named = [c for c in node.children if c.dep_ == "nsubj" and c.pos_ != "PRON"]
        if named:
            return [c for c in named if agrees(subj, c)]
    return []


SINGULAR = frozenset({"he", "she", "it"})


def agrees(pronoun, noun) -> bool:
    """Number and animacy: "she left the country, [police] revealed" is not the police leaving;
    "it" is no person."""
    word = pronoun.lower_
    if word in SINGULAR and noun.tag_ in ("NNS", "NNPS"):
        return False
    if word == "it":
        return noun.ent_type_ != "PERSON"
    return word not in ("he", "she") or noun.ent_type_ not in ("GPE", "ORG", "NORP")


def source_tokens(token, pred, entry: Trigger, lex: EventLexicon, known) -> list:
    """The agent (a pronoun resolved in its sentence); for a nominal event also "between X and Y";
    for troop movements without an agent, the troops."""
    found = [a for t in subjects(pred) for a in (antecedent(t.head, t) if t.pos_ == "PRON" else []) or [t]]
    if not found and token.pos_ == "NOUN":
        holders = [token] + [g for c in token.children if c.lower_ == "of" for g in c.children]
        found = [g for h in holders for c in h.children if c.lower_ == "between"
                 for g in c.children if g.dep_ == "pobj"]
    theme = theme_of(token)
    if (not resolve(agents(found, lex, known), known, lex) and entry.type in THEMED and theme is not None
            and not place_phrase(theme, lex) and any(a.country for a in resolve([theme], known, lex))):
        return [theme]  # "Russian troops deployed ...", not the place left ("she left [the UK]")
    return found


def agents(tokens: list, lex: EventLexicon, known: tuple[Actor, ...]) -> list:
    """The source tokens that name who acted: an event noun as subject ("the bombing killed five")
    stands for its own agent, and a place name modifying a nominal event is where, not who."""
    found = [a for t in tokens for a in (agents_of_act(t) if is_act(t, lex) else [t])]
    return [t for t in found if not (where_not_who(t, known) or cause_not_agent(t, lex) or patient_owner(t, lex))]


def cause_not_agent(token, lex: EventLexicon) -> bool:
    """A "pro-X" / "anti-X" modifier names what an act is for or against, not who acts
    ("pro-Democracy protests", "anti-government protesters")."""
    doc = token.doc
    prefix = token.lower_ in lex.stance_prefixes and token.i + 1 < len(doc) and doc[token.i + 1].text == "-"
    return prefix or stance_prefix(token, lex) is not None


def stance_prefix(token, lex: EventLexicon) -> str | None:
    """"anti" for the "government" of "anti-government", "-" itself included; else None."""
    doc = token.doc
    if token.text == "-" and token.i > 0 and doc[token.i - 1].lower_ in lex.stance_prefixes:
        return doc[token.i - 1].lower_
    if token.i > 1 and doc[token.i - 1].text == "-" and doc[token.i - 2].lower_ in lex.stance_prefixes:
        return doc[token.i - 2].lower_
    return None


def patient_owner(token, lex: EventLexicon) -> bool:
    """The possessor of an act done to someone: "Khashoggi's killing", "Navalny's arrest"."""
    return token.dep_ == "poss" and token.head.lemma_.lower() in lex.patient_nouns


def is_act(token, lex: EventLexicon) -> bool:
    """A subject that is itself an event noun ("the bombing killed five"), not an agent."""
    return token.pos_ == "NOUN" and token.lemma_.lower() not in lex.agent_nouns \
        and trigger_at(token, lex) is not None


def agents_of_act(token) -> list:
    """Who carried out the act a subject noun names: its possessor or modifier ("the Taliban
    attack killed ...")."""
    return [t for t in subjects(token) if t.i != token.i]


NOUN_MODIFIERS = frozenset({"compound", "nmod", "amod"})


def where_not_who(token, known: tuple[Actor, ...]) -> bool:
    """A place name modifying a nominal event ("the Kabul bombing", "the Donbas offensive") says
    where it happened; only a country name there names the agent ("a US strike")."""
    if token.dep_ not in NOUN_MODIFIERS or token.head.pos_ not in ("NOUN", "PROPN") \
            or token.ent_type_ not in PLACE_ENTS:
        return False
    start, end = token.idx, token.idx + len(token)
    named = [a for a in known if a.start is not None and a.start < end and a.end > start]
    return not any(a.country and not a.sector and not a.person for a in named)


def target_tokens(token, pred, lex: EventLexicon) -> list:
    """Objects of the trigger and of the frame or light verb above it ("urged [the government] to ..."),
    and of its clausal complement: "demanded that [the government] resign", "agreed to open X to [Y]"
    (not of a reporting clause the parse hangs below it: "[the spokesman] added")."""
    found = objects(token, lex)
    if pred.i != token.i:
        found += [t for t in objects(pred, lex) if t.i != token.i]
    for comp in (c for c in list(token.children) + list(pred.children)
                 if c.dep_ in ("ccomp", "xcomp") and c.lemma_.lower() not in REPORTING):
        found += [c for c in comp.children if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ != "PRON"]
        found += objects(comp, lex)
    found += [c for c in token.children if patient_owner(c, lex)
              or (stance_prefix(c, lex) in lex.against_prefixes and c.text != "-")]  # "[Navalny]'s arrest", "anti-[government]"
    found += [c for t in list(found) if t.pos_ == "NOUN" and trigger_at(t, lex) is not None
              for c in t.children if c.dep_ == "poss" and c.pos_ == "PROPN"]  # "called for [Rosselló]'s resignation"
    seen: set[int] = set()
    return [t for t in found if not (t.i in seen or seen.add(t.i))]


def target_only(tokens: list, kind: str, lex: EventLexicon) -> list:
    """The argument tokens that can name the target: no place in a locative phrase, and no thing
    handed over when its recipient is named (the argument spans keep them all)."""
    return [t for t in tokens if is_target(t, kind, lex) and not given_thing(t, tokens, lex)]


def denial_of_statement(token, entry: Trigger, lex: EventLexicon) -> bool:
    return entry.type == "REJECT" and bool(objects_of(token) & lex.statements)


NEGATION_MARK = "@neg"


def no_event(token, entry: Trigger, lex: EventLexicon) -> bool:
    """Mentions that report no act: a denied statement, a standing relation ("the pact"), the topic
    of a remark ("regarding Iran's request"), a rule a document states ("the charter prohibits")."""
    return (denial_of_statement(token, entry, lex)
            or (token.pos_ == "NOUN" and token.lemma_.lower() in lex.state_nouns)
            or topic_of_remark(token, lex) or standing_rule(token, lex))


def topic_of_remark(token, lex: EventLexicon) -> bool:
    """A nominal event named as what a remark is about ("added, regarding Iran's request, ...")."""
    return token.pos_ == "NOUN" and token.dep_ == "pobj" and token.head.lower_ in lex.topic_preps


def standing_rule(token, lex: EventLexicon) -> bool:
    """A present-tense verb whose subject is a document: "Interpol's constitution prohibits ...",
    "Article 5 obliges ..." state a rule in force, not an act."""
    if token.tag_ not in ("VBZ", "VBP") or any(c.dep_ in ("aux", "auxpass") for c in token.children):
        return False
    return any(c.dep_ == "nsubj" and c.lemma_.lower() in lex.rule_nouns for c in token.children)


def draft_at(token, entry: Trigger, lex: EventLexicon, known: tuple[Actor, ...],
             keep_unresolved: bool = False) -> Draft | None:
    """One event mention at ``token``; None without an actor as source unless ``keep_unresolved``."""
    if no_event(token, entry, lex):
        return None
    frame_tok, frame = frame_over(token, lex, entry.type)
    pred = frame_tok or light_verb(token, lex) or token
    subj = source_tokens(token, pred, entry, lex, known)
    source = resolve(agents(subj, lex, known), known, lex)
    if not source and not (keep_unresolved and subj):
        return None
    objs = target_tokens(token, pred, lex)
    target = named_first([a for a in resolve(target_only(objs, entry.type, lex), known, lex) if a not in source])
    refusal = NEGATION_MARK in entry.requires  # the negation is the act: "would not consider requests"
    state = standing(pred, lex.status, modal_act=refusal, negation_act=refusal)
    kind, cameo, mode, route = _coded(token, entry, frame, lex, state)
    if route == "future" and kind != entry.type and entry.type not in lex.cooperative \
            and not own_voice(token, subj, source, known, lex):
        kind, cameo, mode, route = _plain(entry)  # others foretelling X's act: no threat by X
    if route == "future" and state.status in ("planned", "hypothetical", "reported"):
        # the promise or threat happened, and its speaker reporting it is the act itself
        state = standing(pred, lex.status, [*subj, *speakers(token, lex)], modal_act=True)
    if state.status == "asserted" and any(c.lower_ in lex.reported_adjectives for c in token.children):
        state = replace(state, status="reported")
    return Draft(token, pred, kind, cameo, mode, entry.context, source, target, state, route, theme_of(token),
                 arg_spans(subj), arg_spans(objs, whole=True))


def own_voice(token, subj, source: list[Actor], known, lex: EventLexicon) -> bool:
    """Does the actor announce its own act?  "Iran said it would retaliate" and "Moscow would
    respond, the Kremlin said" are threats by Iran and Russia; "Israeli officials said Iran
    would retaliate" is someone else's forecast of Iran's act.  A speaker of no known country
    ("officials said") is taken to speak for the actor."""
    said_by = speakers(token, lex)
    if not said_by or {t.i for t in said_by} & {t.i for t in subj}:
        return True
    voices = {a.country for a in resolve(said_by, known, lex) if a.country}
    return not voices or bool(voices & {a.country for a in source if a.country})


def _plain(entry: Trigger) -> tuple:
    return entry.type, entry.cameo, entry.mode, "pattern" if entry.objects else "lexicon"


def _coded(token, entry: Trigger, frame, lex: EventLexicon, state: Standing) -> tuple:
    """Type, CAMEO root, mode and route: the frame's when one governs, AGREE for a future cooperative act."""
    if frame:
        return frame.type, frame.cameo, None, "frame"
    rule = future_rule(token, entry.type, lex)
    if rule is not None and state.status != "negated":
        return rule.type, rule.cameo, None, "future"
    return _plain(entry)


def detect(sent, lex: EventLexicon, known: tuple[Actor, ...], keep_unresolved: bool = False) -> list[Draft]:
    """Event mentions in one spaCy sentence span; frame words with a coded complement, and a frame word
    carrying an act it leaves as it is ("ordered [the killing]"), yield no event of their own.

    ``keep_unresolved`` also returns mentions whose source names no actor (their ``source_spans``
    still say who acted): the evaluation matches on argument spans, the stage stores only actors.
    """
    found = candidates(sent, lex)
    drafts = [d for tok, entry in found.values() if (d := draft_at(tok, entry, lex, known, keep_unresolved))]
    carriers = {d.pred.i for d in drafts if d.route == "frame" or acts_through(d, lex)}
    return [d for d in drafts if not (d.token.i in carriers and d.route != "frame")]


def acts_through(draft: Draft, lex: EventLexicon) -> bool:
    """The mention's light verb is a frame word that leaves this type as it is: "ordered [the
    arrest]" is the arrest by whoever ordered it, and the order no demand of its own."""
    lemma = draft.pred.lemma_.lower()
    return draft.pred.i != draft.token.i and any(lemma in f.lemmas and draft.type in f.unless for f in lex.frames)
