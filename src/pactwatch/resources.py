"""Every piece of language data a run uses, loaded once from a :class:`Config` and passed in.

``Resources.build(config)`` is the one place that reads data files and loads models; the stage
factories, the parser loader and the store's merge and seed code receive the object and never
look data up themselves, so a data file named in the config (``Config.data``) is the one every
part of the run sees.  The object is frozen; each part loads on first use, once (a pipeline's
stages touch all the parts they need while it is built, before worker processes fork).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from pactwatch.config import Config

if TYPE_CHECKING:  # the types only; the loaders are imported where each part loads
    from pactwatch.actors.data import ActorData
    from pactwatch.actors.lexicon import Lexicon as ActorLexicon
    from pactwatch.actors.matcher import ActorMatching
    from pactwatch.claims.cuemodel import CueModel
    from pactwatch.claims.lexicon import Lexicon as ClaimsLexicon
    from pactwatch.dates.data import TimeRules
    from pactwatch.dates.quantities import QuantityRules
    from pactwatch.events.build import AttachRules
    from pactwatch.events.lexicon import EventLexicon
    from pactwatch.events.quad import PentaData
    from pactwatch.events.relevance import Relevance
    from pactwatch.parse import HeadSplitter
    from pactwatch.places.data import GazetteerRules
    from pactwatch.places.gazetteer import Gazetteer
    from pactwatch.treaties.resources import TreatyData
    from pactwatch.truecase import Truecaser


def cache_dir() -> Path | None:
    """Where built data (the place gazetteer) is kept between runs: ``$PACTWATCH_CACHE_DIR``
    (empty: no cache), else ``~/.cache/pactwatch``.  The one reader of that variable."""
    folder = os.environ.get("PACTWATCH_CACHE_DIR", str(Path.home() / ".cache" / "pactwatch"))
    return Path(folder) if folder else None


def truecase_names(res: Resources, min_population: int) -> tuple[list[str], list[str]]:
    """(strong, weak) names for the truecaser: strong ones keep their case over an English word
    ("Lima", "Israeli", "Monday"); weak ones only where English has no such word."""
    import calendar

    actors, gaz = res.actors, res.gazetteer
    strong = [n for c in actors.countries for n in (c.name, c.formal, *c.aliases,
              *c.ambiguous_aliases, *c.adjectives, *c.demonyms) if n]
    strong += [n for o in actors.organisations for n in (o.code, o.name, *o.aliases,
               *(g.name for g in o.organs))]
    strong += [n for g in actors.groups for n in (g.code, g.name, *g.adjectives, *g.aliases)]
    strong += [n for p in actors.people for n in p.names()]
    strong += [*res.claims_lexicon.words.wire_agencies, *calendar.month_name[1:], *calendar.day_name,
               *calendar.month_abbr[1:]]
    places = [e for entries in gaz.index.values() for e in entries]
    strong += [e.name for e in places if e.kind == "country" or e.capital or e.population >= min_population]
    weak = [n for i in actors.institutions for n in (i.name, *i.aliases)]
    weak += [e.name for e in places] + list(gaz.ruler_names)
    return strong, weak


@dataclass(frozen=True, eq=False)
class Resources:
    """The loaded language data and models of one :class:`Config`."""

    config: Config

    @classmethod
    def build(cls, config: Config | None = None) -> Resources:
        return cls(config or Config())

    # -- the parser ----------------------------------------------------------------------------

    @cached_property
    def nlp(self):
        """The spaCy pipeline with this config's gazetteer ruler before ``ner``."""
        from pactwatch.nlp import load_model
        from pactwatch.places.gazetteer import add_gazetteer_ruler

        return add_gazetteer_ruler(load_model(self.config.model), self.gazetteer)

    @cached_property
    def heads(self) -> HeadSplitter:
        """The article heads (datelines, date lines, bylines) the parse stage splits off."""
        from pactwatch.parse import HeadSplitter, load_head_rules

        return HeadSplitter.build(load_head_rules(self.config.data.heads))

    @cached_property
    def truecaser(self) -> Truecaser:
        """Cases upper-case wire copy before parsing: names as the actor data, the gazetteer and
        the wire agencies write them; common words as this parser's English model knows them."""
        from pactwatch.truecase import NameForms, Truecaser, common_words, load_rules

        rules = load_rules(self.config.data.truecase)
        strong, weak = truecase_names(self, rules.names.strong_min_population)
        return Truecaser(rules, NameForms.build(strong, weak), common_words(self.nlp))

    # -- actors --------------------------------------------------------------------------------

    @cached_property
    def actors(self) -> ActorData:
        from pactwatch.actors.data import load_actor_data

        return load_actor_data(self.config.data.actors)

    @cached_property
    def actor_lexicon(self) -> ActorLexicon:
        from pactwatch.actors.lexicon import build_lexicon

        return build_lexicon(self.actors)

    @cached_property
    def actor_matching(self) -> ActorMatching:
        """The actor lexicon's phrase matcher, built on this parser's vocabulary."""
        from pactwatch.actors.matcher import ActorMatching

        return ActorMatching.build(self.nlp, self.actors, self.actor_lexicon)

    @cached_property
    def bodies(self) -> frozenset[tuple[str, str]]:
        """(country, sector) pairs with two or more named bodies: never merged as one actor."""
        return self.actors.institution_names()

    # -- time, quantities, places --------------------------------------------------------------

    @cached_property
    def time_rules(self) -> TimeRules:
        from pactwatch.dates.data import load_time_rules

        return load_time_rules(self.config.data.time_rules)

    @cached_property
    def quantity_rules(self) -> QuantityRules:
        from pactwatch.dates.quantities import load_quantity_rules

        return load_quantity_rules(self.config.data.quantity_rules)

    @cached_property
    def places_rules(self) -> GazetteerRules:
        from pactwatch.places.data import load_rules

        return load_rules(self.config.data.places_rules)

    @cached_property
    def gazetteer(self) -> Gazetteer:
        """The place gazetteer of this config's rules and actor data's countries."""
        from pactwatch.places.gazetteer import load_gazetteer

        return load_gazetteer(self.places_rules, self.actors.countries, cache_dir())

    # -- events --------------------------------------------------------------------------------

    @cached_property
    def events(self) -> EventLexicon:
        from pactwatch.events.lexicon import load_lexicon

        return load_lexicon(self.config.data.events)

    @cached_property
    def relevance(self) -> Relevance:
        """Which actors make an event political: relevance.yaml's sectors, the actor titles'."""
        from pactwatch.events.relevance import load_relevance_file, relevance_rules

        return relevance_rules(load_relevance_file(self.config.data.events), self.actors.titles)

    @cached_property
    def attach_rules(self) -> AttachRules:
        from pactwatch.events.build import AttachRules

        return AttachRules(self.time_rules.attachment, self.places_rules.event_locatives,
                           self.time_rules)

    @cached_property
    def penta(self) -> PentaData:
        from pactwatch.events.quad import penta_data

        return penta_data()

    # -- claims --------------------------------------------------------------------------------

    @cached_property
    def claims_lexicon(self) -> ClaimsLexicon:
        from pactwatch.claims.lexicon import load_lexicon

        return load_lexicon(self.config.data.claims_cues)

    @cached_property
    def cue_model(self) -> CueModel:
        from pactwatch.claims.cuemodel import load_cue_model

        return load_cue_model(self.config.data.cue_model)

    # -- treaties ------------------------------------------------------------------------------

    @cached_property
    def treaties(self) -> TreatyData:
        from pactwatch.treaties.resources import load_treaty_data

        return load_treaty_data(self.config.data)
