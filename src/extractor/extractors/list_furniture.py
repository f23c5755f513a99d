"""Lists that are page furniture: related-article and most-read headlines (관련기사, 많이 본 뉴스).

A portal page often keeps such a numbered list below the article, and its items look like
policy items ("1. 시장, 새해 업무보고 받아"). The cleaner should drop them; until it does, a
list is refused here when a furniture heading stands just before it, when most of its items
are headlines cut short (…, ..), when "2시간전" lines sit between them, or when it comes
after the article's copyright line.
"""

from __future__ import annotations

import re
from functools import cache

from .. import rules
from ..rules.schemas.markers import Furniture, Markers

# How many lines before a list its heading is looked for.
_HEADING_LINES = 2
# A copyright line is at most this long.
_COPYRIGHT_LINE = 80
# A headline is at most this long: how far past its last item a list is read.
_HEADLINE = 200


def _furniture() -> Furniture:
    return rules.get(Markers).furniture


@cache
def _copyright() -> re.Pattern[str]:
    return re.compile("|".join(re.escape(word) for word in _furniture().copyright))


@cache
def _time_ago() -> re.Pattern[str]:
    return re.compile(_furniture().time_ago.pattern, re.M)


def article_end(body: str) -> int:
    """Where a copyright line ends the article (무단 전재 및 재배포 금지): what a page lists
    after it is the page's, not the article's (len(body) when there is none)."""
    for found in _copyright().finditer(body):
        # Only a copyright line's length is read around each match, so a long line stays linear.
        reach = max(0, found.start() - _COPYRIGHT_LINE)
        begin = body.rfind("\n", reach, found.start()) + 1
        short = _line_end(body, found.start(), begin + _COPYRIGHT_LINE + 1) - begin <= _COPYRIGHT_LINE
        if short and (begin or not reach):
            return found.start()  # a line of its own, not an article about copyright
    return len(body)


def is_furniture(body: str, markers: list[tuple[int, int]], end: int) -> bool:
    """Whether the list whose markers stand at these (start, end) spans is a list of headlines;
    `end` is the article's end (article_end)."""
    if not markers:
        return False
    if markers[0][0] > end:
        return True
    # Only the list's own lines are read (its last item up to a headline's length), so
    # many lists in one long line stay linear.
    last_end = _line_end(body, markers[-1][0], markers[-1][0] + _HEADLINE)
    return (_under_heading(body, markers[0][0]) or _cut_short(body, markers, last_end)
            or _time_ago().search(body, markers[0][0], last_end) is not None)


def _under_heading(body: str, start: int) -> bool:
    furniture = _furniture()
    end = body.rfind("\n", 0, start)
    for _ in range(_HEADING_LINES):
        if end < 0:
            return False
        begin = body.rfind("\n", 0, end) + 1
        line = body[begin:end].strip()
        if line and len(line) <= furniture.heading_length and any(h in line for h in furniture.headings):
            return True
        end = begin - 1
    return False


def _cut_short(body: str, markers: list[tuple[int, int]], last_end: int) -> bool:
    """Most items end in a truncation mark, as headlines shortened for a list do."""
    truncations = _furniture().truncations
    limits = [start for start, _ in markers[1:]] + [last_end]
    ends = [body[start:_line_end(body, start, limit)].rstrip().endswith(truncations)
            for (start, _), limit in zip(markers, limits, strict=True)]
    return sum(ends) * 2 >= len(ends) and len(ends) >= 2


def _line_end(body: str, at: int, limit: int) -> int:
    """The end of the line holding `at`, or `limit` if that comes first."""
    limit = min(limit, len(body))
    end = body.find("\n", at, limit)
    return limit if end < 0 else end
