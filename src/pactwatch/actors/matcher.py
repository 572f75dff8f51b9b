"""Find actors in a parsed article: dictionary phrases composed by token and parse context.

How a mention becomes an :class:`~pactwatch.records.Actor`:

* phrases (names, aliases, adjectives, demonyms, capitals, organisations and organs,
  groups, institutions, people, titles, role nouns) are found by a PhraseMatcher on
  ``LOWER``; acronyms must keep their case and one-word names their capital
  (:func:`pactwatch.actors.lexicon.case_ok`); the longest phrase wins;
* a nationality (adjective, name, possessive, capital, organisation or group, or several
  joined by "and"/commas) followed, through filler words only ("senior", "Deputy"), by a
  role noun or title is one actor with the role's sector: "Russian troops" -> RUS MIL,
  "Western and South Korean officials" -> WST GOV, KOR GOV;
* a title takes the proper name after it ("North Korean Foreign Minister <Name>"): a known
  person by exact, surname or context-guarded fuzzy match (:mod:`pactwatch.actors.people`),
  else the name as written; with no name, the office holder on the published date;
* "the two countries", "both sides" ... stand for the two states named last;
* a surname alone ("Putin") links when spaCy tags it a person, or a title or honorific
  precedes it, and it names exactly one known person;
* locations are not actors: a bare country, capital or group name that is the object of
  a locative preposition (titles.yaml ``locative``: in, into, at, near, across ...; not
  "to", "from", "against", "between", whose objects are often targets) is skipped, as is a
  name that modifies a geographic noun ("Russia's Kursk region", "Ukraine's east") or is
  in apposition to a place ("Kursk, Russia").
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from functools import cached_property

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from pactwatch.actors.data import ActorData
from pactwatch.actors.lexicon import (
    ACTOR_KINDS,
    NATIONALITY_KINDS,
    Entry,
    Lexicon,
    case_ok,
)
from pactwatch.actors.people import NameContext, office_holder, resolve_name, role_on
from pactwatch.errors import PactwatchError
from pactwatch.nlp import span_text
from pactwatch.records import Actor

KIND_ORDER = ("institution", "organ", "org", "person", "country", "metonym", "adjective",
              "group", "group_adj", "demonym", "title", "role", "generic", "pair", "subnational")
JOINERS = frozenset({"and", "or", ",", "&", "as", "well"})
POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
MODIFIER_DEPS = frozenset({"poss", "compound", "amod", "nmod"})
PLACE_ENTS = frozenset({"GPE", "LOC", "FAC"})
NOT_NAME_ENTS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY",
                           "PRODUCT", "WORK_OF_ART", "LAW", "EVENT", "LANGUAGE"})
NAME_KINDS = ("country", "adjective", "metonym", "group", "group_adj")
MAX_NAME_TOKENS = 5
ROLE_PREPS = frozenset({"in", "of", "from"})  # "authorities in Pakistan", "troops of/from Russia"


@dataclass(frozen=True)
class Piece:
    span: Span
    entries: tuple[Entry, ...]

    @property
    def start(self) -> int:
        return self.span.start

    @property
    def end(self) -> int:
        return self.span.end

    def first(self, kinds) -> Entry | None:
        return next((e for e in self.entries if e.kind in kinds), None)

    @property
    def main(self) -> Entry:
        return self.entries[0]


def phrase_matcher(nlp, lex: Lexicon) -> PhraseMatcher:
    """A PhraseMatcher on ``nlp``'s vocab for every lexicon phrase (tokenized by ``nlp``)."""
    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    for key, entries in lex.phrases.items():
        # tokenize as written: "U.S." and "u.s." are split differently by spaCy
        written = sorted({e.pattern.strip() for e in entries} | {key})
        matcher.add(key, list(nlp.tokenizer.pipe(written)))
    return matcher


@dataclass(frozen=True, eq=False)
class ActorMatching:
    """What matching actors in a parse needs: the data, its lexicon and the phrase matcher
    built on the parser's vocabulary (see ``Resources.actor_matching``)."""

    data: ActorData
    lexicon: Lexicon
    matcher: PhraseMatcher

    @classmethod
    def build(cls, nlp, data: ActorData, lex: Lexicon) -> ActorMatching:
        return cls(data, lex, phrase_matcher(nlp, lex))

    @cached_property
    def country_codes(self) -> frozenset[str]:
        return frozenset(c.iso3 for c in self.data.countries)


