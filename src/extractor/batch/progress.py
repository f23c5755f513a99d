"""A one-line progress display on stderr: done/total, docs/s, ETA, failures."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from typing import TextIO

Say = Callable[[str], None]  # a line for stderr, `extract: ` already in front


class Progress:
    """Redraws at most five times a second; silent unless enabled (a terminal, no --quiet)."""

    def __init__(self, total: int | None, *, enabled: bool, stream: TextIO | None = None) -> None:
        self.total = total
        self.enabled = enabled
        self.stream = stream or sys.stderr  # looked up now: a test or a caller may have replaced it
        self.done = self.failed = 0
        self.started = time.monotonic()
        self._drawn = 0.0

    def update(self, ok: bool) -> None:
        self.done += 1
        self.failed += 0 if ok else 1
        now = time.monotonic()
        if self.enabled and (now - self._drawn >= 0.2 or self.done == self.total):
            self._drawn = now
            self.stream.write("\r" + self.line() + "\x1b[K")
            self.stream.flush()

    def note(self, line: str) -> None:
        """A line on stderr (a failure, a skipped input) that the progress line does not overwrite."""
        if self.enabled:
            self.stream.write("\r\x1b[K")
        self.stream.write(line + "\n")
        self.stream.flush()
        self._drawn = 0.0

    def rate(self) -> float:
        elapsed = time.monotonic() - self.started
        return self.done / elapsed if elapsed > 0 else 0.0

    def line(self) -> str:
        rate = self.rate()
        of = f"/{self.total}" if self.total is not None else ""
        eta = ""
        if self.total is not None and rate > 0:
            left = (self.total - self.done) / rate
            eta = f"  ETA {int(left // 60)}:{int(left % 60):02d}"
        return f"{self.done}{of} docs  {rate:.1f} docs/s{eta}  failed {self.failed}"

    def close(self) -> None:
        if self.enabled:
            self.stream.write("\n")
            self.stream.flush()
