"""What rules/html.toml says of elements: what is junk, what names a reporter, what a
selector matches.

Pruning (clean/prune.py) and the readers (clean/container.py, clean/page_meta.py) must
agree on all three, so both ask here, handing over an element's name, its classes as a
list and its attribute getter.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from .. import rules
from ..rules.schemas.html import Html

Getter = Callable[[str], Any]


def settings() -> Html:
    return rules.get(Html)


def names(classes: Iterable[str], ident: object) -> str:
    """An element's class and id, lower-cased, for the word tests below."""
    return " ".join([*classes, str(ident or "")]).lower()


class WordTest:
    """Whether any of `words` is a whole word of class/id names split on - _ and spaces.

    One regex instead of splitting every element's names into a set: the test runs on
    every element of a page.
    """

    def __init__(self, words: Iterable[str]) -> None:
        self._pattern = re.compile(rf"(?<![^\s_\-])(?:{rules.alternation(list(words))})(?![^\s_\-])")

    def __call__(self, names: str) -> bool:
        return self._pattern.search(names) is not None


@cache
def word_test(words: tuple[str, ...]) -> WordTest:
    """The test for one of html.toml's word lists (junk_words, page_meta.byline_words …)."""
    return WordTest(words)


@cache
def _junk_tags() -> frozenset[str]:
    return frozenset(settings().junk_tags)


def is_junk(name: str, element_names: str) -> bool:
    return name in _junk_tags() or word_test(settings().junk_words)(element_names)


@dataclass(frozen=True)
class Selector:
    """One of the forms html.toml uses: tag, #id, .class and [attribute="value"]."""

    kind: str
    key: str
    value: str = ""

    @classmethod
    def parse(cls, text: str) -> Selector:
        if text.isalnum():
            return cls("tag", text)
        if text.startswith("#"):
            return cls("id", text[1:])
        if text.startswith("."):
            return cls("class", text[1:])
        attribute, _, value = text.strip("[]").partition("=")
        return cls("attribute", attribute, value.strip('"'))

    def matches(self, name: str, classes: Sequence[str], get: Getter) -> bool:
        if self.kind == "tag":
            return name == self.key
        if self.kind == "id":
            return bool(get("id") == self.key)
        if self.kind == "class":
            return self.key in classes
        return bool(get(self.key) == self.value)


class SelectorSet:
    """Many selectors asked at once: sets, not a loop, for a check on every element of a page."""

    def __init__(self, selectors: Iterable[str]) -> None:
        self.selectors = [Selector.parse(s) for s in selectors]
        self.tags = frozenset(s.key for s in self.selectors if s.kind == "tag")
        self.ids = frozenset(s.key for s in self.selectors if s.kind == "id")
        self.classes = frozenset(s.key for s in self.selectors if s.kind == "class")
        self.attributes = [s for s in self.selectors if s.kind == "attribute"]

    def any(self, name: str, classes: Sequence[str], get: Getter) -> bool:
        ident = get("id")
        return (name in self.tags or (isinstance(ident, str) and ident in self.ids)
                or not self.classes.isdisjoint(classes) or any(s.matches(name, classes, get) for s in self.attributes))


@cache
def body_selectors() -> list[Selector]:
    return [Selector.parse(s) for s in settings().body_selectors]


@cache
def captions() -> SelectorSet:
    return SelectorSet(settings().caption_selectors)
