"""The model of rules/units.toml: units of indicators, numerals and the words around numbers.

The shapes of a number on the text are rules with templates, as in dates.toml: `{NAME}`
stands for a word list of the file, the numeral pattern of `[numerals]`, or a Korean
character class. They compile once, when the file is validated.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, field_validator, model_validator

from ... import korean
from .. import Regex, Rule, RuleFile, alternation
from ..templates import Shape, compile_shapes, expand

# Which end of an interval a bounded value is (records.Indicator.bound).
Bound = Literal["min", "min_exclusive", "max", "max_exclusive"]


class Numerals(BaseModel):
    """Korean numerals as numbers.py reads them, and the pattern of a numeral that starts with a digit."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    small: dict[str, int] = Field(min_length=1)
    big: dict[str, int] = Field(min_length=1)
    sino_digits: dict[str, int] = Field(min_length=1)
    native: dict[str, int] = Field(min_length=1)
    native_pairs: dict[str, tuple[int, int]]
    approximate: str = Field(min_length=1, max_length=1)
    decimal_points: tuple[str, ...] = Field(min_length=1)
    digits: Regex
    numeral: str = Field(min_length=1)

    def word_class(self) -> str:
        """The characters of a Sino-Korean numeral written in Hangul: digits and multipliers."""
        return "".join(self.sino_digits) + "".join(self.small) + "".join(self.big)

    def native_pattern(self) -> str:
        """A native numeral before a counter: a pair (한두), tens with units (서른다섯), either alone."""
        tens = [w for w, v in self.native.items() if v >= 10 and v % 10 == 0]
        units = [w for w, v in self.native.items() if v < 10]
        return (f"(?:{alternation(self.native_pairs)}|(?:{alternation(tens)})(?:{alternation(units)})?"
                f"|{alternation(units)})")

    def pattern(self) -> str:
        """The numeral template filled in: DIGITS, APPROXIMATE, MULTIPLIERS (십…경), BIG (만…경)."""
        big = "".join(self.big)
        return expand(self.numeral, {"DIGITS": self.digits, "APPROXIMATE": re.escape(self.approximate),
                                   "MULTIPLIERS": "".join(self.small) + big, "BIG": big})

    @model_validator(mode="after")
    def _compiles(self) -> Numerals:
        try:
            re.compile(self.pattern())
        except (ValueError, re.error) as exc:
            raise ValueError(f"numeral: pattern does not compile ({exc})") from exc
        return self


