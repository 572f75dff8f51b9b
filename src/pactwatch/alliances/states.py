"""Resolve what a user types (ISO3, COW code or abbreviation, country name) to a state code."""

from __future__ import annotations

import logging
from functools import lru_cache

from pactwatch.alliances.cow import iso_by_ccode, iso_map_file
from pactwatch.errors import PactwatchError

log = logging.getLogger(__name__)


@lru_cache(maxsize=1)
def _index() -> dict[str, str]:
    """Lower-cased key → ISO3 (or pseudo-code); later, more specific keys win."""
    index: dict[str, str] = {}
    for name, iso3 in _actor_country_names():
        index[name.casefold()] = iso3
    for e in iso_map_file().states:
        index.setdefault(e.name.casefold(), e.iso3)
        index.setdefault(e.cow_abbr.casefold(), e.iso3)
        for alias in e.aliases:
            index[alias.casefold()] = e.iso3
    for e in iso_map_file().states:
        index[e.iso3.casefold()] = e.iso3
    return index


def _actor_country_names() -> list[tuple[str, str]]:
    """Country names and aliases from the actors dictionary (shared, not duplicated here)."""
    try:
        from pactwatch.actors.data import load_actor_data

        countries = load_actor_data().countries
    except Exception as exc:  # noqa: BLE001 - names are a convenience; codes still work
        log.warning("country names unavailable from the actors data: %s", exc)
        return []
    return [(n, c.iso3) for c in countries for n in (c.name, c.formal, *c.aliases) if n]


def resolve(value: str) -> str:
    """ISO3 code (current, ISO 3166-3 or ``COW:`` pseudo-code) of a state; PW302 if unknown."""
    text = str(value).strip()
    if text.isdigit() and int(text) in iso_by_ccode():
        return iso_by_ccode()[int(text)].iso3
    found = _index().get(text.casefold())
    if found is None:
        raise PactwatchError("PW302", value=value)
    return found


@lru_cache(maxsize=1)
def _display() -> dict[str, str]:
    names: dict[str, str] = {}
    for e in iso_map_file().states:
        names.setdefault(e.iso3, e.name)
    for name, iso3 in _actor_country_names()[::-1]:
        names[iso3] = name
    return names


def name_of(iso3: str, ccode: int | None = None) -> str | None:
    """A readable name: the COW name for a COW code, else the country's short name."""
    if ccode is not None and ccode in iso_by_ccode():
        return iso_by_ccode()[ccode].name
    return _display().get(iso3)
