"""The records the extractors find in the body, each pointing back to its characters."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, field_validator

from .base import MAX_YEAR, MIN_YEAR, Located, Record, Span, _check_quantity


class Official(Located):
    """One person holding an office; `mentions` lists every place the person is named."""

    name: str = Field(min_length=1)
    title: str = Field(min_length=1)
    organization: str | None = None
    organization_surface: str | None = None
    # the registry's body (rules/registry/bodies.tsv) and its name on the article's date
    organization_id: str | None = None
    organization_name: str | None = None
    mentions: list[Span] = Field(default_factory=list)


class Previous(Record):
    """The from-value of a change ("A에서 B로", "A→B")."""

    value: float
    text: str | None = None

    @field_validator("value")
    @classmethod
    def _finite(cls, value: float) -> float:
        return _check_quantity(value)


class Change(Record):
    direction: Literal["increase", "decrease"] | None = None
    percent: float | None = None
    multiple: float | None = None
    text: str | None = None


class Indicator(Located):
    """A measured quantity with its unit, normalized value and, where stated, its change."""

    value: float
    unit: str | None = None
    approximate: bool = False
    qualifier: str | None = None
    # Which end of an interval the value is: 이상 min, 초과 min_exclusive, 이하 max, 미만
    # max_exclusive (Duckling reads "오천원 이상" as an interval from 5000).
    bound: Literal["min", "min_exclusive", "max", "max_exclusive"] | None = None
    low: float | None = None
    high: float | None = None
    subject: str | None = None
    previous: Previous | None = None
    change: Change | None = None
    year: int | None = Field(default=None, ge=MIN_YEAR, le=MAX_YEAR)

    @field_validator("value", "low", "high")
    @classmethod
    def _finite(cls, value: float | None) -> float | None:
        return None if value is None else _check_quantity(value)


class YearMention(Located):
    """A year, date or period; `relative` is true when it was resolved on the publication date."""

    year: int | None = Field(default=None, ge=MIN_YEAR, le=MAX_YEAR)
    month: int | None = Field(default=None, ge=1, le=12)
    day: int | None = Field(default=None, ge=1, le=31)
    start_year: int | None = Field(default=None, ge=MIN_YEAR, le=MAX_YEAR)
    end_year: int | None = Field(default=None, ge=MIN_YEAR, le=MAX_YEAR)
    relative: bool = False


class PolicyItem(Located):
    """One item of an enumeration; `group` numbers the enumerations of a document from 1;
    `parent` indexes `policies` for an item nested inside another list's item (None at top level)."""

    group: int = Field(ge=1)
    parent: int | None = Field(default=None, ge=0)
    ordinal: int = Field(ge=1)
    marker: str = Field(min_length=1)
    title: str
    indicators: list[int] = Field(default_factory=list)
    officials: list[int] = Field(default_factory=list)
    years: list[int] = Field(default_factory=list)


class Quote(Located):
    """Words inside quotation marks attributed to a speaker; `official` indexes `officials`.

    `speaker_span` is where the text names the speaker (null when it never does: a quote that
    goes on with the last speaker points at the naming of that speaker). `speaker_role` is the
    office or role the speaker is named by when no official record holds it (시장 of "권 시장은",
    교수, 롯데마트 대리), or the unnamed body that speaks (국토부 관계자, 재판부): a reader asking
    who said what sees the role even where there is no name.
    """

    speaker: str | None = None
    official: int | None = Field(default=None, ge=0)
    speaker_span: Span | None = None
    speaker_role: str | None = None


class Program(Located):
    """A quoted name of a plan or program (‘제2차 사회적경제 종합발전계획’), not speech."""


class Section(Located):
    """A bullet of a government press release's outline (□ ○ ◦ -), nested by level."""

    marker: str
    level: int = Field(ge=1)
    children: list[Section] = Field(default_factory=list)
