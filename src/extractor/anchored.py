"""A pattern's matches found only near the places its one required part can stand.

Python's `re` tries a pattern at every position of a text, and an official's shapes are
long alternations of offices and organizations tried at every word: most of a document's
time in the officials stage. Every match of those shapes holds its office (the `title`
group) a bounded distance after its start, so `Anchored` first finds the offices (one
scan of the group alone, shared by the shapes that hold the same group), then runs the
whole pattern only in the stretch around each. The matches are `finditer`'s own, the same
spans and groups in the same order: the bounds come from the pattern itself (`re`'s
parser), and a pattern they cannot be read from is simply run over the whole text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import TYPE_CHECKING, Any

# re's own parser, the only way to read a pattern's widths; typeshed knows it by its old
# names, which warn when imported.
if TYPE_CHECKING:
    import sre_constants as sre
    import sre_parse
else:
    import re._constants as sre
    import re._parser as sre_parse

# A match is evaluated identically in the text cut short here past its reach: `$` also
# matches before a final newline, and \b looks at one character on either side.
_MARGIN = 2


class Anchored:
    """`pattern`'s matches, each found only in the stretch before an anchor (`group`'s text)."""

    def __init__(self, pattern: re.Pattern[str], group: str) -> None:
        self.pattern = pattern
        self._bounds: tuple[int, int, int] | None = None
        if group not in pattern.groupindex:
            return
        tree = sre_parse.parse(pattern.pattern, pattern.flags)
        before, width = _width_before(tree, pattern.groupindex[group])
        reach = _reach(tree)
        # An empty match would make finditer's rules for the next one differ: never anchored.
        if before is not None and width is not None and reach is not None and tree.getwidth()[0] > 0:
            self._bounds = (before, width, reach)
            self._anchor = _compiled(f"(?:{group_source(pattern.pattern, group)})", pattern.flags)

    def finditer(self, string: str, /) -> Iterator[re.Match[str]]:
        """`pattern.finditer(string)`, searched only in each stretch where a match can start."""
        if self._bounds is None:
            yield from self.pattern.finditer(string)
            return
        before, width, reach = self._bounds
        pos = 0
        for first, last in _stretches(_anchors(self._anchor, string), before, width):
            # Cut short past the reach of a match starting at `last`, so the search stops there.
            endpos = min(len(string), last + reach + _MARGIN)
            while (match := self.pattern.search(string, max(pos, first), endpos)) and match.start() <= last:
                yield match
                pos = match.end()


@lru_cache(maxsize=16)
def _compiled(source: str, flags: int) -> re.Pattern[str]:
    """One pattern object per anchor, so the shapes that share it share `_anchors`' cache too."""
    return re.compile(source, flags)


@lru_cache(maxsize=4)
def _anchors(anchor: re.Pattern[str], string: str) -> tuple[int, ...]:
    """Where the anchor's matches start, in a scan that skips each match: one that overlaps a
    skipped one (시장 in 부시장) starts less than the anchor's width after it. Kept for the
    few shapes read in turn over one text."""
    return tuple(match.start() for match in anchor.finditer(string))


def _stretches(anchors: tuple[int, ...], before: int, width: int) -> Iterator[tuple[int, int]]:
    """Where a match can start: from `before` characters before each anchor to the last
    character the anchor covers, joined where they touch."""
    first = last = -1
    for anchor in anchors:
        if last >= 0 and anchor - before <= last + 1:
            last = anchor + width - 1
            continue
        if last >= 0:
            yield first, last
        first, last = max(0, anchor - before), anchor + width - 1
    if last >= 0:
        yield first, last


def group_source(source: str, group: str) -> str:
    """The text of the named group's contents in a pattern's source (escapes and classes skipped)."""
    opening = f"(?P<{group}>"
    start = source.index(opening) + len(opening)
    depth, i, in_class = 1, start, False
    while i < len(source):
        char = source[i]
        if char == "\\":
            i += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
            i += 2 if source.startswith("^]", i + 1) else 1 if source.startswith("]", i + 1) else 0
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                return source[start:i]
        i += 1
    raise ValueError(f"group {group} is not closed")


def _width_before(tree: sre_parse.SubPattern, group: int) -> tuple[int | None, int | None]:
    """The most characters a match consumes before the group starts, and the group's own most,
    if the group is one of the pattern's top-level items (so every match holds it)."""
    before = 0
    items: list[tuple[Any, Any]] = tree.data
    for op, av in items:
        most = sre_parse.SubPattern(tree.state, [(op, av)]).getwidth()[1]
        if most >= sre.MAXREPEAT:
            return None, None
        if op is sre.SUBPATTERN and av[0] == group:
            return before, most
        before += most
    return None, None


def _reach(items: Any) -> int | None:
    """An upper bound on how far past its start a match reads (lookaheads included), or None
    when a repeat is unbounded or an item is one this bound does not know."""
    total = 0
    for op, av in items:
        if op in (sre.LITERAL, sre.NOT_LITERAL, sre.IN, sre.ANY, sre.CATEGORY):
            part: int | None = 1
        elif op is sre.AT:
            part = 0
        elif op in (sre.ASSERT, sre.ASSERT_NOT):
            part = _reach(av[1]) if av[0] == 1 else 0  # a lookbehind reads nothing ahead
        elif op is sre.SUBPATTERN:
            part = _reach(av[3])
        elif op is sre.ATOMIC_GROUP:
            part = _reach(av)
        elif op is sre.BRANCH:
            parts = [_reach(branch) for branch in av[1]]
            part = None if None in parts else max(p for p in parts if p is not None)
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
            inner = _reach(av[2])
            part = None if inner is None or av[1] >= sre.MAXREPEAT else av[1] * inner
        else:
            part = None
        if part is None:
            return None
        total += part
    return total
