"""Officials: a person's name joined to an office, with the organization where the text gives it.

Mentions are found by a few shapes over the text (권영진 대구시장, 원희룡 국토교통부 장관,
행정안전부(장관 이달곤), 산업통상자원부 장관 홍길동, [구병삼/통일부 대변인 : …]), and a
candidate name must look like one: a family name first, and Kiwi must not read it as a
common noun. Mentions of one person merge into one record; "원 장관" joins 원희룡.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import cache, lru_cache

from .. import places, rules
from ..analysis import Document
from ..coverage import Coverage
from ..records import Official, Span
from .base import Result, Step


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
class _Rules:
    shapes: list[re.Pattern[str]]
    family: re.Pattern[str]
    role: re.Pattern[str]
    role_family: re.Pattern[str]
    concurrent: re.Pattern[str]
    org_word: re.Pattern[str]
    local: dict[str, str]
    aliases: dict[str, str]
    surnames: frozenset[str]
    hanja_surnames: dict[str, str]
    not_names: frozenset[str]
    foreign_titles: frozenset[str]
    completing: dict[str, str]
    deputy: str
    portfolio: frozenset[str]
    before_name: re.Pattern[str]
    city_offices: frozenset[str]
    offices: frozenset[str]
    not_local: frozenset[str]


@cache
def _rules() -> _Rules:
    titles = rules.load("titles")
    orgs = rules.load("organizations")
    names = rules.load("surnames")
    title = rules.alternation(titles["offices"])
    cue = rules.load("quotes")["cue"]
    # An office ends where a particle or a non-Hangul character follows (시장이, 장관은, 대표).
    bound = rf"(?=(?:{rules.alternation(titles['particles'])})?(?:[^가-힣]|$))"
    role = rules.alternation(titles["roles"]["names"])
    aliases = rules.alternation(list(orgs["aliases"]))
    suffixes = rules.alternation(orgs["suffixes"])
    org_word = rf"(?:[가-힣A-Za-z·]{{1,15}}?(?:{suffixes})|{aliases})"
    org = rf"{org_word}(?:\s{org_word})?"
    name = r"(?<![가-힣A-Za-z])(?P<name>[가-힣]{2,4})"
    # 김건영(金乾永) 성주군수, 홍길동(55) 서울시장: the name's Hanja or the person's age
    # may stand between name and office, the space after it often dropped in older copy.
    after_name = r"(?:\s?\((?:[\u4e00-\u9fff]{2,4}|\d{1,3}세?)\)\s?|\s)"
    # 원 장관, and in older copy and headlines 金군수 (the Hanja family name, unspaced)
    family = r"(?<![가-힣\u4e00-\u9fff])(?P<surname>[가-힣](?=\s)|[\u4e00-\u9fff])\s?"
    # 한재석 전 송림군수, 한 전 군수: a former holder is named by the office too
    former = rf"(?:(?P<former>{rules.alternation(titles['former'])})\s)?"
    shapes = [
        # 행정안전부(장관 이달곤)
        rf"(?P<org>{org_word})\s?\(\s?(?P<title>{title})\s(?P<name>[가-힣]{{2,4}})\s?\)",
        # [구병삼/통일부 대변인 : "…"], ▶ 인터뷰 : 홍길동 / 서울시 대변인 - "…"
        # and [이준석/국민의힘 대표 (어제(1일)) : …], [오세훈/서울시장 당선인 : …]
        rf"{cue}(?P<name>[가-힣]{{2,4}})\s?/\s?(?:(?P<org>[^:\]/\-]{{1,30}}?)\s?)?(?P<title>{title})"
        rf"(?:\s?(?P<elect>{rules.alternation(titles['elect'])}))?(?:\s?\([^()\n]{{0,20}}(?:\([^()\n]{{0,10}}\))?\))?\s?[:：\-]",
        # 산업통상자원부 장관 홍길동은, 시장 권영진은
        rf"(?<![가-힣])(?:(?P<org>{org})\s)?(?P<rank>제?[1-9])?(?P<title>{title})\s(?P<name>[가-힣]{{2,4}}?){bound}",
        # 권영진 대구시장이, 원희룡 국토교통부 장관은, 박보균 장관은
        # and 김병일 시 대변인: the city, province or county the article is about, unnamed
        # and 김태효 국가안보실 1차장, 기획재정부 제1차관: a numbered office keeps its number
        rf"{name}{after_name}{former}(?:(?P<org>{org})\s|(?P<local>[시도군구])\s)?(?P<pre>[가-힣]{{1,8}}?)??"
        rf"(?P<rank>제?[1-9])?(?P<title>{title}){bound}",
    ]
    return _Rules(
        shapes=[re.compile(s) for s in shapes],
        family=re.compile(rf"{family}{former}(?P<title>{title}){bound}"),
        role=re.compile(rf"{name}\s?(?:/\s?)?(?:(?P<org>[^\s:\]/]{{1,30}})\s)?(?P<title>{role})(?:\s?[:：]|{bound})"),
        role_family=re.compile(rf"{family}(?P<title>{role}){bound}"),
        # 기획재정부 장관 겸 경제부총리: a second office held with the first
        # (and 최상목 경제부총리 겸 기획재정부 장관: the organization may come with the second)
        concurrent=re.compile(rf"\s?겸\s?(?:(?P<org>{org_word})\s)?[가-힣]{{0,8}}?(?P<title>{title}){bound}"),
        org_word=re.compile(rf"^{org_word}$"),
        local=dict(titles["local_offices"]),
        aliases=dict(orgs["aliases"]),
        surnames=frozenset(names["single"].split()) | frozenset(names["double"]),
        hanja_surnames=dict(names["hanja"]),
        not_names=frozenset(names["not_names"]),
        foreign_titles=frozenset(titles["foreign_offices"]),
        completing=dict(titles["completing_offices"]),
        deputy=titles["deputy"],
        portfolio=frozenset(titles["portfolio"]["offices"]),
        before_name=re.compile(rf"(?:^|\s)(\S{{2,15}})\s(?:(?:{rules.alternation(orgs['membership'])})\s)?$"),
        city_offices=frozenset(titles["city_offices"]),
        offices=frozenset(titles["offices"]) | frozenset(titles["roles"]["names"]),
        not_local=frozenset(orgs["not_local"]),
    )


def extract(doc: Document) -> list[Official]:
    """One record per official, with every span where the person is named."""
    return merge(find_mentions(doc), doc.body)


def find_mentions(doc: Document) -> list[Mention]:
    """Office mentions (and "원 장관" short forms resolved to a full name), in text order."""
    found: list[Mention] = []
    taken = Coverage(len(doc.body))
    for pattern in _rules().shapes:
        for match in pattern.finditer(doc.body):
            mention = _mention(doc, match)
            if mention and not taken.overlaps(mention.start, mention.end):
                found.append(mention)
                taken.add(mention.start, mention.end)
    found.sort(key=lambda m: m.start)
    found = [listed for mention in found for listed in _with_listed(doc, mention, taken)]
    found.extend(_family_mentions(doc, found, taken, _rules().family))
    found.sort(key=lambda m: m.start)
    return found


# Names listed before the one an office follows: 강창일, 오영훈, 위성곤 의원 / 김철수·이영희 의원.
# Commas and middle dots only: 와/과 join anything ("전문가와 김철수 의원").
_LISTED = re.compile(r"(?<![가-힣])(?:[가-힣]{2,4}\s?[,·ㆍ]\s?)+$")
_LISTED_NAME = re.compile(r"([가-힣]{2,4})\s?[,·ㆍ]")


def _with_listed(doc: Document, mention: Mention, taken: Coverage) -> list[Mention]:
    """The mention, preceded by the people listed before its name, who share its office.

    Each listed word must read as a name on its own, and the organization before the
    list belongs to them all (더불어민주당 강창일, 오영훈 의원).
    """
    body = doc.body
    if not body.startswith(mention.name, mention.start):
        return [mention]
    window = max(0, mention.start - 60)
    listing = _LISTED.search(body, window, mention.start)
    if listing is None or taken.overlaps(listing.start(), listing.end()):
        return [mention]
    names = [(m.group(1), m.start(1)) for m in _LISTED_NAME.finditer(body, listing.start(), listing.end())]
    if not names or not all(is_person_name(doc, name, at, title=mention.office) for name, at in names):
        return [mention]
    organization, surface = mention.organization, mention.surface
    if organization is None:
        _, surface = _organization_before(doc, listing.start())
        organization = normalize_organization(surface, mention.office) if surface else None
    taken.add(listing.start(), listing.end())
    people = [replace(mention, name=name, organization=organization, surface=surface, start=at, end=at + len(name))
              for name, at in names]
    return [*people, replace(mention, organization=organization, surface=surface)]


def find_speakers(doc: Document) -> list[Mention]:
    """People named with a non-office role (양무진 교수, and then 양 교수): they may speak
    but are no officials."""
    out = []
    taken = Coverage(len(doc.body))
    for match in _rules().role.finditer(doc.body):
        name = match.group("name")
        if is_person_name(doc, name, match.start("name")):
            out.append(Mention(name, match.group("title"), match.group("org"), match.group("org"),
                               match.start(), match.end("title"), official=False, office=match.group("title")))
            taken.add(match.start(), match.end("title"))
    return out + _family_mentions(doc, out, taken, _rules().role_family)


def _mention(doc: Document, match: re.Match[str]) -> Mention | None:
    settings = _rules()
    name = match.group("name")
    title = match.group("title")
    groups = match.groupdict()
    has_org = bool(groups.get("org"))
    if not is_person_name(doc, name, match.start("name"), title=title, has_org=has_org):
        return None
    if not has_org and match.start("title") < match.start("name") and _common_noun_inside(doc, match):
        return None  # 시장 경쟁력, 대통령 기록관: an office word is often a common noun's neighbour
    surface = groups.get("org")
    pre = groups.get("pre")
    start = match.start("org") if groups.get("org") and match.start() < match.start("name") else match.start()
    start = match.start("name") if doc.body[match.start()] in "[▶" else start
    if pre and title in settings.portfolio:  # 국정기획수석: the portfolio is part of the office
        title, pre = pre + title, None
    if pre and title in settings.city_offices and not has_org and not places.is_city(pre):
        return None  # 진주 중앙시장, 동문공설시장: a market, not a mayor
    if pre:
        # A glued prefix names the organization: any place before a local office (마산시장),
        # the start of an organization the office's first syllable completes (금융감독원장),
        # or a known or organization-shaped word before any other office (국토부장관).
        completing = _ending_office(title, settings.completing)
        if completing and title not in settings.local:
            # 국가안보실장: the office 안보실장 ends in 실장, so 국가 + 안보 + 실 is the organization;
            # a deputy's 부 (국회부의장, 금감원부원장) names no part of it
            head = title[: len(title) - len(completing)]
            pre, suffix = pre + ("" if head == settings.deputy else head), settings.completing[completing]
            pre = pre if pre.endswith(suffix) else pre + suffix
        elif title not in settings.local and not (pre in settings.aliases or settings.org_word.match(pre)):
            return None
        surface = f"{surface} {pre}" if surface else pre
    if surface is None and groups.get("local"):  # 김병일 시 대변인: the city the article is about
        surface = _the_one_local(doc.body, groups["local"])
    if surface is None:
        start, surface = _organization_before(doc, start)
    if surface is None and title in settings.local:
        surface = _the_one_local(doc.body, settings.local[title])
    end = match.end() if doc.body[match.end() - 1] == ")" else max(match.end("title"), match.end("name"))
    concurrent = settings.concurrent.match(doc.body, end)
    if surface is None and concurrent and concurrent.group("org"):
        surface = concurrent.group("org")  # 경제부총리 겸 기획재정부 장관: 기획재정부
    organization = normalize_organization(surface, title) if surface else None
    return Mention(name, _full_title(groups, title), organization, surface, start, end, office=title,
                   concurrent=concurrent.group("title") if concurrent else "")


def _ending_office(title: str, offices: Iterable[str]) -> str | None:
    """The longest of `offices` that `title` is or ends with (실장 of 안보실장, 지사 of 도지사)."""
    return max((office for office in offices if title.endswith(office)), key=len, default=None)


def _full_title(groups: dict[str, str | None], title: str) -> str:
    """The office as the text qualifies it: 전 군수 (a former holder), 1차장, 제1차관, 시장 당선인."""
    former = f"{groups['former']} " if groups.get("former") else ""
    elect = f" {groups['elect']}" if groups.get("elect") else ""
    return former + (groups.get("rank") or "") + title + elect


def _may_be_local(word: str) -> bool:
    """Whether a word in 시, 도, 군 or 구 may name a local government: 시 and 도 end many
    other words (당시, 도시, 보상제도), so there only the places of the list count."""
    if word in _rules().not_local:
        return False
    if word.endswith(("시", "도")):
        return places.is_place(word) or places.is_city(word[:-1])
    return True


@lru_cache(maxsize=8)  # once per document and suffix, not per mention: 2,000 mentions read the body once
def _the_one_local(body: str, suffix: str) -> str | None:
    """조인묵 군수 in an article about 양구군, 김병일 시 대변인 in one about 서울시: the only
    county, city, province or district of that suffix the text names."""
    names = {name for m in _local_names(suffix).finditer(body) if _may_be_local(name := m.group(0))}
    return names.pop() if len(names) == 1 else None


@cache
def _local_names(suffix: str) -> re.Pattern[str]:
    particles = rules.alternation(rules.load("titles")["particles"])
    return re.compile(rf"(?<![가-힣])[가-힣]{{2,4}}{suffix}(?=(?:{particles})?(?:[^가-힣]|$))")


def _common_noun_inside(doc: Document, match: re.Match[str]) -> bool:
    """Whether Kiwi reads a common noun of two or more syllables inside the name."""
    tokens = doc.tokens_between(match.start("name"), match.end("name"))
    return any(t.tag == "NNG" and t.end - t.start >= 2 for t in tokens)


def _organization_before(doc: Document, start: int) -> tuple[int, str | None]:
    """대구시 권영진 시장: an organization word just before the name.

    A word that only looks like one because a particle ends it in 과 or 와 (시민과 김철수
    의원, 학생들과 …; 과 is also a department) is none: Kiwi reads the particle. Nor is a
    word in 시 that names no city (당시, 도시) or a 지역구.
    """
    before = doc.body[max(0, start - 24):start]
    word = _rules().before_name.search(before)
    if word and _rules().org_word.match(word.group(1)) and _may_be_local(word.group(1)):
        at = start - len(before) + word.start(1)
        tokens = doc.tokens_between(at, at + len(word.group(1)))
        if tokens and tokens[-1].tag.startswith("J") and tokens[-1].end == at + len(word.group(1)):
            return start, None
        return at, word.group(1)
    return start, None


def normalize_organization(surface: str, title: str) -> str:
    """대구, 대구시 → 대구광역시; an unknown place before a local office takes its suffix (마산 → 마산시)."""
    settings = _rules()
    surface = surface.strip()
    suffix = settings.local.get(title)
    glued = surface + suffix if suffix and not surface.endswith(suffix) and " " not in surface else None
    if glued and glued in settings.aliases:
        return settings.aliases[glued]
    if surface in settings.aliases and (len(surface) > 1 or not glued):  # 중 + 구청장: 중구, not 중국
        return settings.aliases[surface]
    if glued:
        return glued
    if suffix and not surface.endswith(suffix) and surface.rsplit(" ", 1)[1] not in settings.aliases:
        return surface + suffix  # 경북 영덕 군수 → 경북 영덕군
    return surface


def is_person_name(doc: Document, name: str, start: int, *, title: str | None = None,
                   has_org: bool = False) -> bool:
    """Whether a word before an office is a person's name.

    A Korean name starts with a family name. Kiwi often misreads names that start with
    이 or 정 (이 as "this", 정 as an adverb), so its tags only veto a three-syllable name
    when they read a verb or a particle into it; a two-syllable name needs Kiwi's proper-
    noun reading or an organization beside it. A name Kiwi reads as one proper noun needs
    no Korean family name when its country or a head-of-government office stands with it:
    foreign leaders are named by their family name alone (바이든 미국 대통령, 기시다 총리).
    """
    settings = _rules()
    if name in settings.not_names or name in settings.aliases or name in settings.offices or places.is_place(name):
        return False
    tokens = doc.tokens_between(start, start + len(name))
    one_proper_noun = (len(tokens) == 1 and tokens[0].tag == "NNP"
                       and tokens[0].end - tokens[0].start == len(name))
    if one_proper_noun and (has_org or title in settings.foreign_titles):
        return True
    if not (name[0] in settings.surnames or name[:2] in settings.surnames):
        return False
    if len(name) == 2:
        return one_proper_noun or has_org
    if len(name) == 4 and name[:2] not in settings.surnames:
        return False  # four syllables: 남궁민수, not 소통채널
    compound = sum(1 for t in tokens if t.tag == "NNG" and t.end - t.start >= 2) >= 2
    # A common noun with a suffix or bound noun after it is no name (주민들, 정부측); a
    # suffix elsewhere is Kiwi misreading a name (이권재 as 이+권+재).
    suffixed = (len(tokens) >= 2 and tokens[-1].tag in ("XSN", "NNB") and tokens[-2].tag == "NNG"
                and tokens[-2].end - tokens[-2].start >= 2)
    return not compound and not suffixed and not any(t.tag.startswith(("V", "J", "E", "XSV", "XSA")) for t in tokens)


def _family_mentions(doc: Document, full: list[Mention], taken: Coverage, pattern: re.Pattern[str]) -> list[Mention]:
    """"원 장관은", "김 앵커는": a family name and an office or role that exactly one person
    named before holds."""
    first_seen: dict[tuple[str, str], dict[str, int]] = {}
    for m in full:  # keyed by the bare office: "한 전 군수" refers back to 한재석 전 송림군수
        # and "김 지사" to 김동연 경기도지사, "추 부총리" to 추경호 장관 겸 경제부총리
        for held in filter(None, (m.office, m.concurrent)):
            for office in _office_and_its_head(held):
                first_seen.setdefault((m.name[0], office), {}).setdefault(m.name, m.start)
    official = {m.name: m.official for m in full}
    out = []
    for match in pattern.finditer(doc.body):
        surname = _rules().hanja_surnames.get(match.group("surname"), match.group("surname"))
        named = first_seen.get((surname, match.group("title")), {})
        candidates = [name for name, start in named.items() if start < match.start()]
        if len(candidates) == 1 and not taken.overlaps(match.start(), match.start() + 1):
            title = _full_title(match.groupdict(), match.group("title"))
            out.append(Mention(candidates[0], title, None, None, match.start(), match.end(),
                               official=official[candidates[0]], office=match.group("title")))
    return out


def _office_and_its_head(title: str) -> list[str]:
    """경제부총리 and 부총리, 도지사 and 지사: the office and the longest office it ends with,
    as text refers back; a deputy (부시장) is never referred to as the head (시장)."""
    settings = _rules()
    head = _ending_office(title, (office for office in settings.offices if office != title))
    return [title, head] if head and title[: len(title) - len(head)] != settings.deputy else [title]


def merge(mentions: list[Mention], body: str) -> list[Official]:
    """One record per person: title and organization from the mention that says most."""
    by_name: dict[str, list[Mention]] = {}
    for mention in mentions:
        if mention.official:
            by_name.setdefault(mention.name, []).append(mention)
    officials = []
    for name, group in by_name.items():
        best = next((m for m in group if m.organization), group[0])
        first = group[0]
        officials.append(Official(
            name=name, title=best.title, organization=best.organization,
            organization_surface=best.surface, text=body[first.start:first.end],
            span=Span(start=first.start, end=first.end),
            mentions=[Span(start=m.start, end=m.end) for m in group],
        ))
    officials.sort(key=lambda o: o.span.start)
    return officials


def official_index(officials: list[Official], name: str) -> int | None:
    return next((i for i, o in enumerate(officials) if o.name == name), None)


STEP = Step("officials", needs=(), produces=("officials",),
            run=lambda doc, found: Result({"officials": extract(doc)}))
