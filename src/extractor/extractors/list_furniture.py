"""Lists that are page furniture: related-article and most-read headlines (관련기사, 많이 본 뉴스).

A portal page often keeps such a numbered list below the article, and its items look like
policy items ("1. 시장, 새해 업무보고 받아"). The cleaner should drop them; until it does, a
list is refused here when a furniture heading stands just before it, when most of its items
are headlines cut short (…, ..), or when "2시간전" lines sit between them.
"""

from __future__ import annotations

import re
from functools import cache

from .. import rules
from ..rules.schemas.markers import Furniture, Markers

# How many lines before a list its heading is looked for.
_HEADING_LINES = 2
# A headline is at most this long: how far past its last item a list is read.
_HEADLINE = 200


def _furniture() -> Furniture:
    return rules.get(Markers).furniture


@cache
def _time_ago() -> re.Pattern[str]:
    return re.compile(_furniture().time_ago.pattern, re.M)


def is_furniture(body: str, markers: list[tuple[int, int]]) -> bool:
    """Whether the list whose markers stand at these (start, end) spans is a list of headlines."""
    if not markers:
        return False
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
