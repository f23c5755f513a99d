"""What a batch reads: files, folders, globs, JSON Lines of articles, and WARC archives.

Names are expanded to files first (`expand`), before any output is opened: the output can
then be checked against them, and a file the run itself creates is never read back in.
Items are then yielded lazily (`Expanded.items`), so an archive of any size streams
through in constant memory; a file item carries only its path (the worker reads it). An
input that cannot be read still yields an item, with its error, so every input gets a line.

Ids are paths relative to the common root of the inputs, with symlinked folders resolved,
so `in/` and `/tmp/x/in` name the same documents; bytes of a file name that are not UTF-8
are written as `\\xff` escapes, the same on every run.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from fnmatch import fnmatchcase
from pathlib import Path
from typing import Literal

from ..budget import not_regular, read_at_most
from . import streams
from .item import Item

ARTICLE_SUFFIXES = (".txt", ".html", ".htm")
JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")
WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")
InputFormat = Literal["auto", "text", "html", "jsonl", "warc"]
Note = Callable[[str], None]

__all__ = ["Expanded", "Item", "discover", "expand", "is_stream", "printable"]


def is_stream(name: str) -> bool:
    """A JSON Lines or WARC input: many documents in one file."""
    return name.lower().endswith(JSONL_SUFFIXES + WARC_SUFFIXES)


def is_glob(name: str) -> bool:
    return any(ch in name for ch in "*?[")


def printable(text: str) -> str:
    """`text` as it can be written in UTF-8: undecodable file-name bytes and lone surrogates escaped."""
    try:
        return os.fsencode(text).decode("utf-8", "backslashreplace")
    except UnicodeError:
        return text.encode("utf-8", "backslashreplace").decode("utf-8")


@dataclass(frozen=True)
class Source:
    """One input file (or standard input, or a name that matched nothing readable)."""

    path: str
    id: str
    error: str | None = None


@dataclass
class Expanded:
    """The files the names stand for, and what each name matched or skipped (for stderr)."""

    names: list[str]
    sources: list[Source] = field(default_factory=list)
    roots: list[str] = field(default_factory=list)  # input folders, resolved: an output inside is refused
    globs: list[tuple[str, list[str]]] = field(default_factory=list)  # (resolved base, the pattern's parts after it)
    notes: list[str] = field(default_factory=list)

    def items(self, *, max_bytes: int, input_format: InputFormat = "auto", note: Note | None = None) -> Iterator[Item]:
        """Every document, lazily: a JSON Lines or WARC file is read only when its turn comes."""
        say: Note = note or (lambda _line: None)
        for source in self.sources:
            if source.error:
                yield Item(id=source.id, error=source.error)
            elif source.path == "-":
                yield from _stdin(max_bytes, input_format, say)
            else:
                yield from _file(source, max_bytes, input_format, say)


def expand(names: list[str]) -> Expanded:
    """The files every command-line name stands for, in a stable order, without reading them."""
    found = Expanded(names)
    listed: list[tuple[str, str | None]] = []  # (path, error)
    bases: list[str] = []
    for name in names:
        if name == "-":
            listed.append(("-", None))
            continue
        if os.path.isdir(name):
            files, others = _walk(name)
            bases.append(name)
            found.roots.append(os.path.realpath(name))
            if not files:
                kinds = "/".join(ARTICLE_SUFFIXES)
                found.notes.append(f"{printable(name)}: no {kinds} file ({others} other files skipped)")
        elif os.path.lexists(name) or not is_glob(name):
            files = [name]
            bases.append(os.path.dirname(name) or ".")
        else:
            base, parts, matched = _glob(name)
            files = [path for path in matched if not os.path.isdir(path)]
            bases.append(base)
            found.globs.append((os.path.realpath(base), parts))
            if not files:
                found.notes.append(f"{printable(name)}: matched no file")
        listed.extend((path, _unreadable(path)) for path in files)
    root = os.path.commonpath([os.path.realpath(base) for base in bases]) if bases else os.getcwd()
    for path, error in listed:
        found.sources.append(Source(path=path, id="-" if path == "-" else _id(path, root), error=error))
    return found


def discover(names: list[str], *, max_bytes: int = 10 * 1024 * 1024) -> Iterator[Item]:
    """Every document the command-line names stand for, in a stable order (expand, then items)."""
    return expand(names).items(max_bytes=max_bytes)


def _id(path: str, root: str) -> str:
    folder, name = os.path.split(path)
    return printable(os.path.relpath(os.path.join(os.path.realpath(folder or "."), name), root))


def _unreadable(path: str) -> str | None:
    """Why a named file will not be read: missing, or a FIFO, device or socket (which hang or never end)."""
    if path == "-":
        return None
    try:
        return not_regular(os.stat(path).st_mode)
    except FileNotFoundError:
        return "no such file"
    except OSError as exc:
        return f"cannot read: {exc.strerror or exc}"


def _walk(folder: str) -> tuple[list[str], int]:
    """Article files below a folder, sorted; symlinked folders are not entered (they may loop)."""
    files, others = [], 0
    for top, dirs, names in os.walk(folder, followlinks=False):
        dirs.sort()
        for name in names:
            if name.lower().endswith(ARTICLE_SUFFIXES):
                files.append(os.path.join(top, name))
            else:
                others += 1
    return sorted(files), others


def matches(parts: list[str], names: list[str]) -> bool:
    """Whether a path (its names below the pattern's fixed folder) fits the pattern's remaining parts."""
    if not parts:
        return not names
    if parts[0] == "**":
        return any(matches(parts[1:], names[skip:]) for skip in range(len(names) + 1))
    return bool(names) and fnmatchcase(names[0], parts[0]) and matches(parts[1:], names[1:])


def _glob(pattern: str) -> tuple[str, list[str], list[str]]:
    """(the pattern's fixed folder, the parts after it, its matches): glob's rules, but `**` enters no
    symlinked folder."""
    parts = pattern.split(os.sep)
    fixed = 0
    while fixed < len(parts) - 1 and not is_glob(parts[fixed]):
        fixed += 1
    base = os.sep.join(parts[:fixed]) or ("." if not pattern.startswith(os.sep) else os.sep)
    rest = parts[fixed:]
    return base, rest, sorted(set(_match(base, rest, fixed == 0 and not pattern.startswith(os.sep))))


def _match(base: str, parts: list[str], relative: bool) -> Iterator[str]:
    head, rest = parts[0], parts[1:]

    def joined(name: str) -> str:
        return name if relative and base == "." else os.path.join(base, name)

    try:
        entries = sorted(os.scandir(base), key=lambda entry: entry.name)
    except OSError:
        return
    if head == "**":  # zero folders, then each non-hidden folder that is not a symlink, recursively
        if rest:
            yield from _match(base, rest, relative)
        for entry in entries:
            if entry.name.startswith("."):
                continue
            if not rest:
                yield joined(entry.name)
            if entry.is_dir(follow_symlinks=False):
                yield from _match(joined(entry.name), parts, False)
        return
    for entry in entries:
        if entry.name.startswith(".") and not head.startswith("."):
            continue
        if fnmatchcase(entry.name, head):
            if not rest:
                yield joined(entry.name)
            elif entry.is_dir():
                yield from _match(joined(entry.name), rest, False)


def _file(source: Source, max_bytes: int, input_format: InputFormat, note: Note) -> Iterator[Item]:
    lowered = source.path.lower()
    if input_format == "jsonl" or (input_format == "auto" and lowered.endswith(JSONL_SUFFIXES)):
        yield from streams.jsonl(Path(source.path), source.id, max_bytes)
    elif input_format == "warc" or (input_format == "auto" and lowered.endswith(WARC_SUFFIXES)):
        yield from streams.warc(Path(source.path), source.id, max_bytes, note)
    else:
        kind = input_format if input_format in ("text", "html") else "auto"
        yield Item(id=source.id, path=source.path, shown_path=printable(source.path), format=kind)


def _stdin(max_bytes: int, input_format: InputFormat, note: Note) -> Iterator[Item]:
    stream = sys.stdin.buffer
    if input_format == "jsonl":
        yield from streams.jsonl(stream, "-", max_bytes)
    elif input_format == "warc":
        yield from streams.warc(stream, "-", max_bytes, note)
    else:
        try:
            data = read_at_most(stream, max_bytes)
        except Exception as exc:
            yield Item(id="-", error=str(exc))
            return
        yield Item(id="-", data=data, format=input_format if input_format in ("text", "html") else "auto")
