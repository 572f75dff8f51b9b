"""The event lexicon and frames: YAML data under ``pactwatch/data/events``, validated on load."""

from __future__ import annotations

from functools import cached_property
from importlib import resources
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, ConfigDict, field_validator

from pactwatch.datafiles import load_validated
from pactwatch.errors import PactwatchError
from pactwatch.records import PLOVER_TYPES

COOPERATIVE_DEFAULT = frozenset({"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"})


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Source(_Model):
    id: str
    cite: str


class Trigger(_Model):
    lemmas: tuple[str, ...]
    type: str
    cameo: str
    pos: tuple[str, ...] = ()
    mode: str | None = None
    context: tuple[str, ...] = ()
    objects: tuple[str, ...] = ()
    requires: tuple[str, ...] = ()  # marks that must all be present besides an object ("@neg")
    source: str

    @field_validator("type")
    @classmethod
    def _known_type(cls, value: str) -> str:
        if value not in PLOVER_TYPES:
            raise ValueError(f"unknown PLOVER type {value}")
        return value

    def fits(self, lemma: str, pos: str) -> bool:
        return lemma in self.lemmas and (not self.pos or pos in self.pos)


class Frame(_Model):
    type: str
    cameo: str
    lemmas: tuple[str, ...]
    only: str | None = None  # cooperative | conflictual
    unless: tuple[str, ...] = ()  # inner types the frame leaves as they are
    other_subject: bool = False  # only over a complement with a subject of its own ("wants [X to leave]")
    links: tuple[str, ...] = ()  # the only complement links it acts through (empty: xcomp, ccomp, frame_preps)
    source: str


class AuxRule(_Model):
    type: str
    cameo: str
    aux: frozenset[str]
    verbs: frozenset[str] = frozenset()
    types: frozenset[str] = frozenset()  # inner types the rule applies to (empty: the cooperative ones)


class Recode(_Model):
    """An event of one of ``types`` (optionally only for ``lemmas``) whose clause mentions one of
    ``cues`` takes another type: troops sent "on a peacekeeping mission" are AID, not MOBILIZE."""

    types: frozenset[str]
    lemmas: frozenset[str] = frozenset()
    cues: frozenset[str]
    type: str
    cameo: str
    mode: str | None = None
    source: str

    def applies(self, entry: Trigger, lemma: str, words: set[str]) -> bool:
        return entry.type in self.types and (not self.lemmas or lemma in self.lemmas) and bool(words & self.cues)


class AgainstRule(_Model):
    """A demand whose target is the object of one of ``preps`` names the target as wrongdoer."""

    type: str
    cameo: str
    preps: frozenset[str]


class StatusCues(_Model):
    negation: frozenset[str]
    planned_aux: frozenset[str]
    planned_verbs: frozenset[str]
    hypothetical_aux: frozenset[str]
    hypothetical_markers: frozenset[str]
    reported_adverbs: frozenset[str]
    reported_verbs: frozenset[str]
    reported_nouns: frozenset[str]
    according: frozenset[str]
    denial_verbs: frozenset[str]
    claim_denials: frozenset[str] = frozenset()  # deny only a statement; over an act they oppose it
    statements: frozenset[str] = frozenset()  # filled from frames.yaml `statements` on load


class LexiconFile(_Model):
    sources: tuple[Source, ...]
    triggers: tuple[Trigger, ...]
    target_preps: dict[str, tuple[str, ...]]


class FramesFile(_Model):
    sources: tuple[Source, ...]
    cooperative: frozenset[str]
    frames: tuple[Frame, ...]
    future_cooperative: AuxRule
    must: AuxRule
    frame_preps: frozenset[str]
    transparent: frozenset[str]
    status: StatusCues
    agent_nouns: frozenset[str] = frozenset()
    statements: frozenset[str] = frozenset()
    reported_adjectives: frozenset[str] = frozenset()
    state_nouns: frozenset[str] = frozenset()
    demand_against: AgainstRule | None = None
    future_conflictual: AuxRule | None = None
    recode: tuple[Recode, ...] = ()
    rule_nouns: frozenset[str] = frozenset()
    topic_preps: frozenset[str] = frozenset()
    stance_prefixes: frozenset[str] = frozenset()  # "pro-X", "anti-X": X is a cause, not an agent
    against_prefixes: frozenset[str] = frozenset()  # "anti-X": X is the target
    patient_nouns: frozenset[str] = frozenset()  # "X's killing": X is the patient


