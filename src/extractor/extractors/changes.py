"""From→to pairs and stated changes: "A에서 B로", "A→B", "… 940개로 2배이상 증가".

A pair is folded into its to-value, the from-value becoming `previous`; releases also write
the unit once ("(’20년) 1,029 → (’21안) 1,311억 원") and the from-value after the to-value
("27.5%로 2016년 39.1%에서 줄었다"). The change a sentence states right after an indicator
is read from the verb that follows it.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache
from typing import Literal

from .. import korean, rules
from ..numbers import parse_numeral, scaled_like
from ..records import Change
from .quantities import Candidate, lexicon, patterns

# A percent or multiple this close after an indicator is the size of its change.
_CHANGE_REACH = 3


def merge_previous(body: str, found: list[Candidate]) -> list[Candidate]:
    """Fold "A에서 B로" and "A→B" into B with `previous` = A; also "B로 2016년 A에서 줄었다"
    (the from-value after the to-value) and a bare from-value in the to-value's unit ("150→ 420억 원")."""
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
        if nxt is not None and _is_to_from(body, current, nxt):
            # the indicator stays the to-value's text: the year between belongs to the from-value
            out.append(replace(current, previous=(nxt.value, body[nxt.start:nxt.end])))
            i += 2
            continue
        out.append(_with_bare_from(body, current, out[-1].end if out else 0))
        i += 1
    return out


@cache
def _bare_from() -> re.Pattern[str]:
    """A bare number, a bracketed year maybe, an arrow and maybe a year, ending where the to-value starts."""
    data = lexicon()
    digits = data.numerals.digits
    return re.compile(rf"(?<![\d.,/])(?P<num>{digits})\s*(?:{patterns().year_tag})?\s*"
                      rf"(?:{rules.alternation(data.arrows)})\s*(?:{patterns().year_tag})?\s*$")


def _with_bare_from(body: str, to: Candidate, floor: int) -> Candidate:
    """"150→ 420억 원", "(’20년) 1,029 → (’21안) 1,311억 원": the unit is written once, with the to-value."""
    if to.previous is not None or to.unit is None:
        return to
    before = _bare_from().search(body, max(floor, to.start - 40), to.start)
    if before is None:
        return to
    value = scaled_like(parse_numeral(before.group("num"))[0], body[to.start:to.end])
    return replace(to, start=before.start(), previous=(value, before.group("num")))


def _is_to_from(body: str, first: Candidate, second: Candidate) -> bool:
    """"27.5%로 2016년 39.1%에서 줄었다": B로, a year, A에서, then a verb of change."""
    data = lexicon()
    if first.unit is None or first.unit != second.unit:
        return False
    gap = body[first.end:second.start]
    marker = next((m for m in sorted(data.to_markers, key=len, reverse=True) if gap.startswith(m)), None)
    if marker is None or marker in data.open_to_markers or not gap[len(marker):].strip():
        return False
    if not patterns().year_gap.match(gap[len(marker):]):
        return False
    from_marker = data.needs_to_marker[0] if data.needs_to_marker else None
    if not from_marker or not body.startswith(from_marker, second.end):
        return False
    tail = body[second.end + len(from_marker):second.end + len(from_marker) + data.reversed_reach]
    return any(verb in tail for verb in (*data.increase, *data.decrease))


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
