"""Datelines, bylines, sign-offs, timestamps and outlet names, shared by text and HTML.

The same shapes appear in scraped text and inside an HTML page's article container,
so both cleaners call these matchers; the patterns themselves are data in
`rules/bylines.toml` and `rules/outlets.toml`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from email.utils import parsedate_to_datetime
from functools import cache
from urllib.parse import urlsplit

from .. import places, rules

KST = timezone(timedelta(hours=9))
# Portals' meta tags write a stamp as one number: 20240305142000 (og:regDate), 202403051420.
_COMPACT = re.compile(r"^((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?:([01]\d|2[0-3])([0-5]\d)([0-5]\d)?)?$")


_COPYRIGHT_NAME = re.compile(r"(?:ⓒ|©|\([cC]\))\s*([가-힣A-Za-z0-9.]{2,20})")
# "중도일보(www.joongdo.co.kr), 무단전재 …": the name before the site's address
_COPYRIGHT_SITE = re.compile(r"^[<\[]?\s*([가-힣][가-힣A-Za-z0-9]{1,14})\s*\((?:https?://)?www\.")
_HANGUL_NAME = re.compile(r"^[가-힣][가-힣A-Za-z0-9]{1,14}$")
_NAME_SEPARATORS = re.compile(r"\s*[·,ㆍ]\s*|\s+")


@dataclass
class MetaDraft:
    """Metadata gathered from several places; the first value found for a field wins."""

    title: str | None = None
    outlet: str | None = None
    reporters: list[tuple[str, str | None]] = field(default_factory=list)
    published_at: datetime | None = None
    updated_at: datetime | None = None
    orphan_emails: list[str] = field(default_factory=list)

    def add_reporter(self, name: str | None, email: str | None = None) -> None:
        """Record a reporter once; an email alone belongs to the reporter named last."""
        if name:
            name = name.strip()
            for i, (known, known_email) in enumerate(self.reporters):
                if known == name:
                    self.reporters[i] = (known, known_email or email)
                    return
            self.reporters.append((name, email))
        elif email and self.reporters:
            for i in range(len(self.reporters) - 1, -1, -1):
                known, known_email = self.reporters[i]
                if known_email is None:
                    self.reporters[i] = (known, email)
                    return
        elif email:
            self.orphan_emails.append(email)

    def take(self, found: dict[str, str | None]) -> None:
        """Merge the named groups of a byline match; "홍길동·김철수" names two reporters."""
        outlet = found.get("outlet")
        if outlet and places.is_place(outlet) and not known_outlet(outlet):
            outlet = None  # [부산/문종덕기자]: the reporter's city, where others put the outlet
        if outlet and (not self.outlet or is_portal(self.outlet)):
            self.outlet = canonical_outlet(outlet)
        names = _NAME_SEPARATORS.split(found.get("name") or "")
        for name in names[:-1]:
            self.add_reporter(name)
        self.add_reporter(names[-1] or None, found.get("email"))

    def fill(self, other: MetaDraft) -> None:
        """Take from `other` what this draft still lacks."""
        self.title = self.title or other.title
        self.outlet = self.outlet or other.outlet
        self.published_at = self.published_at or other.published_at
        self.updated_at = self.updated_at or other.updated_at
        for name, email in other.reporters:
            self.add_reporter(name or None, email)


@dataclass(frozen=True)
class _Patterns:
    datelines: list[re.Pattern[str]]
    byline_lines: list[re.Pattern[str]]
    signoffs: list[re.Pattern[str]]
    timestamp: re.Pattern[str]
    labelled: re.Pattern[str]
    email: re.Pattern[str]
    author_suffix: re.Pattern[str]
    name: re.Pattern[str]


@cache
def _patterns() -> _Patterns:
    data = rules.load("bylines")

    def compile_all(key: str) -> list[re.Pattern[str]]:
        return [re.compile(p.replace("NAMES", data["names"]).replace("NAME", data["name"])
                           .replace("EMAIL", data["email"]).replace("JOB", data["job"]))
                for p in data[key]]

    labels = rules.alternation(data["published_labels"] + data["updated_labels"])
    return _Patterns(
        datelines=compile_all("datelines"),
        byline_lines=compile_all("byline_lines"),
        signoffs=compile_all("signoffs"),
        timestamp=re.compile(data["timestamp"]),
        # each run of spaces has one owner: "\s*(?:시간)?\s*[:]?\s*" backtracks cubically
        # when a label is followed by a long run of spaces and no date
        labelled=re.compile(rf"(?P<label>{labels})\s*(?:(?:시간|일시|일자|일)\s*)?(?:[:：]\s*)?" + data["timestamp"]),
        email=re.compile(data["email"]),
        author_suffix=re.compile(rf"\s*(?:{data['job']}|{rules.alternation(data['author_suffixes'])})\s*$"),
        name=re.compile(data["name"]),
    )


def strip_dateline(line: str) -> tuple[dict[str, str | None] | None, str]:
    """Split a leading dateline off a paragraph: (its fields, the rest)."""
    for pattern in _patterns().datelines:
        match = pattern.match(line)
        if match and match.end() < len(line):
            found = match.groupdict()
            if "known" in found:
                if outlet_name(found["known"] or "") is None:
                    continue
                found = {"outlet": found["known"]}
            return _outlet_and_reporter(found), line[match.end():].lstrip()
    return None, line


def _outlet_and_reporter(found: dict[str, str | None]) -> dict[str, str | None]:
    """[서울=뉴시스] is place and outlet; [우리집신문=김고구마] is outlet and reporter: an
    outlet's name (known, or ending like one) before '=' and a person's after it."""
    place, outlet = found.get("place"), found.get("outlet")
    if (place and outlet and not found.get("name") and _patterns().name.fullmatch(outlet)
            and not places.is_place(place) and (known_outlet(place) or place.endswith(_outlet_suffixes()))):
        return {**found, "place": None, "outlet": place, "name": outlet}
    return found


@cache
def _outlet_suffixes() -> tuple[str, ...]:
    return tuple(rules.load("outlets")["name_endings"])


def outlet_name(word: str) -> str | None:
    """The outlet a lone word names: one outlets.toml knows (its canonical name), or one no
    list knows that ends like an outlet's name (전남인터넷신문, not 포토뉴스)."""
    known = known_outlet(word)
    if known:
        return known
    data = rules.load("outlets")
    endings = [e for e in _outlet_suffixes() if e not in data["endings_not_outlets"]]
    if word not in data["labels_not_outlets"] and any(word.endswith(e) and len(word) >= len(e) + 2 for e in endings):
        return word
    return None


