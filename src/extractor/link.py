"""Cross-references between records, after every extractor has run on the same Document.

Extractors stay independent; this step only points records at each other: the year an
indicator refers to, and what falls inside each policy item.
"""

from __future__ import annotations

from .records import Indicator, Official, PolicyItem, YearMention

# How far before a number a year may stand and still be its reference ("’14년도 말 기준 400개").
_YEAR_REACH = 20


def link(indicators: list[Indicator], years: list[YearMention], policies: list[PolicyItem],
         officials: list[Official]) -> None:
    for indicator in indicators:
        before = [y for y in years if y.year is not None and y.span.end <= indicator.span.start
                  and indicator.span.start - y.span.end <= _YEAR_REACH and y.month is None]
        inside = [y for y in years if y.year is not None
                  and indicator.span.start <= y.span.start < indicator.span.end]
        if inside:
            indicator.year = inside[-1].year
        elif before:
            indicator.year = before[-1].year
    for item in policies:
        item.indicators = _inside(item, [i.span.start for i in indicators])
        item.years = _inside(item, [y.span.start for y in years])
        item.officials = [i for i, o in enumerate(officials)
                          if any(item.span.start <= m.start < item.span.end for m in o.mentions)]


def _inside(item: PolicyItem, starts: list[int]) -> list[int]:
    return [i for i, start in enumerate(starts) if item.span.start <= start < item.span.end]
