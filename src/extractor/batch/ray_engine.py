"""The same batch run on a Ray cluster: read inputs → map_batches with Kiwi-holding actors → write.

Ray is an optional extra (`pip install 'extractor[ray]'`). Each actor is the local
engine (`threads.Engine`): one Extractor and one Kiwi whose C++ threads are the actor's
CPUs, so an 8-CPU node runs, say, two 4-thread actors with two models in memory instead
of eight, and both engines give the same line for the same input, error lines included.
File items travel as paths (every node must see the same files); JSON Lines and WARC
items carry their bytes.
"""

from __future__ import annotations

import contextlib
import json
import logging
import math
import time
from collections.abc import Iterable
from dataclasses import asdict
from typing import Any

from ..pipeline import Settings
from .item import Item
from .runner import Summary, Writer
from .threads import Engine

INSTALL_HINT = "--engine ray needs Ray: pip install 'extractor[ray]'"
BATCH_PER_THREAD = 16  # Kiwi reads ahead 16 pieces a thread: a smaller batch would leave its threads idle at each end


class MissingRay(RuntimeError):
    """Ray is not installed; the message says how to install it."""


def _ray() -> Any:
    try:
        import ray
    except ImportError as exc:
        raise MissingRay(INSTALL_HINT) from exc
    return ray


class ExtractActor:
    """A Ray actor holding one engine (one Kiwi on `threads` threads) for all the batches it is given."""

    def __init__(self, settings: Settings, published_at: str | None, threads: int = 1) -> None:
        self.engine = Engine(settings, threads, published_at)

    def __call__(self, batch: dict[str, Any]) -> dict[str, list[Any]]:
        items = []
        for row in _rows(batch):
            row["warnings"] = tuple(json.loads(row.get("warnings") or "[]"))
            items.append(Item(**row))
        lines, oks = [], []
        for line, ok in self.engine.lines(items):
            lines.append(line)
            oks.append(ok)
        return {"id": list(batch["id"]), "line": lines, "ok": oks}


def _rows(batch: dict[str, Any]) -> list[dict[str, Any]]:
    keys = list(batch)
    count = len(batch[keys[0]]) if keys else 0
    rows = []
    for i in range(count):
        row = {key: _plain(batch[key][i]) for key in keys}
        rows.append(row)
    return rows


def _plain(value: Any) -> Any:
    """numpy scalars back to Python values, and the NaN Ray puts for a missing value to None."""
    if hasattr(value, "item") and not isinstance(value, (bytes, str)):
        with contextlib.suppress(ValueError, AttributeError):  # arrays of more than one element stay
            value = value.item()
    if isinstance(value, float) and math.isnan(value):
        return None
    return value


def run(items: Iterable[Item], out: Writer | None, *, settings: Settings | None = None,
        address: str | None = None, actors: int | None = None, threads: int = 1, published_at: str | None = None,
        parquet: str | None = None, skip: set[str] | None = None) -> Summary:
    """Extract every item on Ray; JSON Lines to `out` in input order, or Parquet to `parquet`.

    Each actor asks Ray for `threads` CPUs and gives them to its Kiwi; `actors` defaults to
    as many as the cluster's CPUs hold.
    """
    ray = _ray()
    settings = settings or Settings()
    summary = Summary()
    started = time.monotonic()
    if not ray.is_initialized():
        ray.init(address=address, include_dashboard=False, ignore_reinit_error=True, log_to_driver=False,
                 logging_level=logging.WARNING)
    rows = []
    for item in items:
        if skip and item.id in skip:
            summary.skipped += 1
            continue
        row = asdict(item)
        row["warnings"] = json.dumps(list(item.warnings))  # a string column: Arrow types no empty list
        rows.append(row)
    if not rows:
        summary.seconds = time.monotonic() - started
        return summary
    context = ray.data.DataContext.get_current()
    context.execution_options.preserve_order = True
    context.enable_progress_bars = False
    logging.getLogger("ray.data").setLevel(logging.WARNING)
    dataset = ray.data.from_items(rows)
    threads = max(1, threads)
    size = actors or max(1, int(ray.cluster_resources().get("CPU", 1)) // threads)
    results = dataset.map_batches(
        ExtractActor, fn_constructor_kwargs={"settings": settings, "published_at": published_at, "threads": threads},
        batch_size=BATCH_PER_THREAD * threads, compute=ray.data.ActorPoolStrategy(size=size), num_cpus=threads,
        batch_format="numpy",
    )
    if parquet:
        results = results.materialize()  # computed once, then written and counted
        results.write_parquet(parquet)
        for row in results.select_columns(["ok"]).iter_rows():
            summary.ok += bool(row["ok"])
            summary.failed += not row["ok"]
    else:
        assert out is not None
        for row in results.iter_rows():
            out.write(str(row["line"]) + "\n")
            out.flush()
            summary.ok += bool(row["ok"])
            summary.failed += not row["ok"]
    summary.seconds = time.monotonic() - started
    return summary

