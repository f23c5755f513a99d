"""Streaming writers of the tables: an embedded DuckDB file, or a folder of Parquet or CSV files.

A sink takes output lines as the JSON Lines file would (the batch runner writes to it the same
way), buffers a batch of articles, and writes the batch's rows of every table together or not
at all: one DuckDB transaction, one set of Parquet part files renamed into place, or CSV
appends recorded in a manifest only once complete. So memory stays flat over any archive, and a
run killed halfway and resumed gives the same rows as one run.
"""

from __future__ import annotations

import csv
import json
import os
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from .columns import TABLES
from .rows import Rows, empty, rows

BATCH = 500
LOCK = ".extract.lock"  # the batch's advisory lock on a folder output (batch/table_output.py)


class OutputRefused(Exception):
    """The output exists and may not be written over, or cannot be written: one line."""


def _need(module: str) -> Any:
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
    parsed = datetime.fromisoformat(value)
    return parsed.astimezone(UTC) if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def arrow(table: str, records: list[dict[str, Any]]) -> Any:
    """One table's rows as a pyarrow Table with the declared column types."""
    pa = _need("pyarrow")
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

    def done_ids(self) -> set[str]:
        return set(self.errors()) | self._ok_ids()

    def errors(self) -> dict[str, str]:
        """Articles written as failures: id → error type."""
        return {ident: kind for ident, kind in self._articles() if kind}

    def _ok_ids(self) -> set[str]:
        return {ident for ident, kind in self._articles() if not kind}

    def _articles(self) -> list[tuple[str, str | None]]:
        """(article_id, error_type) of every article row written so far."""
        raise NotImplementedError

    def _write(self, batch: Rows) -> None:
        raise NotImplementedError

    def __enter__(self) -> Sink:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class DuckDBSink(Sink):
    def __init__(self, path: Path, *, resume: bool = False) -> None:
        super().__init__()
        duckdb = _need("duckdb")
        _need("pyarrow")
        if path.exists() and not resume:
            raise OutputRefused(f"{path} exists: use --resume to add to it, or another -o")
        from .columns import ddl

        self._con = duckdb.connect(str(path))
        self._con.execute(ddl())

    def _articles(self) -> list[tuple[str, str | None]]:
        return [(row[0], row[1]) for row in self._con.execute("SELECT article_id, error_type FROM articles").fetchall()]

    def forget(self, ids: Iterable[str]) -> None:
        """Delete every row of these articles (to reprocess inputs that failed)."""
        gone = list(ids)
        if not gone:
            return
        self._con.execute("BEGIN TRANSACTION")
        for table in TABLES:
            self._con.execute(f"DELETE FROM {table} WHERE article_id IN (SELECT unnest(?))", [gone])
        self._con.execute("COMMIT")

    def _write(self, batch: Rows) -> None:
        self._con.execute("BEGIN TRANSACTION")
        for table, records in batch.items():
            if records:
                self._con.register("batch_rows", arrow(table, records))
                self._con.execute(f"INSERT INTO {table} SELECT * FROM batch_rows")
                self._con.unregister("batch_rows")
        self._con.execute("COMMIT")

    def close(self) -> None:
        super().close()
        self._con.close()


class _FolderSink(Sink):
    def __init__(self, folder: Path, *, resume: bool = False) -> None:
        super().__init__()
        if folder.exists() and any(p.name != LOCK for p in folder.iterdir()) and not resume:
            raise OutputRefused(f"{folder} is not empty: use --resume to add to it, or another folder")
        folder.mkdir(parents=True, exist_ok=True)
        self.folder = folder


class ParquetSink(_FolderSink):
    """TABLE/part-NNNNN.parquet per batch; a batch counts once its articles part is in place."""

    def __init__(self, folder: Path, *, resume: bool = False) -> None:
        super().__init__(folder, resume=resume)
        self._pq = _need("pyarrow.parquet")
        done = {p.stem for p in (folder / "articles").glob("part-*.parquet")}
        for table in TABLES:  # parts of a batch cut short before its articles part: written again
            (folder / table).mkdir(exist_ok=True)
            for part in (folder / table).glob("part-*"):
                if part.stem not in done or part.suffix != ".parquet":
                    part.unlink()
        self._next = len(done)

    def _articles(self) -> list[tuple[str, str | None]]:
        out: list[tuple[str, str | None]] = []
        for part in sorted((self.folder / "articles").glob("part-*.parquet")):
            table = self._pq.read_table(part, columns=["article_id", "error_type"])
            out.extend(zip(table.column(0).to_pylist(), table.column(1).to_pylist(), strict=True))
        return out

    def _write(self, batch: Rows) -> None:
        name = f"part-{self._next:05d}"
        for table in [t for t in TABLES if t != "articles"] + ["articles"]:
            target = self.folder / table / f"{name}.parquet"
            temporary = target.with_suffix(".tmp")
            self._pq.write_table(arrow(table, batch[table]), temporary)
            os.replace(temporary, target)
        self._next += 1


class CsvSink(_FolderSink):
    """TABLE.csv in UTF-8 with a BOM (Excel reads Hangul), RFC 4180 quoting and CRLF lines.

    `_complete.json` records each file's size after every complete batch; a resumed run first
    cuts the files back to it, so a batch cut short is written again, never twice.
    """

    MANIFEST = "_complete.json"

    def __init__(self, folder: Path, *, resume: bool = False) -> None:
        super().__init__(folder, resume=resume)
        manifest = folder / self.MANIFEST
        sizes: dict[str, int] = json.loads(manifest.read_text(encoding="utf-8")) if manifest.exists() else {}
        for table, columns in TABLES.items():
            path = folder / f"{table}.csv"
            if table in sizes and path.exists():
                with path.open("r+b") as handle:
                    handle.truncate(sizes[table])
            elif not path.exists() or table not in sizes:
                with path.open("w", encoding="utf-8-sig", newline="") as handle:
                    csv.writer(handle, lineterminator="\r\n").writerow(c.name for c in columns)
        self._save_manifest()

    def _articles(self) -> list[tuple[str, str | None]]:
        with (self.folder / "articles.csv").open(encoding="utf-8-sig", newline="") as handle:
            return [(row["article_id"], row["error_type"] or None) for row in csv.DictReader(handle)]

    def _write(self, batch: Rows) -> None:
        for table, columns in TABLES.items():
            with (self.folder / f"{table}.csv").open("a", encoding="utf-8-sig", newline="") as handle:
                writer = csv.writer(handle, lineterminator="\r\n")
                writer.writerows([_csv_value(r.get(c.name)) for c in columns] for r in batch[table])
        self._save_manifest()

    def _save_manifest(self) -> None:
        sizes = {table: (self.folder / f"{table}.csv").stat().st_size for table in TABLES}
        temporary = self.folder / (self.MANIFEST + ".tmp")
        temporary.write_text(json.dumps(sizes), encoding="utf-8")
        os.replace(temporary, self.folder / self.MANIFEST)


def _csv_value(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def open_sink(target: Path, *, kind: str, resume: bool = False) -> Sink:
    """The writer for `kind`: duckdb (a file), parquet or csv (a folder of one file per table)."""
    if kind == "duckdb":
        return DuckDBSink(target, resume=resume)
    if kind == "parquet":
        return ParquetSink(target, resume=resume)
    if kind == "csv":
        return CsvSink(target, resume=resume)
    raise OutputRefused(f"unknown table format {kind!r} (duckdb, parquet or csv)")
