"""Year mentions as records; relative ones without a publication date stay unresolved."""

from __future__ import annotations

from ..analysis import Document
from ..dates import find_years
from ..records import Span, YearMention
from .base import Found, Result, Step


def extract(doc: Document) -> tuple[list[YearMention], list[str]]:
    """(year mentions, warnings about the ones that could not be resolved)."""
    out = []
    unresolved = []
    for match in find_years(doc.body, doc.published):
        text = doc.body[match.start:match.end]
        if match.unresolved:
            unresolved.append(text)
        out.append(YearMention(
            text=text, span=Span(start=match.start, end=match.end), year=match.year, month=match.month,
            day=match.day, start_year=match.start_year, end_year=match.end_year, relative=match.relative,
        ))
    warnings = []
    if unresolved:
        shown = ", ".join(dict.fromkeys(unresolved))
        warnings.append(f"no publication date: left unresolved {shown}")
    return out, warnings


def _run(doc: Document, found: Found) -> Result:
    found_years, warnings = extract(doc)
    return Result({"years": found_years}, warnings)


STEP = Step("years", needs=(), produces=("years",), run=_run)
