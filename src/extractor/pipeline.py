"""The only place the stages meet: decode → clean → tokenize → extract → link → validate.

Each stage is a module of its own; this one passes their results along and turns every
failure into an `ExtractorError`, so the CLI and batch runs can report it in one line.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any, Literal

from pydantic import ValidationError

from . import analysis, link, rules
from .article_meta import meta_of, warnings_of
from .budget import read_file, time_budget
from .clean.lines import Cleaned
from .clean.text import clean_text
from .decode import decode
from .errors import ExtractorError, InputError, InternalError
from .extractors import indicators, officials, policies, quotes, registry_link, sections, years
from .extractors.base import Result, Step, check_order
from .records import Article, Meta, Source

Format = Literal["auto", "text", "html"]
Source_ = str | bytes | Path
_HTML_SNIFF = re.compile(r"<\s*(?:!doctype\s+html|html|head|body|meta|div|p|article|title)\b", re.I)
_HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml")

# The record extractors in dependency order: a step reads only the kinds of the steps above it.
STEPS: tuple[Step, ...] = (officials.STEP, quotes.STEP, years.STEP, indicators.STEP, policies.STEP, sections.STEP)
check_order(STEPS)


@dataclass(frozen=True)
class Settings:
    """Everything a run can tune, in one place (trafilatura's options object, not globals)."""

    format: Format = "auto"
    # Budgets per document: larger or slower inputs get an error, and a batch goes on.
    max_bytes: int = 10 * 1024 * 1024
    time_limit: float | None = 60.0
    kiwi_options: dict[str, Any] = field(default_factory=dict)
    # What the documents are: "auto" detects it (clean/release.py); "news", "press_release" or
    # "transcript" says it for a batch whose kind is known (an archive of one ministry's releases).
    kind: str = "auto"


class Extractor:
    """Holds the settings and extracts many documents with the process's one Kiwi."""

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or Settings()
        # A broken rule file fails here, in one line per problem, before any document is read.
        rules.check()
        self._analyzer: Any = None

    @property
    def analyzer(self) -> Any:
        """This extractor's Kiwi: shared with every Extractor of the same options, built on first use."""
        if self._analyzer is None:
            self._analyzer = analysis.kiwi(**self.settings.kiwi_options)
        return self._analyzer

    def extract(self, source: Source_, *, published_at: datetime | date | str | None = None,
                path: str | None = None, format: str | None = None) -> Article:
        """One article from text (`str`), raw bytes, or a file path (`pathlib.Path`).

        Raises `InputError` for an input that is not an article (empty, binary, over the size
        or time budget, not a regular file, an unreadable `published_at`) and `InternalError`
        for a bug of ours met on it; both are `ExtractorError`, each a one-line message.
        """
        # The time budget covers reading too: a slow or stuck file system is the document's fault.
        with time_budget(self.settings.time_limit):
            prepared = self.prepare(source, published_at=published_at, path=path, format=format)
            analyzer = self.analyzer
            return self.finish(prepared, [analyzer.tokenize(text) for _, text in prepared.pieces])

    def prepare(self, source: Source_, *, published_at: datetime | date | str | None = None,
                path: str | None = None, format: str | None = None) -> Prepared:
        """Everything before Kiwi: read, decode, clean, metadata; and the pieces Kiwi is to tokenize.

        The batch engine (batch/threads.py) runs this and `finish` in its main thread and Kiwi
        on its own threads in between; `extract` runs the three in turn. Raises as `extract` does.
        """
        wanted = _as_format(format or self.settings.format)
        with _guarded():
            data, note = self._read(source)
            if len(data) > self.settings.max_bytes:
                raise InputError(f"{len(data)} bytes is over the limit of {self.settings.max_bytes}")
            decoded = decode(data, max_bytes=self.settings.max_bytes)
            kind = _format(wanted, decoded.text, path or (str(source) if isinstance(source, Path) else None))
            if kind == "html":
                from .clean.html import clean_html  # lxml costs 15 ms to import: only pages pay it

                cleaned = clean_html(decoded.text)
            else:
                cleaned = clean_text(decoded.text)
            meta = meta_of(cleaned, published_at, self.settings.kind)
            source_record = Source(path=path or (str(source) if isinstance(source, Path) else None), format=kind,
                                   encoding=decoded.encoding, sha256=hashlib.sha256(data).hexdigest(), size=len(data))
            warnings = decoded.warnings + cleaned.warnings + warnings_of(cleaned, meta)
            return Prepared(source_record, cleaned, meta, warnings, note, analysis.pieces(cleaned.body))

    def finish(self, prepared: Prepared, results: Iterable[Iterable[Any]]) -> Article:
        """Everything after Kiwi: `results` are Kiwi's tokens of each of `prepared.pieces`, in order."""
        with _guarded():
            cleaned, meta = prepared.cleaned, prepared.meta
            published = meta.published_at.date() if meta.published_at else None
            doc = analysis.document(cleaned.body, prepared.pieces, results, published)
            found, step_warnings = run_steps(doc)
            found.update(link.link(found["indicators"], found["years"], found["policies"], found["officials"]))
            # The registry's body for each official, as it was named on the article's date.
            found["officials"] = registry_link.link_organizations(found["officials"], meta.published_at)
            step_warnings += registry_link.link_warnings(found["officials"], meta.published_at)
            note = [prepared.note] if prepared.note else []
            return Article(
                source=prepared.source, meta=meta, body=cleaned.body, captions=cleaned.captions,
                removed=cleaned.removed, warnings=prepared.warnings + step_warnings + note,
                officials=found["officials"], indicators=found["indicators"], years=found["years"],
                policies=found["policies"], quotes=found["quotes"], programs=found["programs"],
                sections=found["sections"],
            )

    def _read(self, source: Source_) -> tuple[bytes, str | None]:
        """The input's bytes, and a warning when text had to be repaired to become bytes."""
        if isinstance(source, Path):
            return read_file(source, self.settings.max_bytes), None  # stops at the budget while reading
        if isinstance(source, bytes):
            return source, None
        if isinstance(source, str):
            text, note = without_surrogates(source)
            return text.encode("utf-8"), note
        raise InputError(f"cannot extract from a {type(source).__name__}")

    def extract_many(self, sources: Iterable[Source_ | tuple[str, Source_]], *,
                     published_at: datetime | date | str | None = None) -> Iterator[Article | ExtractorError]:
        """Extract each source in turn; a failure is yielded in its place, never raised.

        A source is a `str`, `bytes` or `Path`, or an `(id, source)` pair. Every yielded error
        carries `input_id`: the pair's id, else the path of a `Path`, else the position ("0", "1" …).
        """
        for position, given in enumerate(sources):
            ident, source = given if isinstance(given, tuple) else (None, given)
            try:
                yield self.extract(source, published_at=published_at)
            except ExtractorError as exc:
                exc.input_id = ident or (str(source) if isinstance(source, Path) else str(position))
                yield exc


@dataclass(frozen=True)
class Prepared:
    """A document read, decoded and cleaned: what `finish` needs besides Kiwi's tokens."""

    source: Source
    cleaned: Cleaned
    meta: Meta
    warnings: list[str]
    note: str | None  # a repair made to the input itself (lone surrogates): the record's last warning
    pieces: list[tuple[int, str]]  # (offset in the body, text) for Kiwi: analysis.pieces


@contextmanager
def _guarded() -> Iterator[None]:
    """A bug of ours met on a document fails that document, with one line that names it."""
    try:
        yield
    except ExtractorError:
        raise
    except Exception as exc:
        raise InternalError(f"internal error ({type(exc).__name__}): {_first_line(exc)}") from exc


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def without_surrogates(text: str) -> tuple[str, str | None]:
    """Text with lone surrogates (a JSON "\\ud800", a mangled file name) as U+FFFD, and a warning if any."""
    count = len(_LONE_SURROGATE.findall(text))
    if not count:
        return text, None
    return _LONE_SURROGATE.sub("\ufffd", text), f"{count} lone surrogate code point(s) replaced with U+FFFD"


def run_steps(doc: analysis.Document, steps: tuple[Step, ...] = STEPS) -> tuple[dict[str, list[Any]], list[str]]:
    """Every step on one document, in registry order: (records by kind, warnings in step order)."""
    found: dict[str, list[Any]] = {}
    warnings: list[str] = []
    for step in steps:
        result: Result = step.run(doc, found)
        found.update(result.records)
        warnings.extend(result.warnings)
    return found, warnings


def _first_line(exc: Exception) -> str:
    """What went wrong, in one line (a ValidationError lists every field over many)."""
    if isinstance(exc, ValidationError):
        return str(exc.errors()[0]["msg"])
    return str(exc).split("\n", 1)[0]


def _as_format(value: str) -> Format:
    for known in ("auto", "text", "html"):
        if value == known:
            return known
    raise InputError(f"unknown format {value!r} (auto, text or html)")


def _format(wanted: Format, text: str, path: str | None) -> Literal["text", "html"]:
    if wanted != "auto":
        return wanted
    if path and path.lower().endswith(_HTML_SUFFIXES):
        return "html"
    return "html" if _HTML_SNIFF.search(text[:4096]) else "text"


_default: Extractor | None = None


def extract(source: Source_, *, published_at: datetime | date | str | None = None) -> Article:
    """Extract one article with default settings: `str` is text, `bytes` raw, `Path` a file.

    Raises `InputError` (not an article: empty, binary, too large or slow, not a regular file,
    an unreadable `published_at`) or `InternalError` (a bug of ours), both `ExtractorError`.
    """
    global _default
    if _default is None:
        _default = Extractor()
    return _default.extract(source, published_at=published_at)
