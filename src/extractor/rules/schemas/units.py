"""The model of rules/units.toml: units of indicators, numerals and the words around numbers."""

from __future__ import annotations

import re

from pydantic import BaseModel, ConfigDict, Field, field_validator

from .. import RuleFile
from .dates import fill


class Numerals(BaseModel):
    """Korean numerals as numbers.py reads them."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    small: dict[str, int] = Field(min_length=1)
    big: dict[str, int] = Field(min_length=1)
    sino_digits: dict[str, int] = Field(min_length=1)
    native: dict[str, int] = Field(min_length=1)
    approximate: str = Field(min_length=1, max_length=1)
    decimal_point: str = Field(min_length=1, max_length=1)
    spaced_group_not_before: str = Field(min_length=1)


class Units(RuleFile):
    FILE = "units"
    non_units: tuple[str, ...] = Field(min_length=1)
    ranked_unit: str = Field(min_length=1)
    ranked_heads: tuple[str, ...] = Field(min_length=1)
    age_heads: tuple[str, ...] = Field(min_length=1)
    native_counters: tuple[str, ...] = Field(min_length=1)
    counted_units: tuple[str, ...]
    ordinal_suffix: str = Field(min_length=1)
    word_numerals: str = Field(min_length=1)
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
    scale_nouns: tuple[str, ...] = Field(min_length=1)
    range_markers: tuple[str, ...] = Field(min_length=1)
    change_particles: tuple[str, ...] = Field(min_length=1)
    increase: tuple[str, ...] = Field(min_length=1)
    decrease: tuple[str, ...] = Field(min_length=1)
    subject_stopwords: tuple[str, ...] = Field(min_length=1)
    units: dict[str, tuple[str, ...]] = Field(min_length=1)
    numerals: Numerals

    @field_validator("year_gap")
    @classmethod
    def _year_gap_compiles(cls, template: str) -> str:
        """The template's only placeholder is {RELATIVE} (dates.toml's relative years)."""
        try:
            re.compile(fill(template, {"RELATIVE": "x"}))
        except re.error as exc:
            raise ValueError(f"not a regular expression ({exc})") from exc
        return template
