"""One entry per person across a batch: 권영진 in 300 articles is one person, not 300.

A person is a name in a body: the registry id of the official's organization (or, unlinked,
its printed name). A mention with no organization (권영진 시장) joins the one person of that
name, or of that name and office when several bodies have one; a family name alone (권 시장)
joins the one person of that family name in the same body. Two 김철수 of different bodies
stay two people. Everything here is a function of the set of records, never of their order:
ids are hashes of (name, body), so any order and any number of workers give the same index.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, ConfigDict, Field


class Person(BaseModel):
    """One person of the index, with the articles that name them."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    person_id: str = Field(pattern=r"^p-[0-9a-f]{12}$")
    name: str = Field(min_length=1)
    organization_id: str | None = None
    organization: str | None = None
    office: str = Field(min_length=1)
    articles: list[str]
    mentions: int = Field(ge=1)


@dataclass(frozen=True)
class _Seen:
    article: str
    index: int
    name: str
    body: str | None  # "id:adm-27" or "text:대구광역시", None when the text gives none
    organization: str | None
    title: str
    mentions: int


def _body_key(official: Mapping[str, Any]) -> tuple[str | None, str | None]:
    if official.get("organization_id"):
        return f"id:{official['organization_id']}", official.get("organization_name") or official.get("organization")
    text = official.get("organization_name") or official.get("organization")
    return (f"text:{' '.join(str(text).split())}", str(text)) if text else (None, None)


def _article_id(article: Mapping[str, Any], position: int) -> str:
    source = article.get("source") or {}
    return str(article.get("id") or source.get("sha256") or source.get("path") or position)


def _seen(articles: Iterable[Mapping[str, Any]]) -> list[_Seen]:
    out = []
    for position, article in enumerate(articles):
        article_id = _article_id(article, position)
        for index, official in enumerate(article.get("officials") or ()):
            body, organization = _body_key(official)
            out.append(_Seen(article_id, index, str(official["name"]), body, organization,
                             str(official["title"]), _mention_count(official)))
    return sorted(out, key=lambda s: (s.name, s.body or "", s.article, s.index))


def _mention_count(official: Mapping[str, Any]) -> int:
    """How often the person is named: the mentions listed, or a count a table row stored."""
    count = official.get("mention_count")
    return max(1, int(count) if count is not None else len(official.get("mentions") or ()))


def _person_id(name: str, body: str | None) -> str:
    return "p-" + hashlib.sha256(f"{name}\t{body or '-'}".encode()).hexdigest()[:12]


def _owner(seen: _Seen, known: dict[str, dict[str, set[str]]], by_family: dict[str, list[str]]) \
        -> tuple[str, str | None]:
    """(name, body) of the person a record belongs to, decided from the whole set."""
    if seen.body is not None and len(seen.name) > 1:
        return seen.name, seen.body
    if len(seen.name) == 1:  # 권 시장: the one 권 of that body (or of that office when no body is printed)
        matches = sorted((n, b) for n in by_family.get(seen.name, ()) for b, titles in known[n].items()
                         if b == seen.body or (seen.body is None and seen.title in titles))
        return matches[0] if len(matches) == 1 else (seen.name, seen.body)
    bodies = known.get(seen.name, {})
    if len(bodies) == 1:
        return seen.name, next(iter(bodies))
    by_office = sorted(b for b, titles in bodies.items() if seen.title in titles)
    return (seen.name, by_office[0]) if len(by_office) == 1 else (seen.name, None)


class PeopleIndex:
    """The people of a batch, and which person each (article id, official index) is."""

    def __init__(self, articles: Iterable[Mapping[str, Any]]) -> None:
        records = _seen(articles)
        known: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
        for seen in records:
            if seen.body is not None and len(seen.name) > 1:
                known[seen.name][seen.body].add(seen.title)
        # full names by their first syllable: 권 시장 looks only at the 권s (linear in the batch)
        by_family: dict[str, list[str]] = defaultdict(list)
        for name in sorted(known):
            by_family[name[0]].append(name)
        groups: dict[tuple[str, str | None], list[_Seen]] = defaultdict(list)
        for seen in records:
            groups[_owner(seen, known, by_family)].append(seen)
        self._of: dict[tuple[str, int], str] = {}
        people = []
        for (name, body), group in sorted(groups.items(), key=lambda item: (item[0][0], item[0][1] or "")):
            person_id = _person_id(name, body)
            for seen in group:
                self._of[(seen.article, seen.index)] = person_id
            people.append(_person(person_id, name, body, group))
        self.people: list[Person] = people

    def person_of(self, article_id: str, official_index: int) -> str | None:
        """The person_id of an article's official (its index in `officials`), for tables."""
        return self._of.get((article_id, official_index))


def _most(values: Iterable[str]) -> str:
    """The most frequent value; ties go to the longest (국무총리 over 총리), then the first in order."""
    counts = Counter(values)
    return min(counts, key=lambda v: (-counts[v], -len(v), v))


def _person(person_id: str, name: str, body: str | None, group: list[_Seen]) -> Person:
    organizations = [s.organization for s in group if s.organization and s.body == body]
    return Person(person_id=person_id, name=name,
                  organization_id=body.removeprefix("id:") if body and body.startswith("id:") else None,
                  organization=_most(organizations) if organizations else None,
                  office=_most(s.title for s in group), articles=sorted({s.article for s in group}),
                  mentions=sum(s.mentions for s in group))


def people_index(articles: Iterable[Mapping[str, Any]]) -> list[Person]:
    """One entry per person over article JSON dicts (batch output lines), in a stable order."""
    return PeopleIndex(articles).people
