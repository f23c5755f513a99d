"""Numbers on the text: each numeral or native numeral with its unit, as a plain candidate.

Numbers are found by one linear regular expression (numerals are characters, not words,
and Kiwi splits "1천600여억원" into six tokens). What is not a measured quantity is
dropped here: dates and durations (5년, 3개월), ordinals (제2차), ranked lists (10대 과제),
age groups (30대 청년). The words are `rules/units.toml`'s.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from .. import korean, rules
from ..numbers import NumeralError, big_units, parse_native, parse_numeral, range_low
from ..rules.schemas.dates import Dates
from ..rules.schemas.units import Units
from ..rules.templates import expand

_JOINED_BEFORE = re.compile(r"\d[-.]$")


@dataclass(frozen=True, slots=True)
class Candidate:
    """A number found on the text, before it is merged and validated into an Indicator.

    Most candidates of a dense document are from-values merged into the next one: they
    are plain values until then, so validation runs once per record that is kept.
    """

    start: int
    end: int
    value: float
    unit: str | None
    approximate: bool
    qualifier: str | None
    low: float | None
    high: float | None
    previous: tuple[float, str] | None = None


@dataclass(frozen=True)
class Patterns:
    """The compiled patterns of units.toml, built once per process."""

    unit_of: dict[str, str]
    big: re.Pattern[str]
    lead: re.Pattern[str]
    scale_noun: re.Pattern[str]
    year_gap: re.Pattern[str]
    age_head: re.Pattern[str]
    ranked_head: re.Pattern[str]


def lexicon() -> Units:
    return rules.get(Units)


@cache
def patterns() -> Patterns:
    data = lexicon()
    hangul = korean.HANGUL_CLASS
    relative = rules.get(Dates).placeholders()["RELATIVE"]
    return Patterns(
        unit_of=data.unit_of(),
        big=re.compile(f"[{big_units()}]"),
        lead=re.compile(rf"^(?:{rules.alternation(data.from_markers)})"),
        scale_noun=re.compile(rf"^\s?(?:{rules.alternation(data.scale_nouns)})"),
        year_gap=re.compile(rf"^\s*(?:{expand(data.year_gap, {'RELATIVE': relative})}\s*)?$"),
        age_head=re.compile(rf"(?:{rules.alternation(data.age_heads)})[{hangul}]{{0,3}}$"),
        # a word ending in a ranked list's head, its particle after it (핵심과제를)
        ranked_head=re.compile(rf"(?:{rules.alternation(data.ranked_heads)})(?:{korean.particles_alternation()})?$"),
    )


def candidates(body: str) -> list[Candidate]:
    """Every number of the body that may be a quantity, in text order, read by its shape's reader."""
    data = lexicon()
    found = [c for shape in data.shapes for c in READERS[shape.id](body, data.shape(shape.id))]
    found.sort(key=lambda candidate: candidate.start)
    return found


def _numerals(body: str, pattern: re.Pattern[str]) -> list[Candidate]:
    """Numbers written with digits or numeral words, with their units."""
    settings = patterns()
    out = []
    for match in pattern.finditer(body):
        surface_unit = match.group("unit")
        unit = settings.unit_of.get(surface_unit) if surface_unit else None
        if surface_unit and unit is None:
            continue  # a date, duration or ordinal: 5년, 3개월, 2차
        if match.group("word") and not _is_word_numeral(match, unit):
            continue
        numeral = match.group("num") or match.group("word")
        if unit is None and not settings.big.search(match.group("num2") or numeral):
            continue  # a bare number says nothing measurable
        if unit and surface_unit and surface_unit[-1].isascii() and _next_is_latin(body, match.end("unit")):
            continue
        if _blocked(body, match.start("num") if match.group("num") else match.start("word")):
            continue
        if surface_unit == lexicon().ranked_unit and (
                _ranks_a_list(body, match.end("unit")) or _age_group(body, numeral, match.end("unit"))):
            continue
        try:
            value, approx = parse_numeral(numeral)
            high = parse_numeral(match.group("num2"))[0] if match.group("num2") else None
            if high is not None:
                value = range_low(value, numeral, high, match.group("num2"))
        except NumeralError:
            continue
        if unit is None:
            match_end = match.end("num2") if match.group("num2") else match.end("num")  # a word has a unit
            end = match.end("yeo") if match.group("yeo") else match_end
        else:
            end = match.end()
        out.append(_candidate(match.start(), end, value, unit, match.group("pre"),
                              match.group("post") if unit else None,
                              approx or bool(match.group("yeo") or match.group("vague")), high))
    return out


def _is_word_numeral(match: re.Match[str], unit: str | None) -> bool:
    """수십억원, 수백 명, 천여 명, 만 원: numerals written as words, which need a unit.

    Without 수/몇 or 여 the word must stand apart from its unit ("천 명"), since "천명하다"
    and "만원 버스" are words of their own.
    """
    if unit is None:
        return False
    if match.group("vague") or match.group("yeo"):
        return True
    return match.start("unit") > match.end("word")


def _natives(body: str, pattern: re.Pattern[str]) -> list[Candidate]:
    """Native numerals before a counter: 두 배, 세 곳, 스무 명."""
    out = []
    for match in pattern.finditer(body):
        try:
            value = float(parse_native(match.group("num")))
        except NumeralError:
            continue
        counter: str = match.group("unit")
        unit = patterns().unit_of.get(counter, counter)
        out.append(_candidate(match.start(), match.end(), value, unit, None, match.group("post"), False, None))
    return out


# The reader of each shape id of rules/units.toml.
READERS: dict[str, Callable[[str, re.Pattern[str]], list[Candidate]]] = {"numerals": _numerals, "natives": _natives}


def _candidate(start: int, end: int, value: float, unit: str | None, pre: str | None,
               post: str | None, approx: bool, high: float | None) -> Candidate:
    data = lexicon()
    approximate = approx or pre in data.approximate_prefixes or post in data.approximate_suffixes
    qualifier = pre if pre in data.qualifier_prefixes else None
    if post in data.qualifier_suffixes:
        qualifier = data.qualifier_names.get(post or "", post)
    return Candidate(start, end, high if high is not None else value, unit, approximate, qualifier,
                     value if high is not None else None, high)


def _ranks_a_list(body: str, at: int) -> bool:
    return any(patterns().ranked_head.search(word) for word in body[at:at + 40].split(maxsplit=2)[:2])


def _age_group(body: str, numeral: str, at: int) -> bool:
    """30대 청년, 20대 국회: a round N대 (10 … 90) before a word of people or of an assembly."""
    if not (len(numeral) == 2 and numeral.isdigit() and numeral.endswith("0")):
        return False
    following = body[at:at + 12].split(maxsplit=1)
    return bool(following) and patterns().age_head.match(following[0]) is not None


def _blocked(body: str, at: int) -> bool:
    before = body[max(0, at - 3):at]
    if before.endswith(lexicon().blocking_prefixes):
        return True
    # The later parts of phone numbers, ids and dotted dates: digits joined by '-' or '.'.
    # (Their first part has no unit, so it never becomes an indicator.)
    return bool(_JOINED_BEFORE.search(before))


def _next_is_latin(body: str, at: int) -> bool:
    return at < len(body) and body[at].isascii() and body[at].isalpha()
