"""An event's standing from local cues: negation, modality, report, denial."""

from __future__ import annotations

from dataclasses import dataclass

from pactwatch.events.lexicon import StatusCues

CLAUSE_UP = frozenset({"xcomp", "ccomp", "conj", "advcl", "acl", "relcl", "pcomp", "pobj", "prep", "dobj"})


@dataclass(frozen=True)
class Standing:
    status: str = "asserted"
    attributed_to: tuple = ()   # tokens naming who reports it
    denied_by: tuple = ()       # tokens naming who denies it


def governors(token, limit: int = 4) -> list:
    """The trigger and the words it hangs from through complement links, nearest first."""
    chain = [token]
    while len(chain) <= limit and chain[-1].dep_ in CLAUSE_UP and chain[-1].head.i != chain[-1].i:
        chain.append(chain[-1].head)
    return chain


def _children(tokens, deps=None):
    return [c for t in tokens for c in t.children if deps is None or c.dep_ in deps]


def is_negated(chain, cues: StatusCues) -> bool:
    near = chain[:2]
    return any(c.dep_ == "neg" or (c.lower_ in cues.negation and c.dep_ in ("det", "advmod", "preconj"))
               for c in _children(near))


def modality(chain, cues: StatusCues) -> str | None:
    words = {c.lower_ for c in _children(chain, ("aux", "advmod", "mark"))}
    lemmas = {t.lemma_.lower() for t in chain[1:]}
    if words & cues.hypothetical_markers or (words & cues.hypothetical_aux):
        return "hypothetical"
    if words & cues.planned_aux or lemmas & cues.planned_verbs or _going_to(chain):
        return "planned"
    return None


def _going_to(chain) -> bool:
    return any(t.lemma_ == "go" and t.tag_ == "VBG" for t in chain[1:])


def report(chain, cues: StatusCues) -> tuple[bool, tuple]:
    """Is the event relayed ("reportedly", "according to X", "X said that ...", "reports of")?"""
    kids = _children(chain)
    if any(c.lower_ in cues.reported_adverbs for c in kids):
        return True, ()
    for prep in (c for c in _children(chain + [chain[-1].head]) if c.lower_ in cues.according):
        return True, tuple(g for p in prep.children for g in p.children if g.dep_ == "pobj")
    for gov in chain[1:]:
        if gov.lemma_.lower() in cues.reported_nouns and gov.pos_ == "NOUN":
            return True, ()
        if gov.lemma_.lower() in cues.reported_verbs and gov.pos_ == "VERB":
            return True, tuple(c for c in gov.children if c.dep_ in ("nsubj", "nsubjpass"))
    return False, ()


def denial(chain, cues: StatusCues) -> tuple:
    for below, gov in zip(chain, chain[1:], strict=False):
        if gov.lemma_.lower() in cues.denial_verbs and gov.pos_ == "VERB" and not opposed(below, gov, cues):
            return tuple(c for c in gov.children if c.dep_ == "nsubj") or (gov,)
    return ()


def opposed(below, gov, cues: StatusCues) -> bool:
    """"rejected [the measure] that bans flights" opposes the ban, it does not deny it: verbs that
    deny only statements ("rejected [claims] that ...", "dismissed [reports] of ...") over an act."""
    return gov.lemma_.lower() in cues.claim_denials and below.dep_ != "ccomp" \
        and below.lemma_.lower() not in cues.statements


def standing(token, cues: StatusCues, source_tokens=(), modal_act: bool = False,
             negation_act: bool = False) -> Standing:
    """``modal_act``: the future marker is what makes the event (a promise coded AGREE, a threat
    coded THREATEN: "said it would retaliate"), so it does not make the event planned.
    ``negation_act``: the negation is the act ("would not consider requests" is a refusal)."""
    chain = governors(token)
    if not negation_act and is_negated(chain, cues):
        return Standing("negated")
    denied = denial(chain, cues)
    if denied:
        return Standing("denied", denied_by=tuple(t for t in denied if t.pos_ != "VERB"))
    mood = None if modal_act else modality(chain, cues)
    if mood:
        return Standing(mood)
    relayed, who = report(chain, cues)
    if relayed and not (who and _same(who, source_tokens)):
        return Standing("reported", attributed_to=who)
    return Standing()


def _same(who, source_tokens) -> bool:
    ids = {t.i for t in source_tokens}
    return any(t.i in ids for t in who) or any(t.pos_ == "PRON" for t in who)
