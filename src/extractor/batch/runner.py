"""Run many documents in worker processes and write one JSON line per input.

Each worker builds its Extractor (and so its Kiwi) once. At most a few documents per
worker are in flight, so memory stays flat whatever the archive's size; lines are
written whole and flushed in input order (or as they finish with `ordered=False`), so an
interrupted run leaves complete lines that `resume=True` skips on the next run.

The pool is pebble's: a worker that dies (kill -9, the OOM killer) fails only the
document it held, and is replaced. That document is tried once more in a fresh worker
(the kill may not have been its fault); if it kills that one too, it gets a `WorkerDied`
error line and is not tried again. A worker stuck past the time budget is stopped.
"""

from __future__ import annotations

import json
import os
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, replace
from typing import Any, Protocol

from ..pipeline import Settings
from .item import Item
from .output import done_ids
from .progress import Progress
from .worker import error_line, init_pool_worker, process

_IN_FLIGHT_PER_JOB = 4
_GRACE = 10.0  # seconds past the time budget (at most the budget again) before a stuck worker is stopped
_DEATHS = 2  # a document that kills this many workers in a row is not tried again
__all__ = ["Summary", "Terminated", "WorkersFailing", "done_ids", "run"]
_RESTARTS = 3  # pool restarts without any document done before the run gives up


class Terminated(KeyboardInterrupt):
    """SIGTERM (kill, timeout, systemd, docker stop): handled as Ctrl-C is, with exit 143."""


class WorkersFailing(RuntimeError):
    """Worker processes die before they can take a document (Kiwi cannot load, no memory)."""


class Writer(Protocol):
    def write(self, text: str, /) -> Any: ...
    def flush(self) -> Any: ...


@dataclass
class Summary:
    ok: int = 0
    failed: int = 0
    skipped: int = 0
    seconds: float = 0.0
    interrupted: bool = False
    terminated: bool = False
    earlier_failed: int = 0  # error lines kept from earlier runs (--resume): they count for the exit code

    def line(self) -> str:
        rate = (self.ok + self.failed) / self.seconds if self.seconds else 0.0
        earlier = f" ({self.earlier_failed} of them failed)" if self.earlier_failed else ""
        state = ", interrupted" if self.interrupted else ""
        return (f"ok {self.ok}, failed {self.failed}, skipped {self.skipped}{earlier}, "
                f"{rate:.1f} docs/s in {self.seconds:.1f} s{state}")


def run(items: Iterable[Item], out: Writer, *, settings: Settings | None = None, jobs: int | None = None,
        processes: int = 1, ordered: bool = True, skip: set[str] | None = None, published_at: str | None = None,
        progress: Progress | None = None, on_failure: Callable[[str], None] | None = None,
        note: Callable[[str], None] | None = None) -> Summary:
    """Extract every item to `out`, a line each; failures become error lines (and `on_failure` calls).

    `jobs` is Kiwi's threads in this one process (batch/threads.py); `processes` above 1 runs
    that many worker processes instead, one document each at a time, for a machine whose main
    thread cannot keep up with Kiwi's threads, or for documents that may kill their process.
    """
    settings = settings or Settings()
    jobs = jobs or os.cpu_count() or 1
    summary = Summary()
    progress = progress or Progress(None, enabled=False)
    started = time.monotonic()

    def write(result: tuple[str, bool]) -> None:
        line, ok = result
        out.write(line + "\n")
        out.flush()
        summary.ok += ok
        summary.failed += not ok
        if not ok and on_failure:
            failure = json.loads(line)
            on_failure(f"{failure['id']}: {failure['error']}: {failure['message']}")
        progress.update(ok)

    try:
        todo = _todo(items, skip or set(), summary, note)
        if processes <= 1:
            from .threads import Engine

            Engine(settings, jobs, published_at).run(todo, write)
        else:
            _pooled(todo, write, processes, ordered, published_at, settings)
    except KeyboardInterrupt as exc:
        summary.interrupted = True
        summary.terminated = isinstance(exc, Terminated)
    finally:
        progress.close()
        summary.seconds = time.monotonic() - started
    return summary


