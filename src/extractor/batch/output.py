"""The `-o` file of a batch: never an input, one writer at a time, whole lines or nothing.

An output that names an input (or lies inside an input folder) would destroy it or be read
back in, so it is refused before anything is opened for writing. A second run on the same
file is refused through an advisory lock (flock). A line that could not be written whole
(disk full) is cut off again, so --resume always finds complete lines.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import json
import os
import stat
import tempfile
from dataclasses import dataclass, field

from .inputs import Expanded, matches, printable

# Error lines that --retry-failed leaves alone: the document killed two workers already.
NOT_RETRIED = ("WorkerDied",)


class OutputError(Exception):
    """The output cannot be written (permission, missing folder, full disk, locked): exit 3."""


class OutputClosed(OutputError):
    """The reader of standard output went away (`| head`): a quiet end, not an error."""


def overlap(output: str, found: Expanded) -> str | None:
    """Why `output` must not be written (it is, or is inside, an input), or None."""
    target = os.path.realpath(output)
    try:
        info: os.stat_result | None = os.stat(output)
    except OSError:
        info = None
    for source in found.sources:
        if source.path == "-" or source.error == "no such file":
            continue
        with contextlib.suppress(OSError):
            if os.path.realpath(source.path) == target or (info and os.path.samestat(info, os.stat(source.path))):
                return f"-o {printable(output)} is the input {source.id}: it would be destroyed"
    for root in found.roots:
        if os.path.commonpath([root, target]) == root:
            return f"-o {printable(output)} is inside the input {printable(root)}: write it elsewhere"
    for base, parts in found.globs:
        if os.path.commonpath([base, target]) == base and matches(parts, os.path.relpath(target, base).split(os.sep)):
            return f"-o {printable(output)} matches an input pattern: it would be read back in"
    return None


@dataclass
class Previous:
    """What an earlier run left in the output: the ids it finished, and how many of them failed."""

    done: set[str] = field(default_factory=set)
    failed: int = 0
    retried: int = 0


class Sink:
    """Writes whole lines to a file descriptor (the locked `-o` file, or standard output)."""

    def __init__(self, fd: int, name: str, *, is_file: bool) -> None:
        self.fd, self.name, self.is_file = fd, name, is_file

    def write(self, text: str) -> None:
        """Write `text` (whole lines); on failure cut the file back to where it was, so no half line stays."""
        data = text.encode("utf-8", "backslashreplace")
        start = os.lseek(self.fd, 0, os.SEEK_END) if self.is_file else 0
        view = memoryview(data)
        try:
            while view:
                view = view[os.write(self.fd, view):]
        except BrokenPipeError as exc:
            raise OutputClosed(self.name) from exc
        except OSError as exc:
            if self.is_file:
                with contextlib.suppress(OSError):
                    os.ftruncate(self.fd, start)  # no half line left behind
            raise OutputError(f"cannot write {self.name}: {exc.strerror or exc}") from exc

    def flush(self) -> None:
        """Nothing to do: every write went to the descriptor at once."""

    def close(self) -> None:
        if self.is_file:
            os.close(self.fd)


def open_output(path: str | None, *, resume: bool, retry_failed: bool) -> tuple[Sink, Previous]:
    """The locked output (emptied unless resuming) and what an earlier run left in it."""
    if path is None:
        return Sink(1, "standard output", is_file=False), Previous()
    shown = printable(path)
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
    except OSError as exc:
        raise OutputError(f"cannot write {shown}: {exc.strerror or exc}") from exc
    try:
        _lock(fd, shown)
        if not stat.S_ISREG(os.fstat(fd).st_mode):  # /dev/stdout, /dev/full, a FIFO: written as a stream
            return Sink(fd, shown, is_file=False), Previous()
        if not resume:
            os.ftruncate(fd, 0)
            return Sink(fd, shown, is_file=True), Previous()
        previous, kept = _read_previous(fd, retry_failed)
        if previous.retried:
            fd = _rewrite(fd, path, shown, kept)
        return Sink(fd, shown, is_file=True), previous
    except OSError as exc:
        os.close(fd)
        raise OutputError(f"cannot write {shown}: {exc.strerror or exc}") from exc
    except BaseException:
        os.close(fd)
        raise


def done_ids(path: str | os.PathLike[str], *, retry_failed: bool = False) -> set[str]:
    """Ids already in an output file; a half-written last line is cut off first."""
    if not os.path.exists(path):
        return set()
    fd = os.open(path, os.O_RDWR | os.O_CLOEXEC)
    try:
        return _read_previous(fd, retry_failed)[0].done
    finally:
        os.close(fd)


def _lock(fd: int, shown: str) -> None:
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError as exc:
        if exc.errno in (errno.EWOULDBLOCK, errno.EAGAIN):
            raise OutputError(f"{shown} is being written by another extract run (locked)") from exc
        raise OutputError(f"cannot lock {shown}: {exc.strerror or exc}") from exc


def _read_previous(fd: int, retry_failed: bool) -> tuple[Previous, list[bytes] | None]:
    """Ids in the output; a half-written last line is cut off. With retry_failed, the lines to keep."""
    previous = Previous()
    kept: list[bytes] | None = [] if retry_failed else None
    end = 0
    with os.fdopen(os.dup(fd), "rb") as stream:
        for raw in stream:
            if not raw.endswith(b"\n"):
                break
            end += len(raw)
            try:
                record = json.loads(raw)
            except ValueError:
                record = None
            if not isinstance(record, dict) or not isinstance(record.get("id"), str):
                if kept is not None:
                    kept.append(raw)
                continue
            failed = "error" in record
            if failed and retry_failed and record["error"] not in NOT_RETRIED:
                previous.retried += 1
                continue
            previous.done.add(record["id"])
            previous.failed += failed
            if kept is not None:
                kept.append(raw)
    if os.fstat(fd).st_size != end:
        os.ftruncate(fd, end)
    return previous, kept


def _rewrite(fd: int, path: str, shown: str, kept: list[bytes] | None) -> int:
    """The output without the error lines to retry: a new file, locked before it replaces the old one."""
    folder = os.path.dirname(os.path.abspath(path))
    try:
        new_fd, temporary = tempfile.mkstemp(dir=folder, prefix=".extract-", suffix=".jsonl")
        fcntl.flock(new_fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        os.fchmod(new_fd, os.fstat(fd).st_mode & 0o777)
        with os.fdopen(os.dup(new_fd), "wb") as stream:
            stream.writelines(kept or [])
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except OSError as exc:
        raise OutputError(f"cannot rewrite {shown} for --retry-failed: {exc.strerror or exc}") from exc
    os.close(fd)
    return new_fd
