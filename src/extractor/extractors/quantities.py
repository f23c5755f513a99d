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
from ..numbers import NumeralError, big_units, native_pair, parse_native, parse_numeral, range_low
from ..rules.schemas.dates import Dates
from ..rules.schemas.units import Bound, Units
from ..rules.templates import expand
from .hangul_numerals import cents, unit_ends, word_value
from .unit_words import read_unit

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
    bound: Bound | None = None
    previous_year: int | None = None


@dataclass(frozen=True)
class Patterns:
    """The compiled patterns of units.toml, built once per process."""

    unit_of: dict[str, str]
    big: re.Pattern[str]
    lead: re.Pattern[str]
    scale_noun: re.Pattern[str]
    year_gap: re.Pattern[str]
    year_tag: str
    age_head: re.Pattern[str]
    ranked_head: re.Pattern[str]


def lexicon() -> Units:
    return rules.get(Units)


@cache
def patterns() -> Patterns:
    data = lexicon()
    hangul = korean.HANGUL_CLASS
    dates = rules.get(Dates).placeholders()
    relative, apostrophe = dates["RELATIVE"], dates["APOSTROPHE"]
    return Patterns(
        unit_of=data.unit_of(),
        big=re.compile(f"[{big_units()}]"),
        lead=re.compile(rf"^(?:{rules.alternation(data.from_markers)})"),
        scale_noun=re.compile(rf"^\s?(?:{rules.alternation(data.scale_nouns)})"),
        year_tag=rf"[(\[]\s?{apostrophe}?\d{{2,4}}\s?(?:년도?)?\s?안?\s?[)\]]",
        year_gap=re.compile(rf"^\s*(?:{expand(data.year_gap, {'RELATIVE': relative, 'APOSTROPHE': apostrophe})}\s*)?$"),
        age_head=re.compile(rf"(?:{rules.alternation(data.age_heads)})[{hangul}]{{0,3}}$"),
        # a word ending in a ranked list's head, its particle after it (핵심과제를)
        ranked_head=re.compile(rf"(?:{rules.alternation(data.ranked_heads)})(?:{korean.particles_alternation()})?$"),
    )


def candidates(body: str) -> list[Candidate]:
    """Every number of the body that may be a quantity, in text order, read by its shape's reader."""
    data = lexicon()
    found = [c for shape in data.shapes for c in READERS[shape.id](body, data.shape(shape.id))]
    found.sort(key=lambda candidate: (candidate.start, -candidate.end))
    out: list[Candidate] = []
    for candidate in found:  # two shapes may read one number ($5억 and 5억): the longer wins
        if not out or candidate.start >= out[-1].end:
            out.append(candidate)
    return out


def _numerals(body: str, pattern: re.Pattern[str]) -> list[Candidate]:
    """Numbers written with digits or numeral words, with their units."""
    settings = patterns()
    out = []
    for match in pattern.finditer(body):
        number_start = match.start("num") if match.group("num") else match.start("word")
        reading = read_unit(body, match.group("unit"), number_start, match.end("unit"))
        if not reading.keep:
            continue
        unit = reading.unit
        numeral = match.group("num") or match.group("word")
        if unit is None and (match.group("word") or not settings.big.search(match.group("num2") or numeral)):
            continue  # a bare number says nothing measurable
        surface_unit = match.group("unit") if unit else None
        if surface_unit and surface_unit[-1].isascii() and _next_is_latin(body, match.end("unit")):
            continue
        if _blocked(body, number_start) or _not_a_count(body, match, numeral, surface_unit):
            continue
        if unit and _is_rate_base(body, match.end("unit")):
            continue
        value_of = _value(body, match, unit)
        if value_of is None:
            continue
        value, approx, high = value_of
        post = match.group("post")
        if unit is None:
            match_end = match.end("num2") if match.group("num2") else match.end("num")
            end = match.end("yeo") if match.group("yeo") else match_end
            if post in lexicon().bounds and not match.group("unit"):
                end = match.end("post")  # 100만 이상: a bound of a bare count
            else:
                post = None
        else:
            end = match.end()
        out.append(_candidate(match.start(), end, value, unit, match.group("pre"), post,
                              approx or bool(match.group("yeo") or match.group("vague")), high))
    return out


