"""Runs of list marks: "▲청년 지원 ▲노인 돌봄 등", "△법률 개정 △예산 확보", one line per item,
or ■ headings run into a paragraph.

News writes most of its lists this way, not with numbers, so a mark's run is a list as soon
as it has two items. The same marks also stand alone before a photo's caption, serve as plus
and minus signs (9031억(△1.0%)), cue a transcript's speakers (◇ 진행자: …) and label a
broadcast's header (■ 방송 : …): those are skipped here, before any run is formed.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cache

from .. import korean, rules
from ..rules.schemas.markers import Markers, Symbols


@dataclass(frozen=True)
class Mark:
    """One mark that may start an item: where it stands, and whether it heads a line or sentence."""

    char: str
    start: int
    end: int  # after the mark and the space that may follow it
    line: int
    head: bool  # at a line's start, or a sentence's start inside a paragraph
    line_start: bool


_SPACES = " \u3000\t"
_BULLETS = "•·"
# How far before a mark its line's start is looked for.
_BEFORE = 8


def _symbols() -> Symbols:
    return rules.get(Markers).symbols


@cache
def char_class(chars: tuple[str, ...]) -> re.Pattern[str]:
    """One of these marks."""
    return re.compile("[" + "".join(re.escape(c) for c in chars) + "]")


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    symbols = _symbols()
    return (char_class(symbols.marks), re.compile(symbols.sign.pattern), re.compile(symbols.speaker.pattern, re.M),
            re.compile(symbols.close.pattern))


@cache
def _break() -> re.Pattern[str]:
    """A sentence's end or a line's end: an inline run never crosses one."""
    return re.compile(rf"{korean.sentence_end().pattern}|[?!]\s|\n")


def is_heading(line: str) -> bool:
    """A short line without a sentence end: a heading (■ 교통 분야), not an outline sentence."""
    text = line.strip()
    return len(text) <= _symbols().heading_length and not korean.sentence_end().search(text)


def runs(body: str) -> list[list[Mark]]:
    """The runs of two or more marks of one kind that make lists, in order of their first mark."""
    marks, _, speaker, _ = _patterns()
    symbols = _symbols()
    skipped = set(symbols.transcript_marks) if _is_transcript(body, speaker) else set()
    found: dict[str, list[Mark]] = {}
    line, line_at = 0, 0
    for match in marks.finditer(body):
        line += body.count("\n", line_at, match.start())
        line_at = match.start()
        mark = _mark(body, match, line)
        if mark is not None and mark.char not in skipped:
            found.setdefault(mark.char, []).append(mark)
    # A heading between two marks of another kind starts a new list under it (◇ 국장급 ▲… ◇ 과장급 ▲…).
    headings = sorted(m.start for char in symbols.heading_marks for m in found.get(char, ()))
    out: list[list[Mark]] = []
    for char, found_marks in found.items():
        out.extend(run for run in _split(body, char, found_marks, headings) if len(run) >= 2)
    out.sort(key=lambda run: run[0].start)
    return out


def last_end(body: str, start: int, end: int, char: str) -> int:
    """Where an inline run's last item ends, given its sentence's end: before a heading of
    another kind (◇ 국장급 ▲… ▲… ◇ 과장급 …), or after the 등 and particle that close the run
    when the sentence goes on to another run of its mark ("△운영 실적 등이며 세부 지표는 △…")."""
    _, _, _, close = _patterns()
    if char not in _symbols().heading_marks:
        heading = char_class(_symbols().heading_marks).search(body, start, end)
        end = heading.start() if heading else end
    found = close.search(body, start, end)
    return found.end() if found and body.find(char, found.end(), end) >= 0 else end


def _is_transcript(body: str, speaker: re.Pattern[str]) -> bool:
    """Both transcript marks cue speakers here (◇ 진행자: … / ◆ 김민수: …)."""
    cues = {m.group()[0] for m in speaker.finditer(body)}
    return len(cues) >= 2


def _mark(body: str, match: re.Match[str], line: int) -> Mark | None:
    """The mark with its position, or None when it starts no item (a sign, a caption, a label)."""
    _, sign, _, _ = _patterns()
    start = match.start()
    end = match.end()
    while end < len(body) and body[end] in _SPACES:
        end += 1
    if end >= len(body) or body[end] == "\n" or body[end] in _symbols().marks or sign.match(body, start):
        return None  # no words follow, or a plus or minus sign
    # Only a few characters before the mark are looked at, so a line of marks stays linear.
    window = body[max(0, start - _BEFORE):start]
    newline = window.rfind("\n")
    line_start = (newline >= 0 or start <= _BEFORE) and not window[newline + 1:].strip(_SPACES + _BULLETS)
    head = line_start or _ends_sentence(window.rstrip(_SPACES))
    if line_start:
        line_end = body.find("\n", end)
        text = body[end:len(body) if line_end < 0 else line_end]
        if _is_caption(text) or _is_label(text):
            return None
    return Mark(match.group(), start, end, line, head, line_start)


def _ends_sentence(text: str) -> bool:
    return bool(text) and (text[-1] in "?!" or korean.sentence_end().search(text, len(text) - 1) is not None)


def _is_caption(text: str) -> bool:
    symbols = _symbols()
    stripped = text.rstrip()
    return (stripped.startswith(symbols.caption_openings) or any(sign in stripped for sign in symbols.caption_signs)
            or stripped.endswith(symbols.caption_endings))


def _is_label(text: str) -> bool:
    """A header line's label (■ 방송 : …, ■ 제보하기 ▷ …)."""
    head = re.split(r"\s?[:：▷]", text, maxsplit=1)[0].strip()
    return head in _symbols().metadata_labels


def _split(body: str, char: str, marks: list[Mark], headings: list[int]) -> list[list[Mark]]:
    """Consecutive marks of one kind, cut where a list cannot go on: a sentence's or line's
    end between inline marks, a 등 that closes the list, a heading of another kind between
    them, or a ■ line that is an outline sentence."""
    heading = char in _symbols().heading_marks
    _, _, _, close = _patterns()
    out: list[list[Mark]] = []
    current: list[Mark] = []
    for mark in marks:
        if heading and mark.line_start and not is_heading(_head(body, mark)):
            if current:
                out.append(current)
            current = []
            continue
        under_new_heading = bisect.bisect_left(headings, current[-1].end) < bisect.bisect_left(
            headings, mark.start) if current and not heading else False
        if current and (under_new_heading or not _continues(body, current[-1], mark, heading, close)):
            out.append(current)
            current = []
        current.append(mark)
    if current:
        out.append(current)
    return out


def _continues(body: str, previous: Mark, mark: Mark, heading: bool, close: re.Pattern[str]) -> bool:
    between_start, between_end = previous.end, mark.start
    if not _break().search(body, between_start, between_end):
        return not close.search(body, between_start, between_end)
    if not (previous.head and mark.head):
        return False
    return heading or mark.line - previous.line <= 1


def _head(body: str, mark: Mark) -> str:
    """A heading mark's line up to a list of other marks on it (◇ 국장급 ▲… ▲…)."""
    end = body.find("\n", mark.end)
    end = len(body) if end < 0 else end
    marks, _, _, _ = _patterns()
    other = marks.search(body, mark.end, end)
    return body[mark.start:other.start() if other else end]
