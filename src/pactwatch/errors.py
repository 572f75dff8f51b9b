"""The error catalogue: every error pactwatch raises has a code and a message.

Only the CLI prints these; the library raises and logs.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ErrorCode:
    code: str
    template: str

    def format(self, **fields) -> str:
        return f"{self.code}: {self.template.format(**fields)}"


CATALOGUE: dict[str, ErrorCode] = {
    e.code: e
    for e in (
        ErrorCode("PW001", "{path}: file not found"),
        ErrorCode("PW002", "{path}: empty file"),
        ErrorCode("PW003", "{path}: binary file, not text"),
        ErrorCode("PW004", "{path}: not valid UTF-8 ({detail})"),
        ErrorCode("PW005", "{path}: line {line}: malformed JSON ({detail})"),
        ErrorCode("PW006", "{path}: line {line}: article has no text"),
        ErrorCode("PW007", "{path}: HTML page with no article text"),
        ErrorCode("PW008", "{path}: {size} bytes is over the size limit of {limit} bytes"),
        ErrorCode("PW009", "{path}: feed has no entries with content"),
        ErrorCode("PW010", "{path}: bad front-matter header ({detail})"),
        ErrorCode("PW011", "{path}: unknown file type"),
        ErrorCode("PW012", "{path}: line {line}: bad field ({detail})"),
        ErrorCode("PW020", "{value!r} is not a date (expected YYYY-MM-DD)"),
        ErrorCode("PW030", "cannot open database {url}: {detail}"),
        ErrorCode("PW031", "unsupported database URL {url} (use sqlite:/// or postgresql://)"),
        ErrorCode("PW032", "unknown export format {name!r}; known: {known}"),
        ErrorCode("PW040", "no spaCy English model installed: {detail}"),
        ErrorCode("PW041", "unknown pipeline stage {name!r}; known: {known}"),
        ErrorCode("PW042", "stage {name!r} reads {needs} which no earlier stage writes"),
        ErrorCode("PW043", "{path}: bad configuration ({detail})"),
        ErrorCode("PW044", "stage {name!r} changed {fields}, which it does not declare it writes"),
        ErrorCode("PW050", "extraction failed for article {article}: {detail}"),
        ErrorCode("PW060", "{path}: {detail}"),
        # any language-data file (pactwatch.datafiles), when its area has no codes of its own
        ErrorCode("PW061", "{path}: data file not found"),
        ErrorCode("PW062", "{path}: not a valid data file ({detail})"),
        ErrorCode("PW070", "unknown actor or country {value!r}"),
        # treaties
        ErrorCode("PW350", "{path}: treaty data file not found"),
        ErrorCode("PW353", "{path}: {detail}"),
        ErrorCode("PW354", "{path}: source id {source!r} is not in the file's sources block"),
        # events
        ErrorCode("PW400", "{path}: invalid event data ({detail})"),
        ErrorCode("PW401", "{path}: invalid training sentences ({detail})"),
        ErrorCode("PW402", "{path}: event data file not found"),
        ErrorCode("PW411", "{path}: quad-class file not found"),
        ErrorCode("PW412", "{path}: not a valid quad-class file ({detail})"),
        # claims: the cue lexicon and the cue model
        ErrorCode("PW200", "{path}: cue lexicon is not valid YAML ({detail})"),
        ErrorCode("PW201", "{path}: cue lexicon does not match its schema ({detail})"),
        ErrorCode("PW202", "{path}: cue {lemma!r} has two stances ({first}, {second})"),
        ErrorCode("PW203", "{path}: cue model does not match its schema ({detail})"),
        ErrorCode("PW204", "{path}: claims data file not found"),
        # eval: PLV files
        ErrorCode("PW410", "{path}: not a PLV file ({detail})"),
        # actors: reference data files
        ErrorCode("PW100", "{path}: actor data file not found"),
        ErrorCode("PW101", "{path}: not valid YAML ({detail})"),
        ErrorCode("PW102", "{path}: expected schema {expected!r}, found {found!r}"),
        ErrorCode("PW103", "{path}: entry {index} ({label}): {detail}"),
        ErrorCode("PW104", "{path}: {detail}"),
        # eval: the actor key and PLV files, PolNeAR
        ErrorCode("PW140", "{path}: missing column(s) {columns}"),
        ErrorCode("PW141", "{path}: line {line}: {detail}"),
        ErrorCode("PW220", "{path}: PolNeAR file not found"),
        ErrorCode("PW221", "{path}: line {line}: not a PolNeAR record ({detail})"),
        # eval: whole-article keys and their texts
        ErrorCode("PW230", "{path}: file not found"),
        ErrorCode("PW231", "{path}: line {line}: not a whole-article key record ({detail})"),
        ErrorCode("PW232", "{path}: line {line}: not an article record ({detail})"),
        ErrorCode("PW233", "{path}: no article text for id {id!r}"),
        # places: the gazetteer rules
        ErrorCode("PW500", "{path}: places data file not found"),
        ErrorCode("PW501", "{path}: not valid places data ({detail})"),
        ErrorCode("PW502", "{path}: {section} cites source {source!r}, not in the sources block"),
        # dates: time and quantity rules
        ErrorCode("PW520", "{path}: time rules file not found"),
        ErrorCode("PW521", "{path}: not valid time rules ({detail})"),
        ErrorCode("PW530", "{path}: not valid quantity rules ({detail})"),
        ErrorCode("PW531", "{path}: quantity rules file not found"),
        # alliances: COW states, ATOP files, the ddyr oracle
        ErrorCode("PW300", "{path}: not a COW states file ({detail})"),
        ErrorCode("PW301", "COW code {ccode} has no ISO3 entry in cow_iso3.yaml"),
        ErrorCode("PW302",
                  "unknown state {value!r} (use an ISO3 code, a COW code or a country name)"),
        ErrorCode("PW310", "{path}: not an ATOP {kind} file ({detail})"),
        ErrorCode("PW311",
                  "{path}: no ATOP 5.1 files (need atop5_1a.csv, atop5_1aph.csv, atop5_1m.csv)"),
        ErrorCode("PW320",
                  "no ATOP alliances in the store: run `pactwatch reference load atop DIR` first"),
    )
}


class PactwatchError(Exception):
    """An expected failure with a catalogue code; ``str()`` is the user-facing line."""

    def __init__(self, code: str, **fields):
        self.code = code
        self.fields = fields
        super().__init__(CATALOGUE[code].format(**fields))

    def __reduce__(self):  # picklable, so an error raised in a worker process reaches the parent
        return _rebuild, (type(self), self.code, self.fields)


def _rebuild(cls: type[PactwatchError], code: str, fields: dict) -> PactwatchError:
    return cls(code, **fields)


class InputError(PactwatchError):
    """A bad input file or line: the batch goes on without it."""
