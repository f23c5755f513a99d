"""Korean numerals → values: digits, 십/백/천 and 만/억/조/경 groups, Sino-Korean and native words.

Pure functions without Kiwi, so every form can be tested from `tests/corpus/numbers.tsv`.
Values are computed with Decimal and returned as float, which holds every integer a
press release uses (below 2**53) exactly.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

SMALL_UNITS = {"십": 10, "백": 100, "천": 1000}
BIG_UNITS = {"만": 10**4, "억": 10**8, "조": 10**12, "경": 10**16}
SINO_DIGITS = {"영": 0, "공": 0, "일": 1, "이": 2, "삼": 3, "사": 4, "오": 5, "육": 6, "륙": 6,
               "칠": 7, "팔": 8, "구": 9}
# Native numerals as they stand before a counter (두 배, 세 곳, 스무 명).
NATIVE = {"한": 1, "하나": 1, "두": 2, "둘": 2, "세": 3, "셋": 3, "석": 3, "서": 3, "네": 4, "넷": 4,
          "넉": 4, "다섯": 5, "여섯": 6, "일곱": 7, "여덟": 8, "아홉": 9, "열": 10, "스무": 20,
          "스물": 20, "서른": 30, "마흔": 40, "쉰": 50, "예순": 60, "일흔": 70, "여든": 80, "아흔": 90}

_NATIVE_TENS = {w: v for w, v in NATIVE.items() if v >= 10 and v % 10 == 0}

DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
# A numeral that starts with a digit: "1조3천291억", "3만 5천", "1천600여억", "1,234억 5,678만",
# and a 만-group's unit written apart, as pages often do: "3천여 만원", "5백 만 명".
# Every repetition consumes a unit character, so the pattern cannot backtrack badly.
NUMERAL = rf"(?:{DIGITS})(?:(?:여?[십백천만억조경]|여?\s[만억조경](?!큼))(?:\s?(?:{DIGITS}))?)*"
_PIECES = re.compile(rf"{DIGITS}|[십백천만억조경{''.join(SINO_DIGITS)}]|여")
_NUMERAL = re.compile(rf"^{NUMERAL}여?$")
_SINO = re.compile(rf"^[{''.join(SINO_DIGITS)}십백천만억조경]+여?$")


# 만-groups from the largest down, then the ones: the order numerals are written in.
_GROUPS = [*sorted(BIG_UNITS.items(), key=lambda kv: -kv[1]), ("", 1)]


class NumeralError(ValueError):
    """The text is not a Korean numeral."""


_TRAILING_BIG = re.compile(r"([만억조경])여?$")


def range_low(value: float, low: str, high: float, high_text: str) -> float:
    """The low end (`value`, written `low`) of a range that writes 만/억/조 with its high end
    only: "3천~4천만원" is 3천만 to 4천만, "3~5억원" 3억 to 5억; "9천~1만 명" stays 9천,
    which 만 would put past 1만."""
    trailing = _TRAILING_BIG.search(high_text.replace(" ", ""))
    if trailing is None or any(unit in low for unit in BIG_UNITS):
        return value
    scaled = value * BIG_UNITS[trailing.group(1)]
    return scaled if scaled <= high else value


def parse_numeral(text: str) -> tuple[float, bool]:
    """(value, approximate) of a numeral; 여 inside it ("1천600여억") makes it approximate.

    Digits, Sino-Korean words (이천이십, 일점오) and native words (서른다섯) are read.
    """
    compact = text.replace(" ", "")
    if "점" in compact and _SINO.match(compact.replace("점", "", 1)):
        whole, _, fraction = compact.partition("점")
        if fraction and all(ch in SINO_DIGITS for ch in fraction):
            digits = "".join(str(SINO_DIGITS[ch]) for ch in fraction)
            return float(Decimal(int(parse_numeral(whole or "영")[0])) + Decimal("0." + digits)), False
    if compact in NATIVE or compact[:2] in _NATIVE_TENS or compact[:1] in _NATIVE_TENS:
        try:
            return float(parse_native(compact)), False
        except NumeralError:
            pass
    if not (_NUMERAL.match(compact) or _SINO.match(compact)):
        raise NumeralError(f"not a Korean numeral: {text!r}")
    total = Decimal(0)
    section = Decimal(0)
    current: Decimal | None = None
    approximate = False
    for piece in _PIECES.findall(compact):
        if piece == "여":
            approximate = True
        elif piece in SMALL_UNITS:
            section += (current if current is not None else Decimal(1)) * SMALL_UNITS[piece]
            current = None
        elif piece in BIG_UNITS:
            written = current is not None or section != 0  # "억" alone is one 억, "0억" none
            section += current if current is not None else Decimal(0)
            total += (section if written else Decimal(1)) * BIG_UNITS[piece]
            section, current = Decimal(0), None
        elif piece in SINO_DIGITS:
            current = Decimal(SINO_DIGITS[piece])
        else:
            current = _decimal(piece)
    total += section + (current if current is not None else Decimal(0))
    return float(total), approximate


def parse_native(word: str) -> int:
    """The value of a native numeral word (두 → 2, 스무 → 20, 열두 → 12, 서른다섯 → 35)."""
    if word in NATIVE:
        return NATIVE[word]
    for size in (2, 1):
        tens, units = word[:size], word[size:]
        if tens in _NATIVE_TENS and units in NATIVE and NATIVE[units] < 10:
            return _NATIVE_TENS[tens] + NATIVE[units]
    raise NumeralError(f"not a native numeral: {word!r}")


def _decimal(digits: str) -> Decimal:
    try:
        return Decimal(digits.replace(",", ""))
    except InvalidOperation as exc:
        raise NumeralError(f"bad digits {digits!r}") from exc


def to_hangul(value: int) -> str:
    """Render an integer in Sino-Korean words (이천이십); the inverse the property tests use."""
    if value == 0:
        return "영"
    digit_words = {v: k for k, v in SINO_DIGITS.items() if k not in ("영", "공", "륙")}
    out = []
    for big, size in _GROUPS:
        group, value = divmod(value, size)
        if group:
            words = ""
            for small, small_size in (("천", 1000), ("백", 100), ("십", 10)):
                digit, group = divmod(group, small_size)
                if digit:
                    words += ("" if digit == 1 else digit_words[digit]) + small
            words += digit_words[group] if group else ""
            out.append(words + big)
    return "".join(out)


def to_mixed(value: int, *, spaced: bool = False) -> str:
    """Render an integer as news writes it: digits per 만-group ("1조3천291억", "3만 5천")."""
    if value == 0:
        return "0"
    parts = []
    for big, size in _GROUPS:
        group, value = divmod(value, size)
        if group:
            thousands, rest = divmod(group, 1000)
            parts.append((f"{thousands}천" if thousands else "") + (str(rest) if rest else "") + big)
    return (" " if spaced else "").join(parts)
