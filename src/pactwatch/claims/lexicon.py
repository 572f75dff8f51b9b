"""The attribution cue lexicon (data/claims/cues.yaml): schema, validation, loader."""

from __future__ import annotations

import re
from functools import cached_property
from importlib import resources
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from pactwatch.claims.spans import dateline_pattern
from pactwatch.datafiles import load_validated, parse_mapping, validate
from pactwatch.errors import PactwatchError

CueStance = Literal["assert", "deny", "concern", "support", "request"]
Takes = Literal["clause", "object", "claim_object", "xcomp"]
SCHEMA = "pactwatch.claims.cues.v1"


class Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class SourceRef(Model):
    id: str
    cite: str


class VerbGroup(Model):
    source: str
    stance: CueStance
    takes: tuple[Takes, ...]
    lemmas: tuple[str, ...]


class PrepGroup(Model):
    source: str
    stance: CueStance
    prep: str
    lemmas: tuple[str, ...]


class NounGroup(Model):
    stance: CueStance
    lemmas: tuple[str, ...]
    source: str | None = None


class LightVerbs(Model):
    source: str
    verbs: tuple[str, ...]
    nouns: tuple[NounGroup, ...]


class WordClass(Model):
    source: str
    stance: CueStance
    lemmas: tuple[str, ...]


class Prepositional(Model):
    source: str
    stance: CueStance
    phrases: tuple[tuple[str, ...], ...]


class Channels(Model):
    source: str
    lemmas: tuple[str, ...]


class Reception(Model):
    source: str
    verbs: tuple[str, ...]
    nouns: tuple[str, ...]


class Nominalisation(Model):
    suffix: str
    replace: str
    min_stem: int


PloverSpeech = Literal["ACCUSE", "REQUEST", "THREATEN", "REJECT", "SUPPORT", "AGREE"]


class SpeechActGroup(Model):
    """Cue lemmas (or "lemma particle" phrases: "call on") that are themselves a PLOVER verbal
    event: the attribution is the event (speaker -> addressee)."""

    source: str
    type: PloverSpeech
    cameo: str = Field(pattern=r"^[0-2][0-9]$")
    lemmas: tuple[str, ...]


class FunctionWords(Model):
    """Closed-class words the patterns read, one set per use (see the data file)."""

    idle_particles: frozenset[str]
    subject_pronouns: frozenset[str]
    placeholders: frozenset[str]
    channel_prepositions: frozenset[str]
    view_prepositions: frozenset[str]
    not_viewers: frozenset[str]
    charge_prepositions: frozenset[str]
    noun_prepositions: frozenset[str]
    agent_prepositions: frozenset[str]
    giver_prepositions: frozenset[str]
    reason_prepositions: frozenset[str]
    question_marks: frozenset[str]
    seem_prepositions: frozenset[str]
    seem_marks: frozenset[str]
    feature_pronouns: frozenset[str]
    person_pronouns: frozenset[str]
    group_pronouns: frozenset[str]
    wire_agencies: tuple[str, ...]  # in the order the dateline pattern tries them


class CueFile(Model):
    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)

    schema_: str = Field(alias="schema")
    sources: tuple[SourceRef, ...]
    verbs: tuple[VerbGroup, ...]
    prep_verbs: tuple[PrepGroup, ...]
    light_verbs: LightVerbs
    nouns: tuple[NounGroup, ...]
    implicit_source_nouns: tuple[str, ...]
    noun_complements: tuple[str, ...]
    adjectives: WordClass
    predicatives: tuple[WordClass, ...]
    adverbs: WordClass
    prepositional: Prepositional
    channels: Channels
    anaphoric_determiners: tuple[str, ...]
    writer_pronouns: tuple[str, ...]
    headline_labels: tuple[str, ...]
    nominalisations: tuple[Nominalisation, ...]
    weak_words: tuple[str, ...]
    function_words: FunctionWords
    raising_verbs: WordClass | None = None
    reception: Reception | None = None
    speech_acts: tuple[SpeechActGroup, ...] = ()


class VerbCue(Model):
    stance: CueStance
    takes: tuple[Takes, ...]


