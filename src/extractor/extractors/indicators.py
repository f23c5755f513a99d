"""Numeric indicators: a number with its unit, approximation, qualifier, change and subject.

Each part is a module of its own: `quantities` finds the numbers, `changes` folds from→to
pairs and reads stated changes, `subjects` finds what a number measures. This one puts
them together and validates each record once, when everything but its year is known
(the year comes from `link`, which builds the linked record anew).
"""

from __future__ import annotations

from pydantic import ValidationError

from ..analysis import Document
from ..records import Indicator, Previous, Span
from .base import Found, Result, Step
from .changes import change, merge_previous
from .quantities import Candidate, candidates
from .subjects import subject


def extract(doc: Document) -> list[Indicator]:
    """Every indicator of the body, with "A에서 B로" pairs merged into one record."""
    return _extract(doc)[0]


def _extract(doc: Document) -> tuple[list[Indicator], list[str]]:
    """(indicators, warnings): a number no record can hold (a 400-digit figure is no finite
    value) is left out with a warning, and the article keeps the rest."""
    merged = merge_previous(doc.body, candidates(doc.body))
    found, warnings = [], []
    for i, c in enumerate(merged):
        try:
            found.append(_validated(doc, c, merged[i + 1] if i + 1 < len(merged) else None))
        except ValidationError as exc:
            text = doc.body[c.start:c.end]
            shown = text if len(text) <= 40 else text[:20] + "…" + text[-10:]
            warnings.append(f"number left out ({exc.errors()[0]['msg']}): {shown}")
    return found, warnings


def _validated(doc: Document, c: Candidate, following: Candidate | None) -> Indicator:
    body = doc.body
    return Indicator(
        text=body[c.start:c.end], span=Span(start=c.start, end=c.end), value=c.value, unit=c.unit,
        approximate=c.approximate, qualifier=c.qualifier, bound=c.bound, low=c.low, high=c.high,
        previous=Previous(value=c.previous[0], text=c.previous[1]) if c.previous else None,
        change=change(body, c, following), subject=subject(doc, c),
    )


def _run(doc: Document, found: Found) -> Result:
    indicators, warnings = _extract(doc)
    return Result({"indicators": indicators}, warnings)


STEP = Step("indicators", needs=(), produces=("indicators",), run=_run)