_BYLINE_SPLIT = re.compile(r"\s*[,，]\s*|\s{2,}")


@cache
def _job_word() -> re.Pattern[str]:
    return re.compile(rules.load("bylines")["job"])


def match_bylines(line: str) -> list[dict[str, str | None]] | None:
    """The bylines of a line that holds nothing else: one, or several side by side
    ("홍길동 기자 hong@news.com, 김철수 기자 kim@news.com"), each with its own email."""
    found = match_byline_line(line)
    if found is not None:
        return [found]
    if "@" not in line and not _job_word().search(line):  # the common case: a sentence with commas
        return None
    parts = _BYLINE_SPLIT.split(line)
    if len(parts) < 2:
        return None
    each = [match_byline_line(part) for part in parts]
    return [f for f in each if f is not None] if all(f and f.get("name") for f in each) else None


def match_byline_line(line: str) -> dict[str, str | None] | None:
    """The fields of a line that is nothing but a byline, contact or timestamp line."""
    for pattern in _patterns().byline_lines:
        match = pattern.search(line)
        if match:
            return match.groupdict()
    # a line of stamps alone, labelled (입력 2023.03.15 14:30) or not (2011-01-25 11:27:42 2011-06-15 …)
    for stamp in (_patterns().labelled, _patterns().timestamp):
        if stamp.search(line) and len(stamp.sub("", line).strip(" |[]()/·-~")) <= 2:
            return {}
    return None


def strip_signoff(line: str) -> tuple[dict[str, str | None] | None, str]:
    """Split a trailing sign-off off the last paragraph: (its fields, the rest)."""
    for pattern in _patterns().signoffs:
        match = pattern.search(line)
        if match and match.start() > 0 and line[:match.start()].rstrip().endswith((".", "다", "”", '"')):
            return match.groupdict(), line[:match.start()].rstrip()
    return None, line


def labelled_stamp() -> re.Pattern[str]:
    """The pattern of a labelled stamp (기사입력 2023.03.15 14:30), for callers that test for one."""
    return _patterns().labelled


def find_timestamps(text: str) -> tuple[datetime | None, datetime | None]:
    """Publication and update times from labelled stamps (기사입력 …, 수정 …) in `text`."""
    updated_labels = set(rules.load("bylines")["updated_labels"])
    published: datetime | None = None
    updated: datetime | None = None
    for match in _patterns().labelled.finditer(text):
        stamp = _to_datetime(match)
        if stamp is None:
            continue
        if match.group("label") in updated_labels:
            updated = updated or stamp
        else:
            published = published or stamp
    return published, updated