class Units(RuleFile):
    FILE = "units"
    non_units: tuple[str, ...] = Field(min_length=1)
    ranked_unit: str = Field(min_length=1)
    ranked_heads: tuple[str, ...] = Field(min_length=1)
    age_heads: tuple[str, ...] = Field(min_length=1)
    non_unit_continuations: tuple[str, ...]
    person_counter: str = Field(min_length=1)
    person_unit: str = Field(min_length=1)
    person_counter_followers: tuple[str, ...] = Field(min_length=1)
    facility_unit: str = Field(min_length=1)
    facility_nouns: tuple[str, ...] = Field(min_length=1)
    facility_reach: int = Field(gt=0, le=200)
    facility_not_after: tuple[str, ...]
    facility_not_before: tuple[str, ...]
    signs_before: dict[str, str]
    cent_unit: str = Field(min_length=1)
    cent_of: tuple[str, ...]
    bounds: dict[str, Bound]
    hangul_money_units: tuple[str, ...] = Field(min_length=1)
    hangul_digit_units: tuple[str, ...]
    full_house_after: tuple[str, ...]
    name_quotes: tuple[str, ...]
    hangul_unit_followers: tuple[str, ...]
    rate_marker: str = Field(min_length=1)
    native_counters: tuple[str, ...] = Field(min_length=1)
    native_idioms: tuple[str, ...]
    native_one: str = Field(min_length=1)
    native_one_not_before: tuple[str, ...]
    counted_units: tuple[str, ...]
    vague_prefixes: tuple[str, ...] = Field(min_length=1)
    approximate_prefixes: tuple[str, ...] = Field(min_length=1)
    qualifier_prefixes: tuple[str, ...] = Field(min_length=1)
    other_prefixes: tuple[str, ...]
    blocking_prefixes: tuple[str, ...] = Field(min_length=1)
    approximate_suffixes: tuple[str, ...] = Field(min_length=1)
    qualifier_suffixes: tuple[str, ...] = Field(min_length=1)
    qualifier_names: dict[str, str]
    from_markers: tuple[str, ...] = Field(min_length=1)
    to_markers: tuple[str, ...] = Field(min_length=1)
    needs_to_marker: tuple[str, ...]
    open_to_markers: tuple[str, ...]
    year_gap: str = Field(min_length=1)
    arrows: tuple[str, ...] = Field(min_length=1)
    reversed_reach: int = Field(gt=0, le=40)
    scale_nouns: tuple[str, ...] = Field(min_length=1)
    range_markers: tuple[str, ...] = Field(min_length=1)
    percent_unit: str = Field(min_length=1)
    multiple_unit: str = Field(min_length=1)
    change_particles: tuple[str, ...] = Field(min_length=1)
    increase: tuple[str, ...] = Field(min_length=1)
    decrease: tuple[str, ...] = Field(min_length=1)
    subject_stopwords: tuple[str, ...] = Field(min_length=1)
    shapes: tuple[Shape, ...] = Field(min_length=1)
    units: dict[str, tuple[str, ...]] = Field(min_length=1)
    numerals: Numerals
    _compiled: dict[str, re.Pattern[str]] = PrivateAttr(default_factory=dict)

    @field_validator("year_gap")
    @classmethod
    def _year_gap_compiles(cls, template: str) -> str:
        """The template's placeholders are {RELATIVE} and {APOSTROPHE} (dates.toml's)."""
        try:
            re.compile(expand(template, {"RELATIVE": "x", "APOSTROPHE": "'"}))
        except re.error as exc:
            raise ValueError(f"not a regular expression ({exc})") from exc
        return template

    def unit_of(self) -> dict[str, str]:
        """Each surface form of a unit → its canonical unit (원화 → 원)."""
        return {surface: unit for unit, surfaces in self.units.items() for surface in surfaces}

    def placeholders(self) -> dict[str, str]:
        """What each `{NAME}` of a shape stands for: word lists as alternations, longest first."""
        words: dict[str, Iterable[str]] = {
            "PREFIXES": self.approximate_prefixes + self.qualifier_prefixes + self.other_prefixes,
            "SUFFIXES": self.approximate_suffixes + self.qualifier_suffixes,
            "RANGES": self.range_markers, "VAGUE": self.vague_prefixes,
            "UNITS": [*self.unit_of(), *self.non_units, self.person_counter, self.facility_unit],
            "COUNTERS": self.native_counters,
            "SIGNS": self.signs_before,
        }
        values = {name: alternation(list(found)) for name, found in words.items()}
        sino = "".join(self.numerals.sino_digits)
        points = "".join(self.numerals.decimal_points)
        values.update(NATIVE=self.numerals.native_pattern(),
                      WORD=f"[{self.numerals.word_class()}]+(?:[{points}][{sino}]+)?",
                      CENTS=rf"\d{{1,2}}|[{sino}{''.join(self.numerals.small)}]{{1,4}}",
                      CENT=re.escape(self.cent_unit))
        values.update(NUMERAL=self.numerals.pattern(), APPROXIMATE=re.escape(self.numerals.approximate),
                      HANGUL=korean.HANGUL_CLASS, NOT_AFTER_HANGUL=korean.NOT_AFTER_HANGUL)
        return values

    @model_validator(mode="after")
    def _compile(self) -> Units:
        self._compiled = compile_shapes(self.shapes, self.placeholders())
        return self

    def shape(self, rule_id: str) -> re.Pattern[str]:
        """The compiled pattern of the shape with this id."""
        return self._compiled[rule_id]

    def rules(self) -> Iterable[Rule]:
        return self.shapes

    def fires(self, rule: Rule, text: str) -> bool:
        return self.shape(rule.id).search(text) is not None
