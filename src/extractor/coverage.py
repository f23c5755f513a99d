"""Which characters of a text are already claimed by a match.

Several extractors keep the first (or longest) reading where readings overlap; a
bitmap answers "does this span overlap one taken before?" in time proportional to the
span, where comparing with every earlier match was quadratic on long documents.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from typing import Protocol, TypeVar

K = TypeVar("K")
T = TypeVar("T")


class Finds(Protocol):
    """What a pass reads matches from: an `re.Pattern`, or an `anchored.Anchored` that finds the same."""

    def finditer(self, string: str, /) -> Iterator[re.Match[str]]: ...


class Coverage:
    def __init__(self, size: int) -> None:
        self._taken = bytearray(size + 1)

    def overlaps(self, start: int, end: int) -> bool:
        return any(self._taken[start:max(end, start + 1)])

    def add(self, start: int, end: int) -> None:
        self._taken[start:end] = b"\x01" * (end - start)


def first_match_wins(text: str, patterns: Iterable[tuple[K, Finds]],
                     read: Callable[[K, re.Match[str]], T | None], *,
                     span: Callable[[T], tuple[int, int]] | None = None,
                     taken: Coverage | None = None) -> list[T]:
    """Each pattern in turn reads its matches; a reading that overlaps an earlier one is dropped.

    Patterns come in priority order (longest or most specific first). Without `span` a match
    that overlaps is skipped before it is read (cheap); with it, the reading's own span is
    what counts. Readings come back in text order. `taken` lets a caller share the claimed
    characters with a later pass.
    """
    taken = taken if taken is not None else Coverage(len(text))
    found: list[tuple[int, T]] = []
    for key, pattern in patterns:
        for match in pattern.finditer(text):
            if span is None and taken.overlaps(match.start(), match.end()):
                continue
            result = read(key, match)
            if result is None:
                continue
            start, end = span(result) if span is not None else (match.start(), match.end())
            if span is not None and taken.overlaps(start, end):
                continue
            taken.add(start, end)
            found.append((start, result))
    found.sort(key=lambda pair: pair[0])
    return [result for _, result in found]
