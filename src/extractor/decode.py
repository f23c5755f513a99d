"""Bytes → text, naming the encoding used.

Korean archives hold UTF-8 (with or without BOM), UTF-16 with BOM and CP949/EUC-KR,
and HTML pages whose declared charset is sometimes wrong. Strict UTF-8 is tried before
any declaration because a CP949 byte stream almost never decodes as valid UTF-8, while
a UTF-8 page declared as euc-kr is a common archiving accident.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass

from .errors import InputError

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_DECLARED = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_\-]{2,20})""", re.I)
# CP949 is a superset of EUC-KR: decoding every Korean declaration as CP949 loses nothing.
_ALIASES = {"euc-kr": "cp949", "euckr": "cp949", "ks_c_5601-1987": "cp949", "ksc5601": "cp949",
            "x-windows-949": "cp949", "windows-949": "cp949", "uhc": "cp949", "utf8": "utf-8"}
# Share of characters that must be readable: not control characters, not U+FFFD, not
# private-use or unassigned code points (what binary data decodes to).
_MIN_READABLE = 0.9
_UNREADABLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffd\ue000-\uf8ff\U000f0000-\U0010ffff]")


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str


def decode(data: bytes) -> Decoded:
    """Decode an article's bytes, or raise InputError when nothing readable comes out."""
    if not data.strip():
        raise InputError("empty input")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _checked(data.decode(encoding, errors="replace"), encoding)
    for encoding in _candidates(data):
        try:
            text = data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
        return _checked(text, encoding)
    raise InputError("bytes are neither UTF-8 nor CP949/EUC-KR nor the page's declared charset")


def _candidates(data: bytes) -> list[str]:
    declared = _DECLARED.search(data[:4096])
    ordered = ["utf-8"]
    if declared:
        name = declared.group(1).decode("ascii").lower()
        ordered.append(_ALIASES.get(name, name))
    ordered.append("cp949")
    return list(dict.fromkeys(ordered))


def _checked(text: str, encoding: str) -> Decoded:
    if "\x00" in text:
        raise InputError(f"binary data (NUL bytes) in what decodes as {encoding}")
    sample = text[:20000]
    if sample and 1 - len(_UNREADABLE.findall(sample)) / len(sample) < _MIN_READABLE:
        raise InputError(f"decodes as {encoding} but is mostly unreadable (binary or wrong encoding)")
    if not text.strip():
        raise InputError("input holds only whitespace")
    return Decoded(text=unicodedata.normalize("NFC", text), encoding=encoding)


