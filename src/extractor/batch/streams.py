"""Many documents in one file: JSON Lines (plain or gzip) and WARC archives, read within budget.

Every read is bounded while reading: a JSON line longer than the budget allows is skipped
in 1 MB pieces, a WARC payload is read to the budget and no further, gzip is inflated as it
is read. A damaged archive yields an error item saying where it became unreadable; the
records before it are kept, and the batch goes on with its other inputs.
"""

from __future__ import annotations

import gzip
import json
import os
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any

from ..pipeline import without_surrogates
from .item import Item

_PIECE = 1 << 20
# A JSON line written with ensure_ascii spells a Hangul syllable's 3 bytes in 6 ("\uAC00"); a line
# longer than that allows is refused unread (an all-escaped text of control characters would be 6).
_JSON_OVERHEAD = 2
# warcio inflates a block at a time without a bound, and deflate packs up to ~1,000:1: 4 KB read
# in is at most ~4 MB out, however the archive was made.
_WARC_BLOCK = 4096


def _line_limit(max_bytes: int) -> int:
    return max_bytes * _JSON_OVERHEAD + _PIECE


def _printable(text: str) -> str:
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


def _opened(source: Path | IO[bytes]) -> IO[bytes]:
    if isinstance(source, Path):
        raw = open(source, "rb")  # noqa: SIM115 - closed by the caller's `with`
        return gzip.open(raw, "rb") if source.name.lower().endswith(".gz") else raw  # type: ignore[return-value]
    return source


def _lines(stream: IO[bytes], limit: int) -> Iterator[bytes | None]:
    """Each line, or None for a line over `limit` (skipped without holding it)."""
    while True:
        raw = stream.readline(limit + 1)
        if not raw:
            return
        if len(raw) > limit and not raw.endswith(b"\n"):
            while (rest := stream.readline(_PIECE)) and not rest.endswith(b"\n"):
                pass
            yield None
        else:
            yield raw


def jsonl(source: Path | IO[bytes], source_id: str, max_bytes: int) -> Iterator[Item]:
    """Lines with `id` and `text` or `html` (and optionally `published_at`, `url`)."""
    number = 0
    try:
        with _opened(source) as stream:
            for number, raw in enumerate(_lines(stream, _line_limit(max_bytes)), start=1):
                if raw is None:
                    yield Item(id=f"{source_id}:{number}", error=f"the line is over the limit of {max_bytes} bytes")
                elif raw.strip():
                    yield _record(raw, f"{source_id}:{number}", max_bytes)
    except (OSError, EOFError, ValueError, zlib.error) as exc:  # truncated or damaged gzip, a read error
        yield Item(id=f"{source_id}:{number + 1}", error=f"unreadable from line {number + 1} on "
                   f"(the {number} lines before it were read): {_printable(str(exc) or type(exc).__name__)}")


def _record(raw: bytes, where: str, max_bytes: int) -> Item:
    try:
        record = json.loads(raw)
    except ValueError as exc:
        return Item(id=where, error=f"not a JSON line: {exc}")
    if not isinstance(record, dict):
        return Item(id=where, error="a JSON line must be an object with id and text or html")
    ident = _printable(str(record.get("id") or where))
    kind = "html" if record.get("html") is not None else "text"
    content = record.get(kind)
    if not isinstance(content, str):
        return Item(id=ident, error="the line has no text or html string")
    content, note = without_surrogates(content)
    data = content.encode("utf-8")
    if len(data) > max_bytes:
        return Item(id=ident, error=f"{len(data)} bytes is over the limit of {max_bytes}")
    published, url = record.get("published_at"), record.get("url")
    return Item(id=ident, data=data, format=kind, warnings=(note,) if note else (),
                published_at=_printable(published) if isinstance(published, str) else None,
                url=_printable(url) if isinstance(url, str) else None)


def warc(source: Path | IO[bytes], source_id: str, max_bytes: int, note: Callable[[str], None]) -> Iterator[Item]:
    """HTML responses of a WARC archive with a 2xx status, named by record id and URL."""
    from warcio.archiveiterator import ArchiveIterator

    size = os.path.getsize(source) if isinstance(source, Path) else None
    not_ok: dict[str, int] = {}
    records = None
    try:
        with open(source, "rb") if isinstance(source, Path) else source as stream:
            records = ArchiveIterator(stream, block_size=_WARC_BLOCK)
            for record in records:
                item = _response(record, max_bytes, not_ok)
                if item is not None:
                    yield item
    except Exception as exc:  # warcio's ArchiveLoadFailed, zlib errors, OSError: all mean "damaged here"
        offset = records.offset if records is not None else 0
        yield Item(id=source_id, error=f"WARC archive unreadable from byte {offset} on (the records before it "
                   f"were read): {_printable(str(exc).splitlines()[0][:120] if str(exc) else type(exc).__name__)}")
        return
    finally:
        if not_ok:
            counts = ", ".join(f"{count} × {status}" for status, count in sorted(not_ok.items()))
            note(f"{source_id}: skipped {sum(not_ok.values())} WARC responses with an HTTP status other than 2xx "
                 f"({counts})")
    if size is not None and records is not None and records.offset < size:
        yield Item(id=source_id, error=f"WARC archive unreadable from byte {records.offset} of {size} on "
                   "(truncated or damaged gzip; the records before it were read)")


def _response(record: Any, max_bytes: int, not_ok: dict[str, int]) -> Item | None:
    if record.rec_type not in ("response", "resource"):
        return None
    headers = record.http_headers
    kind = (headers.get_header("Content-Type") if headers else None) or \
        record.rec_headers.get_header("Content-Type") or ""
    if "html" not in kind.lower():
        return None
    status = headers.get_statuscode() if headers and record.rec_type == "response" else "200"
    if not str(status).startswith("2"):
        not_ok[str(status)] = not_ok.get(str(status), 0) + 1
        return None
    record_id = record.rec_headers.get_header("WARC-Record-ID") or ""
    url = record.rec_headers.get_header("WARC-Target-URI")
    ident = _printable(f"{record_id} {url}".strip())
    data = record.content_stream().read(max_bytes + 1)  # inflated only this far
    if len(data) > max_bytes:
        return Item(id=ident, error=f"the response is over the limit of {max_bytes} bytes")
    missing = getattr(record.raw_stream, "limit", 0)
    warnings = (f"the WARC record was cut short: {missing} bytes missing",) if missing else ()
    return Item(id=ident, data=data, format="html", url=_printable(url) if url else None, warnings=warnings)
