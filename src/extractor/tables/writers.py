"""The table writers: an embedded DuckDB file, or a folder of Parquet or CSV files."""

from __future__ import annotations

from pathlib import Path

from .duckdb_sink import DuckDBSink
from .folder_sinks import CsvSink, ParquetSink
from .sink import BATCH, LOCK, OutputRefused, Sink, arrow

__all__ = ["BATCH", "LOCK", "CsvSink", "DuckDBSink", "OutputRefused", "ParquetSink", "Sink", "arrow", "open_sink"]


def open_sink(target: Path, *, kind: str, resume: bool = False) -> Sink:
    """The writer for `kind`: duckdb (a file), parquet or csv (a folder of one file per table)."""
    if kind == "duckdb":
        return DuckDBSink(target, resume=resume)
    if kind == "parquet":
        return ParquetSink(target, resume=resume)
    if kind == "csv":
        return CsvSink(target, resume=resume)
    raise OutputRefused(f"unknown table format {kind!r} (duckdb, parquet or csv)")
