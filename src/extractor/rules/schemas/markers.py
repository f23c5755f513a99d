"""The model of rules/markers.toml: enumeration markers of policy items, outline bullets."""

from __future__ import annotations

import re
from collections.abc import Iterable

from pydantic import BaseModel, ConfigDict, Field

from .. import Regex, Rule, RuleFile


class MarkerRule(Rule):
    """A marker at a line's start or inside a sentence: group n is its number, h a Hangul letter."""

    pattern: Regex


class Enumeration(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    finals: tuple[str, ...] = Field(min_length=1)
    terminators: tuple[str, ...] = Field(min_length=1)
    ordinal_particle: str = Field(min_length=1)
    line_markers: tuple[MarkerRule, ...] = Field(min_length=1)
    inline_markers: tuple[MarkerRule, ...] = Field(min_length=1)
    hangul_letters: str = Field(min_length=1)
    circled_ranges: tuple[tuple[int, int], ...] = Field(min_length=1)
    title_brackets: tuple[tuple[str, str], ...] = Field(min_length=1)


class Markers(RuleFile):
    FILE = "markers"
    ordinal_words: dict[str, int] = Field(min_length=1)
    enumeration: Enumeration
    outline: dict[str, int] = Field(min_length=1)

    def markers(self) -> tuple[MarkerRule, ...]:
        """Line markers, then inline ones: the order their styles are numbered in."""
        return self.enumeration.line_markers + self.enumeration.inline_markers

    def rules(self) -> Iterable[Rule]:
        return self.markers()

    def fires(self, rule: Rule, text: str) -> bool:
        return any(m.id == rule.id and re.search(m.pattern, text, re.M) for m in self.markers())