class EventLexicon(_Model):
    """Triggers (object patterns first), frames, and status cues."""

    patterns: tuple[Trigger, ...]
    plain: tuple[Trigger, ...]
    frames: tuple[Frame, ...]
    future_cooperative: AuxRule
    must: AuxRule
    frame_preps: frozenset[str]
    transparent: frozenset[str]
    cooperative: frozenset[str]
    status: StatusCues
    target_preps: frozenset[str]
    locative_preps: frozenset[str] = frozenset()  # their place object is where, not whom
    conflict_preps: frozenset[str] = frozenset()  # their object is a target only of a conflictual act
    recipient_preps: frozenset[str] = frozenset()  # recipients, also inside the theme phrase
    agent_nouns: frozenset[str] = frozenset()
    statements: frozenset[str] = frozenset()
    reported_adjectives: frozenset[str] = frozenset()
    state_nouns: frozenset[str] = frozenset()
    demand_against: AgainstRule | None = None
    future_conflictual: AuxRule | None = None
    recode: tuple[Recode, ...] = ()
    rule_nouns: frozenset[str] = frozenset()  # documents stating standing rules ("the charter prohibits")
    topic_preps: frozenset[str] = frozenset()  # their event object is a topic, not a report ("regarding X's request")
    stance_prefixes: frozenset[str] = frozenset()  # "pro-X", "anti-X": X is a cause, not an agent
    against_prefixes: frozenset[str] = frozenset()  # "anti-X": X is the target
    patient_nouns: frozenset[str] = frozenset()  # "X's killing": X is the patient

    def recoded(self, entry: Trigger, lemma: str, words: set[str]) -> Trigger:
        """``entry`` as the first recode rule whose cue words occur around the trigger retypes it."""
        rule = next((r for r in self.recode if r.applies(entry, lemma, words)), None)
        if rule is None:
            return entry
        return entry.model_copy(update={"type": rule.type, "cameo": rule.cameo, "mode": rule.mode})

    def trigger(self, lemma: str, pos: str, objects: set[str], patterns_only: bool = False) -> Trigger | None:
        """The first entry for this word: an object pattern whose object is present, else a plain one."""
        patterns, plain = self.by_lemma.get(lemma, ((), ()))
        for entry in patterns:
            if entry.fits(lemma, pos) and objects & set(entry.objects) and objects.issuperset(entry.requires):
                return entry
        return None if patterns_only else next((e for e in plain if e.fits(lemma, pos)), None)

    def knows(self, lemma: str) -> bool:
        """Whether any trigger lists ``lemma``: a cheap test before reading the word's objects."""
        return lemma in self.by_lemma

    @cached_property
    def by_lemma(self) -> dict[str, tuple[tuple[Trigger, ...], tuple[Trigger, ...]]]:
        """Pattern and plain triggers of each lemma, in lexicon order (built once, on first use)."""
        index: dict[str, tuple[list, list]] = {}
        for kind, entries in enumerate((self.patterns, self.plain)):
            for entry in entries:
                for lemma in dict.fromkeys(entry.lemmas):
                    index.setdefault(lemma, ([], []))[kind].append(entry)
        return {lemma: (tuple(p), tuple(q)) for lemma, (p, q) in index.items()}

    def frame(self, lemma: str, inner_type: str | None) -> Frame | None:
        for frame in self.frames:
            if lemma in frame.lemmas and self._polarity_ok(frame, inner_type) and inner_type not in frame.unless:
                return frame
        return None

    def _polarity_ok(self, frame: Frame, inner_type: str | None) -> bool:
        if frame.only is None or inner_type is None:
            return frame.only is None
        cooperative = inner_type in self.cooperative
        return cooperative if frame.only == "cooperative" else not cooperative


def data_dir() -> Path:
    return Path(str(resources.files("pactwatch") / "data" / "events"))


M = TypeVar("M", bound=BaseModel)


def _read(path: Path, model: type[M]) -> M:
    parsed = load_validated(path, model, missing="PW402", invalid="PW400")
    _check_sources(path, parsed)
    return parsed


def _check_sources(path: Path, parsed) -> None:
    ids = {s.id for s in parsed.sources}
    entries = (getattr(parsed, "triggers", ()) or getattr(parsed, "frames", ())) + getattr(parsed, "recode", ())
    unknown = sorted({e.source for e in entries} - ids)
    if unknown:
        raise PactwatchError("PW400", path=str(path), detail=f"unknown source ids {unknown}")


def load_lexicon(folder: str | Path | None = None) -> EventLexicon:
    """The lexicon and frames of ``folder`` (lexicon.yaml, frames.yaml); default the packaged ones."""
    base = Path(folder) if folder else data_dir()
    lex: LexiconFile = _read(base / "lexicon.yaml", LexiconFile)
    frames: FramesFile = _read(base / "frames.yaml", FramesFile)
    return EventLexicon(
        patterns=tuple(t for t in lex.triggers if t.objects),
        plain=tuple(t for t in lex.triggers if not t.objects),
        frames=frames.frames, transparent=frames.transparent, frame_preps=frames.frame_preps,
        future_cooperative=frames.future_cooperative, must=frames.must,
        cooperative=frames.cooperative or COOPERATIVE_DEFAULT,
        status=frames.status.model_copy(update={"statements": frames.statements}),
        target_preps=frozenset(lex.target_preps.get("default", ())),
        locative_preps=frozenset(lex.target_preps.get("locative", ())),
        conflict_preps=frozenset(lex.target_preps.get("conflictual", ())),
        recipient_preps=frozenset(lex.target_preps.get("recipient", ())), agent_nouns=frames.agent_nouns,
        statements=frames.statements, state_nouns=frames.state_nouns, reported_adjectives=frames.reported_adjectives,
        demand_against=frames.demand_against, future_conflictual=frames.future_conflictual, recode=frames.recode,
        rule_nouns=frames.rule_nouns, topic_preps=frames.topic_preps, stance_prefixes=frames.stance_prefixes,
        against_prefixes=frames.against_prefixes, patient_nouns=frames.patient_nouns,
    )
