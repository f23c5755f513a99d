"""The whole output for one document, checked as a whole: every span holds its text."""

from __future__ import annotations

from collections import defaultdict

from pydantic import Field, model_validator

from .base import SCHEMA_VERSION, Located, Record, Span
from .found import Indicator, Official, PolicyItem, Program, Quote, Section, YearMention
from .meta import Meta, Source


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
