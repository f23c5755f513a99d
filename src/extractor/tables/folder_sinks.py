"""Tables as a folder of files: Parquet part files per batch, or one CSV file per table."""

from __future__ import annotations

import csv
import json
import os
from pathlib import Path
from typing import Any

from . import people
from .columns import TABLES
from .rows import Rows
from .sink import LOCK, OutputRefused, Sink, arrow, need_extra


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
        self._pq = need_extra("pyarrow.parquet")
        done = {p.stem for p in (folder / "articles").glob("part-*.parquet")}
        for table, columns in TABLES.items():
            parts = sorted((folder / table).glob("part-*.parquet")) if (folder / table).is_dir() else []
            if parts and self._pq.read_schema(parts[0]).names != [c.name for c in columns]:
                raise OutputRefused(f"{folder / table} has other columns than this version writes: use a new folder")
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

    def write_people(self) -> None:
        parts = {table: sorted((self.folder / table).glob("part-*.parquet")) for table in ("officials", "quotes")}
        officials = [row for part in parts["officials"] for row in self._pq.read_table(part).to_pylist()]
        found = people.index(officials)
        for table, files in parts.items():
            for part in files:
                records = self._pq.read_table(part).to_pylist()
                for record in records:
                    record["person_id"] = people.person_of(found, record)
                self._replace(arrow(table, records), part)
        for old in (self.folder / "people").glob("part-*"):
            old.unlink()
        self._replace(arrow("people", people.people_rows(found)), self.folder / "people" / "part-00000.parquet")

    def _replace(self, table: Any, target: Path) -> None:
        temporary = target.with_suffix(".tmp")
        self._pq.write_table(table, temporary)
        os.replace(temporary, target)

    def _write(self, batch: Rows) -> None:
        name = f"part-{self._next:05d}"
        for table in [t for t in TABLES if t not in ("articles", "people")] + ["articles"]:
            self._replace(arrow(table, batch[table]), self.folder / table / f"{name}.parquet")
        self._next += 1


class CsvSink(_FolderSink):
    """TABLE.csv in UTF-8 with a BOM (Excel reads Hangul), RFC 4180 quoting and CRLF lines.

    `_complete.json` records each file's size after every complete batch; a resumed run first
    cuts the files back to it, so a batch cut short is written again, never twice.
    """

    MANIFEST = "_complete.json"

    def __init__(self, folder: Path, *, resume: bool = False) -> None:
        super().__init__(folder, resume=resume)
        self._finish_rewrite()  # a close cut short while it replaced the person_id files
        manifest = folder / self.MANIFEST
        sizes: dict[str, int] = json.loads(manifest.read_text(encoding="utf-8")) if manifest.exists() else {}
        for table, columns in TABLES.items():
            path = folder / f"{table}.csv"
            if path.exists() and path.stat().st_size and _header(path) != [c.name for c in columns]:
                raise OutputRefused(f"{path} has other columns than this version writes: use a new folder")
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

    PENDING = "_rewrite.pending"

    def write_people(self) -> None:
        """Every rewritten file is complete before any replaces its table, and a journal says
        so: a close cut short is finished by the next run, never left half way."""
        officials = self._read("officials")
        found = people.index(officials)
        for table in ("officials", "quotes"):
            records = officials if table == "officials" else self._read("quotes")
            for record in records:
                record["person_id"] = people.person_of(found, record)
            self._write_temporary(table, records)
        self._write_temporary("people", people.people_rows(found))
        (self.folder / self.PENDING).write_text("officials quotes people", encoding="utf-8")
        self._finish_rewrite()

    def _finish_rewrite(self) -> None:
        pending = self.folder / self.PENDING
        if not pending.exists():
            for stale in self.folder.glob("*.csv.tmp"):  # written, but never journaled: not complete
                stale.unlink()
            return
        for table in pending.read_text(encoding="utf-8").split():
            temporary = self.folder / f"{table}.csv.tmp"
            if temporary.exists():
                os.replace(temporary, self.folder / f"{table}.csv")
        self._save_manifest()
        pending.unlink()

    def _read(self, table: str) -> list[dict[str, Any]]:
        with (self.folder / f"{table}.csv").open(encoding="utf-8-sig", newline="") as handle:
            return list(csv.DictReader(handle))

    def _write_temporary(self, table: str, records: list[dict[str, Any]]) -> None:
        columns = TABLES[table]
        with (self.folder / f"{table}.csv.tmp").open("w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle, lineterminator="\r\n")
            writer.writerow(c.name for c in columns)
            writer.writerows([_csv_value(r.get(c.name)) for c in columns] for r in records)
            handle.flush()
            os.fsync(handle.fileno())

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


def _header(path: Path) -> list[str]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return next(csv.reader(handle), [])


def _csv_value(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
