"""The model of rules/officials.toml: the shapes that name an official, as regex templates.

Templates name word lists of other rule files by placeholder, so the model fills them from
those files' models when a shape is first compiled (once per process), not when this file
is validated: a broken template is still one line naming this file and its key.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from typing import ClassVar

from pydantic import Field, ValidationInfo, field_validator

from ... import korean
from ...anchored import Anchored
from .. import Rule, RuleFile, alternation, get
from ..templates import Shape, check_shapes, check_template, expand
from .organizations import Organizations
from .quotes import Quotes
from .titles import Titles


class Officials(RuleFile):
    FILE = "officials"
    # Placeholders filled from other rule files (see `values`).
    LEXICON: ClassVar[frozenset[str]] = frozenset({
        "OFFICE", "ROLE", "FORMER_MARK", "ELECT_MARK", "PARTICLE", "CUE", "ORG_SUFFIX", "ORG_ALIAS",
        "MEMBERSHIP", "HANGUL", "LOCAL_SUFFIX"})
    # The shapes the extractors read by id.
    MENTIONS: ClassVar[tuple[str, ...]] = (
        "court_bench", "organization_then_office_and_name_in_brackets", "transcript_cue", "office_then_name",
        "name_then_office")
    PATTERNS: ClassVar[tuple[str, ...]] = (
        "family_name_and_office", "name_and_role", "family_name_and_role", "concurrent_office", "organization_word",
        "word_before_name", "local_government_name", "names_listed_before", "listed_name")

    pieces: dict[str, str] = Field(min_length=1)
    mentions: tuple[Shape, ...] = Field(min_length=1)
    patterns: tuple[Shape, ...]

    @field_validator("pieces")
    @classmethod
    def _pieces_expand(cls, pieces: dict[str, str]) -> dict[str, str]:
        known = cls.LEXICON | set(pieces)
        for name, template in pieces.items():
            if not name.isupper():
                raise ValueError(f"{name}: a piece is named in capitals, as its placeholder is")
            check_template(name, template, known - {name})
        return pieces

    @field_validator("mentions", "patterns")
    @classmethod
    def _shapes_expand(cls, shapes: tuple[Shape, ...], info: ValidationInfo) -> tuple[Shape, ...]:
        required = cls.MENTIONS if info.field_name == "mentions" else cls.PATTERNS
        if "pieces" not in info.data:
            return shapes  # the pieces' own error says what is wrong; every shape names them
        check_shapes(shapes, cls.LEXICON | set(info.data["pieces"]), required)
        unread = [shape.id for shape in shapes if shape.id not in required]
        if unread:  # a mention shape needs its reading function in extractors/mentions.py
            raise ValueError(f"{unread[0]}: no stage reads a shape of that id (known: {', '.join(required)})")
        return shapes

    def rules(self) -> Iterable[Shape]:
        return (*self.mentions, *self.patterns)

    def fires(self, rule: Rule, text: str) -> bool:
        return pattern(rule.id).search(text) is not None


@cache
def values() -> dict[str, str]:
    """Every placeholder's regex: the pieces and the word lists they name."""
    titles, orgs = get(Titles), get(Organizations)
    return {
        "OFFICE": alternation(titles.offices),
        "ROLE": alternation(titles.roles.names),
        "FORMER_MARK": alternation(titles.former),
        "ELECT_MARK": alternation(titles.elect),
        "PARTICLE": korean.particles_alternation(),
        "CUE": get(Quotes).cue,
        "ORG_SUFFIX": alternation(orgs.suffixes),
        "ORG_ALIAS": alternation(list(orgs.aliases)),
        "MEMBERSHIP": alternation(orgs.membership),
        "HANGUL": korean.HANGUL_CLASS,
        # any local government's suffix (a stage that wants one passes it: `pattern(id, suffix)`)
        "LOCAL_SUFFIX": f"(?:{alternation(titles.local_offices.values())})",
        **get(Officials).pieces,
    }


@cache
def pattern(shape_id: str, local_suffix: str | None = None) -> re.Pattern[str]:
    """The shape's template expanded and compiled, once per process (and local suffix)."""
    content = get(Officials)
    shape = next(s for s in (*content.mentions, *content.patterns) if s.id == shape_id)
    filled = values() if local_suffix is None else {**values(), "LOCAL_SUFFIX": local_suffix}
    return re.compile(expand(shape.pattern, filled))


@cache
def anchored(shape_id: str) -> Anchored:
    """The shape's pattern searched only around the offices (or roles) of a text (anchored.py):
    the same matches in a third of the time, where every word was tried against every office
    and organization."""
    return Anchored(pattern(shape_id), "title")


@cache
def mention_patterns() -> tuple[tuple[str, Anchored], ...]:
    """(id, pattern) of each mention shape, in the file's order: earlier shapes win overlaps."""
    return tuple((shape.id, anchored(shape.id)) for shape in get(Officials).mentions)
