"""One process, every core, one Kiwi: documents stream through Kiwi's own threads.

Kiwi's `tokenize(iterable)` tokenizes on its C++ threads without the GIL, and pulls its
input from the calling thread a few dozen pieces ahead. So the main thread feeds it the
pieces of documents it has prepared (read, decode, clean: `Extractor.prepare`), and when
a document's last piece comes back it runs the extractors (`Extractor.finish`) and writes
its line, while Kiwi's threads tokenize the documents behind it. One model in memory
instead of one per worker process, and our Python overlaps Kiwi's C++.

The time budget holds without SIGALRM in any other thread: the two Python stages run
in the calling thread, the second under what the first left of the document's budget
(an alarm stops them in the main thread; in another, such as a Ray actor's, the clock
is read when each returns). The budget counts the document's own work, not the time it
waited behind a slow one; Kiwi's part, on its threads, is linear in the text, which the
size limit bounds. Lines are written in input order, as soon as every document before them
is written: at most Kiwi's look-ahead of documents waits in memory, whatever the batch.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from .. import analysis
from ..budget import OverBudget, time_budget
from ..pipeline import Extractor, Prepared, Settings
from .item import Item
from .worker import article_line, error_line, failure_line, inputs_of

Line = tuple[str, bool]


@dataclass(eq=False)
class _Doc:
    """One document between its reading and its line."""

    item: Item
    spent: float = 0.0  # seconds of our stages so far: the budget is the document's own time
    warnings: list[str] = field(default_factory=list)
    prepared: Prepared | None = None
    results: list[Any] = field(default_factory=list)
    line: Line | None = None  # set once the document is done, well or not


class Engine:
    """An Extractor and one Kiwi with `threads` threads, for all the documents of a process."""

    def __init__(self, settings: Settings | None = None, threads: int = 1, published_at: str | None = None) -> None:
        self.settings = settings or Settings()
        self.extractor = Extractor(self.settings)
        self.published_at = published_at
        self.kiwi = analysis.kiwi(**{**self.settings.kiwi_options, "num_workers": max(1, threads)})
        self.kiwi.tokenize("")  # the rest of the model loads on the first call: pay it before the first document

    def lines(self, items: Iterable[Item]) -> Iterator[Line]:
        """Each item's line, in input order (a small batch: a Ray actor's, a test's)."""
        done: list[Line] = []
        self.run(items, done.append)
        return iter(done)

    def run(self, items: Iterable[Item], write: Callable[[Line], object]) -> None:
        """Write each item's line, in input order; a bad document is its error line, never an exception."""
        waiting: deque[_Doc] = deque()  # in input order, not yet written
        owners: deque[_Doc] = deque()  # the document of each piece given to Kiwi, in Kiwi's order

        def flush() -> None:
            while waiting and waiting[0].line is not None:
                line = waiting.popleft().line
                assert line is not None
                write(line)

        def feed() -> Iterator[str]:
            for item in items:
                flush()  # what is done is written before the next document is read
                doc = self._prepare(item)
                waiting.append(doc)
                if doc.line is not None or doc.prepared is None:
                    continue
                if not doc.prepared.pieces:
                    self._finish(doc)
                    continue
                for _, text in doc.prepared.pieces:
                    owners.append(doc)
                    yield text

        for result in self.kiwi.tokenize(feed()):
            doc = owners.popleft()
            doc.results.append(result)
            assert doc.prepared is not None
            if len(doc.results) == len(doc.prepared.pieces):
                self._finish(doc)
                flush()
        flush()

    def _prepare(self, item: Item) -> _Doc:
        doc = _Doc(item)
        if item.error:
            doc.line = error_line(item.id, item.error_kind, item.error), False
            return doc
        source, published, doc.warnings = inputs_of(item, self.published_at)
        started = time.monotonic()
        try:
            with time_budget(self.settings.time_limit):
                doc.prepared = self.extractor.prepare(source, published_at=published, path=item.shown_path,
                                                      format=item.format)
            self._charge(doc, started)
        except Exception as exc:
            doc.line, doc.prepared = (failure_line(item, exc), False), None
        return doc

    def _finish(self, doc: _Doc) -> None:
        assert doc.prepared is not None
        started = time.monotonic()
        try:
            with time_budget(self._left(doc)):
                article = self.extractor.finish(doc.prepared, doc.results)
            self._charge(doc, started)
            doc.line = article_line(doc.item, article, doc.warnings), True
        except OverBudget:  # the alarm was set to what was left: the line names the whole budget
            doc.line = failure_line(doc.item, self._overdue()), False
        except Exception as exc:
            doc.line = failure_line(doc.item, exc), False
        doc.prepared, doc.results = None, []

    def _charge(self, doc: _Doc, started: float) -> None:
        """Count the stage begun at `started` against the document; past its budget, it fails."""
        doc.spent += time.monotonic() - started
        self._left(doc)

    def _left(self, doc: _Doc) -> float | None:
        """Seconds left of the document's budget (None: no budget)."""
        limit = self.settings.time_limit
        if not limit:
            return None
        if doc.spent >= limit:
            raise self._overdue()
        return limit - doc.spent

    def _overdue(self) -> OverBudget:
        return OverBudget(f"over the time budget of {self.settings.time_limit:g} s per document")
