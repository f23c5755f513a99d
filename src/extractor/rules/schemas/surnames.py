"""The model of rules/surnames.toml: Korean family names, in Hangul and Hanja."""

from __future__ import annotations

from pydantic import Field

from .. import RuleFile


class Surnames(RuleFile):
    FILE = "surnames"
    # One string of space-separated syllables: 130 names read better as a block than a list.
    single: str = Field(min_length=1)
    double: tuple[str, ...]
    not_names: tuple[str, ...]
    ambiguous: tuple[str, ...]
    hanja: dict[str, str]

    def every_name(self) -> frozenset[str]:
        """Every family name, one syllable or two."""
        return frozenset(self.single.split()) | frozenset(self.double)
