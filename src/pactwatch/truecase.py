"""Truecasing upper-case wire copy before parsing, keeping every character offset.

spaCy parses text written all in capitals ("SAN SALVADOR, 18 FEB 90 (DPA) -- [TEXT] HEAVY
FIGHTING ...") poorly: every word looks like a proper noun.  :meth:`Truecaser.truecase` returns
a copy of the SAME LENGTH in which only the case of ASCII letters changed, and only inside runs
of upper-case paragraphs; mixed-case text comes back unchanged.  The parse stage parses the copy
and keeps the original as the document's text (:func:`pactwatch.nlp.set_doc_text`), so offsets
and evidence refer to the stored article.

The case of a word is learned at load time, not listed here (``data/parse/truecase.yaml`` holds
only thresholds and sources): :class:`NameForms` from the project's name data (passed in by
:class:`pactwatch.resources.Resources`), :class:`CommonWords` from spaCy's English model.
A word is cased, in this order, as part of a multi-word name; as a single letter ("I", an
initial); as a strong one-word name; in lower case when English has it as a common word; as
a weaker name; and else (a name the data lacks: "Miralvalle", "FMLN") capitalised, or kept in
capitals when it has no vowel or stands alone in brackets ("[FMLN]", "(DPA)").  An acronym in
brackets right after a name ("TUPAC AMARU REVOLUTIONARY MOVEMENT (MRTA)") keeps its capitals
wherever else the run writes it, and capitalises the words before it whose initials spell it.
The first word of a sentence or paragraph is then capitalised.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from pactwatch.datafiles import load_validated

SCHEMA = "pactwatch.truecase.v1"
WORD = re.compile(r"[A-Za-z]+")
PARAGRAPH = re.compile(r"\n[ \t]*\n")
VOWELS = frozenset("aeiouy")
# where a sentence starts: after . ! ? (not after an initial such as "U."), a paragraph break,
# an indented line (wire copy indents paragraphs), or the bracketed tags opening a wire story
SENTENCE_START = re.compile(
    r"(?:^\s*|(?<=[.!?])(?<![ .][A-Za-z]\.)[\"'”’)\]]*\s+|\n[ \t]*\n\s*|\n[ \t]{2,}"
    r"|(?:--|^)\s*(?:\[[^\]]*\]\s*)+)[\"'“‘(]*(?=[A-Za-z])")


class Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Detect(Model):
    min_upper_ratio: float
    min_run_letters: int


class Phrases(Model):
    max_words: int


class NameRules(Model):
    strong_min_population: int


class Source(Model):
    id: str
    cite: str


class TruecaseRules(Model):
    schema_: str = Field(alias="schema")
    detect: Detect
    phrases: Phrases
    names: NameRules
    sources: list[Source]

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)


def default_path() -> Path:
    return Path(str(resources.files("pactwatch") / "data" / "parse" / "truecase.yaml"))


def load_rules(path: str | Path | None = None) -> TruecaseRules:
    """Read and validate the truecasing rules (default: the packaged file)."""
    file = Path(path) if path else default_path()
    return load_validated(file, TruecaseRules, schema=SCHEMA)


# -- what the model knows: common words ------------------------------------------------------


@dataclass(frozen=True)
class CommonWords:
    """English words written in lower case, from spaCy's model (see :func:`common_words`)."""

    lemmas: frozenset[str]      # the lemmatizer's WordNet index and exception forms
    rules: tuple[tuple[str, str], ...]  # inflection suffix rules (old ending, lemma ending)
    stop: frozenset[str]        # the language's stop words
    lower_only: frozenset[str]  # strings the model saw in lower case and never capitalised

    def is_common(self, low: str) -> bool:
        return low in self.stop or low in self.lower_only or low in self.lemmas or self.inflected(low)

    def inflected(self, low: str) -> bool:
        """An inflection of a common word by the lemmatizer's rules ("reading", "detained")."""
        return any(low.endswith(old) and len(low) > len(old) + 1
                   and low[:len(low) - len(old)] + new in self.lemmas for old, new in self.rules)


