"""Resolve what a user types (ISO3, COW code or abbreviation, country name) to a state code."""

from __future__ import annotations

import logging
from functools import lru_cache

from pactwatch.alliances.cow import iso_by_ccode, iso_map_file
from pactwatch.errors import PactwatchError

log = logging.getLogger(__name__)


@lru_cache(maxsize=1)
def _codes() -> dict[str, str]:
    """Case-folded ISO3 codes, ISO 3166-3 aliases, COW abbreviations and COW names → ISO3."""
    index: dict[str, str] = {}
    for e in iso_map_file().states:
        index.setdefault(e.name.casefold(), e.iso3)
        index.setdefault(e.cow_abbr.casefold(), e.iso3)
        for alias in e.aliases:
            index[alias.casefold()] = e.iso3
    for e in iso_map_file().states:
        index[e.iso3.casefold()] = e.iso3
    return index


@lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    """Names and aliases from the actors' countries.yaml (read only when a code did not match)."""
    try:
        from pactwatch.actors.data import default_folder, load_file

        countries = load_file(default_folder() / "countries.yaml", "countries")
    except Exception as exc:  # noqa: BLE001 - names are a convenience; codes still work
        log.warning("country names unavailable from the actors data: %s", exc)
        return {}
    return {n.casefold(): c.iso3 for c in countries for n in (c.name, c.formal, *c.aliases) if n}


def resolve(value: str) -> str:
    """ISO3 code (current, ISO 3166-3 or ``COW:`` pseudo-code) of a state; PW302 if unknown."""
    text = str(value).strip()
    if text.isdigit() and int(text) in iso_by_ccode():
        return iso_by_ccode()[int(text)].iso3
    found = _codes().get(text.casefold()) or _country_names().get(text.casefold())
    if found is None:
        raise PactwatchError("PW302", value=value)
    return found


@lru_cache(maxsize=1)
def _display() -> dict[str, str]:
    names: dict[str, str] = {}
    for e in sorted(iso_map_file().states, key=lambda e: e.rule != "current"):
        names.setdefault(e.iso3, e.name)
    return names


def name_of(iso3: str, ccode: int | None = None) -> str | None:
    """A readable name: the COW name of the COW code, else of the first COW code with that ISO3."""
    if ccode is not None and ccode in iso_by_ccode():
        return iso_by_ccode()[ccode].name
    return _display().get(iso3)
