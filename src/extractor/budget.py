"""A time budget per document, so one pathological input cannot stall a batch.

It uses SIGALRM, which only the main thread of a process may set: the CLI and every
batch worker run documents there. A library caller on another thread gets no budget
(and a warning-free run), rather than an error.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

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
