"""The model of rules/bylines.toml: dateline, byline and sign-off templates, and time stamps.

A template's NAMES, NAME, EMAIL, JOB and CHANNEL are the file's own fragments, substituted in that
order; the compiled patterns are built once, when the file is validated.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Annotated, Any

from pydantic import AfterValidator, PrivateAttr

from .. import Regex, Rule, RuleFile, alternation
from ..templates import check_template, expand

_PLACEHOLDERS = frozenset({"NAMES", "NAME", "EMAIL", "JOB", "CHANNEL", "HANDLE"})


def _template_compiles(template: str) -> str:
    # the fragments are checked on their own: a stand-in tells whether the template's own syntax holds
    check_template("pattern", template, _PLACEHOLDERS)
    return template


Template = Annotated[str, AfterValidator(_template_compiles)]


class TemplateRule(Rule):
    pattern: Template


class Bylines(RuleFile):
    FILE = "bylines"
    name: Regex
    names: str
    job: Regex
    job_marks: tuple[str, ...]
    author_suffixes: tuple[str, ...]
    email: Regex
    handle: Regex
    channel: Regex
    cue_words: tuple[str, ...]
    signoff_after: tuple[str, ...]
    published_labels: tuple[str, ...]
    updated_labels: tuple[str, ...]
    label_words: tuple[str, ...]
    afternoon_marks: tuple[str, ...]
    timestamp: Regex
    undated_line: Regex
    run_in_reach: int
    datelines: tuple[TemplateRule, ...]
    byline_lines: tuple[TemplateRule, ...]
    signoffs: tuple[TemplateRule, ...]
    handovers: tuple[TemplateRule, ...]
    _compiled: dict[str, tuple[re.Pattern[str], ...]] = PrivateAttr(default_factory=dict)
    _by_id: dict[str, tuple[str, re.Pattern[str]]] = PrivateAttr(default_factory=dict)
    _stamps: dict[str, re.Pattern[str]] = PrivateAttr(default_factory=dict)

    def model_post_init(self, context: Any, /) -> None:
        for key in ("datelines", "byline_lines", "signoffs", "handovers"):
            rules: tuple[TemplateRule, ...] = getattr(self, key)
            self._compiled[key] = tuple(re.compile(self.expand(rule.pattern)) for rule in rules)
            self._by_id.update((rule.id, (key, pattern)) for rule, pattern in zip(rules, self._compiled[key],
                                                                                   strict=True))
        labels = alternation(self.published_labels + self.updated_labels)
        words = "|".join(re.escape(word) for word in self.label_words)
        self._stamps = {
            "timestamp": re.compile(self.timestamp),
            # each run of spaces has one owner: "\s*(?:시간)?\s*[:]?\s*" backtracks cubically
            # when a label is followed by a long run of spaces and no date
            "labelled": re.compile(rf"(?P<label>{labels})\s*(?:(?:{words})\s*)?(?:[:：]\s*)?" + self.timestamp),
            "email": re.compile(self.email),
            "author_suffix": re.compile(rf"\s*(?:{self.job}|{alternation(self.author_suffixes)})\s*$"),
            "name": re.compile(self.name),
            "job": re.compile(self.job),
            "undated_line": re.compile(self.undated_line),
        }

    def expand(self, template: str) -> str:
        return expand(template, {"NAMES": self.names, "NAME": self.name, "EMAIL": self.email, "JOB": self.job,
                                  "CHANNEL": self.channel, "HANDLE": self.handle})

    def patterns(self, key: str) -> tuple[re.Pattern[str], ...]:
        """The compiled templates of datelines, byline_lines, signoffs or handovers, in the file's order."""
        return self._compiled[key]

    def stamp(self, key: str) -> re.Pattern[str]:
        """timestamp, labelled (a label and its stamp), email, author_suffix, name, job or undated_line."""
        return self._stamps[key]

    def rules(self) -> Iterable[Rule]:
        yield from self.datelines
        yield from self.byline_lines
        yield from self.signoffs
        yield from self.handovers

    def fires(self, rule: Rule, text: str) -> bool:
        from ...clean import bylines  # the cleaner's own way of applying each kind

        key, pattern = self._by_id[rule.id]
        if key == "datelines":
            return bylines.dateline_fields(pattern, text) is not None
        if key in ("signoffs", "handovers"):
            return bylines.signoff_start(pattern, text) is not None
        return pattern.search(text) is not None
