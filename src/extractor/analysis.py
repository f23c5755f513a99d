"""Kiwi tokenization: one analyzer per process, and the Document every extractor reads.

Kiwi costs seconds and hundreds of MB to load, so it is built lazily once per process
and shared; extractors never see Kiwi itself, only the Document's tokens and sentence
spans, which keeps them pure functions that are cheap to test.
"""

from __future__ import annotations

import bisect
import threading
import warnings
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

_lock = threading.Lock()
# One Kiwi per set of options in a process: two Extractors with the same options share one,
# and an Extractor with other options gets its own instead of silently reusing the first.
_kiwis: dict[tuple[tuple[str, Any], ...], Any] = {}
DEFAULT_OPTIONS: dict[str, Any] = {"load_typo_dict": False, "load_multi_dict": False}
# Longest piece of a line given to Kiwi at once: a paragraph is rarely longer, and a
# 5 MB line without breaks would otherwise cost Kiwi memory in proportion.
MAX_CHUNK = 4000


# Not frozen: a frozen dataclass sets each field through object.__setattr__, three times the
# cost of a plain one, and a document makes a Token per morpheme. Hashed and compared by value
# as before; nothing writes to a Token.
@dataclass(slots=True, unsafe_hash=True)
class Token:
    form: str
    tag: str
    start: int
    end: int
    sentence: int


@dataclass
class Document:
    """The cleaned body with its tokens and sentences; offsets index `body`."""

    body: str
    tokens: list[Token]
    sentences: list[tuple[int, int]]
    published: date | None = None
    # Caches that hold for this document only (a lookup over its body, say): they die with it,
    # so no stage must remember to clear a process-wide cache between documents.
    memo: dict[str, Any] = field(default_factory=dict, repr=False)
    _starts: list[int] = field(default_factory=list, repr=False)
    _sentence_starts: list[int] = field(default_factory=list, repr=False)

    def __post_init__(self) -> None:
        self._starts = [t.start for t in self.tokens]
        self._sentence_starts = [s for s, _ in self.sentences]

    def tokens_between(self, start: int, end: int) -> list[Token]:
        """Tokens that lie inside body[start:end]."""
        lo = bisect.bisect_left(self._starts, start)
        hi = bisect.bisect_left(self._starts, end)
        return [t for t in self.tokens[lo:hi] if t.end <= end]

    def sentence_at(self, offset: int) -> tuple[int, int]:
        """The span of the sentence holding `offset` (the paragraph when Kiwi saw none)."""
        i = bisect.bisect_right(self._sentence_starts, offset) - 1
        if 0 <= i < len(self.sentences) and self.sentences[i][0] <= offset < self.sentences[i][1]:
            return self.sentences[i]
        lo = self.body.rfind("\n", 0, offset) + 1
        hi = self.body.find("\n", offset)
        return lo, len(self.body) if hi < 0 else hi


def kiwi(**options: Any) -> Any:
    """The process's Kiwi for these options, built on first use (about 1.2 s and 330 MB)."""
    settings = {**DEFAULT_OPTIONS, **options}
    key = tuple(sorted(settings.items()))
    with _lock:
        if key not in _kiwis:
            from kiwipiepy import Kiwi

            with warnings.catch_warnings():
                warnings.simplefilter("ignore", DeprecationWarning)
                _kiwis[key] = Kiwi(**settings)
        return _kiwis[key]


def analyse(body: str, published: date | None = None, *, analyzer: Any = None) -> Document:
    """Tokenize `body` and group its tokens into sentences that never cross a line."""
    analyzer = analyzer if analyzer is not None else kiwi()
    found = pieces(body)
    return document(body, found, [analyzer.tokenize(text) for _, text in found], published)


def pieces(body: str) -> list[tuple[int, str]]:
    """What Kiwi is given of a body: each line's non-blank pieces, with their offsets in it.

    Kiwi is called on each piece alone, one by one here or in its batch API on its own
    threads (batch/threads.py): both give each piece the same tokens, so both give one record.
    """
    found: list[tuple[int, str]] = []
    offset = 0
    for line in body.split("\n"):
        for start, chunk in _chunks(line):
            if chunk.strip():
                found.append((offset + start, chunk))
        offset += len(line) + 1
    return found


def document(body: str, found: list[tuple[int, str]], results: Iterable[Iterable[Any]],
             published: date | None = None) -> Document:
    """The Document of `body` from Kiwi's tokens of each of its `pieces`, in their order."""
    tokens: list[Token] = []
    sentences: list[tuple[int, int]] = []
    for (offset, _), result in zip(found, results, strict=True):
        _take_line(result, offset, tokens, sentences)
    return Document(body=body, tokens=tokens, sentences=sentences, published=published)


def _chunks(line: str) -> list[tuple[int, str]]:
    """A line cut at spaces into pieces Kiwi handles in bounded memory and time."""
    out = []
    start = 0
    while len(line) - start > MAX_CHUNK:
        cut = line.rfind(" ", start + MAX_CHUNK // 2, start + MAX_CHUNK)
        cut = cut if cut > start else start + MAX_CHUNK
        out.append((start, line[start:cut]))
        start = cut
    out.append((start, line[start:]))
    return out


def _take_line(result: Iterable[Any], offset: int, tokens: list[Token], sentences: list[tuple[int, int]]) -> None:
    """Tokens with offsets into the body, and each sentence's span, first token to last.

    Kiwi numbers sentences in order within the call, so a sentence ends when the
    number changes: no table of spans to sort (this loop runs once per token).
    """
    current, lo, hi = -1, 0, 0
    append = tokens.append
    for tok in result:
        start, end, position = offset + tok.start, offset + tok.end, tok.sent_position
        if position != current:
            if current >= 0:
                sentences.append((lo, hi))
            current, lo, hi = position, start, end
        elif end > hi:
            hi = end
        append(Token(tok.form, tok.tag, start, end, len(sentences)))
    if current >= 0:
        sentences.append((lo, hi))
