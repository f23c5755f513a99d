"""Which characters of a text are already claimed by a match.

Several extractors keep the first (or longest) reading where readings overlap; a
bitmap answers "does this span overlap one taken before?" in time proportional to the
span, where comparing with every earlier match was quadratic on long documents.
"""

from __future__ import annotations


class Coverage:
    def __init__(self, size: int) -> None:
        self._taken = bytearray(size + 1)

    def overlaps(self, start: int, end: int) -> bool:
        return any(self._taken[start:max(end, start + 1)])

    def add(self, start: int, end: int) -> None:
        self._taken[start:end] = b"\x01" * (end - start)
