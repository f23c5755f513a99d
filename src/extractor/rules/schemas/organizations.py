"""The model of rules/organizations.toml: organization names, places and their aliases."""

from __future__ import annotations

from pydantic import Field

from .. import RuleFile

Words = tuple[str, ...]


class Organizations(RuleFile):
    FILE = "organizations"
    suffixes: Words = Field(min_length=1)
    membership: Words
    cities: Words = Field(min_length=1)
    city_infixes: Words
    region_suffixes: Words = Field(min_length=1)
    city_suffix: str = Field(min_length=1)
    not_local: Words
    foreign: Words
    aliases: dict[str, str]