def _not_a_count(body: str, match: re.Match[str], numeral: str, surface_unit: str | None) -> bool:
    """10대 핵심과제, 30대 청년: N대 that ranks a list or names an age group."""
    return surface_unit == lexicon().ranked_unit and (
        _ranks_a_list(body, match.end("unit")) or _age_group(body, numeral, match.end("unit")))


def _is_rate_base(body: str, at: int) -> bool:
    """1명당, 100g당: the base of a rate."""
    marker = lexicon().rate_marker
    return body.startswith(marker, at) and unit_ends(body, at + len(marker))


def _value(body: str, match: re.Match[str], unit: str | None) -> tuple[float, bool, float | None] | None:
    """(value, approximate, high end of a range) of the number, cents added to dollars; None if none."""
    if match.group("word"):
        read = word_value(body, match, unit)
        if read is None:
            return None
        value, approx = read
        high = None
    else:
        try:
            value, approx = parse_numeral(match.group("num"))
            high = parse_numeral(match.group("num2"))[0] if match.group("num2") else None
        except NumeralError:
            return None
        if high is not None:
            value = range_low(value, match.group("num"), high, match.group("num2"))
    if match.group("cents"):
        cents_value = cents(match.group("cents"))
        if cents_value is None or unit not in lexicon().cent_of or high is not None:
            return None
        value += cents_value / 100
    return value, approx, high


def _signed(body: str, pattern: re.Pattern[str]) -> list[Candidate]:
    """Money with its sign or code before the number: $5, ₩10, EUR 20."""
    out = []
    for match in pattern.finditer(body):
        try:
            value, approx = parse_numeral(match.group("num"))
        except NumeralError:
            continue
        unit = lexicon().signs_before[match.group("sign")]
        out.append(_candidate(match.start(), match.end(), value, unit, match.group("pre"), match.group("post"),
                              approx, None))
    return out


def _natives(body: str, pattern: re.Pattern[str]) -> list[Candidate]:
    """Native numerals before a counter: 두 배, 세 곳, 스무 명, 서른다섯 명; 한두 명 is 1 to 2."""
    out = []
    idioms = lexicon().native_idioms
    for match in pattern.finditer(body):
        counter: str = match.group("unit")
        if any(body.startswith(idiom, match.start()) for idiom in idioms) or not unit_ends(body, match.end()) or (
                match.group("num") == lexicon().native_one and counter in lexicon().native_one_not_before):
            continue
        pair = native_pair(match.group("num"))
        try:
            value = float(pair[1] if pair else parse_native(match.group("num")))
        except NumeralError:
            continue
        unit = patterns().unit_of.get(counter, counter)
        low = float(pair[0]) if pair else None
        found = _candidate(match.start(), match.end(), low if low is not None else value, unit, None,
                           match.group("post"), pair is not None, value if pair else None)
        out.append(found)
    return out


# The reader of each shape id of rules/units.toml.
READERS: dict[str, Callable[[str, re.Pattern[str]], list[Candidate]]] = {
    "numerals": _numerals, "signed": _signed, "natives": _natives}


def _candidate(start: int, end: int, value: float, unit: str | None, pre: str | None,
               post: str | None, approx: bool, high: float | None) -> Candidate:
    data = lexicon()
    approximate = approx or pre in data.approximate_prefixes or post in data.approximate_suffixes
    qualifier = pre if pre in data.qualifier_prefixes else None
    if post in data.qualifier_suffixes:
        qualifier = data.qualifier_names.get(post or "", post)
    return Candidate(start, end, high if high is not None else value, unit, approximate, qualifier,
                     value if high is not None else None, high, bound=data.bounds.get(qualifier or ""))


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
