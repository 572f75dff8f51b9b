"""Treaties from news: mentions, parties, signatories, obligations and ratification steps.

A sentence holding a treaty mention (``treaty_cues.yaml``) is evidence of the article's treaty;
its country actors name the parties, ``classify_clause`` codes any clause description in it,
and its legislature actors with a ratification verb give steps whose stage comes from
``legislatures.yaml``.  All mentions of the same parties are one record; a record whose parties
and name fit an entry of ``current_treaties.yaml`` takes that entry's id, name and obligations
where the article says no more, so that the store merges news evidence into the known record.
Every one of those files reaches the functions here in a :class:`TreatyData` (the run's
``Resources.treaties``).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache
from itertools import permutations

from pydantic import BaseModel, ConfigDict

from pactwatch.context import ArticleContext, Sentence, TimeMention
from pactwatch.records import Actor, DateValue, Evidence, Obligation, Ratification, Treaty
from pactwatch.treaties.clauses import Lexicon as ClauseLexicon
from pactwatch.treaties.clauses import classify_clause
from pactwatch.treaties.resources import Cues, TreatyData

ISO3 = re.compile(r"^[A-Z]{3}$")
NOT_STATES = {"WST", "NATO", "EUR", "UNO"}
ATTACK_NOTE = "armed attack on a party"


class Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


@lru_cache(maxsize=64)
def _rx(patterns: tuple[str, ...]) -> re.Pattern:
    return re.compile(r"\b(?:" + "|".join(patterns) + r")\b", re.IGNORECASE)


def has(patterns: list[str], text: str) -> re.Match | None:
    return _rx(tuple(patterns)).search(text)


# -- gathering --------------------------------------------------------------------------------
class Mention(Model):
    sentence: int
    start: int
    end: int
    text: str


def treaty_sentences(ctx: ArticleContext, cues: Cues) -> list[tuple[Sentence, re.Match]]:
    out = []
    for s in ctx.sentences:
        if m := has(cues.mentions, s.text):
            out.append((s, m))
    return out


def actors_in(ctx: ArticleContext, s: Sentence) -> list[Actor]:
    return [a for a in ctx.actors if a.start is not None and s.start <= a.start < s.end]


def state_of(a: Actor) -> str | None:
    code = a.country
    return code if code and ISO3.match(code) and code not in NOT_STATES else None


def parties_of(ctx: ArticleContext, sents: list[Sentence]) -> list[str]:
    """'between X and Y' where written; else the states named with the mentions, most often first
    (a state named once among several treaty sentences is left out: it is context, not party)."""
    for s in sents:
        between = s.text.lower().find("between ")
        if between >= 0:
            after = [c for a in actors_in(ctx, s) if a.start >= s.start + between
                     and (c := state_of(a))]
            if len(set(after)) >= 2:
                return list(dict.fromkeys(after))[:2]
    counts = Counter(c for s in sents for a in actors_in(ctx, s) if (c := state_of(a)))
    floor = 2 if len(sents) > 2 else 1
    return [c for c, n in counts.most_common() if n >= floor]


# -- known treaties ---------------------------------------------------------------------------
def match_known(parties: list[str], text: str, data: TreatyData) -> Treaty | None:
    """The current-treaties entry whose parties include these and whose name or an alias is
    written in the article (bilateral entries with exactly these parties need no name)."""
    lowered = text.lower()
    fits = []
    for t in data.current:
        if not parties or not set(parties) <= set(t.parties):
            continue
        named = any(a.lower() in lowered for a in data.aliases.get(t.id, ()))
        if named or set(parties) == set(t.parties):
            fits.append((not named, len(t.parties), t))
    return min(fits, key=lambda f: f[:2])[2] if fits else None


# -- obligations ------------------------------------------------------------------------------
def obligations_from(sents: list[Sentence], parties: list[str],
                     lex: ClauseLexicon) -> list[Obligation]:
    """Obligations from clause descriptions: a mutual coding binds every party to every other."""
    found: dict[str, set[str]] = {}
    for s in sents:
        coding = classify_clause(s.text, lex)
        if not coding.mutual:
            continue
        for o in coding.obligations:
            extra = {c.name for c in coding.conditions}
            found.setdefault(o.name, set()).update(extra)
    return [Obligation(type=t, from_=a, to=b,
                       conditions=[ATTACK_NOTE, *sorted(cs)] if t == "defense" else sorted(cs))
            for t, cs in found.items() for a, b in permutations(parties, 2)]


# -- ratification steps -----------------------------------------------------------------------
def date_in(ctx: ArticleContext, s: Sentence, after: int) -> DateValue | None:
    times: list[TimeMention] = [t for t in ctx.times if s.start <= t.start < s.end]
    later = [t for t in times if t.start >= after] or times
    return later[0].date if later else None


def steps_in(ctx: ArticleContext, s: Sentence, parties: list[str],
             data: TreatyData) -> list[Ratification]:
    ev = [ctx.evidence_at(s.start)]
    step_cues = data.cues.steps
    out = []
    for a in actors_in(ctx, s):
        body = data.legislatures.get(a.name)
        if body and has(step_cues.legislature, s.text):
            out.append(Ratification(party=body.country, stage=body.stage, body=body.name,
                                    date=date_in(ctx, s, a.start), evidence=ev))
    if m := has(step_cues.head_of_state, s.text):
        party = _head_of_state_party(ctx, s, parties)
        if party:
            out.append(Ratification(party=party, stage="head_of_state",
                                    date=date_in(ctx, s, s.start + m.start()), evidence=ev))
    for stage in ("exchange", "in_force"):
        if m := has(getattr(step_cues, stage), s.text):
            day = date_in(ctx, s, s.start + m.start())
            out += [Ratification(party=p, stage=stage, date=day, evidence=ev) for p in parties]
    return out


def _head_of_state_party(ctx: ArticleContext, s: Sentence, parties: list[str]) -> str | None:
    people = [state_of(a) for a in actors_in(ctx, s) if a.person or a.sector == "GOV"]
    named = [p for p in people if p in parties]
    return named[0] if named else (parties[0] if len(parties) == 1 else None)


def merge_steps(steps: Iterable[Ratification]) -> list[Ratification]:
    """One step per (party, stage, body): evidence joined, the first known date kept."""
    merged: dict[tuple, Ratification] = {}
    for r in steps:
        key = (r.party, r.stage)
        old = merged.get(key)
        if old is None:
            merged[key] = r
            continue
        evidence = old.evidence + [e for e in r.evidence if e not in old.evidence]
        merged[key] = old.model_copy(update={"evidence": evidence, "date": old.date or r.date,
                                             "body": old.body or r.body})
    return list(merged.values())


def signatories_in(ctx: ArticleContext, sents: list[Sentence], cues: Cues) -> list[str]:
    names = [a.person for s in sents if has(cues.steps.signed, s.text)
             for a in actors_in(ctx, s) if a.person]
    return list(dict.fromkeys(names))


# -- the record -------------------------------------------------------------------------------
def extract_treaties(ctx: ArticleContext, data: TreatyData) -> list[Treaty]:
    """The article's treaty, with the cues, legislatures, clause lexicon and known treaties of
    ``data``; none when it mentions no treaty or names fewer than two parties of an unknown one."""
    found = treaty_sentences(ctx, data.cues)
    if not found:
        return []
    sents = [s for s, _ in found]
    parties = parties_of(ctx, sents)
    known = match_known(parties, ctx.article.text, data)
    if len(parties) < 2 and known is None:
        return []
    return [build(ctx, found, parties, known, data)]


def build(ctx: ArticleContext, found: list[tuple[Sentence, re.Match]], parties: list[str],
          known: Treaty | None, data: TreatyData) -> Treaty:
    sents = [s for s, _ in found]
    news = [r for s in sents for r in steps_in(ctx, s, parties, data)]
    steps = merge_steps([*(known.ratification if known else []), *news])
    obligations = (obligations_from(sents, parties, data.clause_lexicon)
                   or (known.obligations if known else []))
    evidence: list[Evidence] = [ctx.evidence_at(s.start) for s in sents]
    name = known.name if known else f"{found[0][1].group()} ({', '.join(parties)})"
    return Treaty(
        id=known.id if known else _slug(parties, ctx), name=name,
        parties=list(known.parties) if known else parties,
        signed=known.signed if known else None,
        signatories=signatories_in(ctx, sents, data.cues) or (known.signatories if known else []),
        obligations=obligations, ratification=steps, status=_status(steps, known),
        atop_id=None, evidence=evidence)


def _status(steps: list[Ratification], known: Treaty | None) -> str | None:
    stages = {r.stage for r in steps}
    if "in_force" in stages:
        return "in_force"
    if known and known.status:
        return known.status
    return "ratification" if stages else "signed"


def _slug(parties: list[str], ctx: ArticleContext) -> str:
    year = ctx.article.published.year if ctx.article.published else "undated"
    return "news-" + "-".join(p.lower() for p in sorted(parties)) + f"-{year}"