def line_times(line: str) -> tuple[datetime | None, datetime | None]:
    """Publication and update times of a byline or stamp line.

    Labelled stamps say which is which; unlabelled ones come in that order, as pages print
    them ("2011-01-25 11:27:42 2011-06-15 18:56:52"), and a byline's bare date is its
    publication ("2019-05-20 김윤아 기자").
    """
    published, updated = find_timestamps(line)
    if published is None and updated is None:
        stamps = [s for m in _patterns().timestamp.finditer(line) if (s := _to_datetime(m)) is not None]
        published = stamps[0] if stamps else None
        updated = stamps[1] if len(stamps) > 1 and stamps[1] > stamps[0] else None
    return published, updated


def parse_timestamp(value: str) -> datetime | None:
    """A date-time from an ISO string, a Korean stamp, a compact or an RFC 2822 one (RSS).

    +09:00 unless it states an offset; a UTC stamp (…Z) is a machine's way of writing the
    time, so it is given as Korean local time, the same instant.
    """
    value = value.strip()
    compact = _COMPACT.match(value)
    if compact:
        year, month, day, hour, minute, second = (int(part or 0) for part in compact.groups())
        try:
            return datetime(year, month, day, hour, minute, second, tzinfo=KST)
        except ValueError:  # 20240231
            return None
    try:
        stamp = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        match = _patterns().timestamp.search(value)
        if match:
            return _to_datetime(match)
        try:
            stamp = parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError):
            return None
    if stamp.tzinfo is None:
        return stamp.replace(tzinfo=KST)
    return stamp.astimezone(KST) if stamp.utcoffset() == timedelta(0) else stamp


def _to_datetime(match: re.Match[str]) -> datetime | None:
    hour = int(match.group("h") or 0)
    if match.group("ampm") in ("오후", "PM", "pm") and hour < 12:
        hour += 12
    try:
        return datetime(int(match.group("y")), int(match.group("mo")), int(match.group("d")), hour,
                        int(match.group("mi") or 0), int(match.group("s") or 0), tzinfo=KST)
    except ValueError:
        return None


def find_emails(text: str) -> list[str]:
    return _patterns().email.findall(text)


@cache
def _outlet_table() -> tuple[dict[str, str], dict[str, str]]:
    by_alias: dict[str, str] = {}
    by_domain: dict[str, str] = {}
    for outlet in rules.load("outlets")["outlet"]:
        for alias in outlet["aliases"]:
            by_alias[_fold(alias)] = outlet["name"]
        for domain in outlet["domains"]:
            by_domain[domain] = outlet["name"]
    return by_alias, by_domain


def _fold(name: str) -> str:
    return re.sub(r"\s+", "", name).lower()


def canonical_outlet(name: str) -> str:
    """The canonical outlet for a name a page uses, or the name itself when unknown."""
    name = name.strip()
    return _outlet_table()[0].get(_fold(name), name)


def outlet_in_copyright(line: str) -> str | None:
    """The outlet a copyright footer names ("저작권자 © 충청일보 …", "중도일보(www.…)"), if any.

    A known outlet, or a Hangul name that is no phrase ("ⓒ경제를 보는 눈, …" names none).
    """
    match = _COPYRIGHT_NAME.search(line) or _COPYRIGHT_SITE.match(line)
    if not match:
        return None
    name = match.group(1).rstrip(".,")
    known = known_outlet(name)
    if known:
        return known
    if _HANGUL_NAME.match(name) and not name.endswith(tuple(rules.load("titles")["particles"])):
        return name
    return None


def known_outlet(name: str) -> str | None:
    """The canonical name of an outlet outlets.toml knows, else None."""
    return _outlet_table()[0].get(_fold(name))


def is_portal(name: str) -> bool:
    """A news portal's own name (네이버 뉴스), which any outlet the page names overrides."""
    return _fold(name) in _portals()


@cache
def _portals() -> frozenset[str]:
    return frozenset(_fold(p) for p in rules.load("outlets")["portals"])


def portal_url(url: str) -> bool:
    return any(_served_by(url, domain) for domain in rules.load("outlets")["portal_domains"])


def outlet_from_url(url: str) -> str | None:
    """The outlet whose domain serves `url`."""
    return next((outlet for domain, outlet in _outlet_table()[1].items() if _served_by(url, domain)), None)


def _served_by(url: str, domain: str) -> bool:
    """Whether `domain` serves `url`, matching whole labels (chosun.com ≠ tvchosun.com)."""
    host = (urlsplit(url if "//" in url else "//" + url).hostname or "").lower()
    return host == domain or host.endswith("." + domain)


def strip_reporter_suffix(name: str) -> str:
    """'유영규 기자' → '유영규': pages put the job in the author field."""
    return _patterns().author_suffix.sub("", name.strip())
