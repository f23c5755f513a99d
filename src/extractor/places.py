"""Korean cities and regions as organizations.toml lists them, for every stage that asks.

A dateline may put a city where others put the outlet ([부산/문종덕기자]), a word glued
before 시장 makes a mayor's office only when it is a city (진주시장, not 중앙시장), and no
place is a person's name: bylines and officials ask the same list.
"""

from __future__ import annotations

from functools import cache

from . import rules
from .rules.schemas.organizations import Organizations


def lexicon() -> Organizations:
    return rules.get(Organizations)


@cache
def _tables() -> tuple[frozenset[str], frozenset[str], tuple[str, ...]]:
    """(cities by bare name, every place name, the infixes of cities' full names)."""
    orgs = lexicon()
    cities = frozenset(orgs.cities)
    regions = {name for alias, canonical in orgs.aliases.items() if canonical.endswith(orgs.region_suffixes)
               for name in (alias, canonical)}
    return cities, frozenset(regions | cities | {city + orgs.city_suffix for city in cities}), orgs.city_infixes


def is_city(word: str) -> bool:
    """대구, 서울특별, 창원특례: a city's bare name, or its name with the infix of its full name."""
    cities, _, infixes = _tables()
    for infix in infixes:
        word = word.removesuffix(infix)
    return word in cities


def is_place(name: str) -> bool:
    """부산, 경남, 전라남도, 창원시: a city or province by any name the list gives it."""
    return name.strip() in _tables()[1]
