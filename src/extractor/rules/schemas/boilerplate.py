"""The model of rules/boilerplate.toml: each kind of page furniture as rules of one line."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from pydantic import PrivateAttr

from .. import Regex, Rule, RuleFile

# The rule lists, each one kind of line (clean.lines.Kind names them).
LINE_KINDS = ("cues", "credits", "copyright", "related_header", "drop", "captions", "related_item")

# The file's patterns that stand alone, each a test of a whole line.
_SINGLE = ("rights_footer", "continuation_endings", "prose_ending", "sentence_end", "full_stop", "inline_cue")


class LineRule(Rule):
    """A pattern searched in one folded line."""

    pattern: Regex


class Boilerplate(RuleFile):
    FILE = "boilerplate"
    rights_footer: Regex
    continuation_endings: Regex
    prose_ending: Regex
    sentence_end: Regex
    full_stop: Regex
    inline_cue: Regex
    header_byline_reach: int
    wrap_min_lines: int
    wrap_min_columns: int
    wrap_tolerance: int
    drop: tuple[LineRule, ...]
    copyright: tuple[LineRule, ...]
    related_header: tuple[LineRule, ...]
    related_item: tuple[LineRule, ...]
    cues: tuple[LineRule, ...]
    credits: tuple[LineRule, ...]
    captions: tuple[LineRule, ...]
    _compiled: dict[str, tuple[re.Pattern[str], ...]] = PrivateAttr(default_factory=dict)
    _by_id: dict[str, re.Pattern[str]] = PrivateAttr(default_factory=dict)
    _single: dict[str, re.Pattern[str]] = PrivateAttr(default_factory=dict)

    def model_post_init(self, context: Any, /) -> None:
        # compiled once, when the file is validated: every line of every page asks them
        self._compiled = {key: tuple(re.compile(rule.pattern) for rule in getattr(self, key)) for key in LINE_KINDS}
        self._by_id = {rule.id: pattern for key in LINE_KINDS
                       for rule, pattern in zip(getattr(self, key), self._compiled[key], strict=True)}
        self._single = {key: re.compile(getattr(self, key)) for key in _SINGLE}

    def patterns(self, kind: str) -> tuple[re.Pattern[str], ...]:
        """The compiled patterns of one of LINE_KINDS, in the file's order."""
        return self._compiled[kind]

    def regex(self, key: str) -> re.Pattern[str]:
        """One of the file's single patterns, compiled: rights_footer, continuation_endings,
        prose_ending, sentence_end, full_stop or inline_cue."""
        return self._single[key]

    def rules(self) -> Iterable[Rule]:
        for key in LINE_KINDS:
            yield from getattr(self, key)

    def fires(self, rule: Rule, text: str) -> bool:
        from ...clean.fold import fold  # the cleaner's own folding of a line

        return self._by_id[rule.id].search(fold(text)) is not None
