"""The base of the table writers: lines in, rows out in batches, each batch whole or not at all.

A sink takes output lines as the JSON Lines file would (the batch runner writes to it the same
way), buffers a batch of articles, and writes the batch's rows of every table together:
one DuckDB transaction, one set of Parquet part files renamed into place, or CSV appends
recorded in a manifest only once complete. So memory stays flat over any archive, and a run
killed halfway and resumed gives the same rows as one run.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from .columns import TABLES
from .rows import Rows, empty, rows

BATCH = 500
LOCK = ".extract.lock"  # the batch's advisory lock on a folder output (batch/table_output.py)


class OutputRefused(Exception):
    """The output exists and may not be written over, or cannot be written: one line."""


def need_extra(module: str) -> Any:
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError as exc:
        raise OutputRefused(f"tables need the optional packages duckdb and pyarrow: "
                            f"pip install 'extractor[tables]' ({exc.name} is missing)") from exc


def _arrow_type(pa: Any, kind: str) -> Any:
    return {"VARCHAR": pa.string(), "BIGINT": pa.int64(), "DOUBLE": pa.float64(), "BOOLEAN": pa.bool_(),
            "TIMESTAMPTZ": pa.timestamp("us", tz="UTC")}[kind]


def _instant(value: Any) -> datetime | None:
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except (TypeError, ValueError):  # a JSON line edited by hand: no time rather than no table
        return None
    return parsed.astimezone(UTC) if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def arrow(table: str, records: list[dict[str, Any]]) -> Any:
    """One table's rows as a pyarrow Table with the declared column types."""
    pa = need_extra("pyarrow")
    columns = TABLES[table]
    schema = pa.schema([(c.name, _arrow_type(pa, c.type)) for c in columns])
    data = {c.name: [(_instant(r.get(c.name)) if c.type == "TIMESTAMPTZ" else r.get(c.name)) for r in records]
            for c in columns}
    return pa.table(data, schema=schema)


class Sink:
    """Takes output lines; writes their rows in batches of articles."""

    def __init__(self) -> None:
        self._rows: Rows = empty()
        self._pending = 0

    def write(self, text: str) -> int:
        for line in text.splitlines():
            if line.strip():
                record = json.loads(line)
                ident = str(record.get("id") or "")
                for table, found in rows(ident, record).items():
                    self._rows[table].extend(found)
                self._pending += 1
        if self._pending >= BATCH:
            self.commit()
        return len(text)

    def flush(self) -> None:
        """Lines are committed in batches (a DuckDB transaction per line would cost 100 × more)."""

    def commit(self) -> None:
        if self._pending:
            self._write(self._rows)
        self._rows, self._pending = empty(), 0

    def close(self) -> None:
        self.commit()
        self.write_people()

    def write_people(self) -> None:
        """The people table and the person_id columns, over everything written (tables.people)."""
        raise NotImplementedError

    def done_ids(self) -> set[str]:
        return {ident for ident, _ in self._articles()}

    def errors(self) -> dict[str, str]:
        """Articles written as failures: id → error type."""
        return {ident: kind for ident, kind in self._articles() if kind}

    def _articles(self) -> list[tuple[str, str | None]]:
        """(article_id, error_type) of every article row written so far."""
        raise NotImplementedError

    def _write(self, batch: Rows) -> None:
        raise NotImplementedError

    def __enter__(self) -> Sink:
        return self

    def __exit__(self, kind: type[BaseException] | None, *exc: object) -> None:
        if kind is None:
            self.close()
        else:  # failing: no half batch committed and no people index over it; the error stands
            self.abandon()

    def abandon(self) -> None:
        """Drop what is buffered and release the output without writing more."""
        self._rows, self._pending = empty(), 0
