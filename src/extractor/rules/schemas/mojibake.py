"""The model of rules/mojibake.toml: the syllables that decide how mojibake is read back."""

from __future__ import annotations

from .. import RuleFile


class Mojibake(RuleFile):
    FILE = "mojibake"
    frequent_syllables: str
