"""Run many documents in worker processes and write one JSON line per input.

Each worker builds its Extractor (and so its Kiwi) once. At most a few documents per
worker are in flight, so memory stays flat whatever the archive's size; lines are
written whole and flushed in input order (or as they finish with `ordered=False`), so an
interrupted run leaves complete lines that `resume=True` skips on the next run.
"""

from __future__ import annotations

import json
import os
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Executor, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from ..errors import ExtractorError
from ..pipeline import Extractor, Settings
from .inputs import Item
from .progress import Progress

_IN_FLIGHT_PER_JOB = 4
_worker: Extractor | None = None


@dataclass
class Summary:
    ok: int = 0
    failed: int = 0
    skipped: int = 0
    seconds: float = 0.0
    interrupted: bool = False

    def line(self) -> str:
        rate = (self.ok + self.failed) / self.seconds if self.seconds else 0.0
        state = ", interrupted" if self.interrupted else ""
        return (f"ok {self.ok}, failed {self.failed}, skipped {self.skipped}, "
                f"{rate:.1f} docs/s in {self.seconds:.1f} s{state}")


def process(item: Item, published_at: str | None = None) -> tuple[str, bool]:
    """(the output line for `item`, whether it succeeded); never raises for a bad document."""
    global _worker
    if _worker is None:
        _worker = Extractor(Settings())
    if item.error:
        return error_line(item.id, "InputError", item.error), False
    try:
        source = Path(item.path) if item.path else (item.data or b"")
        article = _worker.extract(source, published_at=item.published_at or published_at, path=item.path,
                                  format=item.format)
        article.id = item.id
        if item.url:
            article.source.url = item.url
        return article.model_dump_json(), True
    except ExtractorError as exc:
        return error_line(item.id, type(exc).__name__, str(exc)), False
    except Exception as exc:  # a bug of ours must not stop the batch: report it on the input's line
        return error_line(item.id, type(exc).__name__, f"internal error: {exc}"), False


def error_line(ident: str, kind: str, message: str) -> str:
    return json.dumps({"id": ident, "error": kind, "message": message}, ensure_ascii=False)


def _init_worker(settings: Settings) -> None:
    global _worker
    _worker = Extractor(settings)
    from .. import analysis

    analysis.kiwi(**settings.kiwi_options).tokenize("")  # pay Kiwi's start-up before the first document


def done_ids(path: Path) -> set[str]:
    """Ids already in an output file; a half-written last line is cut off first."""
    if not path.exists():
        return set()
    data = path.read_bytes()
    if data and not data.endswith(b"\n"):
        keep = data.rfind(b"\n") + 1
        with path.open("r+b") as handle:
            handle.truncate(keep)
        data = data[:keep]
    ids = set()
    for raw in data.splitlines():
        try:
            record = json.loads(raw)
        except ValueError:
            continue
        if isinstance(record, dict) and isinstance(record.get("id"), str):
            ids.add(record["id"])
    return ids


def run(items: Iterable[Item], out: TextIO, *, settings: Settings | None = None, jobs: int | None = None,
        ordered: bool = True, skip: set[str] | None = None, published_at: str | None = None,
        progress: Progress | None = None) -> Summary:
    """Extract every item to `out`, a line each; failures become error lines."""
    settings = settings or Settings()
    jobs = jobs or os.cpu_count() or 1
    summary = Summary()
    progress = progress or Progress(None, enabled=False)
    started = time.monotonic()

    def todo() -> Iterator[Item]:
        for item in items:
            if skip and item.id in skip:
                summary.skipped += 1
                continue
            yield item

    def write(result: tuple[str, bool]) -> None:
        line, ok = result
        out.write(line + "\n")
        out.flush()
        summary.ok += ok
        summary.failed += not ok
        progress.update(ok)

    try:
        if jobs <= 1:
            _init_worker(settings)
            for item in todo():
                write(process(item, published_at))
        else:
            with ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker, initargs=(settings,)) as pool:
                _pooled(pool, todo(), write, jobs * _IN_FLIGHT_PER_JOB, ordered, published_at)
    except KeyboardInterrupt:
        summary.interrupted = True
    finally:
        progress.close()
        summary.seconds = time.monotonic() - started
    return summary


def _pooled(pool: Executor, items: Iterator[Item], write: Callable[[tuple[str, bool]], None], window: int,
            ordered: bool, published_at: str | None) -> None:
    pending: deque[tuple[Item, Future[tuple[str, bool]]]] = deque()
    try:
        for item in items:
            pending.append((item, pool.submit(process, item, published_at)))
            while len(pending) >= window:
                _drain(pending, write, ordered)
        while pending:
            _drain(pending, write, ordered)
    except BaseException:
        for _, future in pending:
            future.cancel()
        raise


def _drain(pending: deque[tuple[Item, Future[tuple[str, bool]]]], write: Callable[[tuple[str, bool]], None],
           ordered: bool) -> None:
    """Write at least one finished result: the oldest one, or any when order does not matter."""
    if ordered:
        write(_result(*pending.popleft()))
        return
    finished, _ = wait([future for _, future in pending], return_when=FIRST_COMPLETED)
    for pair in [p for p in pending if p[1] in finished]:
        pending.remove(pair)
        write(_result(*pair))


def _result(item: Item, future: Future[tuple[str, bool]]) -> tuple[str, bool]:
    """The worker's line, or an error line when the worker itself died (killed, out of memory)."""
    try:
        return future.result()
    except Exception as exc:
        return error_line(item.id, type(exc).__name__, f"worker failed: {exc}"), False
