"""Korean numerals → values: digits, 십/백/천 and 만/억/조/경 groups, Sino-Korean and native words.

Pure functions without Kiwi, so every form can be tested from `tests/corpus/numbers.tsv`.
Values are computed with Decimal and returned as float, which holds every integer a
press release uses (below 2**53) exactly. The numeral words are `rules/units.toml`'s
`[numerals]`; the patterns built of them are compiled once per process.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import cache

from . import rules
from .rules.schemas.units import Numerals, Units


class NumeralError(ValueError):
    """The text is not a Korean numeral."""


@dataclass(frozen=True)
class _Tables:
    words: Numerals
    numeral: str
    native_tens: dict[str, int]
    pieces: re.Pattern[str]
    whole: re.Pattern[str]
    sino: re.Pattern[str]
    trailing_big: re.Pattern[str]
    # 만-groups from the largest down, then the ones: the order numerals are written in.
    groups: tuple[tuple[str, int], ...]


@cache
def _tables() -> _Tables:
    words = rules.get(Units).numerals
    big = "".join(words.big)
    units = "".join(words.small) + big
    approx = re.escape(words.approximate)
    sino = "".join(words.sino_digits)
    numeral = words.pattern()
    return _Tables(
        words=words, numeral=numeral,
        native_tens={w: v for w, v in words.native.items() if v >= 10 and v % 10 == 0},
        pieces=re.compile(rf"{words.digits}|[{units}{sino}]|{approx}"),
        whole=re.compile(rf"^{numeral}{approx}?$"),
        sino=re.compile(rf"^[{sino}{units}]+{approx}?$"),
        trailing_big=re.compile(rf"([{big}]){approx}?$"),
        groups=(*sorted(words.big.items(), key=lambda kv: -kv[1]), ("", 1)),
    )


def big_units() -> str:
    """The characters of the 만-groups (만억조경): a bare number with one is a quantity."""
    return "".join(_tables().words.big)


def range_low(value: float, low: str, high: float, high_text: str) -> float:
    """The low end (`value`, written `low`) of a range that writes 만/억/조 with its high end
    only: "3천~4천만원" is 3천만 to 4천만, "3~5억원" 3억 to 5억; "9천~1만 명" stays 9천,
    which 만 would put past 1만."""
    tables = _tables()
    trailing = tables.trailing_big.search(high_text.replace(" ", ""))
    if trailing is None or any(unit in low for unit in tables.words.big):
        return value
    scaled = value * tables.words.big[trailing.group(1)]
    return scaled if scaled <= high else value


def scaled_like(value: float, like: str) -> float:
    """A bare from-value in the 만/억/조 of the to-value it stands before: 150 → "420억 원" is 150억."""
    tables = _tables()
    groups = [ch for ch in like if ch in tables.words.big]
    return value * tables.words.big[groups[-1]] if groups else value


def parse_numeral(text: str) -> tuple[float, bool]:
    """(value, approximate) of a numeral; 여 inside it ("1천600여억") makes it approximate.

    Digits, Sino-Korean words (이천이십, 일점오) and native words (서른다섯) are read.
    """
    tables = _tables()
    words = tables.words
    compact = text.replace(" ", "")
    point = words.decimal_points[0]
    for variant in words.decimal_points[1:]:
        compact = compact.replace(variant, point)
    if point in compact and tables.sino.match(compact.replace(point, "", 1)):
        whole, _, fraction = compact.partition(point)
        if fraction and all(ch in words.sino_digits for ch in fraction):
            digits = "".join(str(words.sino_digits[ch]) for ch in fraction)
            zero = next(w for w, v in words.sino_digits.items() if v == 0)
            return float(Decimal(int(parse_numeral(whole or zero)[0])) + Decimal("0." + digits)), False
    if compact in words.native or compact[:2] in tables.native_tens or compact[:1] in tables.native_tens:
        try:
            return float(parse_native(compact)), False
        except NumeralError:
            pass
    if not (tables.whole.match(compact) or tables.sino.match(compact)):
        raise NumeralError(f"not a Korean numeral: {text!r}")
    return _sum(tables.pieces.findall(compact), words)


def _sum(pieces: list[str], words: Numerals) -> tuple[float, bool]:
    total = Decimal(0)
    section = Decimal(0)
    current: Decimal | None = None
    approximate = False
    for piece in pieces:
        if piece == words.approximate:
            approximate = True
        elif piece in words.small:
            section += (current if current is not None else Decimal(1)) * words.small[piece]
            current = None
        elif piece in words.big:
            written = current is not None or section != 0  # "억" alone is one 억, "0억" none
            section += current if current is not None else Decimal(0)
            total += (section if written else Decimal(1)) * words.big[piece]
            section, current = Decimal(0), None
        elif piece in words.sino_digits:
            current = Decimal(words.sino_digits[piece])
        else:
            current = _decimal(piece)
    total += section + (current if current is not None else Decimal(0))
    return float(total), approximate


def sino_word(word: str) -> float | None:
    """The value of a Sino-Korean numeral written out in Hangul, or None where the word is not one.

    Only a whole, well-formed number counts: its syllables must be the ones the number is
    written with (오십팔만천구백; 일 before a unit may be written or not: 일만, 만), so words that
    merely consist of numeral syllables (이사, 조사, 백천) are no numbers. A decimal (삼점사,
    일쩜이삼) is a well-formed whole part and digits after the point.
    """
    words = _tables().words
    point = next((p for p in words.decimal_points if p in word), None)
    whole, fraction = word.split(point, 1) if point else (word, "")
    if not whole or (point and not fraction) or any(ch not in words.sino_digits for ch in fraction):
        return None
    if len(whole) > 1 and words.big.get(whole[0], 0) > min(words.big.values()):
        return None  # 조사, 억지: a word that starts with 억 or 조 and goes on is no number
    try:
        value, _ = parse_numeral(whole)
    except NumeralError:
        return None
    if value != int(value) or _canonical(whole) != _canonical(to_hangul(int(value))):
        return None
    if fraction:
        return parse_numeral(f"{whole}{words.decimal_points[0]}{fraction}")[0]
    return value


def _canonical(word: str) -> str:
    """A Hangul numeral with 일 before its units dropped and digit variants unified (륙 → 육)."""
    words = _tables().words
    first = {v: k for k, v in reversed(words.sino_digits.items())}
    word = "".join(first[words.sino_digits[ch]] if ch in words.sino_digits else ch for ch in word)
    one = first[1]
    units = set(words.small) | set(words.big)
    return "".join(ch for i, ch in enumerate(word) if not (ch == one and word[i + 1:i + 2] in units))


def native_pair(word: str) -> tuple[int, int] | None:
    """(low, high) of two native numerals written as one word (한두 → 1, 2; 서너 → 3, 4)."""
    pair = _tables().words.native_pairs.get(word)
    return (pair[0], pair[1]) if pair else None


def parse_native(word: str) -> int:
    """The value of a native numeral word (두 → 2, 스무 → 20, 열두 → 12, 서른다섯 → 35)."""
    native, tens_words = _tables().words.native, _tables().native_tens
    if word in native:
        return native[word]
    for size in (2, 1):
        tens, units = word[:size], word[size:]
        if tens in tens_words and units in native and native[units] < 10:
            return tens_words[tens] + native[units]
    raise NumeralError(f"not a native numeral: {word!r}")


def _decimal(digits: str) -> Decimal:
    try:
        return Decimal(digits.replace(",", ""))
    except InvalidOperation as exc:
        raise NumeralError(f"bad digits {digits!r}") from exc


def to_hangul(value: int) -> str:
    """Render an integer in Sino-Korean words (이천이십); the inverse the property tests use."""
    words = _tables().words
    if value == 0:
        return next(w for w, v in words.sino_digits.items() if v == 0)
    # the first word of each digit (육, not its variant 륙); one is never written before a unit
    digit_words = {v: k for k, v in reversed(words.sino_digits.items())}
    smalls = sorted(words.small.items(), key=lambda kv: -kv[1])
    out = []
    for big, size in _tables().groups:
        group, value = divmod(value, size)
        if group:
            text = ""
            for small, small_size in smalls:
                digit, group = divmod(group, small_size)
                if digit:
                    text += ("" if digit == 1 else digit_words[digit]) + small
            text += digit_words[group] if group else ""
            out.append(text + big)
    return "".join(out)


def to_mixed(value: int, *, spaced: bool = False) -> str:
    """Render an integer as news writes it: digits per 만-group ("1조3천291억", "3만 5천")."""
    if value == 0:
        return "0"
    thousand = next(w for w, v in _tables().words.small.items() if v == 1000)
    parts = []
    for big, size in _tables().groups:
        group, value = divmod(value, size)
        if group:
            thousands, rest = divmod(group, 1000)
            parts.append((f"{thousands}{thousand}" if thousands else "") + (str(rest) if rest else "") + big)
    return (" " if spaced else "").join(parts)
