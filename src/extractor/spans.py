"""Where a record stands, as a reader needs it: the sentence around a span."""

from __future__ import annotations

# How much of a long line to show on each side of a span.
REACH = 160


def sentence_around(body: str, start: int, end: int) -> str:
    """The line a span stands in, cut to a readable length around it."""
    lo = max(body.rfind("\n", 0, start) + 1, start - REACH)
    hi = body.find("\n", end)
    hi = min(len(body) if hi < 0 else hi, end + REACH)
    return body[lo:hi].strip()
