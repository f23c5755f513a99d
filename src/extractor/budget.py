"""Budgets per document, so one pathological input cannot stall a batch or exhaust memory.

Time: SIGALRM, which only the main thread of a process may set: the CLI and every batch
worker run documents there. A library caller on another thread gets no budget (and a
warning-free run), rather than an error. Size: every read stops at the budget while
reading, so a 6 GB file, /dev/zero or a FIFO costs nothing before it is refused.
"""

from __future__ import annotations

import os
import signal
import stat
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType
from typing import BinaryIO

from .errors import InputError


class OverBudget(InputError):
    """The document took longer than the configured time budget."""


@contextmanager
def time_budget(seconds: float | None) -> Iterator[None]:
    if not seconds or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(signum: int, frame: FrameType | None) -> None:
        raise OverBudget(f"over the time budget of {seconds:g} s per document")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def over_limit(size: int, limit: int) -> InputError:
    return InputError(f"{size} bytes is over the limit of {limit}")


_KINDS = ((stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a FIFO"), (stat.S_ISCHR, "a device"),
          (stat.S_ISBLK, "a device"), (stat.S_ISSOCK, "a socket"))


def not_regular(mode: int) -> str | None:
    """Why a file of this mode is not read (None for a regular file): FIFOs block, devices never end."""
    if stat.S_ISREG(mode):
        return None
    return next((f"not a regular file ({name})" for test, name in _KINDS if test(mode)), "not a regular file")


def read_file(path: Path, limit: int) -> bytes:
    """A regular file's bytes, refused before reading when it is larger than `limit`.

    Opened non-blocking, so a FIFO put in a file's place is seen (and refused) instead of
    waiting forever for a writer; the size is checked on the open descriptor, not the name.
    """
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}") from exc
    with os.fdopen(fd, "rb", buffering=0) as handle:
        info = os.fstat(fd)
        why = not_regular(info.st_mode)
        if why:
            raise InputError(why)
        if info.st_size > limit:
            raise over_limit(info.st_size, limit)
        try:
            return read_at_most(handle, limit)
        except OSError as exc:
            raise InputError(f"cannot read: {exc.strerror or exc}") from exc


def read_at_most(stream: BinaryIO, limit: int) -> bytes:
    """Up to `limit` bytes of a stream; InputError if there is more (a file that grew, a pipe)."""
    chunks: list[bytes] = []
    size = 0
    while size <= limit:
        chunk = stream.read(min(1 << 20, limit + 1 - size))
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        size += len(chunk)
    raise InputError(f"over the limit of {limit} bytes")