def _ranked(entries: tuple[Entry, ...]) -> tuple[Entry, ...]:
    return tuple(sorted(entries, key=lambda e: KIND_ORDER.index(e.kind)))


def _shouted_word(span: Span) -> bool:
    """"WHO", "US" in a sentence written in capitals: a pronoun, not an acronym."""
    if len(span) != 1 or not span[0].is_stop:
        return False
    words = [t for t in span.sent if t.is_alpha]
    return sum(t.is_upper for t in words) > len(words) / 2


def _capitalised_common(entry: Entry, span: Span) -> bool:
    """A lower-case role word written with a capital mid-sentence is part of a name ("West Bank")."""
    return (entry.kind in ("role", "title") and entry.pattern.islower()
            and span.text[:1].isupper() and not span.text.isupper() and not span[0].is_sent_start)


def find_pieces(doc: Doc, lex: Lexicon, matcher: PhraseMatcher) -> list[Piece]:
    """Dictionary phrases in ``doc``: case-checked, longest first, not overlapping."""
    found: dict[tuple[int, int], tuple[Entry, ...]] = {}
    for match_id, start, end in matcher(doc):
        span = doc[start:end]
        key = doc.vocab.strings[match_id]
        if _shouted_word(span):
            continue
        entries = tuple(e for e in lex.phrases[key] if case_ok(e.pattern, span.text)
                        and not _capitalised_common(e, span))
        if entries:
            found[(start, end)] = _ranked(entries)
    spans = _longest_first([doc[s:e] for s, e in found])
    return [Piece(s, found[(s.start, s.end)]) for s in sorted(spans, key=lambda s: s.start)]


def _longest_first(spans: list[Span]) -> list[Span]:
    """Non-overlapping spans, longest first, a leading "the" not counting ("West Bengal" > "the West")."""
    def size(span: Span) -> int:
        return len(span) - (span[0].lower_ == "the")
    taken: set[int] = set()
    kept = []
    for span in sorted(spans, key=lambda s: (-size(s), -len(s), s.start)):
        if not taken.intersection(range(span.start, span.end)):
            kept.append(span)
            taken.update(range(span.start, span.end))
    return kept


@dataclass(frozen=True)
class Scan:
    """What the composing rules read: the doc, the pieces, lexicon and date."""

    doc: Doc
    pieces: list[Piece]
    lex: Lexicon
    day: date | None
    country_codes: frozenset[str]

    @property
    def covered(self) -> set[int]:
        return {t for p in self.pieces for t in range(p.start, p.end)}

    @cached_property
    def ents(self) -> tuple[Span, ...]:
        """``doc.ents``, built once (spaCy makes new Spans of every entity on each access)."""
        return tuple(self.doc.ents)

    def fillers_only(self, start: int, end: int) -> bool:
        return all(self.lex.is_word("filler", t.text) for t in self.doc[start:end])

    def joined(self, start: int, end: int) -> bool:
        between = self.doc[start:end]
        return len(between) > 0 and all(t.lower_ in JOINERS for t in between)


def _actor(span: Span, name: str, country: str | None, sector: str | None,
           person: str | None = None) -> Actor:
    return Actor(name=name, text=span_text(span), country=country, sector=sector, person=person,
                 start=span.start_char, end=span.end_char)


def nat_entry(piece: Piece) -> Entry | None:
    """The nationality a piece expresses: a firm entry, or ambiguous ones agreeing on one code."""
    entries = [e for e in piece.entries if e.kind in NATIONALITY_KINDS]
    firm = [e for e in entries if not e.ambiguous]
    if firm:
        return firm[0]
    return entries[0] if entries and len({e.code for e in entries}) == 1 else None


def describes_other(doc: Doc, piece: Piece) -> bool:
    """"Iran-allied group", "Afghan-born envoy": the name only describes another entity.

    A name joined by a hyphen to a participle ("-backed", "-allied", "-born") modifies the
    noun after it; "-led" is kept ("US-led coalition": the leader acts).
    """
    end = piece.end
    if piece.first(NAME_KINDS) is None or any(t.text in POSSESSIVE for t in piece.span):
        return False
    if end + 1 >= len(doc) or doc[end].text != "-" or doc[end - 1].whitespace_:
        return False
    word = doc[end + 1]
    return word.lower_ != "led" and (word.tag_ in ("VBN", "VBD") or word.lower_ == "born")