def common_words(nlp) -> CommonWords:
    """The common words of spaCy English pipeline ``nlp`` (its lemmatizer's lookups, stop words,
    string store)."""
    tables = nlp.get_pipe("lemmatizer").lookups
    index, exc, rules = (tables.get_table(n) for n in ("lemma_index", "lemma_exc", "lemma_rules"))
    lemmas = {w for pos in ("noun", "verb", "adj", "adv") for w in index.get(pos, [])}
    lemmas |= {w for pos in ("noun", "verb", "adj", "adv") for w in exc.get(pos, {})}
    pairs = {(old, new) for pos in ("noun", "verb", "adj") for old, new in rules.get(pos, [])
             if old}
    strings = set(nlp.vocab.strings)
    lower_only = {s for s in strings if s.isalpha() and s.islower()
                  and s.capitalize() not in strings and s.upper() not in strings}
    return CommonWords(frozenset(w for w in lemmas if w.isalpha()), tuple(sorted(pairs)),
                       frozenset(nlp.Defaults.stop_words), frozenset(lower_only))


# -- what the project's data knows: names ----------------------------------------------------


def ascii_letters(name: str) -> str:
    if name.isascii():
        return name
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()


@dataclass(frozen=True)
class NameForms:
    """How names are written: whole multi-word names, and single words (strong: a name on its
    own that wins over an English word; weak: only where English has no such word)."""

    phrases: dict[tuple[str, ...], tuple[str, ...]]
    strong: dict[str, str]
    weak: dict[str, str]

    @classmethod
    def build(cls, strong: Iterable[str], weak: Iterable[str]) -> NameForms:
        """From names written as they are (``strong``: standalone one-word names win over English
        words; ``weak``: only over unknown words).  Each word of a multi-word name is weak."""
        phrases: dict[tuple[str, ...], Counter] = defaultdict(Counter)
        words: dict[str, dict[str, Counter]] = {"strong": defaultdict(Counter), "weak": defaultdict(Counter)}
        for tier, names in (("strong", strong), ("weak", weak)):
            for name in names:
                _add_name(WORD.findall(ascii_letters(name)), tier, phrases, words)
        return cls({k: c.most_common(1)[0][0] for k, c in phrases.items()},
                   _most_common(words["strong"]), _most_common(words["weak"]))


def _add_name(parts: list[str], tier: str, phrases: dict, words: dict) -> None:
    if len(parts) == 1:
        words[tier][parts[0].lower()][parts[0]] += 1
    elif len(parts) > 1:
        phrases[tuple(p.lower() for p in parts)][tuple(parts)] += 1
        for part in parts:
            if part[:1].isupper():
                words["weak"][part.lower()][part] += 1


def _most_common(table: dict[str, Counter]) -> dict[str, str]:
    return {low: forms.most_common(1)[0][0] for low, forms in table.items()}


# -- the truecaser ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Truecaser:
    rules: TruecaseRules
    names: NameForms
    common: CommonWords

    def truecase(self, text: str) -> str:
        """``text`` with its upper-case runs truecased; the same length, equal ignoring case."""
        chars = list(text)
        for lo, hi in upper_runs(text, self.rules.detect):
            chars[lo:hi] = self.case_run(text[lo:hi])
        return "".join(chars)

    def case_run(self, run: str) -> str:
        """One upper-case run, every word cased, then sentence starts capitalised."""
        words = list(WORD.finditer(run))
        chars = list(run)
        learned = {m.group().lower(): m.group() for m in words  # "... MOVEMENT (MRTA)": MRTA
                   if _after_name(run, m) and m.group().lower() not in self.common.stop}
        i = 0
        while i < len(words):
            forms, step = self._phrase(run, words, i)
            if step == 1 and words[i].group().lower() in learned:
                forms = (learned[words[i].group().lower()],)
            for match, form in zip(words[i:i + step], forms, strict=True):
                chars[match.start():match.end()] = apply_case(match.group(), form)
            i += step
        for index in expanded(run, words, self.common.stop):
            chars[words[index].start()] = chars[words[index].start()].upper()
        for match in SENTENCE_START.finditer(run):
            chars[match.end()] = chars[match.end()].upper()
        return "".join(chars)

    def _phrase(self, run: str, words: list, i: int) -> tuple[tuple[str, ...], int]:
        """The forms of the longest name starting at word ``i``, else of the one word."""
        for n in range(min(self.rules.phrases.max_words, len(words) - i), 1, -1):
            span = words[i:i + n]
            key = tuple(m.group().lower() for m in span)
            if key in self.names.phrases and _adjacent(run, span):
                return self.names.phrases[key], n
        return (self.word_form(run, words[i]),), 1

    def word_form(self, run: str, match: re.Match) -> str:
        """The case of one word written in capitals (see the module's docstring)."""
        word, low = match.group(), match.group().lower()
        if len(word) == 1:
            return word if low == "i" or run[match.end():match.end() + 1] == "." else low
        if low in self.common.stop:
            return low
        strong = self.strong_form(low)
        if (strong and not self.common.inflected(low)) or _bracketed(run, match):
            return strong or word
        if low in self.common.lemmas or self.common.inflected(low):
            return low
        if low in self.names.weak:
            return self.names.weak[low]
        if low in self.common.lower_only:
            return low
        return word if _acronym(run, match) else word.capitalize()

    def strong_form(self, low: str) -> str | None:
        """A strong name's form, also in the plural ("Salvadorans")."""
        if low in self.names.strong:
            return self.names.strong[low]
        single = self.names.strong.get(low[:-1]) if low.endswith("s") else None
        return single + "s" if single and single[-1:].islower() else None


