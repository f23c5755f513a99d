"""Policy items: enumerations by ordinal words, numbers, circled digits, Hangul letters, Roman
numerals and runs of list marks (▲ △ ■ ◆ ◇ ●).

An enumeration counts 1, 2, 3 … in one marker style; "마지막으로" closes an ordinal-word
enumeration; a run of one list mark counts its items in order (symbol_runs.py). An item runs
to the next item; the last one to the end of its sentence (inline lists) or through the
paragraphs after it, as long as the earlier items ran, until a paragraph such as "한편, …"
turns to another subject. Lists of headlines are page furniture, not items (list_furniture.py);
an item inside another list's item points to it as its parent (item_nesting.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from .. import rules
from ..analysis import Document
from ..records import PolicyItem, Span
from ..rules.schemas.markers import Markers
from . import item_nesting, item_titles, list_furniture, symbol_runs
from .base import Result, Step

# The last item of an inline list ends at its sentence's end, and at most this far.
_MAX_INLINE_ITEM = 1000
# Roman numerals Ⅰ … Ⅻ count from this code point.
_ROMAN_ONE = 0x2160


@dataclass(frozen=True)
class _Marker:
    style: str
    ordinal: int
    start: int
    end: int
    final: bool = False
    lead: int = 0  # where the item's own words start (after "로" of 첫째로)


def _settings() -> Markers:
    return rules.get(Markers)


@cache
def _line_patterns() -> list[re.Pattern[str]]:
    return [re.compile(marker.pattern, re.M) for marker in _settings().markers()]


def extract(doc: Document) -> list[PolicyItem]:
    """Items of every enumeration, groups numbered in order of appearance."""
    markers = [*_word_markers(doc.body), *_circled_markers(doc.body), *_line_markers(doc.body)]
    # Each marker style counts on its own: "1." items may hold "가." items inside them.
    groups = [g for style in sorted({m.style for m in markers})
              for g in _group([m for m in markers if m.style == style])]
    groups.extend(_mark_groups(doc.body))
    end = list_furniture.article_end(doc.body)
    groups = [g for g in groups if not list_furniture.is_furniture(doc.body, [(m.start, m.end) for m in g], end)]
    groups.sort(key=lambda g: g[0].start)
    items: list[PolicyItem] = []
    for number, group in enumerate(groups, start=1):
        items.extend(_items(doc, group, number))
    return item_nesting.with_parents(items)


def _mark_groups(body: str) -> list[list[_Marker]]:
    """Runs of list marks, each mark a style of its own, counted in order from 1."""
    return [[_Marker(f"mark{mark.char}", i, mark.start, mark.start + 1, lead=mark.end)
             for i, mark in enumerate(run, start=1)] for run in symbol_runs.runs(body)]


def _word_markers(body: str) -> list[_Marker]:
    words = _settings().ordinal_words
    finals = _settings().enumeration.finals
    out = []
    for match in _settings().word_pattern().finditer(body):
        group = "m" if match.group("m") else "inline"
        word = match.group(group)
        out.append(_Marker("word", words.get(word, 0), match.start(group), match.end(group), final=word in finals,
                           lead=match.end()))
    return out


@cache
def _circled() -> tuple[re.Pattern[str], dict[str, int]]:
    ranges = _settings().enumeration.circled_ranges
    values = {chr(code): code - low + 1 for low, high in ranges for code in range(low, high + 1)}
    return re.compile("[" + "".join(re.escape(ch) for ch in values) + "]"), values


def _circled_markers(body: str) -> list[_Marker]:
    pattern, values = _circled()
    return [_Marker("circled", values[m.group()], m.start(), m.end()) for m in pattern.finditer(body)]


def _line_markers(body: str) -> list[_Marker]:
    letters = _settings().enumeration.hangul_letters
    out = []
    for style, pattern in enumerate(_line_patterns()):
        for match in pattern.finditer(body):
            found = match.groupdict()
            if found.get("n"):
                ordinal = int(found["n"])
            elif found.get("r"):
                ordinal = ord(found["r"]) - _ROMAN_ONE + 1
            else:
                ordinal = letters.index(found["h"]) + 1
            out.append(_Marker(f"line{style}", ordinal, match.start(), match.end() - 1))
    return out


def _group(markers: list[_Marker]) -> list[list[_Marker]]:
    """Runs that count 1, 2, 3 …; a final word continues a run; runs of one are dropped."""
    groups: list[list[_Marker]] = []
    current: list[_Marker] = []
    for marker in sorted(markers, key=lambda m: m.start):
        if marker.final:
            if len(current) >= 2:
                current.append(_Marker(marker.style, current[-1].ordinal + 1, marker.start, marker.end, True,
                                       marker.lead))
                groups.append(current)
            current = []
        elif current and marker.ordinal == current[-1].ordinal + 1:
            current.append(marker)
        elif marker.ordinal == 1:
            if len(current) >= 2:
                groups.append(current)
            current = [marker]
    if len(current) >= 2:
        groups.append(current)
    return groups


def _items(doc: Document, group: list[_Marker], number: int) -> list[PolicyItem]:
    body = doc.body
    items: list[PolicyItem] = []
    paragraph_counts: list[int] = []
    titles: list[tuple[int, int]] = []
    marked = group[0].style.startswith("mark")
    inline = body.find("\n", group[0].start, group[-1].start) < 0
    for i, marker in enumerate(group):
        start = marker.start
        end = group[i + 1].start if i + 1 < len(group) else _last_end(body, marker, group, paragraph_counts)
        if marked and inline and i + 1 == len(group):
            end = symbol_runs.last_end(body, marker.end, end, body[start])
        text = body[start:end].rstrip(" ,\n")
        end = start + len(text)
        paragraph_counts.append(text.count("\n") + 1)
        lead = item_titles.lead_start(body, max(marker.end, marker.lead))
        last = i + 1 == len(group)
        if marked:
            title_start, title_end = item_titles.mark_title(doc, lead, end, last and inline)
        else:
            title_start, title_end = item_titles.title(body, lead, end, clause=marker.style == "circled")
            if last and inline and item_titles.phrase_list(doc, titles):
                title_end = item_titles.noun_phrase_end(doc, title_start, title_end) or title_end
        titles.append((title_start, title_end))
        items.append(PolicyItem(
            group=number, ordinal=i + 1, marker=body[marker.start:marker.end], title=body[title_start:title_end],
            text=text, span=Span(start=start, end=end),
        ))
    return items


def _last_end(body: str, marker: _Marker, group: list[_Marker], counts: list[int]) -> int:
    # An item on the same line as the one before it belongs to an inline list.
    previous = group[-2]
    inline = body.find("\n", previous.start, marker.start) < 0
    line_end = body.find("\n", marker.end)
    line_end = len(body) if line_end < 0 else line_end
    if inline:
        reach = min(line_end, marker.end + _MAX_INLINE_ITEM)
        stop = item_titles.sentence_end().search(body, marker.end, reach)
        return stop.start() + 1 if stop else reach
    reach = max(counts) if counts else 1
    end = body.find("\n", marker.start)
    end = len(body) if end < 0 else end
    terminators = _settings().enumeration.terminators
    for _ in range(reach - 1):
        if end >= len(body):
            break
        following_end = body.find("\n", end + 1)
        following_end = len(body) if following_end < 0 else following_end
        if body[end + 1:following_end].lstrip().startswith(terminators):
            break
        end = following_end
    return end


STEP = Step("policies", needs=(), produces=("policies",),
            run=lambda doc, found: Result({"policies": extract(doc)}))
