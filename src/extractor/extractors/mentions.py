"""Mentions of officials: each shape of officials.toml read into one `Mention`.

Each shape has one small function below, named by its id, that says where its match puts
the name, the office and the organization; what every shape then does with them (is the
name one, which organization is meant, a second office held with it) is `_mention`'s.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from functools import cache

from .. import places, rules
from ..analysis import Document
from ..coverage import Coverage, first_match_wins
from ..rules.schemas.officials import mention_patterns, pattern
from ..rules.schemas.titles import Titles
from . import organizations as orgs
from .names import common_noun_inside, given_names_before, is_foreign, is_person_name


@dataclass(frozen=True)
class Mention:
    """One place a person is named with an office, or as a speaker with a role."""

    name: str
    title: str
    organization: str | None
    surface: str | None
    start: int
    end: int
    official: bool = True
    office: str = ""  # the bare office of `title` (군수 of "전 군수"), what "한 군수" refers back to
    concurrent: str = ""  # a second office held with it (장관 겸 경제부총리), referred back to as well


@dataclass(frozen=True)
class Reading:
    """What one shape's match says, before the checks every shape shares."""

    name: str
    name_at: int
    title: str
    org: str | None  # the organization as the match names it
    start: int
    end: int
    title_first: bool = False  # the office before the name: a common noun's neighbour, perhaps
    former: str | None = None
    rank: str | None = None
    elect: str | None = None
    pre: str | None = None  # a word glued before the office (마산 of 마산시장, 국정기획 of 국정기획수석)
    local: str | None = None  # 시 of "김병일 시 대변인": the local government the article is about


def organization_then_office_and_name_in_brackets(m: re.Match[str]) -> Reading:
    """행정안전부(장관 이달곤): the bracket closes the mention."""
    return Reading(m["name"], m.start("name"), m["title"], m["org"], m.start(), m.end(), title_first=True)


def court_bench(m: re.Match[str]) -> Reading:
    """서울남부지법 민사합의51부(부장 황정수), …(윤서진 부장판사): the court holds the judge."""
    if m["name"]:
        return Reading(m["name"], m.start("name"), m["title"], m["org"], m.start(), m.end(), title_first=True)
    return Reading(m["name_first"], m.start("name_first"), m["title_after"], m["org"], m.start(), m.end())


def transcript_cue(m: re.Match[str]) -> Reading:
    """[구병삼/통일부 대변인 : …]: the mention starts at the name, not at the cue's bracket."""
    return Reading(m["name"], m.start("name"), m["title"], m["org"], m.start("name"), m.end("title"),
                   elect=m["elect"])


def office_then_name(m: re.Match[str]) -> Reading:
    """산업통상자원부 장관 홍길동: the name ends the mention."""
    return Reading(m["name"], m.start("name"), m["title"], m["org"], m.start(), m.end("name"), title_first=True,
                   rank=m["rank"])


def name_then_office(m: re.Match[str]) -> Reading:
    """권영진 대구시장, 한재석 전 송림군수, 김병일 시 대변인."""
    return Reading(m["name"], m.start("name"), m["title"], m["org"], m.start(), m.end("title"), former=m["former"],
                   rank=m["rank"], pre=m["pre"], local=m["local"])


READERS: dict[str, Callable[[re.Match[str]], Reading]] = {
    reader.__name__: reader for reader in (court_bench, organization_then_office_and_name_in_brackets, transcript_cue,
                                           office_then_name, name_then_office)}


def find(doc: Document, taken: Coverage) -> list[Mention]:
    """Mentions by every shape (the earlier shape wins an overlap), with the names listed
    before one, in text order."""
    found = first_match_wins(doc.body, mention_patterns(),
                             lambda shape, match: _mention(doc, READERS[shape](match)),
                             span=lambda m: (m.start, m.end), taken=taken)
    return [listed for mention in found for listed in _with_listed(doc, mention, taken)]


