"""Bytes → text, naming the encoding used and what had to be repaired.

Korean archives hold UTF-8 (with or without BOM), UTF-16 with BOM and CP949/EUC-KR,
and HTML pages whose declared charset is sometimes wrong. Strict UTF-8 is tried before
any declaration because a CP949 byte stream almost never decodes as valid UTF-8, while
a UTF-8 page declared as euc-kr is a common archiving accident. The reverse is not true
(much UTF-8 also decodes as CP949, into mojibake), so text that is UTF-8 but for a cut
last character or a few bad bytes is repaired as UTF-8, with a warning, never re-read
as CP949. Files that mix the two are decoded line by line; text once read in a wrong
single-byte charset is repaired by mojibake.py.
"""

from __future__ import annotations

import codecs
import gzip
import io
import re
import unicodedata
import zlib
from dataclasses import dataclass, field

from ..errors import InputError
from .mojibake import doubtful_syllables, unmojibake

__all__ = ["Decoded", "decode", "unmojibake"]

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
# How many of a repair's guessed syllables its warning shows.
_SHOWN_DOUBTS = 10
_UNREADABLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffd\ue000-\uf8ff\U000f0000-\U0010ffff]")
# At most this share of bad bytes is repaired as UTF-8; more means another encoding.
_MAX_BAD_UTF8 = 0.002
_MAX_NUL = 0.01


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
    text_before = text
    repaired, original, read_as = unmojibake(text)
    if original:
        text, encoding = repaired, f"{original} via {encoding} mojibake"
        warnings.append(f"mojibake repaired: {original} text read as {read_as}")
        doubts = doubtful_syllables(text_before) if original == "cp949" else []
        lost = repaired.count("\ufffd") - text_before.count("\ufffd")
        if doubts or lost:  # the officials step must not trust a name that holds one
            shown = "".join(dict.fromkeys(doubts))[:_SHOWN_DOUBTS]
            warnings.append(f"damaged text: the repair guessed {len(doubts) + lost} syllable(s) where bytes were lost"
                            + (f" ({shown})" if shown else ""))
    sample = text[:20000]
    if sample and 1 - len(_UNREADABLE.findall(sample)) / len(sample) < _MIN_READABLE:
        raise InputError(f"decodes as {encoding} but is mostly unreadable (binary or wrong encoding)")
    if not text.strip():
        raise InputError("input holds only whitespace")
    return Decoded(text=unicodedata.normalize("NFC", text), encoding=encoding, warnings=warnings)
