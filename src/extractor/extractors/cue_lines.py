"""Broadcast cue lines: a speaker named on a line of their own, the speech on the next line.

MBN writes "▶ 인터뷰 : 김영호 / 롯데마트 대리" then "- "…"", MBC and 채널A "[주호영/국민의힘
원내대표]" then ""…"", TV조선 "토드 블란취 / 트럼프 변호사" then ""…"". The cue names the
speaker in full (a foreign name in its own order, all its words); a reporter's own cue
(▶ 스탠딩 : 한지민 / 기자) names no speaker, and a line that is a place pair or a date is no cue.
"""

from __future__ import annotations

from dataclasses import dataclass

from .. import places, rules
from ..analysis import Document
from ..rules.schemas.quotes import Quotes, pattern
from .names import is_person_name


@dataclass(frozen=True)
class Cue:
    name: str
    start: int
    end: int
    role: str  # the affiliation the cue gives (롯데마트 대리, 서울 남영동)


def cue_above(doc: Document, open_at: int) -> Cue | None:
    """The cue on the line above a quote that opens its own line (after a dash), if there is one."""
    body = doc.body
    line_start = body.rfind("\n", 0, open_at) + 1
    if body[line_start:open_at].strip(" \t-") or line_start < 2:
        return None
    above = body.rfind("\n", 0, line_start - 1) + 1
    line = body[above:line_start - 1]
    if len(line) > 120:
        return None
    match = pattern("cue_line").match(line)
    if match is None or match.group("affiliation").strip().endswith(rules.get(Quotes).reporter_roles):
        return None
    name, at = match.group("name"), above + match.start("name")
    words = name.split()
    if len(words) == 1:
        if not is_person_name(doc, name, at, has_org=True):  # the affiliation stands with it
            return None
    elif any(places.is_place(w) for w in words) or len(name) > 16:
        return None
    return Cue(name, at, at + len(name), match.group("affiliation").strip())