def _is_nationality(piece: Piece) -> bool:
    return nat_entry(piece) is not None


def _is_role(piece: Piece) -> bool:
    return piece.first(("title", "role", "generic")) is not None


def name_run(scan: Scan, start: int, limit: int) -> Span | None:
    """The proper name starting at token ``start`` (before token ``limit``), if any."""
    doc, end = scan.doc, start
    while end < min(limit, start + MAX_NAME_TOKENS, len(doc)):
        tok = doc[end]
        hyphen = tok.text in "-‐" and end > start and not doc[end - 1].whitespace_
        if not (tok.pos_ == "PROPN" and tok.tag_ != "NNPS" and tok.text[:1].isupper()) and not hyphen:
            break
        end += 1
    while end > start and not doc[end - 1].text[:1].isalpha():
        end -= 1
    return doc[start:end] if end > start else None


def _name_goes_on(scan: Scan, run: Span) -> bool:
    """"General Services Administration": the words after a title run on into a body's name."""
    if run.end >= len(scan.doc):
        return False
    nxt = scan.doc[run.end]
    return nxt.text[:1].isupper() and nxt.pos_ in ("PROPN", "NOUN") and any(
        p.start == run.end and _is_role(p) for p in scan.pieces)


def _next_limit(scan: Scan, index: int) -> int:
    return scan.pieces[index].start if index < len(scan.pieces) else len(scan.doc)


def _title_person(scan: Scan, role_i: int, ctx: NameContext) -> tuple[str | None, int, int]:
    """(person, end token, next piece index) for the name after the title at ``role_i``."""
    role = scan.pieces[role_i]
    nxt = role_i + 1
    if nxt < len(scan.pieces) and scan.pieces[nxt].start == role.end:
        entry = scan.pieces[nxt].first(("person",))
        if entry is not None:
            return entry.person, scan.pieces[nxt].end, nxt + 1
    if role.first(("title",)) is None:
        return None, role.end, nxt
    run = name_run(scan, role.end, _next_limit(scan, nxt))
    if run is not None and _name_goes_on(scan, run):
        return None, role.end, nxt
    if run is None:
        holder = office_holder(scan.lex, ctx)
        return (holder.person if holder else None), role.end, nxt
    person = resolve_name(scan.lex, run.text, ctx)
    return (person.person if person else run.text), run.end, nxt


def _context(nat: Entry, role: Entry, day: date | None) -> NameContext:
    org = nat.code if nat.kind in ("org", "organ") else None
    country = None if org else nat.code
    return NameContext(country=country, org=org, offices=role.offices, day=day)


def _compose(scan: Scan, chain: list[Piece], role_i: int) -> tuple[list[Actor], int]:
    """Actors for nationality pieces ``chain`` qualifying the title/role at ``role_i``."""
    last = nat_entry(chain[-1])
    role = _role_entry(scan.pieces[role_i], last.code)
    person, end, nxt = _title_person(scan, role_i, _context(last, role, scan.day))
    actors = []
    for piece in chain[:-1]:
        nat = nat_entry(piece)
        sector = _role_entry(scan.pieces[role_i], nat.code).sector or nat.sector
        actors.append(_actor(piece.span, nat.name, nat.code, sector))
    span = scan.doc[chain[-1].start:end]
    name = person or (role.name if role.kind == "generic" else last.name)
    actors.append(_actor(span, name, last.code, role.sector or last.sector, person))
    return actors, nxt


def _role_entry(piece: Piece, code: str | None) -> Entry:
    """The role/title entry of ``piece``; a generic institution name of that state first."""
    own = next((e for e in piece.entries if e.kind == "generic" and e.code == code), None)
    generic = piece.first(("generic",))
    return own or piece.first(("title", "role")) or Entry(
        "role", generic.pattern, generic.pattern, None, generic.sector)


