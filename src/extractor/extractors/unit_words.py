"""What the word after a number makes of it: a unit, no unit at all, or no quantity.

Most surfaces are plain units (명, 억원, ㎿). Three need the text around them:
- a non-unit (시, 일, 기) that only begins a longer word is no unit: "250만 시민" and
  "인구 50만 시대" are bare counts, while 5년간, 3일째 and 3만 년의 stay durations;
- 인 counts people before a bound, 중 or a particle ("5인 이상", "5인 중"), not in names
  ("1인 가구", "1인 시위") or rates (1인당);
- 기 counts facilities only where a facility noun stands shortly before it in the sentence
  (급속충전기 3,400기), never in 민선 8기, 3기 신도시, 제5기.
The words are rules/units.toml's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from .. import korean, rules
from ..rules.schemas.units import Units
from .hangul_numerals import unit_ends

# Sentence ends a facility noun must not stand beyond.
_SENTENCE_END = re.compile(r"[.!?。\n]\s")


@dataclass(frozen=True, slots=True)
class UnitReading:
    """`unit` is the canonical unit or None (a bare number); `keep` is False for no quantity."""

    unit: str | None
    keep: bool


_DROP = UnitReading(None, keep=False)
_BARE = UnitReading(None, keep=True)


def _lexicon() -> Units:
    return rules.get(Units)


@cache
def _non_unit_start() -> re.Pattern[str]:
    """A non-unit that goes on as itself: a continuation (5년간, 3일째) or a particle (3만 년의)."""
    data = _lexicon()
    words = rules.alternation([*data.non_unit_continuations, *korean.lexicon().particles])
    return re.compile(rf"(?:{words})|{korean.NOT_BEFORE_HANGUL}")


@cache
def _person_end() -> re.Pattern[str]:
    words = rules.alternation(_lexicon().person_counter_followers)
    return re.compile(rf"\s?(?:{words})")


@cache
def _unit_of() -> dict[str, str]:
    return _lexicon().unit_of()


@cache
def _non_units() -> frozenset[str]:
    return frozenset(_lexicon().non_units)


def read_unit(body: str, surface: str | None, number_start: int, unit_end: int) -> UnitReading:
    """The reading of the unit surface that ends at `unit_end`, after a number that starts at `number_start`."""
    if not surface:
        return _BARE
    data = _lexicon()
    if surface == data.person_counter:
        # 1인 가구 and 1인당 have no big unit and are dropped as bare numbers; 2,326조인가 is 2,326조
        follower = _person_end().match(body, unit_end)
        return UnitReading(data.person_unit, keep=True) if follower and unit_ends(body, follower.end()) else _BARE
    if surface == data.facility_unit and _counts_facilities(body, number_start, unit_end):
        return UnitReading(data.facility_unit, keep=True)
    unit = _unit_of().get(surface)
    if unit is not None:
        return UnitReading(unit, keep=True)
    if surface in _non_units() and len(surface) == 1 and not _non_unit_start().match(body, unit_end):
        return _BARE  # 250만 시민, 인구 50만 시대, 10만 일자리
    return _DROP  # a date, duration or ordinal: 5년, 3개월, 2차


def _counts_facilities(body: str, number_start: int, unit_end: int) -> bool:
    data = _lexicon()
    before = body[max(0, number_start - data.facility_reach):number_start]
    if before.rstrip().endswith(data.facility_not_after):
        return False
    if body[unit_end:unit_end + 6].lstrip().startswith(data.facility_not_before):
        return False
    ends = list(_SENTENCE_END.finditer(before))
    if ends:
        before = before[ends[-1].end():]
    return any(noun in before for noun in data.facility_nouns)
