"""A batch written as tables (-o out.duckdb, --tables DIR): the table sinks behind the batch's
own contract — refused when it would overwrite, locked against a second run, resumable, and
every failure one line with exit code 3.
"""

from __future__ import annotations

import argparse
import contextlib
import fcntl
import os
from pathlib import Path
from typing import Any

from ..tables.writers import LOCK
from .output import NOT_RETRIED, OutputError, Previous

TABLE_KINDS = ("parquet", "csv")


def table_target(args: argparse.Namespace) -> tuple[str, str] | None:
    """(path, kind) when the batch writes tables, else None (JSON Lines)."""
    if getattr(args, "tables", None):
        return args.tables, args.table_format
    if args.output and (args.output_format == "duckdb" or args.output.lower().endswith(".duckdb")):
        return args.output, "duckdb"
    return None


class TableWriter:
    """The runner's writer over a table sink: lines in, rows out in batches."""

    def __init__(self, sink: Any, name: str, lock: int | None) -> None:
        self.sink, self.name, self._lock = sink, name, lock

    def write(self, text: str) -> None:
        try:
            self.sink.write(text)
        except Exception as exc:  # disk full, a database error: the run's output failed
            raise OutputError(f"cannot write {self.name}: {_first_line(exc)}") from exc

    def flush(self) -> None:
        """Rows are committed in batches; see tables.writers."""

    def close(self) -> None:
        try:
            self.sink.close()
        except Exception as exc:
            raise OutputError(f"cannot write {self.name}: {_first_line(exc)}") from exc
        finally:
            if self._lock is not None:
                os.close(self._lock)


def open_tables(path: str, kind: str, *, resume: bool, retry_failed: bool) -> tuple[TableWriter, Previous]:
    """The table output and what an earlier run left in it."""
    from ..tables import OutputRefused, open_sink

    lock = _lock_folder(Path(path)) if kind in TABLE_KINDS else None
    try:
        sink = open_sink(Path(path), kind=kind, resume=resume)
    except OutputRefused as exc:
        _release(lock)
        raise OutputError(str(exc)) from exc
    except Exception as exc:  # DuckDB holds its own lock: a second run cannot open the file
        _release(lock)
        message = _first_line(exc)
        if "lock" in message.lower():
            raise OutputError(f"{path} is being written by another extract run (locked)") from exc
        raise OutputError(f"cannot write {path}: {message}") from exc
    previous = Previous()
    if resume:
        errors = sink.errors()
        retried = [ident for ident, error in errors.items() if retry_failed and error not in NOT_RETRIED]
        if retried:
            if not hasattr(sink, "forget"):
                sink.close()
                _release(lock)
                raise OutputError(f"--retry-failed works on JSON Lines and DuckDB outputs, not on {kind} folders")
            sink.forget(retried)
        previous.done = sink.done_ids()
        previous.failed = len(errors) - len(retried)
        previous.retried = len(retried)
    return TableWriter(sink, path, lock), previous


def _lock_folder(folder: Path) -> int:
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd = os.open(folder / LOCK, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
    except OSError as exc:
        raise OutputError(f"cannot write {folder}: {exc.strerror or exc}") from exc
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError as exc:
        os.close(fd)
        raise OutputError(f"{folder} is being written by another extract run (locked)") from exc
    return fd


def _release(lock: int | None) -> None:
    if lock is not None:
        with contextlib.suppress(OSError):
            os.close(lock)


def _first_line(exc: BaseException) -> str:
    return str(exc).strip().split("\n", 1)[0] or type(exc).__name__
