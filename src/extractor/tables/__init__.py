"""The output as analysis-ready tables: one per record kind, linked by article_id and offsets.

`to_tables(articles)` gives pyarrow tables; `open_sink(path, kind=...)` streams a batch into an
embedded DuckDB file or a folder of Parquet or CSV files. Needs the `tables` extra
(pip install 'extractor[tables]'): duckdb and pyarrow.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from ..records import Article
from .columns import TABLES, ddl
from .rows import empty, rows
from .writers import OutputRefused, Sink, arrow, open_sink

__all__ = ["TABLES", "OutputRefused", "Sink", "ddl", "open_sink", "to_tables"]


def to_tables(articles: Iterable[Article | tuple[str, Article]]) -> dict[str, Any]:
    """pyarrow tables for an iterable of Articles (or (id, Article) pairs), by table name."""
    collected = empty()
    for number, entry in enumerate(articles, start=1):
        ident, article = entry if isinstance(entry, tuple) else (entry.id or str(number), entry)
        for table, found in rows(ident, json.loads(article.model_dump_json())).items():
            collected[table].extend(found)
    return {table: arrow(table, records) for table, records in collected.items()}
