"""What a batch reads: files, folders, globs, JSON Lines of articles, and WARC archives.

Items are yielded lazily, so an archive of any size streams through in constant memory;
a file item carries only its path (the worker reads it). An input that cannot be read
still yields an item, with its error, so every input gets a line in the output.
"""

from __future__ import annotations

import glob
import gzip
import io
import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ARTICLE_SUFFIXES = (".txt", ".html", ".htm")
JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")
WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")


@dataclass(frozen=True)
class Item:
    """One document to extract, named by `id` in the output line."""

    id: str
    path: str | None = None
    data: bytes | None = None
    format: str = "auto"
    published_at: str | None = None
    url: str | None = None
    error: str | None = None


def is_stream(name: str) -> bool:
    """A JSON Lines or WARC input: many documents in one file."""
    return name.lower().endswith(JSONL_SUFFIXES + WARC_SUFFIXES)


def discover(names: list[str]) -> Iterator[Item]:
    """Every document the command-line names stand for, in a stable order."""
    for name in names:
        if name == "-":
            yield Item(id="-", data=sys.stdin.buffer.read())
            continue
        path = Path(name)
        if path.is_dir():
            for found in sorted(p for p in path.rglob("*") if p.suffix.lower() in ARTICLE_SUFFIXES and p.is_file()):
                yield Item(id=str(found), path=str(found))
        elif path.is_file():
            yield from _file(path)
        elif any(ch in name for ch in "*?["):
            for match in sorted(glob.glob(name, recursive=True)):
                if Path(match).is_file():
                    yield from _file(Path(match))
        else:
            yield Item(id=name, error="no such file")


def _file(path: Path) -> Iterator[Item]:
    lowered = path.name.lower()
    if lowered.endswith(JSONL_SUFFIXES):
        yield from _jsonl(path)
    elif lowered.endswith(WARC_SUFFIXES):
        yield from _warc(path)
    else:
        yield Item(id=str(path), path=str(path))


def _open(path: Path) -> io.BufferedIOBase:
    return gzip.open(path, "rb") if path.name.lower().endswith(".gz") else path.open("rb")


def _jsonl(path: Path) -> Iterator[Item]:
    """Lines with `id` and `text` or `html` (and optionally `published_at`)."""
    with _open(path) as stream:
        for number, raw in enumerate(stream, start=1):
            where = f"{path}:{number}"
            if not raw.strip():
                continue
            try:
                record = json.loads(raw)
            except ValueError as exc:
                yield Item(id=where, error=f"not a JSON line: {exc}")
                continue
            if not isinstance(record, dict):
                yield Item(id=where, error="a JSON line must be an object with id and text or html")
                continue
            ident = str(record.get("id") or where)
            kind = "html" if record.get("html") is not None else "text"
            content = record.get(kind)
            if not isinstance(content, str):
                yield Item(id=ident, error="the line has no text or html string")
                continue
            published = record.get("published_at")
            yield Item(id=ident, data=content.encode("utf-8"), format=kind,
                       published_at=published if isinstance(published, str) else None,
                       url=record.get("url") if isinstance(record.get("url"), str) else None)


def _warc(path: Path) -> Iterator[Item]:
    """HTML responses of a WARC archive, named by record id and URL."""
    from warcio.archiveiterator import ArchiveIterator

    with path.open("rb") as stream:
        try:
            for record in ArchiveIterator(stream):
                if record.rec_type not in ("response", "resource"):
                    continue
                headers = record.http_headers
                kind = (headers.get_header("Content-Type") if headers else None) or \
                    record.rec_headers.get_header("Content-Type") or ""
                if "html" not in kind.lower():
                    continue
                record_id = record.rec_headers.get_header("WARC-Record-ID") or ""
                url = record.rec_headers.get_header("WARC-Target-URI")
                yield Item(id=f"{record_id} {url}".strip(), data=record.content_stream().read(),
                           format="html", url=url)
        except Exception as exc:  # a truncated or corrupt archive: report it, keep what was read
            yield Item(id=f"{path}", error=f"WARC archive unreadable past this point: {exc}")
