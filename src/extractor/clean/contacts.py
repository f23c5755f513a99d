"""A press release's contact blocks → contacts (name, title, department, phone as printed).

Releases print their contacts in a head table (담당과장 | 서민철(02-2110-2651)), a footer
block (담당부서 : 복지정책실 어르신복지과 / 과장 한상우 2133-7410 / …), a 문의 line or the
press-enquiry note (…취재를 원하시면 산업입지과 배수현 사무관(☎ 044-203-4417)…). The lines
have left the body already (boilerplate.toml); this module reads the people out of them.
A person's department is printed before them on their line, or once for the whole block
above: the last one seen stands for the people under it until a line that is no contact's.
Body sentences with a phone number (…전화(☎ 02-731-5520)로 문의하면 된다) are never read.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from .. import rules
from ..coverage import first_match_wins
from ..records import Contact
from ..rules.schemas.releases import Releases
from ..rules.schemas.surnames import Surnames
from .fold import fold

_PEOPLE = ("title-name-phone", "name-title-phone", "name-bare-phone", "name-title-bare-phone")
_PUNCT = re.compile(r"[:：|/<>\[\]()（）•·*ㆍ,-]+")
_SENTENCE_END = re.compile(r"(다|요)\.?\s*$")
# Lines longer than this are prose with a phone number in it, unless they open with a label.
_MAX_UNLABELLED = 80


@dataclass(frozen=True)
class _Person:
    start: int
    end: int
    name: str
    title: str | None
    phone: str


@dataclass
class _Board:
    """A board's meta fields, one a line (담당자 : 문태오 / 담당부서 : … / 연락처 : …)."""

    name: str | None = None
    department: str | None = None
    phone: str | None = None


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    found = rules.get(Releases)
    labels = found.label_pattern()
    spaced = r"\s?".join  # 담 당 자, 담당 부서: letter-spaced labels of HWP tables
    label = "|".join(spaced(word) for word in sorted(found.labels, key=len, reverse=True))
    return {
        "label": re.compile(rf"^\W{{0,3}}(?:{label})(?![가-힣])"),
        "labels": re.compile(rf"(?<![가-힣])(?:(?:{labels})(?![가-힣])|{label})"),
        "title_before": re.compile(rf"(?:{found.title_pattern()})\W*$"),
        "enquiry": found.pattern("press-enquiry"),
        "board_name": re.compile(rf"^\W{{0,3}}(?:{spaced('담당자')}|{spaced('작성자')})\s?[:：]\s?"
                                 r"(?P<v>[가-힣]{2,4})$"),
        "board_department": re.compile(rf"^\W{{0,3}}(?:{spaced('담당부서')}|{spaced('부서')})\s?[:：]?\s?"
                                       r"(?P<v>[^:：/|]{2,40})$"),
        "board_phone": re.compile(rf"^\W{{0,3}}(?:{spaced('연락처')}|{spaced('전화')})\s?[:：]?\s?"
                                  rf"(?P<v>{found.pieces['PHONE']})$"),
    }


@cache
def _names() -> tuple[frozenset[str], frozenset[str]]:
    found = rules.get(Releases)
    return rules.get(Surnames).every_name(), frozenset(found.not_names) | frozenset(found.labels)


def find_contacts(lines: Iterable[str]) -> list[Contact]:
    """Every contact person of `lines` (a release's removed lines, in their order), once each."""
    patterns = _patterns()
    contacts: list[Contact] = []
    block: str | None = None  # the department the block's people belong to
    board = _Board()
    for raw in lines:
        line = fold(raw)
        people = _people(line)
        labelled = patterns["label"].search(line) is not None
        enquiry = patterns["enquiry"].search(line) is not None
        if not (labelled or enquiry or (people and _only_people(line, people))):
            block = None
            _flush(board, contacts)
            board = _Board()
            continue
        if not people:
            block = _board_field(line, board) or _department(line) or block
            continue
        previous = 0
        for person in people:
            segment = line[previous:person.start]
            block = _department(segment) or block
            # 담당과장 | 서민철(02-…): the head table's cell names the office, the next one the person
            title = person.title or _title_before(segment)
            contacts.append(Contact(name=person.name, title=title, department=block, phone=person.phone))
            previous = person.end
    _flush(board, contacts)
    return _unique(contacts)


def _people(line: str) -> list[_Person]:
    found = rules.get(Releases)
    return first_match_wins(line, ((key, found.pattern(key)) for key in _PEOPLE), _read)


def _read(_key: str, match: re.Match[str]) -> _Person | None:
    surnames, not_names = _names()
    name = match.group("name")
    if name in not_names or not (name[:1] in surnames or name[:2] in surnames):
        return None
    title = match.group("title")
    if title:
        title = title.replace(" ", "")
        for prefix in rules.get(Releases).title_prefixes:
            title = title.removeprefix(prefix) if len(title) > len(prefix) + 1 else title
    phone = re.sub(r"\s+", "", match.group("phone"))
    return _Person(match.start(), match.end(), name, title or None, phone)


def _title_before(segment: str) -> str | None:
    match = _patterns()["title_before"].search(segment)
    return match.group(0).rstrip(" |:：/").replace(" ", "") if match else None


def _only_people(line: str, people: list[_Person]) -> bool:
    """A line of people and phone numbers (과장 한상우 2133-7410 노인돌봄팀장 …), no sentence."""
    return len(line) <= _MAX_UNLABELLED and not _SENTENCE_END.search(line)


def _department(segment: str) -> str | None:
    """The department printed in a segment: its last words that end like one, labels left out."""
    suffixes = tuple(rules.get(Releases).department_suffixes)
    words = _patterns()["labels"].sub(" ", _PUNCT.sub(" ", segment)).split()
    taken: list[str] = []
    for word in reversed(words):
        if len(word) < 2 or not word.endswith(suffixes) or word in _names()[1]:
            break
        taken.insert(0, word)
    return " ".join(taken) or None


def _board_field(line: str, board: _Board) -> str | None:
    """Take one board field from `line`; the department's name when that was the field."""
    patterns = _patterns()
    for key in ("board_name", "board_department", "board_phone"):
        match = patterns[key].search(line)
        if match:
            value = match.group("v").strip()
            if key == "board_name" and value in _names()[1]:
                return None
            setattr(board, key.removeprefix("board_"), value)
            return value if key == "board_department" else None
    return None


def _flush(board: _Board, contacts: list[Contact]) -> None:
    if board.name or board.phone:
        contacts.append(Contact(name=board.name, department=board.department, phone=board.phone))


def _unique(contacts: list[Contact]) -> list[Contact]:
    seen: set[tuple[str | None, str | None]] = set()
    out = []
    for contact in contacts:
        key = (contact.name, contact.phone)
        if key not in seen:
            seen.add(key)
            out.append(contact)
    return out
