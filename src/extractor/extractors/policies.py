"""Policy items: enumerations by ordinal words, numbers, circled digits and Hangul letters.

An enumeration counts 1, 2, 3 … in one marker style; "마지막으로" closes an ordinal-word
enumeration. An item runs to the next item; the last one to the end of its sentence
(inline lists) or through the paragraphs after it, as long as the earlier items ran,
until a paragraph such as "한편, …" turns to another subject.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from .. import korean, rules
from ..analysis import Document
from ..records import PolicyItem, Span
from ..rules.schemas.markers import Markers
from .base import Result, Step

# The last item of an inline list ends at its sentence's end, and at most this far.
_MAX_INLINE_ITEM = 1000
# Items of an inline list of noun phrases are this short; the particles that end the last one.
_MAX_PHRASE = 40
_LIST_PARTICLES = ("JKO", "JKS", "JX", "JKB", "JC")
_SEPARATOR = re.compile(r"[\s,，.:：)\]]*")


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
def _sentence_end() -> re.Pattern[str]:
    """A sentence's full stop or a line's end: where an inline list's last item stops."""
    return re.compile(rf"{korean.sentence_end().pattern}|\n")


@cache
def _clause_end() -> re.Pattern[str]:
    """A comma, a line's end or a full stop: where a circled item's title stops."""
    return re.compile(rf"[,，\n]|{korean.sentence_end().pattern}")


@cache
def _line_patterns() -> list[re.Pattern[str]]:
    return [re.compile(marker.pattern, re.M) for marker in _settings().markers()]


def extract(doc: Document) -> list[PolicyItem]:
    """Items of every enumeration, groups numbered in order of appearance."""
    markers = [*_word_markers(doc.body), *_circled_markers(doc.body), *_line_markers(doc.body)]
    # Each marker style counts on its own: "1." items may hold "가." items inside them.
    groups = [g for style in sorted({m.style for m in markers})
              for g in _group([m for m in markers if m.style == style])]
    groups.sort(key=lambda g: g[0].start)
    items: list[PolicyItem] = []
    for number, group in enumerate(groups, start=1):
        items.extend(_items(doc, group, number))
    return items


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
            number = match.groupdict().get("n")
            ordinal = int(number) if number else letters.index(match.group("h")) + 1
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
    for i, marker in enumerate(group):
        start = marker.start
        end = group[i + 1].start if i + 1 < len(group) else _last_end(body, marker, group, paragraph_counts)
        text = body[start:end].rstrip(" ,\n")
        end = start + len(text)
        paragraph_counts.append(text.count("\n") + 1)
        title_start, title_end = _title(body, marker, end)
        if i and i + 1 == len(group) and _phrase_list(doc, group, items):
            title_end = _noun_phrase_end(doc, title_start, title_end)
        title = body[title_start:title_end].strip()
        items.append(PolicyItem(
            group=number, ordinal=i + 1, marker=body[marker.start:marker.end], title=title,
            text=text, span=Span(start=start, end=end),
        ))
    return items


def _phrase_list(doc: Document, group: list[_Marker], items: list[PolicyItem]) -> bool:
    """An inline list of noun phrases: "① 월세 지원 확대 ② 공공임대 공급 ③ … 교육을 제시했다",
    not of clauses ("첫째, 장려금을 지급하고 둘째, …"), whose items end in a verb's ending."""
    if doc.body.find("\n", group[0].start, group[-1].start) >= 0:
        return False
    for item in items:
        if len(item.title) > _MAX_PHRASE or _sentence_end().search(item.title):
            return False
        at = doc.body.find(item.title, item.span.start, item.span.end)
        tokens = doc.tokens_between(at, at + len(item.title)) if at >= 0 else []
        if tokens and tokens[-1].tag.startswith("E"):
            return False
    return True


def _noun_phrase_end(doc: Document, start: int, end: int) -> int:
    """The last item's own words end at the particle that ties the list to the sentence's verb."""
    for token in doc.tokens_between(start, end):
        if token.tag in _LIST_PARTICLES:
            phrase = doc.body[start:token.start].strip()
            return token.start if phrase and len(phrase) <= _MAX_PHRASE else end
    return end


def _last_end(body: str, marker: _Marker, group: list[_Marker], counts: list[int]) -> int:
    # An item on the same line as the one before it belongs to an inline list.
    previous = group[-2]
    inline = body.find("\n", previous.start, marker.start) < 0
    line_end = body.find("\n", marker.end)
    line_end = len(body) if line_end < 0 else line_end
    if inline:
        reach = min(line_end, marker.end + _MAX_INLINE_ITEM)
        stop = _sentence_end().search(body, marker.end, reach)
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


def _title(body: str, marker: _Marker, end: int) -> tuple[int, int]:
    """Where the item's lead stands: a bracketed name it opens with, or its first sentence or clause."""
    lead = _SEPARATOR.match(body, max(marker.end, marker.lead))
    start = lead.end() if lead else marker.end
    for opening, closing in _settings().enumeration.title_brackets:
        if body.startswith(opening, start):
            close = body.find(closing, start + 1, end)
            if close > start:
                return start + 1, close
    stop = (_sentence_end() if marker.style != "circled" else _clause_end()).search(body, start, end)
    title_end = (stop.start() + (1 if stop.group(0) == "." else 0)) if stop else end
    text = body[start:title_end]
    return start + len(text) - len(text.lstrip()), title_end - len(text) + len(text.rstrip())


STEP = Step("policies", needs=(), produces=("policies",),
            run=lambda doc, found: Result({"policies": extract(doc)}))
