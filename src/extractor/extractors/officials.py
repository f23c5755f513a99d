"""Officials: a person's name joined to an office, with the organization where the text gives it.

Mentions are found by the shapes of rules/officials.toml (권영진 대구시장, 원희룡 국토교통부
장관, 행정안전부(장관 이달곤), 산업통상자원부 장관 홍길동, [구병삼/통일부 대변인 : …]),
and a candidate name must look like one (names.py). Mentions of one person merge into one
record; "원 장관" joins 원희룡 (coreference.py).
"""

from __future__ import annotations

from collections.abc import Iterable

from ..analysis import Document
from ..coverage import Coverage
from ..records import Official, Span
from ..rules.schemas.officials import anchored
from . import mentions as shapes
from .base import Result, Step
from .coreference import back_references
from .mentions import Mention


def extract(doc: Document) -> list[Official]:
    """One record per official, with every span where the person is named."""
    return merge(find_mentions(doc), doc.body)


def find_mentions(doc: Document) -> list[Mention]:
    """Office mentions (and "원 장관" short forms resolved to a full name), in text order."""
    taken = Coverage(len(doc.body))
    found = shapes.find(doc, taken)
    found.extend(back_references(doc, found, taken, anchored("family_name_and_office")))
    found.sort(key=lambda m: m.start)
    return found


def merge(mentions: list[Mention], body: str) -> list[Official]:
    """One record per person: title and organization from the mention that says most (one
    with an organization, and of those the longest office: 국무총리 over 총리)."""
    by_name: dict[str, list[Mention]] = {}
    full = _full_foreign_names(m.name for m in mentions if m.official)
    for mention in mentions:
        if mention.official:
            by_name.setdefault(full.get(mention.name, mention.name), []).append(mention)
    officials = []
    for name, group in by_name.items():
        best = max(group, key=lambda m: (m.organization is not None, len(m.office)))
        first = group[0]
        officials.append(Official(
            name=name, title=best.title, organization=best.organization,
            organization_surface=best.surface, text=body[first.start:first.end],
            span=Span(start=first.start, end=first.end),
            mentions=[Span(start=m.start, end=m.end) for m in group],
        ))
    officials.sort(key=lambda o: o.span.start)
    return officials


def _full_foreign_names(names: Iterable[str]) -> dict[str, str]:
    """바이든 → 조 바이든, 기시다 → 기시다 후미오: a one-word name that is a word of exactly one
    name written in full (a foreign name in its own order) is that person."""
    names = set(names)
    by_word: dict[str, set[str]] = {}
    for name in names:
        if " " in name:
            for word in name.split():
                by_word.setdefault(word, set()).add(name)
    return {name: next(iter(by_word[name])) for name in names if len(by_word.get(name, ())) == 1}


def official_index(officials: list[Official], name: str) -> int | None:
    return next((i for i, o in enumerate(officials) if o.name == name), None)


STEP = Step("officials", needs=(), produces=("officials",),
            run=lambda doc, found: Result({"officials": extract(doc)}))
