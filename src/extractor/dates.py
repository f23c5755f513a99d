"""Year expressions → years: 2020년, ’14년도, (’24), 2020 회계연도, 2020.1.21, 1월 21일, 올해, 향후 5년간.

Pure functions over text and a publication date, so each form is tested from
`tests/corpus/years.tsv`. Two-digit years are read in the century that puts them
nearest the publication year (or 2000–2069 without one). The shapes are rules of
`rules/dates.toml`; each shape id has one reader below that turns its match into a year.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import cache

from . import rules
from .coverage import first_match_wins
from .rules.schemas.dates import Dates
from .rules.templates import Shape

MIN_YEAR, MAX_YEAR = 1900, 2100


@dataclass(frozen=True)
class YearMatch:
    start: int
    end: int
    year: int | None
    month: int | None = None
    day: int | None = None
    start_year: int | None = None
    end_year: int | None = None
    relative: bool = False
    unresolved: bool = False


@dataclass(frozen=True)
class _Found:
    """What every reader gets: the match, its month and day (checked), the publication date."""

    match: re.Match[str]
    month: int | None
    day: int | None
    published: date | None

    @property
    def start(self) -> int:
        return self.match.start()

    @property
    def end(self) -> int:
        return self.match.end()

    @property
    def base(self) -> int | None:
        return self.published.year if self.published else None

    def group(self, name: str) -> str | None:
        return self.match.groupdict().get(name)


def _lexicon() -> Dates:
    return rules.get(Dates)


def find_years(text: str, published: date | None) -> list[YearMatch]:
    """Every year, date and period in `text`, the longest reading winning where they overlap."""
    return first_match_wins(text, _lexicon().compiled(), lambda shape, match: _read(shape, match, published))


def _read(shape: Shape, match: re.Match[str], published: date | None) -> YearMatch | None:
    month = _int(match.groupdict().get("mo"))
    day = _int(match.groupdict().get("d"))
    if (month is not None and not 1 <= month <= 12) or (day is not None and not 1 <= day <= 31):
        return None
    return READERS[shape.id](_Found(match, month, day, published))


def _range(found: _Found) -> YearMatch | None:
    first, second = int(found.group("y") or 0), found.group("y2") or ""
    last = int(second) if len(second) == 4 else first // 100 * 100 + int(second)
    return _span_of_years(found, first, last)


def _short_range(found: _Found) -> YearMatch | None:
    first = two_digit_year(int(found.group("yy") or 0), found.published)
    return _span_of_years(found, first, two_digit_year(int(found.group("yy2") or 0), found.published))


def _span_of_years(found: _Found, first: int, last: int) -> YearMatch | None:
    if last < first:
        return None
    return _valid(YearMatch(found.start, found.end, None, start_year=first, end_year=last))


def _dated(found: _Found) -> YearMatch | None:
    return _valid(YearMatch(found.start, found.end, int(found.group("y") or 0), found.month, found.day))


def _short(found: _Found) -> YearMatch | None:
    yy = int(found.group("yy") or found.group("yy2") or 0)
    return _valid(YearMatch(found.start, found.end, two_digit_year(yy, found.published), found.month, found.day))


def _bare_short(found: _Found) -> YearMatch | None:
    if _after_a_term().search(found.match.string, max(0, found.start - 8), found.start):
        return None
    return _short(found)


def _relative(found: _Found) -> YearMatch | None:
    offset = _lexicon().relative_years.get(re.sub(r"\s+", " ", found.group("rel") or ""), 0)
    return _this_year_plus(found, offset)


def _this(found: _Found) -> YearMatch | None:
    if not (found.group("f") or found.month):
        return None
    return _this_year_plus(found, 0)


def _this_year_plus(found: _Found, offset: int) -> YearMatch | None:
    base = found.base
    year = base + offset if base is not None else None
    return _valid(YearMatch(found.start, found.end, year, found.month, found.day,
                            relative=base is not None, unresolved=base is None))


def _half(found: _Found) -> YearMatch | None:
    if _after_a_year().search(found.match.string, max(0, found.start - 8), found.start):
        return None
    if found.base is None:
        return YearMatch(found.start, found.end, None, unresolved=True)
    return _valid(YearMatch(found.start, found.end, found.base, relative=True))


def _rel_month(found: _Found) -> YearMatch | None:
    if found.published is None:
        return YearMatch(found.start, found.end, None, None, found.day, unresolved=True)
    shift = _lexicon().relative_months[re.sub(r"\s+", " ", found.group("relm") or "")]
    moved = found.published.year * 12 + found.published.month - 1 + shift
    return _valid(YearMatch(found.start, found.end, moved // 12, moved % 12 + 1, found.day, relative=True))


def _period(found: _Found) -> YearMatch | None:
    n = int(found.group("n") or 0)
    base = found.base
    if base is None:
        return YearMatch(found.start, found.end, None, unresolved=True)
    backward = found.group("dir") in _lexicon().periods.backward
    first, last = (base - n, base) if backward else (base, base + n)
    return _valid(YearMatch(found.start, found.end, None, start_year=first, end_year=last, relative=True))


def _from_period(found: _Found) -> YearMatch | None:
    n = int(found.group("n") or 0)
    written = found.group("y")
    if written:
        first = int(written)
    elif found.base is None:
        return YearMatch(found.start, found.end, None, unresolved=True)
    else:
        first = found.base + _lexicon().relative_years.get(found.group("rel") or "", 0)
    return _valid(YearMatch(found.start, found.end, first, start_year=first, end_year=first + n - 1,
                            relative=not written))


def _month(found: _Found) -> YearMatch | None:
    published, month = found.published, found.month
    if published is None or month is None:
        return YearMatch(found.start, found.end, None, month, found.day, unresolved=True)
    year = published.year
    move = found.group("move")
    if move in _lexicon().months.next and month < published.month:
        year += 1
    elif move in _lexicon().months.last and month > published.month:
        year -= 1
    return _valid(YearMatch(found.start, found.end, year, month, found.day, relative=True))


# The reader of each shape id of rules/dates.toml.
READERS: dict[str, Callable[[_Found], YearMatch | None]] = {
    "iso": _dated, "period": _period, "from_period": _from_period, "range": _range,
    "short_range": _short_range, "full": _dated, "fiscal": _dated, "bracketed_short": _short, "short": _short,
    "short_dotted": _short, "apostrophe_short": _short,
    "bare_short": _bare_short, "relative": _relative, "rel_month": _rel_month, "this": _this,
    "half": _half, "month": _month,
}


@cache
def _after_a_term() -> re.Pattern[str]:
    return re.compile(rf"(?:{rules.alternation(_lexicon().bare_short_year.not_after)})\s?$")


@cache
def _after_a_year() -> re.Pattern[str]:
    return re.compile(rf"(?:{rules.alternation(_lexicon().periods_of_year.after)}|\d)\s?$")


def two_digit_year(yy: int, published: date | None) -> int:
    """’14 → 2014; ’98 → 1998: the century that puts the year nearest the publication."""
    if published is None:
        return 2000 + yy if yy < 70 else 1900 + yy
    candidates = (1900 + yy, 2000 + yy, 2100 + yy)
    return min(candidates, key=lambda y: (abs(y - published.year), y))


def _valid(match: YearMatch) -> YearMatch | None:
    for year in (match.year, match.start_year, match.end_year):
        if year is not None and not MIN_YEAR <= year <= MAX_YEAR:
            return None
    return match


def _int(value: str | None) -> int | None:
    return int(value) if value else None
