"""Sino-Korean numerals written in Hangul before a unit: 삼십오 명, 이천칠백삼십오만원, 백원, 구파운드.

Numeral syllables are ordinary words as often as numbers (일원, 사명, 구원, 천명하다, 만세, 조사,
이사회), so a word counts only when it is a whole, well-formed number (numbers.sino_word) with a
unit, the unit ends the word, and a word of one syllable stands apart from its unit or is glued
to money (rules/units.toml's hangul_* lists). Anything that only might be a number is no number.
"""

from __future__ import annotations

import re
from functools import cache

from .. import korean, rules
from ..numbers import NumeralError, parse_numeral, sino_word
from ..rules.schemas.units import Units


def _lexicon() -> Units:
    return rules.get(Units)


@cache
def _unit_end() -> re.Pattern[str]:
    """What may follow a unit glued to a word numeral: no Hangul, a particle or a suffix (백원짜리)."""
    words = rules.alternation(_lexicon().hangul_unit_followers)
    return re.compile(rf"(?:{korean.particles_alternation()}|{words}){{0,3}}{korean.NOT_BEFORE_HANGUL}")


def unit_ends(body: str, at: int) -> bool:
    """The word ends at `at`, or only a particle or a suffix follows there (백원짜리, 두 명이)."""
    return _unit_end().match(body, at) is not None


@cache
def _full_house() -> re.Pattern[str]:
    return re.compile(rf"\s?(?:{rules.alternation(_lexicon().full_house_after)})")


def word_value(body: str, match: re.Match[str], unit: str | None) -> tuple[float, bool] | None:
    """(value, approximate) of the word numeral of `match` (group "word"), or None where it is no number.

    수십억원, 수백 명 (수/몇 before multipliers) and 천여 명 keep their old readings: the order of
    magnitude, approximate.
    """
    word = match.group("word")
    if unit is None or not word:
        return None
    data = _lexicon()
    if body[max(0, match.start() - 1):match.start()] in data.name_quotes:
        return None  # '천원 아침밥': a name
    multipliers = set(data.numerals.small) | set(data.numerals.big)
    if match.group("vague"):
        if not all(ch in multipliers for ch in word):
            return None
        return _parsed(word, approximate=True)
    surface = match.group("unit")
    apart = match.start("unit") > match.end("word")
    if len(word) == 1:
        if apart and word in multipliers:
            return _parsed(word, approximate=bool(match.group("yeo")))
        # a lone digit before 불 only with its cents: 이불이십삼센트 (이불 alone is a blanket)
        lone = data.hangul_money_units if match.group("cents") else data.hangul_digit_units
        allowed = data.hangul_money_units if word in multipliers else lone
        if apart or surface not in allowed or not _unit_end().match(body, match.end()):
            return None
        if word == next(iter(data.numerals.big)) and _full_house().match(body, match.end("unit")):
            return None  # 만원 버스: full, not 10,000 won
    elif not _unit_end().match(body, match.end()):
        return None
    value = sino_word(word)
    if value is None:
        return None
    if surface == data.ranked_unit and value < 100 and value % 10 == 0:
        return None  # 삼십대, 사십대: an age group
    return value, bool(match.group("yeo"))


def cents(text: str) -> float | None:
    """The value of the cents after dollars (23, 이십삼)."""
    if text.isdigit():
        return float(text)
    return sino_word(text)


def _parsed(word: str, *, approximate: bool) -> tuple[float, bool] | None:
    try:
        value, approx = parse_numeral(word)
    except NumeralError:
        return None
    return value, approx or approximate
