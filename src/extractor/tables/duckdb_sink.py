"""Tables in an embedded DuckDB file: one transaction per batch of articles."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from . import people
from .columns import TABLES
from .rows import Rows
from .sink import OutputRefused, Sink, arrow, need_extra


class DuckDBSink(Sink):
    def __init__(self, path: Path, *, resume: bool = False) -> None:
        super().__init__()
        duckdb = need_extra("duckdb")
        need_extra("pyarrow")
        if path.exists() and not resume:
            raise OutputRefused(f"{path} exists: use --resume to add to it, or another -o")
        from .columns import ddl

        self._con = duckdb.connect(str(path))
        self._con.execute(ddl())
        # A database an older version wrote gains the columns added since (names are only added).
        for table, columns in TABLES.items():
            for column in columns:
                self._con.execute(f"ALTER TABLE {table} ADD COLUMN IF NOT EXISTS {column.name} {column.type}")

    def _articles(self) -> list[tuple[str, str | None]]:
        return [(row[0], row[1]) for row in self._con.execute("SELECT article_id, error_type FROM articles").fetchall()]

    def forget(self, ids: Iterable[str]) -> None:
        """Delete every row of these articles (to reprocess inputs that failed)."""
        gone = list(ids)
        if not gone:
            return
        self._con.execute("BEGIN TRANSACTION")
        for table in (t for t, columns in TABLES.items() if columns[0].name == "article_id"):
            self._con.execute(f"DELETE FROM {table} WHERE article_id IN (SELECT unnest(?))", [gone])
        self._con.execute("COMMIT")

    def _write(self, batch: Rows) -> None:
        self._con.execute("BEGIN TRANSACTION")
        for table, records in batch.items():
            if records:
                self._con.register("batch_rows", arrow(table, records))
                self._con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM batch_rows")
                self._con.unregister("batch_rows")
        self._con.execute("COMMIT")

    def write_people(self) -> None:
        columns = ", ".join(people.OFFICIAL_FIELDS)
        rows = self._con.execute(f"SELECT {columns} FROM officials").fetchall()
        found = people.index(dict(zip(people.OFFICIAL_FIELDS, row, strict=True)) for row in rows)
        mapping = [{"article_id": r[0], "official": r[1], "person_id": found.person_of(r[0], r[1])} for r in rows]
        pa = need_extra("pyarrow")
        self._con.execute("BEGIN TRANSACTION")
        self._con.execute("DELETE FROM people")
        self._con.register("people_rows", arrow("people", people.people_rows(found)))
        self._con.execute("INSERT INTO people SELECT * FROM people_rows")
        self._con.unregister("people_rows")
        self._con.register("person_map", pa.Table.from_pylist(mapping, schema=pa.schema(
            [("article_id", pa.string()), ("official", pa.int64()), ("person_id", pa.string())])))
        for table in ("officials", "quotes"):
            self._con.execute(f"UPDATE {table} SET person_id = m.person_id FROM person_map m "
                              f"WHERE {table}.article_id = m.article_id AND {table}.official = m.official")
        self._con.unregister("person_map")
        self._con.execute("COMMIT")

    def close(self) -> None:
        try:
            super().close()
        finally:
            self._con.close()

    def abandon(self) -> None:
        super().abandon()
        self._con.close()
