"""Cross-references between records, after every extractor has run on the same Document.

Extractors stay independent; this step only points records at each other: the year an
indicator refers to, and what falls inside each policy item. Records are never changed
after they are validated: a linked record is a new one, validated with its links (so an
indicator's year is checked against the bounds of a year like any other field).
"""

from __future__ import annotations

import bisect
from typing import Any

from .records import Indicator, Official, PolicyItem, YearMention

# How far before a number a year may stand and still be its reference ("’14년도 말 기준 400개").
_YEAR_REACH = 20


def link(indicators: list[Indicator], years: list[YearMention], policies: list[PolicyItem],
         officials: list[Official]) -> dict[str, list[Any]]:
    """The records that links change, by kind ("indicators", "policies"), built anew."""
    return {"indicators": _with_years(indicators, years), "policies": _with_contents(policies, indicators, years,
                                                                                        officials)}


def _with_years(indicators: list[Indicator], years: list[YearMention]) -> list[Indicator]:
    resolved = [y for y in years if y.year is not None]
    year_starts = [y.span.start for y in resolved]
    out = []
    for indicator in indicators:
        # a year inside the indicator's own text ("’18년 14억에서 ’19년 56억원으로"), else the
        # nearest year standing just before it, as long as it is a year and not a date
        at = bisect.bisect_left(year_starts, indicator.span.end) - 1
        inside = at >= 0 and resolved[at].span.start >= indicator.span.start
        before = (at >= 0 and resolved[at].span.end <= indicator.span.start
                  and indicator.span.start - resolved[at].span.end <= _YEAR_REACH and resolved[at].month is None)
        if inside or before:
            indicator = Indicator.model_validate({**dict(indicator), "year": resolved[at].year})
        out.append(indicator)
    return out


def _with_contents(policies: list[PolicyItem], indicators: list[Indicator], years: list[YearMention],
                   officials: list[Official]) -> list[PolicyItem]:
    indicator_starts = [i.span.start for i in indicators]
    all_year_starts = [y.span.start for y in years]
    mentions = sorted((m.start, index) for index, o in enumerate(officials) for m in o.mentions)
    mention_starts = [start for start, _ in mentions]
    return [PolicyItem.model_validate({
        **dict(item), "indicators": _inside(item, indicator_starts), "years": _inside(item, all_year_starts),
        "officials": sorted({mentions[k][1] for k in _inside(item, mention_starts)}),
    }) for item in policies]


def _inside(item: PolicyItem, starts: list[int]) -> list[int]:
    """Indexes of the records (sorted by start) that start inside the item."""
    return list(range(bisect.bisect_left(starts, item.span.start), bisect.bisect_left(starts, item.span.end)))
