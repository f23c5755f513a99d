"""Broadcast transcripts flattened into one line: their boxed cues put back on lines of their own.

Listing pages and scrapes of KBC and MBN items run a whole script into one paragraph
("【 앵커멘트 】 … 홍길동 기잡니다. 【 기자 】 …"). A boxed cue is never article text, so each
one is set on a line of its own: the cue rules, and the hand-over before a cue, then read the
script as they read one printed line by line.
"""

from __future__ import annotations

import re

from .. import rules
from ..rules.schemas.boilerplate import Boilerplate


def split_cues(lines: list[str]) -> list[str]:
    """`lines` with every inline boxed cue (【 기자 】, ◀ 리포트 ▶) on a line of its own."""
    cue = _inline_cue()
    out: list[str] = []
    for line in lines:
        if "【" not in line and "◀" not in line:
            out.append(line)
            continue
        start = 0
        for match in cue.finditer(line):
            before = line[start:match.start()].strip()
            if before:
                out.append(before)
            out.append(match.group().strip())
            start = match.end()
        rest = line[start:].strip()
        if rest or start == 0:
            out.append(rest if start else line)
    return out


def _inline_cue() -> re.Pattern[str]:
    return rules.get(Boilerplate).regex("inline_cue")
