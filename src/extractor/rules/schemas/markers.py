"""The model of rules/markers.toml: enumeration markers of policy items, list marks, outline bullets."""

from __future__ import annotations

import re
from collections.abc import Iterable

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, model_validator

from ... import korean
from .. import Regex, Rule, RuleFile, alternation
from ..templates import Shape, compile_shapes


class MarkerRule(Rule):
    """A marker at a line's start or inside a sentence: group n is its number, h a Hangul letter."""

    pattern: Regex


class Enumeration(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    finals: tuple[str, ...] = Field(min_length=1)
    terminators: tuple[str, ...] = Field(min_length=1)
    word_marker: Shape
    line_markers: tuple[MarkerRule, ...] = Field(min_length=1)
    inline_markers: tuple[MarkerRule, ...] = Field(min_length=1)
    hangul_letters: str = Field(min_length=1)
    circled_ranges: tuple[tuple[int, int], ...] = Field(min_length=1)
    title_brackets: tuple[tuple[str, str], ...] = Field(min_length=1)
    lead_words: tuple[str, ...] = ()


class Symbols(BaseModel):
    """Runs of list marks (▲ △ ■ …) and the look-alikes they must skip."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    marks: tuple[str, ...] = Field(min_length=1)
    heading_marks: tuple[str, ...] = ()
    heading_length: int = Field(ge=1)
    transcript_marks: tuple[str, ...] = ()
    caption_signs: tuple[str, ...] = ()
    caption_endings: tuple[str, ...] = ()
    caption_openings: tuple[str, ...] = ()
    conjunctions: tuple[str, ...] = ()
    metadata_labels: tuple[str, ...] = ()
    sign: MarkerRule
    speaker: MarkerRule
    close: MarkerRule


class Furniture(BaseModel):
    """What makes a numbered list page furniture (related or most-read headlines)."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    headings: tuple[str, ...] = Field(min_length=1)
    heading_length: int = Field(ge=1)
    copyright: tuple[str, ...] = ()
    truncations: tuple[str, ...] = ()
    time_ago: MarkerRule


class Markers(RuleFile):
    FILE = "markers"
    ordinal_words: dict[str, int] = Field(min_length=1)
    enumeration: Enumeration
    symbols: Symbols
    furniture: Furniture
    outline: dict[str, int] = Field(min_length=1)
    _word_pattern: re.Pattern[str] = PrivateAttr(default=re.compile("(?!)"))

    @model_validator(mode="after")
    def _compile(self) -> Markers:
        words = alternation([*self.ordinal_words, *self.enumeration.finals])
        values = {"WORDS": words, "HANGUL": korean.HANGUL_CLASS}
        # re.M: a paragraph's start is a line's start
        marker = self.enumeration.word_marker
        self._word_pattern = compile_shapes([marker], values, re.M)[marker.id]
        return self

    def word_pattern(self) -> re.Pattern[str]:
        """The ordinal-word marker: group m at a paragraph's or sentence's start, inline before a comma."""
        return self._word_pattern

    def markers(self) -> tuple[MarkerRule, ...]:
        """Line markers, then inline ones: the order their styles are numbered in."""
        return self.enumeration.line_markers + self.enumeration.inline_markers

    def patterns(self) -> tuple[MarkerRule, ...]:
        """The rules of list marks and furniture, which match as written (re.M)."""
        return (self.symbols.sign, self.symbols.speaker, self.symbols.close, self.furniture.time_ago)

    def rules(self) -> Iterable[Rule]:
        return (self.enumeration.word_marker, *self.markers(), *self.patterns())

    def fires(self, rule: Rule, text: str) -> bool:
        if rule.id == self.enumeration.word_marker.id:
            return self.word_pattern().search(text) is not None
        return any(m.id == rule.id and re.search(m.pattern, text, re.M) for m in (*self.markers(), *self.patterns()))