def _todo(items: Iterable[Item], skip: set[str], summary: Summary,
          note: Callable[[str], None] | None) -> Iterator[Item]:
    """The items not done yet; a repeated id becomes `id#2`, `id#3` … (the same on every run)."""
    seen: dict[str, int] = {}
    for item in items:
        count = seen[item.id] = seen.get(item.id, 0) + 1
        if count > 1:
            renamed = f"{item.id}#{count}"
            if note:
                note(f"{item.id}: duplicate id, written as {renamed}")
            warning = f"duplicate id {item.id!r}: written as {renamed}"
            item = replace(item, id=renamed, warnings=(*item.warnings, warning))
        if item.id in skip:
            summary.skipped += 1
            continue
        yield item


class _Task:
    """One document in flight, and how many workers it has killed so far."""

    def __init__(self, item: Item, future: Future[tuple[str, bool]]) -> None:
        self.item, self.future, self.deaths = item, future, 0


class _Pool:
    """A pebble ProcessPool that is rebuilt when pebble gives it up as broken."""

    def __init__(self, jobs: int, settings: Settings, published_at: str | None) -> None:
        self.jobs, self.settings, self.published_at = jobs, settings, published_at
        limit = settings.time_limit
        self.timeout = limit + min(_GRACE, limit) if limit else None
        self.restarts = 0
        self.pool = self._start()

    def _start(self) -> Any:
        from pebble import ProcessPool

        return ProcessPool(max_workers=self.jobs, initializer=init_pool_worker, initargs=(self.settings,))

    def submit(self, item: Item) -> Future[tuple[str, bool]]:
        future: Future[tuple[str, bool]] = self.pool.schedule(process, args=(item, self.published_at),
                                                              timeout=self.timeout)
        return future

    def restart(self, pending: Iterable[_Task]) -> None:
        self.restarts += 1
        if self.restarts > _RESTARTS:
            raise WorkersFailing("worker processes keep dying before they take a document")
        self.stop()
        self.pool = self._start()
        for task in pending:
            if not task.future.done() or isinstance(task.future.exception(), BrokenProcessPool):
                task.future = self.submit(task.item)

    def stop(self) -> None:
        self.pool.stop()
        self.pool.join(timeout=5)


def _pooled(items: Iterator[Item], write: Callable[[tuple[str, bool]], None], jobs: int, ordered: bool,
            published_at: str | None, settings: Settings) -> None:
    pool = _Pool(jobs, settings, published_at)
    pending: deque[_Task] = deque()
    try:
        for item in items:
            pending.append(_Task(item, pool.submit(item)))
            while len(pending) >= jobs * _IN_FLIGHT_PER_JOB:
                _drain(pool, pending, write, ordered)
        while pending:
            _drain(pool, pending, write, ordered)
    finally:
        pool.stop()


def _drain(pool: _Pool, pending: deque[_Task], write: Callable[[tuple[str, bool]], None], ordered: bool) -> None:
    """Write at least one finished result: the oldest one, or any when order does not matter."""
    watched = [pending[0].future] if ordered else [task.future for task in pending]
    finished, _ = wait(watched, return_when=FIRST_COMPLETED)
    if any(isinstance(future.exception(), BrokenProcessPool) for future in finished):
        pool.restart(pending)
        return
    for task in [task for task in pending if task.future in finished]:
        result = _outcome(pool, task)
        if result is not None:
            pending.remove(task)
            write(result)
            pool.restarts = 0


def _outcome(pool: _Pool, task: _Task) -> tuple[str, bool] | None:
    """The worker's line, an error line for a dead or stopped worker, or None when tried again."""
    from pebble import ProcessExpired

    error = task.future.exception()
    if error is None:
        return task.future.result()
    item = task.item
    if isinstance(error, ProcessExpired):
        task.deaths += 1
        if task.deaths < _DEATHS:
            task.future = pool.submit(item)
            return None
        how = f"killed by signal {-error.exitcode}" if error.exitcode and error.exitcode < 0 else \
            f"exit code {error.exitcode}"
        return error_line(item.id, "WorkerDied", f"the worker died ({how}) while extracting it, "
                          f"{task.deaths} times in a row: not tried again"), False
    if isinstance(error, TimeoutError):
        return error_line(item.id, "OverBudget", f"over the time budget of {pool.settings.time_limit:g} s per "
                          "document (the worker was stopped)"), False
    return error_line(item.id, type(error).__name__, f"worker failed: {error}"), False
