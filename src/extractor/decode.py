"""Bytes → text, naming the encoding used and what had to be repaired.

Korean archives hold UTF-8 (with or without BOM), UTF-16 with BOM and CP949/EUC-KR,
and HTML pages whose declared charset is sometimes wrong. Strict UTF-8 is tried before
any declaration because a CP949 byte stream almost never decodes as valid UTF-8, while
a UTF-8 page declared as euc-kr is a common archiving accident. The reverse is not true
(much UTF-8 also decodes as CP949, into mojibake), so text that is UTF-8 but for a cut
last character or a few bad bytes is repaired as UTF-8, with a warning, never re-read
as CP949. Files that mix the two are decoded line by line.
"""

from __future__ import annotations

import codecs
import gzip
import io
import re
import unicodedata
import zlib
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from . import rules
from .errors import InputError
from .korean import HANGUL
from .rules.schemas.mojibake import Mojibake

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Formats that are no article, by their magic bytes.
_MAGIC = ((b"\x89PNG", "a PNG image"), (b"%PDF", "a PDF document"), (b"GIF8", "a GIF image"),
          (b"\xff\xd8\xff", "a JPEG image"), (b"PK\x03\x04", "a ZIP archive"), (b"\x7fELF", "an executable"),
          (b"\xd0\xcf\x11\xe0", "an MS Office document"), (b"Rar!", "a RAR archive"))
_GZIP = b"\x1f\x8b"
_DECLARED = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_\-]{2,20})""", re.I)
# CP949 is a superset of EUC-KR: decoding every Korean declaration as CP949 loses nothing.
_ALIASES = {"euc-kr": "cp949", "euckr": "cp949", "ks_c_5601-1987": "cp949", "ksc5601": "cp949",
            "x-windows-949": "cp949", "windows-949": "cp949", "uhc": "cp949", "utf8": "utf-8"}
# Share of characters that must be readable: not control characters, not U+FFFD, not
# private-use code points (what binary data decodes to).
_MIN_READABLE = 0.9
_UNREADABLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffd\ue000-\uf8ff\U000f0000-\U0010ffff]")
# At most this share of bad bytes is repaired as UTF-8; more means another encoding.
_MAX_BAD_UTF8 = 0.002
_MAX_NUL = 0.01
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


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    warnings: list[str] = field(default_factory=list)


def decode(data: bytes, *, max_bytes: int | None = None) -> Decoded:
    """Decode an article's bytes, or raise InputError when nothing readable comes out."""
    warnings: list[str] = []
    if data.startswith(_GZIP):
        data = _gunzip(data, max_bytes)
        warnings.append("input was gzip-compressed")
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            raise InputError(f"binary data: {kind}, not an article")
    if not data.strip():
        raise InputError("empty input" if not data else "input holds only whitespace")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _checked(data.decode(encoding, errors="replace"), encoding, warnings)
    if data.count(b"\x00") and not data.startswith((b"\x00", b"\xff\xfe", b"\xfe\xff")):
        if data.count(b"\x00") > _MAX_NUL * len(data):
            raise InputError("binary data (NUL bytes), not an article")
        data = data.replace(b"\x00", b"")
        warnings.append("NUL bytes removed")
    for encoding in _candidates(data):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as exc:
            if encoding == "utf-8" and _mostly_utf8(data, exc):
                warnings.append("invalid UTF-8 bytes replaced (truncated or damaged input)")
                return _checked(data.decode("utf-8", errors="replace"), "utf-8", warnings)
            if exc.start >= len(data) - 3 and _decodes(data[:exc.start], encoding):
                warnings.append(f"the last character was cut off ({encoding})")
                return _checked(data[:exc.start].decode(encoding), encoding, warnings)
            continue
        except LookupError:
            continue
        return _checked(text, encoding, warnings)
    return _by_line(data, warnings)


def _gunzip(data: bytes, max_bytes: int | None) -> bytes:
    limit = max_bytes or 64 * 1024 * 1024
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as stream:
            out = stream.read(limit + 1)
    except (OSError, EOFError, zlib.error) as exc:
        raise InputError(f"damaged gzip data: {exc}") from exc
    if len(out) > limit:
        raise InputError(f"gzip data unpacks to over {limit} bytes")
    return out


def _decodes(data: bytes, encoding: str) -> bool:
    try:
        data.decode(encoding)
    except UnicodeDecodeError:
        return False
    return True


def _mostly_utf8(data: bytes, error: UnicodeDecodeError) -> bool:
    if error.start >= len(data) - 3 and error.reason == "unexpected end of data":
        return True  # only the last character was cut
    bad = data.decode("utf-8", errors="replace").count("\ufffd")
    return bad <= max(1, _MAX_BAD_UTF8 * len(data))


def _by_line(data: bytes, warnings: list[str]) -> Decoded:
    """Each line in UTF-8 or CP949, for files pieced together from both."""
    lines, used = [], set()
    for raw in data.split(b"\n"):
        for encoding in ("utf-8", "cp949"):
            try:
                lines.append(raw.decode(encoding))
                used.add(encoding)
                break
            except UnicodeDecodeError:
                continue
        else:
            raise InputError("bytes are neither UTF-8 nor CP949/EUC-KR nor the page's declared charset")
    if len(used) < 2:
        raise InputError("bytes are neither UTF-8 nor CP949/EUC-KR nor the page's declared charset")
    warnings.append("lines in different encodings (UTF-8 and CP949), decoded one by one")
    return _checked("\n".join(lines), "mixed utf-8/cp949", warnings)


def _candidates(data: bytes) -> list[str]:
    declared = _DECLARED.search(data[:4096])
    ordered = ["utf-8"]
    if declared:
        name = declared.group(1).decode("ascii").lower()
        ordered.append(_ALIASES.get(name, name))
    ordered.append("cp949")
    return list(dict.fromkeys(ordered))


def _checked(text: str, encoding: str, warnings: list[str]) -> Decoded:
    if "\x00" in text:
        text = text.replace("\x00", "")
        warnings.append("NUL characters removed")
    repaired, original, read_as = unmojibake(text)
    if original:
        text, encoding = repaired, f"{original} via {encoding} mojibake"
        warnings.append(f"mojibake repaired: {original} text read as {read_as}")
    sample = text[:20000]
    if sample and 1 - len(_UNREADABLE.findall(sample)) / len(sample) < _MIN_READABLE:
        raise InputError(f"decodes as {encoding} but is mostly unreadable (binary or wrong encoding)")
    if not text.strip():
        raise InputError("input holds only whitespace")
    return Decoded(text=unicodedata.normalize("NFC", text), encoding=encoding, warnings=warnings)


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


def _cp949_text(run: str) -> str:
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
    out, pending_bytes = [], bytearray()
    for reading in reversed(readings):
        if isinstance(reading, str):
            out.append(pending_bytes.decode("cp949", errors="replace") + reading)
            pending_bytes = bytearray()
        else:
            pending_bytes += reading
    out.append(pending_bytes.decode("cp949", errors="replace"))
    return "".join(out)
