"""The model of rules/quotes.toml: quotation marks, quotatives, and the shapes of speech."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from typing import ClassVar

from pydantic import Field, field_validator

from ... import korean
from .. import Regex, Rule, RuleFile, alternation, get
from ..templates import Shape, check_shapes, expand

Words = tuple[str, ...]


class Quotes(RuleFile):
    FILE = "quotes"
    PLACEHOLDERS: ClassVar[frozenset[str]] = frozenset({
        "QUOTATIVE", "EMBEDDING", "PRONOUN", "PROGRAM_HEAD", "CUE", "HANGUL", "SENTENCE_FINAL"})
    SHAPES: ClassVar[tuple[str, ...]] = (
        "quotative", "embedding", "quote_ends_a_sentence", "speaker_cue", "cue_line", "transcript_line",
        "pointing_back", "program_name", "subject_gap", "apostrophe_year", "full_stop", "question_clause", "this_way",
        "listed_term", "unnamed_speaker")

    pairs: tuple[tuple[str, str], ...] = Field(min_length=1)
    quotatives: Words = Field(min_length=1)
    embedding: Words
    cue: Regex
    pronouns: Words
    reporter_roles: Words
    topic_particles: Words
    program_heads: Words
    shapes: tuple[Shape, ...]

    @field_validator("shapes")
    @classmethod
    def _shapes_expand(cls, shapes: tuple[Shape, ...]) -> tuple[Shape, ...]:
        check_shapes(shapes, cls.PLACEHOLDERS, cls.SHAPES)
        return shapes

    def rules(self) -> Iterable[Shape]:
        return self.shapes

    def fires(self, rule: Rule, text: str) -> bool:
        return pattern(rule.id).search(text) is not None


@cache
def pattern(shape_id: str) -> re.Pattern[str]:
    """The shape's template filled from the lists and compiled, once per process."""
    content = get(Quotes)
    values = {
        "QUOTATIVE": alternation(content.quotatives),
        "EMBEDDING": alternation(content.embedding),
        "PRONOUN": alternation(content.pronouns),
        "PROGRAM_HEAD": alternation(content.program_heads),
        "CUE": content.cue,
        "HANGUL": korean.HANGUL_CLASS,
        "SENTENCE_FINAL": "".join(korean.lexicon().sentence_final_syllables),
    }
    shape = next(s for s in content.shapes if s.id == shape_id)
    return re.compile(expand(shape.pattern, values))
