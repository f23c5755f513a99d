"""The model of rules/korean.toml: particles and sentence-final syllables."""

from __future__ import annotations

from pydantic import Field

from .. import RuleFile


class Korean(RuleFile):
    FILE = "korean"
    particles: tuple[str, ...] = Field(min_length=1)
    sentence_final_syllables: tuple[str, ...] = Field(min_length=1)