def expanded(run: str, words: list, stop: frozenset[str]) -> Iterator[int]:
    """Indexes of the words a bracketed acronym stands for: the content words just before it
    whose initials are its letters and cover them all, in any order ("FARABUNDO MARTI NATIONAL
    LIBERATION FRONT [FMLN]", "TUPAC AMARU REVOLUTIONARY MOVEMENT (MRTA)")."""
    for k, match in enumerate(words):
        if k == 0 or not _after_name(run, match):
            continue
        letters = set(match.group().lower())
        picked: list[int] = []
        for j in range(k - 1, max(-1, k - len(letters) - 4), -1):
            low = words[j].group().lower()
            if low in stop and picked:
                continue
            if low[0] not in letters:
                break
            picked.append(j)
        if len(picked) >= 2 and {words[j].group()[0].lower() for j in picked} == letters:
            yield from picked


def _adjacent(run: str, span: list) -> bool:
    """Words of one name: separated by spaces, a line break or a hyphen only."""
    return all(run[a.end():b.start()] in (" ", "\n", "-", "  ") for a, b in zip(span, span[1:], strict=False))


def _bracketed(run: str, match: re.Match) -> bool:
    """Alone in brackets: "[FMLN]", "(DPA)"."""
    before, after = run[match.start() - 1:match.start()], run[match.end():match.end() + 1]
    return match.start() > 0 and bool(before) and bool(after) and before in "([" and after in ")]"


def _after_name(run: str, match: re.Match) -> bool:
    """Alone in brackets right after a word ("FRONT [FMLN]"), not a wire tag ("-- [TEXT]")."""
    return _bracketed(run, match) and run[match.start() - 3:match.start() - 1][:1].isalpha() \
        and run[match.start() - 2:match.start() - 1] == " "


def _acronym(run: str, match: re.Match) -> bool:
    """No vowel ("FMLN"), or alone in brackets."""
    return not VOWELS & set(match.group().lower()) or _bracketed(run, match)


def apply_case(word: str, form: str) -> str:
    """``word``'s letters in ``form``'s case, letter by letter (capitalised when the lengths
    differ); only ASCII letters change, so the length stays."""
    if len(form) != len(word):
        form = word.capitalize()
    return "".join(f if f.lower() == c.lower() else c for c, f in zip(word, form, strict=True))


def upper_ratio(text: str) -> tuple[float, int]:
    letters = [c for c in text if c.isascii() and c.isalpha()]
    upper = sum(1 for c in letters if c.isupper())
    return (upper / len(letters) if letters else 0.0), len(letters)


def paragraphs(text: str) -> Iterator[tuple[int, int]]:
    start = 0
    for match in PARAGRAPH.finditer(text):
        yield start, match.start()
        start = match.start()
    yield start, len(text)


def upper_runs(text: str, detect: Detect) -> Iterator[tuple[int, int]]:
    """Runs of consecutive upper-case paragraphs holding ``detect.min_run_letters`` or more."""
    run: tuple[int, int, int] | None = None  # start, end, letters
    for lo, hi in paragraphs(text):
        ratio, letters = upper_ratio(text[lo:hi])
        if letters and ratio >= detect.min_upper_ratio:
            run = (run[0], hi, run[2] + letters) if run else (lo, hi, letters)
        elif letters:
            yield from _long(run, detect)
            run = None
    yield from _long(run, detect)


def _long(run: tuple[int, int, int] | None, detect: Detect) -> Iterator[tuple[int, int]]:
    if run and run[2] >= detect.min_run_letters:
        yield run[0], run[1]
