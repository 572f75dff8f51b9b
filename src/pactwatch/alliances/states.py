"""Resolve what a user types (ISO3, COW code or abbreviation, country name) to a state code."""

from __future__ import annotations

from pactwatch.alliances.reference import AllianceData
from pactwatch.errors import PactwatchError


def resolve(ref: AllianceData, value: str) -> str:
    """ISO3 code (current, ISO 3166-3 or ``COW:`` pseudo-code) of a state; PW302 if unknown."""
    text = str(value).strip()
    if text.isdigit() and int(text) in ref.by_ccode:
        return ref.by_ccode[int(text)].iso3
    found = ref.codes.get(text.casefold()) or ref.country_names.get(text.casefold())
    if found is None:
        raise PactwatchError("PW302", value=value)
    return found


def name_of(ref: AllianceData, iso3: str, ccode: int | None = None) -> str | None:
    """A readable name: the COW name of the COW code, else of the first COW code with that ISO3."""
    if ccode is not None and ccode in ref.by_ccode:
        return ref.by_ccode[ccode].name
    return ref.display.get(iso3)
