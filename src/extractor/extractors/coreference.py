"""Back-references: "원 장관은", "김 지사", "金군수" naming one person named in full before.

A family name and an office refer back when exactly one person of that family name held
that office earlier in the text; the office may be the head of the one named (김 지사 for
김동연 경기도지사), but a deputy (부시장) is never referred to as the head (시장).
"""

from __future__ import annotations

from functools import cache

from .. import rules
from ..analysis import Document
from ..coverage import Coverage, Finds
from ..rules.schemas.surnames import Surnames
from ..rules.schemas.titles import Titles
from .mentions import Mention, ending_office, full_title


@cache
def _offices() -> frozenset[str]:
    titles = rules.get(Titles)
    return frozenset(titles.offices) | frozenset(titles.roles.names)


def back_references(doc: Document, full: list[Mention], taken: Coverage, pattern: Finds) -> list[Mention]:
    """Mentions by `pattern` (a family name and an office or role) of the one person among
    `full` they can refer to; none where it overlaps a mention already `taken`."""
    first_seen: dict[tuple[str, str], dict[str, int]] = {}
    for m in full:  # keyed by the bare office: "한 전 군수" refers back to 한재석 전 송림군수
        # and "김 지사" to 김동연 경기도지사, "추 부총리" to 추경호 장관 겸 경제부총리
        for held in filter(None, (m.office, m.concurrent)):
            for office in office_and_its_head(held):
                first_seen.setdefault((m.name[0], office), {}).setdefault(m.name, m.start)
    official = {m.name: m.official for m in full}
    hanja = rules.get(Surnames).hanja
    out = []
    for match in pattern.finditer(doc.body):
        surname = hanja.get(match.group("surname"), match.group("surname"))
        named = first_seen.get((surname, match.group("title")), {})
        candidates = [name for name, start in named.items() if start < match.start()]
        if len(candidates) == 1 and not taken.overlaps(match.start(), match.start() + 1):
            groups = match.groupdict()
            title = full_title(match.group("title"), former=groups.get("former"))
            out.append(Mention(candidates[0], title, None, None, match.start(), match.end(),
                               official=official[candidates[0]], office=match.group("title")))
    return out


@cache
def office_and_its_head(title: str) -> tuple[str, ...]:
    """경제부총리 and 부총리, 도지사 and 지사: the office and the longest office it ends with,
    as text refers back; a deputy (부시장) is never referred to as the head (시장).

    Kept per office: every mention asked it of all offices, a fifth of the stage's time.
    """
    head = ending_office(title, (office for office in _offices() if office != title))
    return (title, head) if head and title[: len(title) - len(head)] != rules.get(Titles).deputy else (title,)
