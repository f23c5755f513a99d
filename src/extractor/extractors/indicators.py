"""Numeric indicators: a number with its unit, approximation, qualifier, change and subject.

Each part is a module of its own: `quantities` finds the numbers, `changes` folds from→to
pairs and reads stated changes, `subjects` finds what a number measures. This one puts
them together and validates each record once, when everything but its year is known
(the year comes from `link`, which builds the linked record anew).
"""

from __future__ import annotations

from ..analysis import Document
from ..records import Indicator, Previous, Span
from .base import Result, Step
from .changes import change, merge_previous
from .quantities import Candidate, candidates
from .subjects import subject


def extract(doc: Document) -> list[Indicator]:
    """Every indicator of the body, with "A에서 B로" pairs merged into one record."""
    merged = merge_previous(doc.body, candidates(doc.body))
    return [_validated(doc, c, merged[i + 1] if i + 1 < len(merged) else None) for i, c in enumerate(merged)]


def _validated(doc: Document, c: Candidate, following: Candidate | None) -> Indicator:
    body = doc.body
    return Indicator(
        text=body[c.start:c.end], span=Span(start=c.start, end=c.end), value=c.value, unit=c.unit,
        approximate=c.approximate, qualifier=c.qualifier, bound=c.bound, low=c.low, high=c.high,
        previous=Previous(value=c.previous[0], text=c.previous[1]) if c.previous else None,
        change=change(body, c, following), subject=subject(doc, c),
    )


STEP = Step("indicators", needs=(), produces=("indicators",),
            run=lambda doc, found: Result({"indicators": extract(doc)}))
