"""The model of rules/dates.toml: the date shapes as rules, and the words they are built of.

A shape's pattern is a template: `{NAME}` stands for a piece of the file (`pieces`), a word
list of the file, or a Korean character class, so a list is edited in one place and every
shape that uses it follows. Shapes compile once, when the file is validated.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, model_validator

from ... import korean
from .. import Rule, RuleFile, alternation
from ..templates import Shape, compile_shapes, expand


class _Table(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Followers(_Table):
    followers: tuple[str, ...] = Field(min_length=1)


class BareShortYear(_Table):
    not_after: tuple[str, ...] = Field(min_length=1)


class PeriodsOfYear(_Table):
    words: tuple[str, ...] = Field(min_length=1)
    after: tuple[str, ...] = Field(min_length=1)


class Months(_Table):
    next: tuple[str, ...] = Field(min_length=1)
    last: tuple[str, ...] = Field(min_length=1)


class Periods(_Table):
    forward: tuple[str, ...] = Field(min_length=1)
    backward: tuple[str, ...] = Field(min_length=1)
    suffixes: tuple[str, ...] = Field(min_length=1)


class Dates(RuleFile):
    FILE = "dates"
    relative_years: dict[str, int] = Field(min_length=1)
    relative_months: dict[str, int] = Field(min_length=1)
    short_this_year: Followers
    relative_month_followers: Followers
    bare_short_year: BareShortYear
    periods_of_year: PeriodsOfYear
    months: Months
    periods: Periods
    pieces: dict[str, str]
    shapes: tuple[Shape, ...] = Field(min_length=1)
    _compiled: tuple[tuple[Shape, re.Pattern[str]], ...] = PrivateAttr(default=())

    def placeholders(self) -> dict[str, str]:
        """What each `{NAME}` of a template stands for: word lists as alternations, longest first."""
        words: dict[str, Iterable[str]] = {
            "RELATIVE": self.relative_years, "RELATIVE_MONTHS": self.relative_months,
            "MONTH_FOLLOWERS": self.relative_month_followers.followers,
            "SHORT_FOLLOWERS": self.short_this_year.followers,
            "MONTH_MOVES": self.months.next + self.months.last,
            "PERIOD_DIRECTIONS": self.periods.forward + self.periods.backward,
            "PERIOD_SUFFIXES": self.periods.suffixes, "PARTS": self.periods_of_year.words,
        }
        values = {name: alternation(list(found)) for name, found in words.items()}
        values.update(HANGUL=korean.HANGUL_CLASS, NOT_AFTER_HANGUL=korean.NOT_AFTER_HANGUL)
        # a piece may use the pieces above it (MONTH_DAY holds DAY)
        for name, piece in self.pieces.items():
            values[name] = expand(piece, values)
        return values

    @model_validator(mode="after")
    def _compile(self) -> Dates:
        compiled = compile_shapes(self.shapes, self.placeholders())
        self._compiled = tuple((shape, compiled[shape.id]) for shape in self.shapes)
        return self

    def compiled(self) -> tuple[tuple[Shape, re.Pattern[str]], ...]:
        """The shapes with their patterns, in priority order (the first reading of a span wins)."""
        return self._compiled

    def rules(self) -> Iterable[Rule]:
        return self.shapes

    def fires(self, rule: Rule, text: str) -> bool:
        return any(shape.id == rule.id and pattern.search(text) for shape, pattern in self._compiled)