def _chain(scan: Scan, i: int) -> tuple[list[Piece], int]:
    """Nationality pieces from ``i`` joined by "and"/commas; index of the piece after."""
    chain, j = [scan.pieces[i]], i + 1
    while (j < len(scan.pieces) and _is_nationality(scan.pieces[j])
           and scan.joined(chain[-1].end, scan.pieces[j].start)):
        chain.append(scan.pieces[j])
        j += 1
    return chain, j


def _modifies_thing(scan: Scan, piece: Piece) -> bool:
    """A role noun used as a modifier of a non-role noun ("military cooperation")."""
    if piece.first(("title",)) is not None:
        return False
    head = _head_noun(piece.span)
    return head is not None and head.i > piece.end - 1 and not any(
        p.start <= head.i < p.end and _is_role(p) for p in scan.pieces)


def title_in_name(scan: Scan, piece: Piece) -> bool:
    """"General Services Administration": a title word starting a body's name, not a title."""
    if piece.first(("title",)) is None or piece.end >= len(scan.doc):
        return False
    nxt = scan.doc[piece.end]
    if nxt.tag_ == "NNPS" and nxt.text[:1].isupper():
        return True
    run = name_run(scan, piece.end, len(scan.doc))
    return run is not None and _name_goes_on(scan, run)


def _role_after(scan: Scan, chain: list[Piece], j: int) -> bool:
    if j >= len(scan.pieces) or not _is_role(scan.pieces[j]):
        return False
    if _modifies_thing(scan, scan.pieces[j]) or title_in_name(scan, scan.pieces[j]):
        return False
    end = chain[-1].end
    if scan.doc[end].text in POSSESSIVE:
        end += 1
    return scan.fillers_only(end, scan.pieces[j].start)


def _org_between(scan: Scan, chain: list[Piece], j: int) -> bool:
    """"U.S. deputy UN ambassador": a state, then an organisation, then the role: the state's."""
    if j >= len(scan.pieces) or nat_entry(chain[-1]).code not in scan.country_codes:
        return False
    org = scan.pieces[j]
    return (org.first(("org", "organ")) is not None
            and scan.fillers_only(chain[-1].end, org.start) and _role_after(scan, [org], j + 1))


def _head_noun(span: Span) -> Token | None:
    root = span.root
    if root.dep_ in MODIFIER_DEPS and not (span.start <= root.head.i < span.end):
        return root.head
    return None


def _is_place_noun(scan: Scan, token: Token) -> bool:
    return scan.lex.is_word("place_noun", token.lemma_) or scan.lex.is_word("place_noun", token.text)


def is_location(scan: Scan, piece: Piece) -> bool:
    """A place use of a name: object of a locative preposition, or modifier of a place noun."""
    root, entry = piece.span.root, piece.main
    while root.dep_ == "conj" and root.head.i < root.i:  # "between Armenia and Azerbaijan"
        root = root.head
    head = _head_noun(piece.span)
    if head is not None and _is_place_noun(scan, head):
        return True
    if head is not None and any(p.start <= head.i < p.end and p.first(("country",))
                                for p in scan.pieces):
        return True  # "Western Ukraine", "Russian Far East"-like: a region of a state
    if entry.kind not in ("country", "metonym", "group"):
        return False
    if root.dep_ == "pobj" and scan.lex.is_word("locative", root.head.text):
        return True
    if root.dep_ == "pobj" and _is_place_noun(scan, root.head.head):
        return True  # "the Lachin corridor between Armenia and ..."
    if root.dep_ == "appos" and _is_place_noun(scan, root.head):
        return True  # "the capital Damascus"
    if root.dep_ == "pobj" and root.head.lower_ == "of":
        of_head = root.head.head
        return scan.lex.is_word("place_noun", of_head.lemma_) or of_head.ent_type_ in PLACE_ENTS
    return root.dep_ == "appos" and root.head.ent_type_ in PLACE_ENTS


def inside_other_name(scan: Scan, piece: Piece, covered: set[int]) -> bool:
    """"the West Bank", "Washington Post", "Tokyo Stock Exchange": a name inside a longer one.

    True when a spaCy entity holds the piece and extends past it over words that are not
    themselves dictionary phrases (so "United States Congress" is kept).
    """
    root = piece.span.root
    head = root.head
    if (root.dep_ == "compound" and head.i >= piece.end and head.i not in covered
            and head.pos_ == "PROPN" and _titlecase(head) and head.ent_type_ not in NOT_NAME_ENTS):
        return True
    ent = next((e for e in scan.ents if e.start < piece.end and e.end > piece.start), None)
    if ent is None or ent.label_ == "PERSON":
        return False
    extra = [t for t in ent if not piece.start <= t.i < piece.end and t.is_alpha]
    return any(t.i not in covered and t.pos_ == "PROPN" and _titlecase(t) for t in extra)


