"""The model of rules/releases.toml: a press release's kind cues, header dates, issuer, contacts."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any, Literal

from pydantic import Field, PrivateAttr

from .. import Rule, RuleFile, alternation
from ..templates import Shape, check_template, compile_shapes

Words = tuple[str, ...]


class DateShape(Shape):
    """A header date: group `when` holds the printed time, `field` says which time it is."""

    field: Literal["published", "embargo", "edition", "posted", "online"]


class Releases(RuleFile):
    FILE = "releases"
    titles: Words = Field(min_length=1)
    title_prefixes: Words
    labels: Words = Field(min_length=1)
    department_suffixes: Words = Field(min_length=1)
    not_names: Words
    issuers: Words = Field(min_length=1)
    issuer_aliases: dict[str, str]
    issuer_suffixes: Words = Field(min_length=1)
    not_issuers: Words
    pieces: dict[str, str]
    outline_marks: Words = Field(min_length=1)
    outline_paragraphs: int = Field(ge=1)
    kind_lines: tuple[Shape, ...] = Field(min_length=1)
    dates: tuple[DateShape, ...] = Field(min_length=1)
    transcript_lines: tuple[Shape, ...] = Field(min_length=1)
    issuer_lines: tuple[Shape, ...] = Field(min_length=1)
    people: tuple[Shape, ...] = Field(min_length=1)
    _compiled: dict[str, re.Pattern[str]] = PrivateAttr(default_factory=dict)

    def model_post_init(self, context: Any, /) -> None:
        values = {**self.pieces, "TITLE": self.title_pattern()}
        for shape in self._shapes():
            check_template(shape.id, shape.pattern, set(values))
        self._compiled = compile_shapes(self._shapes(), values)

    def title_pattern(self) -> str:
        """The titles, longest first, each letter-spaced or not (과 장 is 과장 in an HWP table)."""
        spaced = (r"\s?".join(re.escape(letter) for letter in word)
                  for word in sorted(set(self.titles), key=len, reverse=True))
        return "|".join(spaced)

    def label_pattern(self) -> str:
        return alternation(self.labels)

    def pattern(self, rule_id: str) -> re.Pattern[str]:
        return self._compiled[rule_id]

    def _shapes(self) -> tuple[Shape, ...]:
        return (*self.kind_lines, *self.dates, *self.transcript_lines, *self.issuer_lines, *self.people)

    def rules(self) -> Iterable[Rule]:
        return self._shapes()

    def fires(self, rule: Rule, text: str) -> bool:
        from ...clean.fold import fold  # the cleaner's own folding of a line

        return self._compiled[rule.id].search(fold(text)) is not None
