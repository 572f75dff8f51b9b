"""Resolving a person name, guarded by context: nationality, title (office) and date.

Rules (in order):

1. an exact name or alias (accents, hyphens and case folded) links;
2. a single word that is the first or last word of known names (a surname: "Putin",
   "Xi", "Kim") links only when the context narrows it to one person: a nationality
   and/or an office held on the article's date; a surname shared by nobody else links
   without that, the caller having checked it is a person mention (title, honorific or
   a PERSON entity);
3. a near-miss spelling (rapidfuzz ratio) links only with context: at least
   ``FUZZY_WITH_COUNTRY`` against people of the named nationality, or at least
   ``FUZZY_WITH_OFFICE`` against the holder of the title's office on the date.
   Without a nationality or title, nothing is fuzzily linked.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from rapidfuzz import fuzz

from pactwatch.actors.data import Person, Role
from pactwatch.actors.lexicon import Lexicon, fold

FUZZY_WITH_COUNTRY = 88.0
FUZZY_WITH_OFFICE = 75.0


@dataclass(frozen=True)
class NameContext:
    country: str | None = None        # ISO3 or group code from a nationality word
    offices: tuple[str, ...] = ()     # offices the title can mean
    day: date | None = None           # the article's publication date
    org: str | None = None            # organisation code ("UN Secretary-General")

    def office_keys(self) -> tuple[str, ...]:
        """The title's offices; for an organisation only its own ("un_secretary_general")."""
        if not self.org:
            return self.offices
        own = tuple(o for o in self.offices if o.startswith(self.org.lower() + "_"))
        return own or self.offices


def role_on(person: Person, offices: tuple[str, ...], day: date | None) -> Role | None:
    """The person's role among ``offices`` (any office if empty) held on ``day`` (any day if None)."""
    for role in sorted(person.roles, key=lambda r: r.start, reverse=True):
        if offices and role.office not in offices:
            continue
        if day is None or role.holds_on(day):
            return role
    return None


def _fits(person: Person, ctx: NameContext) -> bool:
    if ctx.country and person.country != ctx.country:
        return False
    return not ctx.offices or role_on(person, ctx.office_keys(), ctx.day) is not None


def office_holder(lex: Lexicon, ctx: NameContext) -> Person | None:
    """The person of ``ctx.country`` (or ``ctx.org``) holding the title's office on ``ctx.day``."""
    if not ((ctx.country or ctx.org) and ctx.offices and ctx.day):
        return None
    offices = ctx.office_keys()
    holders = [p for p in lex.people.values()
               if (ctx.org or p.country == ctx.country) and role_on(p, offices, ctx.day)]
    if not holders:
        return None
    return max(holders, key=lambda p: role_on(p, offices, ctx.day).start)


def _exact(lex: Lexicon, folded: str, ctx: NameContext) -> Person | None:
    hits = [lex.people[n] for n in lex.folded_names.get(folded, ())]
    fitting = [p for p in hits if _fits(p, ctx)] or hits
    return fitting[0] if len(fitting) == 1 else None


def _surname(lex: Lexicon, folded: str, ctx: NameContext) -> Person | None:
    people = [lex.people[n] for n in lex.short_names.get(folded, ())]
    if ctx.country or ctx.offices:
        people = [p for p in people if _fits(p, ctx)]
    if len(people) > 1 and ctx.offices:  # "leader Kim": the head of state before the premier
        for office in ctx.office_keys():
            holders = [p for p in people if role_on(p, (office,), ctx.day)]
            if len(holders) == 1:
                return holders[0]
    return people[0] if len(people) == 1 else None


def _fuzzy(lex: Lexicon, folded: str, ctx: NameContext) -> Person | None:
    if not (ctx.country or ctx.offices):
        return None
    scored = []
    for p in lex.people.values():
        if ctx.country and p.country != ctx.country:
            continue
        score = max(fuzz.ratio(folded, n) for n in lex.folded(p.person))
        in_office = bool(ctx.offices and ctx.day and role_on(p, ctx.office_keys(), ctx.day))
        threshold = FUZZY_WITH_OFFICE if in_office else FUZZY_WITH_COUNTRY
        if score >= threshold and (ctx.country or in_office):
            scored.append((score, p))
    scored.sort(key=lambda sp: sp[0], reverse=True)
    if not scored or (len(scored) > 1 and scored[1][0] >= scored[0][0] - 3):
        return None
    return scored[0][1]


def resolve_name(lex: Lexicon, text: str, ctx: NameContext) -> Person | None:
    """The known person ``text`` names in this context, or None (see the module rules)."""
    folded = fold(text)
    if not folded:
        return None
    found = _exact(lex, folded, ctx)
    if found is None and " " not in folded:
        found = _surname(lex, folded, ctx)
    if found is None and len(folded) >= 4:
        found = _fuzzy(lex, folded, ctx)
    return found
