"""Year expressions → years: 2020년, ’14년도, 2020.1.21, 1월 21일, 올해, 지난해, 향후 5년간.

Pure functions over text and a publication date, so each form is tested from
`tests/corpus/years.tsv`. Two-digit years are read in the century that puts them
nearest the publication year (or 2000–2069 without one).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache

from . import rules
from .coverage import Coverage

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


@cache
def _patterns() -> list[tuple[str, re.Pattern[str]]]:
    data = rules.load("dates")
    relative = rules.alternation(list(data["relative_years"]))
    relative_months = rules.alternation(list(data["relative_months"]))
    month_followers = rules.alternation(data["relative_month_followers"]["followers"])
    short_followers = rules.alternation(data["short_this_year"]["followers"])
    month_moves = rules.alternation(data["months"]["next"] + data["months"]["last"])
    forward = rules.alternation(data["periods"]["forward"] + data["periods"]["backward"])
    suffixes = rules.alternation(data["periods"]["suffixes"])
    parts = rules.alternation(data["periods_of_year"]["words"])
    day = r"(?:\s?(?P<d>\d{1,2})\s?일)?"
    month_day = rf"(?:\s?(?P<mo>\d{{1,2}})\s?월{day})?"
    year = r"(?P<y>(?:19|20)\d{2})"
    return [
        ("iso", re.compile(rf"(?<![\d.]){year}\s?[./-]\s?(?P<mo>\d{{1,2}})\s?[./-]\s?(?P<d>\d{{1,2}})(?!\d)")),
        ("period", re.compile(rf"(?<![가-힣])(?P<dir>{forward})\s?(?P<n>\d{{1,2}})\s?(?:{suffixes})")),
        ("from_period", re.compile(rf"(?P<rel>{relative}|{year}\s?년)부터\s?(?P<n>\d{{1,2}})\s?(?:{suffixes})")),
        ("range", re.compile(rf"(?<!\d){year}\s?년?\s?[~∼〜\-–]\s?(?P<y2>(?:19|20)?\d{{2}})\s?년")),
        # ’22~’24년: a range of abbreviated years
        ("short_range", re.compile(r"[’'‘`](?P<yy>\d{2})\s?년?\s?[~∼〜\-–]\s?[’'‘`]?(?P<yy2>\d{2})\s?년")),
        ("full", re.compile(rf"(?<!\d){year}\s?년(?:도|대)?{month_day}")),
        ("short", re.compile(rf"[’'‘`](?P<yy>\d{{2}})\s?년(?:도)?{month_day}|(?<![\d’'‘`.])(?P<yy2>\d{{2}})년도")),
        # ’23.6월말, ‘23.3.15: press releases abbreviate the year and stop after it
        ("short", re.compile(r"[’'‘`](?P<yy>\d{2})\.\s?(?P<mo>\d{1,2})\s?(?:월|\.\s?(?P<d>\d{1,2})\.?(?!\d))")),
        # 19년 12월: a bare two-digit year with its month (see dates.toml bare_short_year)
        ("bare_short", re.compile(rf"(?<![\d’'‘`.,~∼〜\-–])(?P<yy>\d{{2}})\s?년\s?(?P<mo>\d{{1,2}})\s?월{day}"
                                  rf"(?![가-힣]?간)")),
        ("relative", re.compile(rf"(?<![가-힣])(?P<rel>{relative}){month_day}")),
        ("rel_month", re.compile(rf"(?<![가-힣])(?P<relm>{relative_months})"
                                rf"(?:\s?(?P<d>\d{{1,2}})\s?일|(?=(?:{month_followers})?(?![가-힣])))(?!\s?\d+\s?월)")),
        ("this", re.compile(rf"(?<![가-힣])올\s?(?P<f>{short_followers})?{month_day}")),
        # 상반기 내에, 3분기 중: a part of the publication year, unless a year stands before it
        ("half", re.compile(rf"(?<![가-힣\d/])(?:{parts})(?![가-힣]?간)")),
        # (a month right after "N년" that no year reading took is a term's: 징역 1년 6월)
        ("month", re.compile(rf"(?:(?P<move>{month_moves})\s)?(?<![\d.])(?<!년)(?<!년\s)(?P<mo>\d{{1,2}})\s?월{day}"
                             rf"(?![가-힣]?간)")),
    ]


@cache
def _after_a_term() -> re.Pattern[str]:
    return re.compile(rf"(?:{rules.alternation(rules.load('dates')['bare_short_year']['not_after'])})\s?$")


def find_years(text: str, published: date | None) -> list[YearMatch]:
    """Every year, date and period in `text`, the longest reading winning where they overlap."""
    found: list[YearMatch] = []
    taken = Coverage(len(text))
    for kind, pattern in _patterns():
        for match in pattern.finditer(text):
            if taken.overlaps(match.start(), match.end()):
                continue
            result = _read(kind, match, published)
            if result is not None:
                found.append(result)
                taken.add(match.start(), match.end())
    found.sort(key=lambda m: m.start)
    return found


def _read(kind: str, match: re.Match[str], published: date | None) -> YearMatch | None:
    groups = match.groupdict()
    month = _int(groups.get("mo"))
    day = _int(groups.get("d"))
    if (month is not None and not 1 <= month <= 12) or (day is not None and not 1 <= day <= 31):
        return None
    start, end = match.start(), match.end()
    if kind == "range":
        first = int(groups["y"])
        last = int(groups["y2"]) if len(groups["y2"]) == 4 else first // 100 * 100 + int(groups["y2"])
        if last < first:
            return None
        return _valid(YearMatch(start, end, None, start_year=first, end_year=last))
    if kind == "short_range":
        first, last = two_digit_year(int(groups["yy"]), published), two_digit_year(int(groups["yy2"]), published)
        if last < first:
            return None
        return _valid(YearMatch(start, end, None, start_year=first, end_year=last))
    if kind in ("iso", "full"):
        return _valid(YearMatch(start, end, int(groups["y"]), month, day))
    if kind == "bare_short" and _after_a_term().search(match.string, max(0, start - 8), start):
        return None
    if kind in ("short", "bare_short"):
        yy = int(groups.get("yy") or groups["yy2"])
        return _valid(YearMatch(start, end, two_digit_year(yy, published), month, day))
    base = published.year if published else None
    if kind == "this" and not (groups.get("f") or month):
        return None
    if kind in ("relative", "this"):
        offset = rules.load("dates")["relative_years"].get(re.sub(r"\s+", " ", groups.get("rel") or "올해"), 0)
        year = base + offset if base is not None else None
        return _valid(YearMatch(start, end, year, month, day, relative=base is not None, unresolved=base is None))
    if kind == "half":
        if _after_a_year().search(match.string, max(0, start - 8), start):
            return None
        if base is None:
            return YearMatch(start, end, None, unresolved=True)
        return _valid(YearMatch(start, end, base, relative=True))
    if kind == "rel_month":
        if published is None:
            return YearMatch(start, end, None, None, day, unresolved=True)
        moved = published.year * 12 + published.month - 1 + rules.load("dates")["relative_months"][
            re.sub(r"\s+", " ", groups["relm"])]
        return _valid(YearMatch(start, end, moved // 12, moved % 12 + 1, day, relative=True))
    if kind == "period":
        n = int(groups["n"])
        if base is None:
            return YearMatch(start, end, None, unresolved=True)
        backward = groups["dir"] in rules.load("dates")["periods"]["backward"]
        first, last = (base - n, base) if backward else (base, base + n)
        return _valid(YearMatch(start, end, None, start_year=first, end_year=last, relative=True))
    if kind == "from_period":
        n = int(groups["n"])
        if groups.get("y"):
            first = int(groups["y"])
        elif base is None:
            return YearMatch(start, end, None, unresolved=True)
        else:
            first = base + rules.load("dates")["relative_years"].get(groups["rel"], 0)
        return _valid(YearMatch(start, end, first, start_year=first, end_year=first + n - 1,
                                relative=not groups.get("y")))
    if kind == "month":
        if base is None or published is None or month is None:
            return YearMatch(start, end, None, month, day, unresolved=True)
        year = base
        move = groups.get("move")
        if move in rules.load("dates")["months"]["next"] and month < published.month:
            year += 1
        elif move in rules.load("dates")["months"]["last"] and month > published.month:
            year -= 1
        return _valid(YearMatch(start, end, year, month, day, relative=True))
    return None


@cache
def _after_a_year() -> re.Pattern[str]:
    return re.compile(rf"(?:{rules.alternation(rules.load('dates')['periods_of_year']['after'])}|\d)\s?$")


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
