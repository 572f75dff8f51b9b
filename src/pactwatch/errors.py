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
        ErrorCode("PW040", "no spaCy English model installed: {detail}"),
        ErrorCode("PW041", "unknown pipeline stage {name!r}; known: {known}"),
        ErrorCode("PW042", "stage {name!r} reads {needs} which no earlier stage writes"),
        ErrorCode("PW043", "{path}: bad configuration ({detail})"),
        ErrorCode("PW044", "stage {name!r} changed {fields}, which it does not declare it writes"),
        ErrorCode("PW050", "extraction failed for article {article}: {detail}"),
        ErrorCode("PW060", "{path}: {detail}"),
        ErrorCode("PW070", "unknown actor or country {value!r}"),
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


def define(code: str, template: str) -> ErrorCode:
    """Add an error to the catalogue (area modules define their own codes with this)."""
    if code in CATALOGUE and CATALOGUE[code].template != template:
        raise ValueError(f"error code {code} is already defined")
    CATALOGUE[code] = ErrorCode(code, template)
    return CATALOGUE[code]


class PactwatchError(Exception):
    """An expected failure with a catalogue code; ``str()`` is the user-facing line."""

    def __init__(self, code: str, **fields):
        self.code = code
        self.fields = fields
        super().__init__(CATALOGUE[code].format(**fields))


class InputError(PactwatchError):
    """A bad input file or line: the batch goes on without it."""