def _mention(doc: Document, read: Reading) -> Mention | None:
    titles = rules.get(Titles)
    name, title, has_org = read.name, read.title, bool(read.org)
    if not is_person_name(doc, name, read.name_at, title=title, has_org=has_org):
        return None
    if not has_org and read.title_first and common_noun_inside(doc, read.name_at, read.name_at + len(name)):
        return None  # 시장 경쟁력, 대통령 기록관: an office word is often a common noun's neighbour
    surface, pre, start = read.org, read.pre, read.start
    if pre and title in titles.portfolio.offices:  # 국정기획수석: the portfolio is part of the office
        title, pre = pre + title, None
    if pre and title in titles.city_offices and not has_org and not places.is_city(pre):
        return None  # 진주 중앙시장, 동문공설시장: a market, not a mayor
    if pre:
        # A glued prefix names the organization: any place before a local office (마산시장),
        # the start of an organization the office's first syllable completes (금융감독원장),
        # or a known or organization-shaped word before any other office (국토부장관).
        completing = _completing_office(title)
        if completing and title not in titles.local_offices:
            # 국가안보실장: the office 안보실장 ends in 실장, so 국가 + 안보 + 실 is the organization;
            # a deputy's 부 (국회부의장, 금감원부원장) names no part of it
            head = title[: len(title) - len(completing)]
            pre, suffix = pre + ("" if head == titles.deputy else head), titles.completing_offices[completing]
            pre = pre if pre.endswith(suffix) else pre + suffix
        elif title not in titles.local_offices and not (orgs.is_alias(pre) or orgs.is_organization(pre)):
            return None
        surface = f"{surface} {pre}" if surface else pre
    if surface is None and read.local:  # 김병일 시 대변인: the city the article is about
        surface = orgs.the_one_local(doc, read.local)
    if surface is None:
        start, surface = orgs.organization_before(doc, start)
    if surface is None and title in titles.local_offices:
        surface = orgs.the_one_local(doc, titles.local_offices[title])
    concurrent = pattern("concurrent_office").match(doc.body, read.end)
    if surface is None and concurrent and concurrent.group("org"):
        surface = concurrent.group("org")  # 경제부총리 겸 기획재정부 장관: 기획재정부
    organization = orgs.normalize_organization(surface, title) if surface else None
    if is_foreign(organization) and read.name_at == start:  # 제이크 설리번 백악관 국가안보보좌관
        start = given_names_before(doc, read.name_at)
        name = doc.body[start:read.name_at] + name
    return Mention(name, full_title(title, former=read.former, rank=read.rank, elect=read.elect), organization,
                   surface, start, read.end, office=title, concurrent=concurrent.group("title") if concurrent else "")


def ending_office(title: str, offices: Iterable[str]) -> str | None:
    """The longest of `offices` that `title` is or ends with (실장 of 안보실장, 지사 of 도지사)."""
    return max((office for office in offices if title.endswith(office)), key=len, default=None)


@cache
def _completing_office(title: str) -> str | None:
    """The office of titles.toml's completing_offices that `title` ends with, kept per title."""
    return ending_office(title, rules.get(Titles).completing_offices)


def full_title(title: str, *, former: str | None = None, rank: str | None = None, elect: str | None = None) -> str:
    """The office as the text qualifies it: 전 군수 (a former holder), 1차장, 제1차관, 시장 당선인."""
    return (f"{former} " if former else "") + (rank or "") + title + (f" {elect}" if elect else "")


@cache
def _listed() -> tuple[re.Pattern[str], re.Pattern[str]]:
    return pattern("names_listed_before"), pattern("listed_name")


def _with_listed(doc: Document, mention: Mention, taken: Coverage) -> list[Mention]:
    """The mention, preceded by the people listed before its name, who share its office.

    Each listed word must read as a name on its own, and the organization before the
    list belongs to them all (더불어민주당 강창일, 오영훈 의원).
    """
    body = doc.body
    if not body.startswith(mention.name, mention.start):
        return [mention]
    listed, one_name = _listed()
    listing = listed.search(body, max(0, mention.start - 60), mention.start)
    if listing is None or taken.overlaps(listing.start(), listing.end()):
        return [mention]
    names = [(m.group(1), m.start(1)) for m in one_name.finditer(body, listing.start(), listing.end())]
    if not names or not all(is_person_name(doc, name, at, title=mention.office) for name, at in names):
        return [mention]
    organization, surface = mention.organization, mention.surface
    if organization is None:
        _, surface = orgs.organization_before(doc, listing.start())
        organization = orgs.normalize_organization(surface, mention.office) if surface else None
    taken.add(listing.start(), listing.end())
    people = [replace(mention, name=name, organization=organization, surface=surface, start=at, end=at + len(name))
              for name, at in names]
    return [*people, replace(mention, organization=organization, surface=surface)]
