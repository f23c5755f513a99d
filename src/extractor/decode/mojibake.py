"""Korean text once read in a wrong single-byte charset and saved again, read back.

A module of its own: decoding picks an encoding for bytes, this repairs text that an
earlier program already decoded wrongly (±èÇå¼ö for 김헌수), which no choice of
encoding for the bytes at hand can undo.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from .. import rules
from ..korean import HANGUL
from ..rules.schemas.mojibake import Mojibake

_MIN_MOJIBAKE = 20
# Windows-1252's letters for the bytes 0x80-0x9F (€, ‚, ƒ …): mojibake read through it has them.
_CP1252 = {bytes([b]).decode("cp1252"): b for b in range(0x80, 0xA0) if b not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)}
_HIGH = "\\x80-\\xff" + "".join(_CP1252)
_LATIN1 = re.compile(f"[{_HIGH}]")
# A lenient scraper that tried UTF-8 first read CP949 bytes that happen to be valid UTF-8
# as one letter ('ȸ' for the bytes of 회, 'Ư' for those of 특, '泲' for three): inside a
# run of mojibake such letters stand for their UTF-8 bytes.
_PAIRED = "\\u0100-\\uffff"
# A run of mojibake: those letters with the ASCII between them (a CP949 trail byte may be ASCII).
_LATIN1_RUN = re.compile(f"[{_HIGH}][\\x00-\\xff{''.join(_CP1252)}{_PAIRED}]*[{_HIGH}]|[{_HIGH}]")
# UTF-8 taken for Thai (Windows-874, a charset detector's guess for short Korean pages):
# 0xA1-0xFB are the Thai letters U+0E01-U+0E5B, and the bytes 0x80-0xA0 that a Hangul
# syllable's UTF-8 also holds come out as Latin-1 or Windows-1252 ('๋กœ' for the bytes of 로).
_THAI_BYTES = {chr(0x0E00 + b - 0xA0): b for b in (*range(0xA1, 0xDB), *range(0xDF, 0xFC))}
_THAI = re.compile("[\u0e01-\u0e5b]")
_THAI_RUN = re.compile(f"[\u0e01-\u0e5b{_HIGH}]+")


def unmojibake(text: str) -> tuple[str, str | None, str | None]:
    """Korean text that was once read in a wrong single-byte charset and saved again:
    (repaired text, its encoding, the charset it was taken for).

    Archives are full of it ("±èÇå¼ö" for 김헌수): a scraper took CP949 or UTF-8 bytes
    for Latin-1, or UTF-8 for Thai. Those characters map back to the original bytes one
    to one, so each run of them is re-read; the repair is kept only when it turns a text
    without Hangul into Korean. (ftfy repairs the UTF-8-as-Latin-1 case only, and CP949
    is the common one here, so this stays our own.)
    """
    sample = text[:20000]
    hangul_before = len(HANGUL.findall(sample))
    latin, thai = len(_LATIN1.findall(sample)), len(_THAI.findall(sample))
    # The charset whose letters the text is mostly made of first: Thai mojibake holds some
    # Windows-1252 letters too, which CP949 would happily pair up into nonsense.
    readings = [(latin, "cp949", "Latin-1"), (latin, "utf-8", "Latin-1")]
    readings.insert(0 if thai > latin else 2, (thai, "utf-8", "Thai"))
    for found, target, read_as in readings:
        if found < _MIN_MOJIBAKE or hangul_before > 0.1 * found:
            continue
        # A Hangul syllable is 2 bytes in CP949, 3 in UTF-8: the repair must yield about that
        # many, and next to no undecodable bytes (French or Thai text yields neither).
        fixed = _reread(sample, target, read_as)
        hangul = len(HANGUL.findall(fixed))
        if hangul > 0.25 * found and fixed.count("\ufffd") <= 0.05 * hangul:
            return _reread(text, target, read_as), target, read_as
    return text, None, None


def doubtful_syllables(text: str) -> list[str]:
    """The syllables a CP949 repair of `text` had to guess, in text order.

    A scraper that read the bytes as Windows-1252 loses the five it has no letter for (81, 8D,
    8F, 90, 9D) and a soft hyphen (AD) vanishes on screen: the run's pairs then shift, and
    the repair pairs the next letter's UTF-8 bytes instead ('¼' as C2 BC, 쩌 where 서 was).
    Such a pair that is no frequent syllable stands where another was lost: a name holding
    it is damaged text, not a name to trust.
    """
    runs = [run.group() for run in _LATIN1_RUN.finditer(text)]
    if any(ord(ch) >= 0x100 and ch not in _CP1252 for run in runs for ch in run):
        return []  # a scraper that tried UTF-8 first wrote those C2/C3 letters itself ('û' for 청)
    doubts: list[str] = []
    for run in runs:
        _cp949_text(run, doubts)
    return doubts


def _reread(text: str, encoding: str, read_as: str) -> str:
    if read_as == "Thai":
        return _THAI_RUN.sub(lambda run: bytes(map(_thai_byte, run.group())).decode(encoding, errors="replace"), text)
    if encoding == "cp949":
        return _LATIN1_RUN.sub(lambda run: _cp949_text(run.group()), text)
    return _LATIN1_RUN.sub(lambda run: _single_bytes(run.group()).decode(encoding, errors="replace"), text)


def _thai_byte(ch: str) -> int:
    return _THAI_BYTES.get(ch) or _CP1252.get(ch) or ord(ch)


def _single_bytes(run: str) -> bytes:
    return b"".join(_byte_reading(ch) for ch in run)


def _byte_reading(ch: str) -> bytes:
    """The likeliest bytes of a letter of mojibake: its byte as Latin-1 or Windows-1252,
    or, beyond those, its UTF-8 bytes."""
    single = _CP1252.get(ch, ord(ch))
    return bytes([single]) if single < 0x100 else ch.encode("utf-8")


def _readings(ch: str) -> list[bytes | str]:
    """What a letter of mojibake may have been read from: the likeliest bytes first, then
    its own UTF-8 bytes where a scraper tried UTF-8 first, or the letter itself (a page's ∼
    or ‘ written as an entity) where it is no Latin-1 letter."""
    first = _byte_reading(ch)
    if ord(ch) < 0x80:
        return [first]
    utf8 = ch.encode("utf-8")
    others: list[bytes | str] = [utf8] if utf8 != first else []
    if ch in _CP1252 or ord(ch) >= 0x100:  # ‘ ’ “ … and ∼ ※: maybe the page's own
        others.append(ch)
    return [first, *others]


# A CP949 pair scored by how Korean text uses it: symbols and Hangul (lead A1-C8, trail
# A1-FE) are what articles are made of; Hanja and the extended Hangul are rare but valid.
_COMMON = 2
_RARE = 0
_INVALID = -5
# A letter read as UTF-8 needs its bytes to have happened to form a UTF-8 sequence: less
# likely than a byte read alone, so such a reading must pay for itself in pairs.
_UTF8_READING = -2.5
# Greek, Cyrillic and the Latin extensions hardly stand in a Korean article as themselves;
# punctuation and symbols from U+2000 on (∼ ※ ‘) do.
_LITERAL_LETTER = -4.0


def _pair_score(lead: int, trail: int) -> int:
    if 0xA1 <= lead <= 0xC8 and 0xA1 <= trail <= 0xFE:
        return _COMMON + int(bytes([lead, trail]) in _frequent_pairs())
    if 0x81 <= lead <= 0xFE and (0x41 <= trail <= 0x5A or 0x61 <= trail <= 0x7A or 0x81 <= trail <= 0xFE):
        return _RARE
    return _INVALID


@cache
def _frequent_pairs() -> frozenset[bytes]:
    syllables = "".join(rules.get(Mojibake).frequent_syllables.split())
    return frozenset(ch.encode("cp949") for ch in syllables)


def _cp949_text(run: str, doubts: list[str] | None = None) -> str:
    """A run of CP949 mojibake read back, where each letter may stand for one byte or for
    two or three (a scraper that tried UTF-8 first read 'û' from C3 BB, the bytes of 청):
    of every way to read the run, the one whose bytes pair up as Korean text.

    A Viterbi pass: the state is the lead byte waiting for its trail (None between pairs).
    """
    # state -> (score, node); a node is (previous node, reading) so that paths share their past
    paths: dict[int | None, tuple[float, Any]] = {None: (0.0, None)}
    for ch in run:
        following: dict[int | None, tuple[float, Any]] = {}
        for pending, (score, node) in paths.items():
            for reading in _readings(ch):
                state: int | None = pending
                if isinstance(reading, str):  # the letter itself: a pair must not be left open
                    gained = (0.0 if state is None else _INVALID) + (_LITERAL_LETTER if ch < "\u2000" else 0.0)
                    state = None
                else:
                    gained = 0.0 if len(reading) == 1 else _UTF8_READING
                    for byte in reading:
                        if state is not None:
                            gained += _pair_score(state, byte)
                            state = None
                        elif byte >= 0x80:
                            state = byte
                if state not in following or following[state][0] < score + gained:
                    following[state] = (score + gained, (node, reading))
        paths = following
    best = max(paths.items(), key=lambda item: item[1][0] + (_INVALID if item[0] is not None else 0))
    readings: list[bytes | str] = []
    node = best[1][1]
    while node is not None:
        node, reading = node
        readings.append(reading)
    if doubts is not None:
        doubts.extend(_guessed_pairs(list(reversed(readings))))
    out, pending_bytes = [], bytearray()
    for reading in reversed(readings):
        if isinstance(reading, str):
            out.append(pending_bytes.decode("cp949", errors="replace") + reading)
            pending_bytes = bytearray()
        else:
            pending_bytes += reading
    out.append(pending_bytes.decode("cp949", errors="replace"))
    return "".join(out)


def _guessed_pairs(readings: list[bytes | str]) -> list[str]:
    """The rare syllables whose pair holds bytes of a Latin-1 letter read as its UTF-8 (C2/C3 xx)."""
    data, guessed = bytearray(), []
    for reading in readings:
        if isinstance(reading, str):
            reading = b" "  # a literal letter closes any pair, as in the repair
        data += reading
        guessed += [len(reading) == 2 and reading[0] in (0xC2, 0xC3)] * len(reading)
    found, i = [], 0
    while i < len(data):
        if data[i] >= 0x80 and i + 1 < len(data):
            pair = bytes(data[i:i + 2])
            if (guessed[i] or guessed[i + 1]) and pair not in _frequent_pairs():
                found.append(pair.decode("cp949", errors="replace"))
            i += 2
        else:
            i += 1
    return found

