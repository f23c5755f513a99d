"""What every batch worker runs, local or on Ray: one input in, one output line out.

A worker holds one Extractor (so one Kiwi) for its life. Local pool workers also die
with their parent: a killed `extract` must not leave 350 MB workers running for minutes.
"""

from __future__ import annotations

import contextlib
import ctypes
import json
import os
import signal
import sys
import threading
import time
from pathlib import Path

from ..clean.meta import parse_timestamp
from ..errors import ExtractorError
from ..pipeline import Extractor, Settings
from ..records import Article
from .item import Item

_worker: Extractor | None = None
_PR_SET_PDEATHSIG = 1


def process(item: Item, published_at: str | None = None) -> tuple[str, bool]:
    """(the output line for `item`, whether it succeeded); never raises for a bad document."""
    global _worker
    if _worker is None:
        _worker = Extractor(Settings())
    if item.error:
        return error_line(item.id, item.error_kind, item.error), False
    source, published, warnings = inputs_of(item, published_at)
    try:
        article = _worker.extract(source, published_at=published, path=item.shown_path, format=item.format)
    except Exception as exc:
        return failure_line(item, exc), False
    return article_line(item, article, warnings), True


def inputs_of(item: Item, published_at: str | None) -> tuple[Path | bytes, str | None, list[str]]:
    """What is extracted for `item`: its source, the publication date to give, warnings to add."""
    warnings = list(item.warnings)
    published = item.published_at or published_at
    if item.published_at and parse_timestamp(item.published_at) is None:
        # the record's own date is a hint, not the article: warn and read the page's date instead
        warnings.append(f"published_at {item.published_at!r} is not a date: ignored")
        published = published_at
    return (Path(item.path) if item.path else (item.data or b"")), published, warnings


def article_line(item: Item, article: Article, warnings: list[str]) -> str:
    """The output line of an extracted item: its id, URL and the batch's warnings added."""
    update: dict[str, object] = {"id": item.id}
    if item.url:
        update["source"] = article.source.model_copy(update={"url": item.url})
    if warnings:
        update["warnings"] = [*article.warnings, *warnings]
    return article.model_copy(update=update).model_dump_json()


def failure_line(item: Item, exc: Exception) -> str:
    """The error line of an item whose extraction raised: a bug of ours must not stop the batch."""
    if isinstance(exc, ExtractorError):
        return error_line(item.id, type(exc).__name__, str(exc))
    return error_line(item.id, type(exc).__name__, f"internal error: {exc}")


def error_line(ident: str, kind: str, message: str) -> str:
    return json.dumps({"id": ident, "error": kind, "message": message}, ensure_ascii=False)


def init_worker(settings: Settings) -> None:
    """Build the worker's Extractor and pay Kiwi's start-up before the first document."""
    global _worker
    _worker = Extractor(settings)
    from .. import analysis

    analysis.kiwi(**settings.kiwi_options).tokenize("")


def init_pool_worker(settings: Settings) -> None:
    """A local pool worker: ignores Ctrl-C (the parent ends the run), dies with its parent."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    die_with_parent()
    init_worker(settings)


def die_with_parent() -> None:
    """The kernel kills this process when its parent dies (Linux); elsewhere a thread watches."""
    parent = os.getppid()
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # the parent died before the death signal was set
        os._exit(1)
    # The fallback, also for Linux: the death signal follows the thread that forked us, not the process.
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True, name="watch-parent").start()


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(1)
