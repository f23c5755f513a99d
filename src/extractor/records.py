"""Pydantic records: the validated shape of everything the extractor outputs.

The key names are the public contract read by `../shared/eval/score.py`; the validators
reject records that cannot be true, so a bug upstream fails loudly instead of shipping
a plausible-looking but wrong JSON file.
"""

from __future__ import annotations

import math
from collections import defaultdict
from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

SCHEMA_VERSION = "1.0"
MIN_YEAR, MAX_YEAR = 1900, 2100


class Record(BaseModel):
    """Base for every output object: unknown keys are refused so typos never pass silently."""

    model_config = ConfigDict(extra="forbid")


class Span(Record):
    """Character offsets into `Article.body`, end exclusive (Python slice semantics)."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)

    @model_validator(mode="after")
    def _ordered(self) -> Span:
        if self.end < self.start:
            raise ValueError(f"span end {self.end} is before start {self.start}")
        return self


class Located(Record):
    """A record that a person can check: its surface text and where it stands in the body."""

    text: str
    span: Span


class Source(Record):
    """Where the article came from, so a batch output line can be traced to its input."""

    path: str | None = None
    url: str | None = None
    format: Literal["text", "html"]
    encoding: str
    sha256: str
    size: int = Field(ge=0)


class Reporter(Record):
    name: str = Field(min_length=1)
    email: str | None = None


class Contact(Record):
    """A press release's contact person, each field as printed (02-2133-7000, 사무관, 노인복지과).

    A contact block leaves the body, so a contact is no `Official`: it has no span to point to.
    """

    name: str | None = None
    title: str | None = None
    department: str | None = None
    phone: str | None = None

    @model_validator(mode="after")
    def _something(self) -> Contact:
        if not (self.name or self.phone):
            raise ValueError("a contact names a person or gives a phone number")
        return self


class Meta(Record):
    """Article metadata; datetimes must carry an offset (Korean pages are +09:00 unless stated).

    `kind` says what the document is: a news article (reporters, an outlet), a government
    press release (an issuer, contacts, a release time and maybe an embargo) or a briefing's
    transcript. `subtitle` holds the deck lines under the headline, one a line (`\n` between).
    """

    kind: Literal["news", "press_release", "transcript"] = "news"
    title: str | None = None
    subtitle: str | None = None
    outlet: str | None = None
    issuer: str | None = None
    reporters: list[Reporter] = Field(default_factory=list)
    contacts: list[Contact] = Field(default_factory=list)
    published_at: datetime | None = None
    updated_at: datetime | None = None
    embargo_until: datetime | None = None

    @field_validator("published_at", "updated_at", "embargo_until")
    @classmethod
    def _aware(cls, value: datetime | None) -> datetime | None:
        if value is not None and value.utcoffset() is None:
            raise ValueError("datetime must carry a UTC offset (naive datetimes are ambiguous)")
        return value


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


class Article(Record):
    """The extractor's whole output for one input document; `id` names the input in a batch."""

    id: str | None = None
    schema_version: str = SCHEMA_VERSION
    source: Source
    meta: Meta = Field(default_factory=Meta)
    body: str
    captions: list[str] = Field(default_factory=list)
    removed: list[str] = Field(default_factory=list)
    officials: list[Official] = Field(default_factory=list)
    indicators: list[Indicator] = Field(default_factory=list)
    years: list[YearMention] = Field(default_factory=list)
    policies: list[PolicyItem] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    programs: list[Program] = Field(default_factory=list)
    sections: list[Section] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)

    @model_validator(mode="after")
    def _spans_point_into_body(self) -> Article:
        located: list[Located] = [
            *self.officials, *self.indicators, *self.years, *self.policies,
            *self.quotes, *self.programs, *_walk(self.sections),
        ]
        for record in located:
            _check_span(self.body, record.span, record.text, type(record).__name__)
        for official in self.officials:
            for mention in official.mentions:
                _check_span(self.body, mention, None, "Official mention")
        for quote in self.quotes:
            if quote.official is not None and quote.official >= len(self.officials):
                raise ValueError(f"quote points to official {quote.official}, which does not exist")
        _check_ordinals(self.policies)
        return self


def _check_quantity(value: float) -> float:
    if not math.isfinite(value):
        raise ValueError(f"value must be finite, got {value}")
    if value < 0:
        raise ValueError(f"value must not be negative, got {value}")
    return value


def _check_span(body: str, span: Span, text: str | None, kind: str) -> None:
    if span.end > len(body):
        raise ValueError(f"{kind} span {span.start}-{span.end} lies outside the body ({len(body)} chars)")
    if text is not None and body[span.start:span.end] != text:
        raise ValueError(
            f"{kind} text {text!r} is not body[{span.start}:{span.end}] = {body[span.start:span.end]!r}"
        )


def _check_ordinals(policies: list[PolicyItem]) -> None:
    groups: dict[int, list[int]] = defaultdict(list)
    for item in policies:
        groups[item.group].append(item.ordinal)
    for group, ordinals in groups.items():
        if ordinals != list(range(1, len(ordinals) + 1)):
            raise ValueError(f"policy group {group} ordinals {ordinals} do not count 1, 2, 3 …")


def _walk(sections: list[Section]) -> list[Section]:
    out: list[Section] = []
    for section in sections:
        out.append(section)
        out.extend(_walk(section.children))
    return out