def _titlecase(token: Token) -> bool:
    """Capitalised but not all capitals (headlines in capitals carry no name boundaries)."""
    return token.text[:1].isupper() and not token.text.isupper()


def _standalone(scan: Scan, piece: Piece) -> Actor | None:
    entry = next((e for e in piece.entries if e.kind in ACTOR_KINDS and not e.ambiguous), None)
    if entry is None or describes_other(scan.doc, piece) or is_location(scan, piece):
        return None
    if entry.kind in ("country", "metonym", "group") and inside_other_name(scan, piece, scan.covered):
        return None
    return _actor(piece.span, entry.name, entry.code, entry.sector)


def _role_before(scan: Scan, i: int, before: list[Actor]) -> Actor | None:
    """"Authorities in Pakistan", "officials from Russia": a free role noun, a preposition, a name."""
    piece, root = scan.pieces[i], scan.pieces[i].span.root
    nat = nat_entry(piece)
    if nat is None or root.dep_ != "pobj" or root.head.lower_ not in ROLE_PREPS:
        return None
    role_tok = root.head.head
    owner = next((p for p in scan.pieces[:i] if p.start <= role_tok.i < p.end and _is_role(p)), None)
    if owner is None or owner.first(("title", "role")) is None or any(
            a.start <= role_tok.idx < a.end for a in before):
        return None
    role = owner.first(("title", "role"))
    span = scan.doc[owner.start:piece.end]
    return _actor(span, nat.name, nat.code, role.sector or nat.sector)


def _person_actor(scan: Scan, span: Span, name: str) -> Actor | None:
    person = scan.lex.people.get(name)
    if person is None:
        return None
    role = role_on(person, (), scan.day)
    return _actor(span, person.person, person.country, role.sector if role else None, person.person)


def _of_nationality(scan: Scan, end: int, nxt: int) -> Piece | None:
    """The nationality in "<title> [<name>] of [the] <country>" starting after token ``end``."""
    doc = scan.doc
    if end >= len(doc) or doc[end].lower_ != "of" or nxt >= len(scan.pieces):
        return None
    piece = scan.pieces[nxt]
    gap = piece.start - end - 1
    ok = gap == 0 or (gap == 1 and doc[end + 1].lower_ == "the")
    return piece if ok and _is_nationality(piece) and not describes_other(doc, piece) else None


def _title_alone(scan: Scan, i: int) -> tuple[list[Actor], int]:
    """A title with no nationality before it: "President Putin", "the President of Russia"."""
    role = scan.pieces[i].first(("title",))
    if role is None or title_in_name(scan, scan.pieces[i]):
        return [], i + 1
    person, end, nxt = _title_person(scan, i, NameContext(offices=role.offices, day=scan.day))
    of = _of_nationality(scan, end, nxt)
    if of is not None:
        return _title_of(scan, i, of, end), nxt + 1
    if person is None or end == scan.pieces[i].end:
        return [], nxt
    span = scan.doc[scan.pieces[i].start:end]
    known = _person_actor(scan, span, person)
    return [known or _actor(span, person, None, role.sector, person)], nxt


def _title_of(scan: Scan, i: int, of: Piece, name_end: int) -> list[Actor]:
    """"Prime Minister John Major of Britain", "the President of Russia"."""
    title_piece, nat = scan.pieces[i], nat_entry(of)
    role = title_piece.first(("title",))
    ctx = _context(nat, role, scan.day)
    name = scan.doc[title_piece.end:name_end]
    found = resolve_name(scan.lex, name.text, ctx) if len(name) else office_holder(scan.lex, ctx)
    person = found.person if found else (name.text or None)
    span = scan.doc[title_piece.start:of.end]
    return [_actor(span, person or nat.name, nat.code, role.sector or nat.sector, person)]


