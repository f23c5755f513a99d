"""Organizations as officials hold them: normalized names, and the local government an
office of a city, county or province refers to when the text does not name it.
"""

from __future__ import annotations

from functools import cache

from .. import places, rules
from ..analysis import Document
from ..rules.schemas.officials import pattern
from ..rules.schemas.organizations import Organizations
from ..rules.schemas.titles import Titles


@cache
def _not_local() -> frozenset[str]:
    return frozenset(rules.get(Organizations).not_local)


def is_organization(word: str) -> bool:
    """국토부, 대구시, 더불어민주당: a known name, or a word in an organization's suffix."""
    return bool(pattern("organization_word").match(word))


def is_alias(word: str) -> bool:
    return word in rules.get(Organizations).aliases


def may_be_local(word: str) -> bool:
    """Whether a word in 시, 도, 군 or 구 may name a local government: 시 and 도 end many
    other words (당시, 도시, 보상제도), so there only the places of the list count."""
    if word in _not_local():
        return False
    if word.endswith(rules.get(Organizations).region_suffixes):
        return places.is_place(word) or places.is_city(word[:-1])
    return True


def the_one_local(doc: Document, suffix: str) -> str | None:
    """조인묵 군수 in an article about 양구군, 김병일 시 대변인 in one about 서울시: the only
    county, city, province or district of that suffix the text names.

    Kept on the document: 2,000 mentions of one article read its body once per suffix.
    """
    memo: dict[str, str | None] = doc.memo.setdefault("organizations.the_one_local", {})
    if suffix not in memo:
        names = {name for m in pattern("local_government_name", suffix).finditer(doc.body)
                 if may_be_local(name := m.group(0))}
        memo[suffix] = names.pop() if len(names) == 1 else None
    return memo[suffix]


def organization_before(doc: Document, start: int) -> tuple[int, str | None]:
    """대구시 권영진 시장: an organization word just before the name.

    A word that only looks like one because a particle ends it in 과 or 와 (시민과 김철수
    의원, 학생들과 …; 과 is also a department) is none: Kiwi reads the particle. Nor is a
    word in 시 that names no city (당시, 도시) or a 지역구.
    """
    before = doc.body[max(0, start - 24):start]
    word = pattern("word_before_name").search(before)
    if word and is_organization(word.group(1)) and may_be_local(word.group(1)):
        at = start - len(before) + word.start(1)
        tokens = doc.tokens_between(at, at + len(word.group(1)))
        if tokens and tokens[-1].tag.startswith("J") and tokens[-1].end == at + len(word.group(1)):
            return start, None
        return at, word.group(1)
    return start, None


def normalize_organization(surface: str, title: str) -> str:
    """대구, 대구시 → 대구광역시; an unknown place before a local office takes its suffix (마산 → 마산시)."""
    aliases = rules.get(Organizations).aliases
    surface = surface.strip()
    suffix = rules.get(Titles).local_offices.get(title)
    glued = surface + suffix if suffix and not surface.endswith(suffix) and " " not in surface else None
    if glued and glued in aliases:
        return aliases[glued]
    if surface in aliases and (len(surface) > 1 or not glued):  # 중 + 구청장: 중구, not 중국
        return aliases[surface]
    if glued:
        return glued
    if suffix and not surface.endswith(suffix) and surface.rsplit(" ", 1)[1] not in aliases:
        return surface + suffix  # 경북 영덕 군수 → 경북 영덕군
    return surface
