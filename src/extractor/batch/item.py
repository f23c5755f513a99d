"""One document of a batch, as it travels from the reader to a worker (pickled, or a Ray row)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Item:
    """One document to extract, named by `id` in the output line.

    A file travels as its `path` (the worker reads it, within the budget); a JSON Lines or
    WARC record as its `data`, already cut to the budget. `error` makes it an error line;
    `warnings` are added to its article (a repaired character, a renamed duplicate id).
    """

    id: str
    path: str | None = None
    data: bytes | None = None
    format: str = "auto"
    published_at: str | None = None
    url: str | None = None
    error: str | None = None
    error_kind: str = "InputError"
    warnings: tuple[str, ...] = ()
    shown_path: str | None = None
