"""From→to pairs and stated changes: "A에서 B로", "A→B", "… 940개로 2배이상 증가".

A pair is folded into its to-value, the from-value becoming `previous`; the change a
sentence states right after an indicator is read from the verb that follows it.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache
from typing import Literal

from .. import korean, rules
from ..records import Change
from .quantities import Candidate, lexicon, patterns

# A percent or multiple this close after an indicator is the size of its change.
_CHANGE_REACH = 3


def merge_previous(body: str, found: list[Candidate]) -> list[Candidate]:
    """Fold "A에서 B로" and "A→B" into B with `previous` = A."""
    out: list[Candidate] = []
    i = 0
    while i < len(found):
        current = found[i]
        nxt = found[i + 1] if i + 1 < len(found) else None
        if nxt is not None and _is_from_to(body, current, nxt):
            out.append(replace(nxt, start=current.start, end=_to_end(body, nxt.end),
                               previous=(current.value, body[current.start:current.end]),
                               unit=nxt.unit or current.unit))
            i += 2
            continue
        out.append(current)
        i += 1
    return out


def _is_from_to(body: str, first: Candidate, second: Candidate) -> bool:
    if first.unit and second.unit and first.unit != second.unit:
        return False
    gap = body[first.end:second.start]
    marker = patterns().lead.match(gap.strip())
    if not marker:
        return False
    rest = gap.strip()[marker.end():]
    if not patterns().year_gap.match(rest):
        return False
    if marker.group(0) in lexicon().needs_to_marker:
        # "2조원에서 3조원으로", also "3조원 규모로" and "3% 수준으로"
        after = patterns().scale_noun.sub("", body[second.end:second.end + 8], count=1)
        return after.startswith(lexicon().to_markers)
    return True


def _to_end(body: str, end: int) -> int:
    data = lexicon()
    for marker in sorted(data.to_markers, key=len, reverse=True):
        if body.startswith(marker, end) and marker not in data.open_to_markers:
            return end + len(marker)
    return end


@cache
def _verb() -> re.Pattern[str]:
    """The word after an indicator, a particle before it: "… 증가", "300%가 증대"."""
    particles = rules.alternation(lexicon().change_particles)
    return re.compile(rf"^\s?(?:{particles})?\s?(?P<verb>[{korean.HANGUL_CLASS}]{{1,3}})")


def change(body: str, indicator: Candidate, following: Candidate | None) -> Change | None:
    """The change a sentence states right after an indicator: "… 2배이상 증가", "300%가 증대"."""
    data = lexicon()
    tail_start = indicator.end
    window = body[tail_start:tail_start + 30]
    percent = multiple = None
    text_end = tail_start
    # The percent or multiple of the change stands right after: "… 940개로 2배이상 증가".
    sized = (data.percent_unit, data.multiple_unit)
    if following and tail_start <= following.start <= tail_start + _CHANGE_REACH and following.unit in sized:
        if following.unit == data.percent_unit:
            percent = following.value
        else:
            multiple = following.value
        window = body[following.end:following.end + 12]
        text_end = following.end
    verb = _verb().match(window)
    if not verb:
        return None
    word = verb.group("verb")
    direction: Literal["increase", "decrease"]
    if word.startswith(data.increase):
        direction = "increase"
    elif word.startswith(data.decrease):
        direction = "decrease"
    else:
        return None
    return Change(direction=direction, percent=percent, multiple=multiple,
                  text=body[tail_start:text_end + verb.end()].strip() or None)