class Lexicon(Model):
    """The lexicon as lookups: lemma -> cue."""

    verbs: dict[str, VerbCue]
    prep_verbs: dict[tuple[str, str], CueStance]  # (verb lemma, preposition) -> stance
    light_verbs: frozenset[str]
    light_nouns: dict[str, CueStance]
    nouns: dict[str, CueStance]
    implicit_nouns: frozenset[str]
    noun_complements: frozenset[str]
    adjectives: dict[str, CueStance]
    predicatives: dict[str, CueStance]
    adverbs: dict[str, CueStance]
    prepositional: dict[tuple[str, ...], CueStance]
    channels: frozenset[str]
    anaphoric: frozenset[str]
    writer: frozenset[str]
    headline_labels: frozenset[str]
    nominalisations: tuple[Nominalisation, ...]
    weak_words: frozenset[str]
    words: FunctionWords
    raising: frozenset[str] = frozenset()
    reception_verbs: frozenset[str] = frozenset()
    reception_nouns: frozenset[str] = frozenset()
    speech_acts: dict[str, SpeechActGroup] = Field(default_factory=dict)  # cue phrase -> type

    @cached_property
    def verb_forms(self) -> dict[str, str]:
        """Inflected forms of the cue verbs -> lemma, for words the tagger lemmatises wrongly
        ("hoping" -> "hop"): regular -s, -ed, -ing forms with e-dropping, y -> i, doubling."""
        out: dict[str, str] = {}
        for lemma in sorted(self.verbs):
            for form in _inflections(lemma):
                out.setdefault(form, lemma)
        return out

    def verb_lemma(self, tok) -> str:
        """A token's cue-verb lemma: spaCy's, or the one its lower-cased form inflects."""
        lemma = tok.lemma_.lower()
        return lemma if lemma in self.verbs else self.verb_forms.get(tok.lower_, lemma)

    @cached_property
    def dateline(self) -> re.Pattern:
        """A wire dateline opening a paragraph, with this lexicon's agencies."""
        return dateline_pattern(self.words.wire_agencies)

    @cached_property
    def prep_lemmas(self) -> frozenset[str]:
        """The verb lemmas of ``prep_verbs``: a cheap test before reading a verb's children."""
        return frozenset(lemma for lemma, _ in self.prep_verbs)


def _inflections(lemma: str) -> set[str]:
    out = {lemma, lemma + "s", lemma + "es", lemma + "ed", lemma + "d", lemma + "ing"}
    if lemma.endswith("e"):
        out.add(lemma[:-1] + "ing")
    if lemma.endswith("y"):
        out |= {lemma[:-1] + "ies", lemma[:-1] + "ied"}
    if len(lemma) > 2 and lemma[-1] not in "aeiouwxy" and lemma[-2] in "aeiou" \
            and lemma[-3] not in "aeiou":
        out |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}
    return out


def _index(path: str, groups, value) -> dict:
    """lemma -> value(group); a lemma listed under two stances is an error."""
    out: dict = {}
    for group in groups:
        for lemma in group.lemmas:
            new = value(group)
            old = out.get(lemma)
            if old is not None and old != new:
                raise PactwatchError("PW202", path=path, lemma=lemma, first=old, second=new)
            out[lemma] = new
    return out


def _prep_index(path: str, groups: tuple[PrepGroup, ...]) -> dict[tuple[str, str], CueStance]:
    """(lemma, preposition) -> stance; one pair under two stances is an error."""
    out: dict[tuple[str, str], CueStance] = {}
    for group in groups:
        for lemma in group.lemmas:
            old = out.setdefault((lemma, group.prep), group.stance)
            if old != group.stance:
                raise PactwatchError("PW202", path=path, lemma=f"{lemma} {group.prep}",
                                     first=old, second=group.stance)
    return out


def build_lexicon(data: CueFile, path: str = "cues.yaml") -> Lexicon:
    return Lexicon(
        verbs=_index(path, data.verbs, lambda g: VerbCue(stance=g.stance, takes=g.takes)),
        prep_verbs=_prep_index(path, data.prep_verbs),
        light_verbs=frozenset(data.light_verbs.verbs),
        light_nouns=_index(path, data.light_verbs.nouns, lambda g: g.stance),
        nouns=_index(path, data.nouns, lambda g: g.stance),
        implicit_nouns=frozenset(data.implicit_source_nouns),
        noun_complements=frozenset(data.noun_complements),
        adjectives={w: data.adjectives.stance for w in data.adjectives.lemmas},
        predicatives=_index(path, data.predicatives, lambda g: g.stance),
        adverbs={w: data.adverbs.stance for w in data.adverbs.lemmas},
        prepositional={tuple(p): data.prepositional.stance for p in data.prepositional.phrases},
        channels=frozenset(data.channels.lemmas),
        anaphoric=frozenset(data.anaphoric_determiners),
        writer=frozenset(data.writer_pronouns),
        headline_labels=frozenset(data.headline_labels),
        nominalisations=data.nominalisations,
        weak_words=frozenset(data.weak_words),
        words=data.function_words,
        raising=frozenset(data.raising_verbs.lemmas if data.raising_verbs else ()),
        reception_verbs=frozenset(data.reception.verbs if data.reception else ()),
        reception_nouns=frozenset(data.reception.nouns if data.reception else ()),
        speech_acts=_index(path, data.speech_acts, lambda g: g),
    )


CODES = {"invalid": "PW201", "syntax": "PW200"}


def parse_lexicon(text: str, path: str = "cues.yaml") -> Lexicon:
    """YAML text validated against the cue schema, and its lookups built."""
    doc = parse_mapping(text, path, **CODES)
    return build_lexicon(validate(doc, Path(path), CueFile, schema=SCHEMA, invalid="PW201"), path)


PACKAGED = "claims/cues.yaml"


def load_lexicon(path: str | Path | None = None) -> Lexicon:
    """The cue lexicon at ``path`` (default: the packaged one), read and validated."""
    file = Path(str(resources.files("pactwatch.data").joinpath(PACKAGED))) if path is None else Path(path)
    data = load_validated(file, CueFile, schema=SCHEMA, missing="PW204", **CODES)
    return build_lexicon(data, str(file))