def _pair(scan: Scan, piece: Piece, before: list[Actor]) -> list[Actor]:
    codes: list[str] = []
    for actor in reversed(before):
        if actor.country in scan.country_codes and actor.country not in codes:
            codes.append(actor.country)
        if len(codes) == 2:
            break
    if len(codes) < 2:
        return []
    sector = piece.main.sector
    named = {a.country: a.name for a in before}
    return [_actor(piece.span, named[c], c, sector) for c in reversed(codes)]


def _step(scan: Scan, i: int, before: list[Actor]) -> tuple[list[Actor], int]:
    piece = scan.pieces[i]
    if describes_other(scan.doc, piece):
        return [], i + 1
    if _is_nationality(piece):
        chain, j = _chain(scan, i)
        if _role_after(scan, chain, j):
            return _compose(scan, chain, j)
        if _org_between(scan, chain, j):
            return _compose(scan, chain, j + 1)
        actor = _role_before(scan, i, before) or _standalone(scan, piece)
        return ([actor] if actor else []), i + 1
    if piece.first(("person",)):
        actor = _person_actor(scan, piece.span, piece.first(("person",)).person)
        return ([actor] if actor else []), i + 1
    if piece.first(("pair",)):
        return _pair(scan, piece, before), i + 1
    demonym = next((e for e in piece.entries if e.kind == "demonym" and not e.ambiguous), None)
    if demonym is not None:
        return [_actor(piece.span, demonym.name, demonym.code, None)], i + 1
    return _title_alone(scan, i)


def compose(scan: Scan) -> list[Actor]:
    actors: list[Actor] = []
    i = 0
    while i < len(scan.pieces):
        found, i = _step(scan, i, actors)
        actors.extend(found)
    return actors


def _lone_name(doc: Doc, tok: Token) -> bool:
    """A one-word proper name: no capitalised proper noun beside it, not a date or number."""
    if tok.ent_type_ in NOT_NAME_ENTS:
        return False
    around = [doc[i] for i in (tok.i - 1, tok.i + 1) if 0 <= i < len(doc)]
    hyphened = any(t.text in "-‐" and not (t.whitespace_ and tok.whitespace_) for t in around)
    return not hyphened and not any(t.pos_ == "PROPN" and t.text[:1].isupper() for t in around)


def surname_mentions(scan: Scan, taken: set[int]) -> Iterator[Actor]:
    """One-word person mentions ("Putin", "Mr Erdogan") naming exactly one known person."""
    for tok in scan.doc:
        if tok.i in taken or tok.pos_ != "PROPN" or not tok.text[:1].isupper():
            continue
        prev = scan.doc[tok.i - 1] if tok.i else None
        cued = prev is not None and scan.lex.is_word("honorific", prev.text)
        if not (cued or _lone_name(scan.doc, tok)):
            continue
        person = resolve_name(scan.lex, tok.text, NameContext(day=scan.day))
        if person is not None:
            span = scan.doc[tok.i - 1:tok.i + 1] if cued else scan.doc[tok.i:tok.i + 1]
            actor = _person_actor(scan, span, person.person)
            if actor:
                yield actor


def match_doc(doc: Doc, lex: Lexicon, matcher: PhraseMatcher, day: date | None,
              country_codes: frozenset[str]) -> list[Actor]:
    pieces = find_pieces(doc, lex, matcher)
    scan = Scan(doc, pieces, lex, day, country_codes)
    actors = compose(scan)
    taken = scan.covered | {t.i for a in actors for t in doc.char_span(
        a.start, a.end, alignment_mode="expand") or ()}
    actors.extend(surname_mentions(scan, taken))
    return sorted(actors, key=lambda a: (a.start, a.end))


def as_date(value: date | str | None) -> date | None:
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise PactwatchError("PW020", value=value) from None


def actors_in_doc(doc: Doc, published: date | str | None, matching: ActorMatching) -> list[Actor]:
    """Every actor mention in a parsed ``doc``, resolved for the ``published`` date.

    Each Actor has ``start``/``end`` character offsets into the text.  Office holders
    ("the U.S. President") are resolved for ``published`` (a date or ISO string).
    """
    day = as_date(published)
    found = match_doc(doc, matching.lexicon, matching.matcher, day, matching.country_codes)
    return matching.data.redate(found, day)
