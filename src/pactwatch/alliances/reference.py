"""The alliance area's reference data, loaded once and passed to whatever needs it.

:func:`load_alliance_data` reads the COW ↔ ISO3 map and the ATOP conditions vocabulary (by
default the files shipped in ``data/treaties``); the lookups built from them (state by COW
code, the name index :func:`pactwatch.alliances.states.resolve` uses, display names) are
computed on first use, once per :class:`AllianceData`.  Country names from the actors' data are
read only when a typed name matches no code (that file is large).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from pactwatch.alliances.atop import CONDITIONS_PATH, ConditionsFile, load_conditions
from pactwatch.alliances.cow import ISO_MAP_PATH, IsoEntry, IsoMapFile, load_iso_map
from pactwatch.errors import PactwatchError

log = logging.getLogger(__name__)


def default_countries_path() -> Path:
    from pactwatch.actors.data import default_folder

    return default_folder() / "countries.yaml"


def load_country_names(path: Path) -> dict[str, str]:
    """Case-folded names and aliases of the actors' countries file → ISO3 ({} if unreadable)."""
    try:
        from pactwatch.actors.data import load_file

        countries = load_file(Path(path), "countries")
    except Exception as exc:  # noqa: BLE001 - names are a convenience; codes still work
        log.warning("country names unavailable from the actors data: %s", exc)
        return {}
    return {n.casefold(): c.iso3 for c in countries for n in (c.name, c.formal, *c.aliases) if n}


@dataclass(frozen=True, eq=False)
class AllianceData:
    """The COW ↔ ISO3 map, the ATOP conditions vocabulary and the lookups built from them."""

    iso_map: IsoMapFile
    conditions: ConditionsFile
    countries_path: Path

    @cached_property
    def by_ccode(self) -> dict[int, IsoEntry]:
        return {e.ccode: e for e in self.iso_map.states}

    @cached_property
    def unique_ccodes(self) -> dict[str, int]:
        """ISO3 → COW code, for codes held by exactly one COW state (continuators aside)."""
        found: dict[str, list[int]] = {}
        for e in self.iso_map.states:
            if e.rule != "continuing":
                found.setdefault(e.iso3, []).append(e.ccode)
        return {iso3: codes[0] for iso3, codes in found.items() if len(codes) == 1}

    @cached_property
    def codes(self) -> dict[str, str]:
        """Case-folded ISO3 codes, ISO 3166-3 aliases, COW abbreviations and COW names → ISO3."""
        index: dict[str, str] = {}
        for e in self.iso_map.states:
            index.setdefault(e.name.casefold(), e.iso3)
            index.setdefault(e.cow_abbr.casefold(), e.iso3)
            for alias in e.aliases:
                index[alias.casefold()] = e.iso3
        for e in self.iso_map.states:
            index[e.iso3.casefold()] = e.iso3
        return index

    @cached_property
    def display(self) -> dict[str, str]:
        """ISO3 → the COW name of its first (current, if any) COW code."""
        names: dict[str, str] = {}
        for e in sorted(self.iso_map.states, key=lambda e: e.rule != "current"):
            names.setdefault(e.iso3, e.name)
        return names

    @cached_property
    def country_names(self) -> dict[str, str]:
        return load_country_names(self.countries_path)

    def iso3_of(self, ccode: int) -> str:
        """ISO3 (or pseudo-code) of a COW code; raises PW301 for a code not in the map."""
        entry = self.by_ccode.get(int(ccode))
        if entry is None:
            raise PactwatchError("PW301", ccode=ccode)
        return entry.iso3


def load_alliance_data(iso_map: Path = ISO_MAP_PATH, conditions: Path = CONDITIONS_PATH,
                       countries: Path | None = None) -> AllianceData:
    """Read the reference files (packaged ones by default) into one :class:`AllianceData`."""
    return AllianceData(iso_map=load_iso_map(iso_map), conditions=load_conditions(conditions),
                        countries_path=Path(countries) if countries else default_countries_path())
