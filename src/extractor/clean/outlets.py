"""Outlet names: the canonical name of a listed outlet, portals, domains, copyright footers.

A page names its outlet in many ways (a dateline, a footer, its domain, its <title>);
each is turned into one canonical name by rules/outlets.toml, so one outlet is one value.
"""

from __future__ import annotations

import re
from functools import cache
from urllib.parse import urlsplit

from .. import korean, rules
from ..korean import HANGUL_CLASS
from ..rules.schemas.outlets import Outlets

_COPYRIGHT_NAME = re.compile(rf"(?:ⓒ|©|\([cC]\))\s*([{HANGUL_CLASS}A-Za-z0-9.]{{2,20}})")
# "중도일보(www.joongdo.co.kr), 무단전재 …": the name before the site's address
_COPYRIGHT_SITE = re.compile(rf"^[<\[]?\s*([{HANGUL_CLASS}][{HANGUL_CLASS}A-Za-z0-9]{{1,14}})\s*\((?:https?://)?www\.")
_HANGUL_NAME = re.compile(rf"^[{HANGUL_CLASS}][{HANGUL_CLASS}A-Za-z0-9]{{1,14}}$")


def _outlets() -> Outlets:
    return rules.get(Outlets)


def outlet_suffixes() -> tuple[str, ...]:
    """How an unlisted outlet's name ends (신문, 일보 …)."""
    return _outlets().name_endings


def outlet_name(word: str) -> str | None:
    """The outlet a lone word names: one outlets.toml knows (its canonical name), or one no
    list knows that ends like an outlet's name (전남인터넷신문, not 포토뉴스)."""
    known = known_outlet(word)
    if known:
        return known
    data = _outlets()
    endings = [e for e in outlet_suffixes() if e not in data.endings_not_outlets]
    if word not in data.labels_not_outlets and any(word.endswith(e) and len(word) >= len(e) + 2 for e in endings):
        return word
    return None


def canonical_outlet(name: str) -> str:
    """The canonical outlet for a name a page uses, or the name itself when unknown."""
    name = name.strip()
    return _outlets().by_alias(name) or name


def known_outlet(name: str) -> str | None:
    """The canonical name of an outlet outlets.toml knows, else None."""
    return _outlets().by_alias(name)


def outlet_in_copyright(line: str) -> str | None:
    """The outlet a copyright footer names ("저작권자 © 충청일보 …", "중도일보(www.…)"), if any.

    A known outlet, or a Hangul name that is no phrase ("ⓒ경제를 보는 눈, …" names none).
    """
    line = _without_slogans(line)
    match = _COPYRIGHT_NAME.search(line) or _COPYRIGHT_SITE.match(line)
    if not match:
        return None
    name = match.group(1).rstrip(".,")
    known = known_outlet(name)
    if known:
        return known
    if _HANGUL_NAME.match(name) and not name.endswith(_particles()):
        return name
    return None


def _without_slogans(line: str) -> str:
    """"ⓒ 공감언론 뉴시스통신사" → "ⓒ 뉴시스통신사": a motto before the name is no name."""
    for slogan in _outlets().slogans:
        if slogan in line:
            line = re.sub(rf"([ⓒ©]|\([cC]\))\s*['‘\"]?\s*{re.escape(slogan)}\s*", r"\1 ", line)
    return line


@cache
def _particles() -> tuple[str, ...]:
    return tuple(korean.lexicon().particles)


def is_portal(name: str) -> bool:
    """A news portal's own name (네이버 뉴스), which any outlet the page names overrides."""
    return _outlets().is_portal(name)


def portal_url(url: str) -> bool:
    return any(_served_by(url, domain) for domain in _outlets().portal_domains)


def outlet_from_url(url: str) -> str | None:
    """The outlet whose domain serves `url`; the longest such domain, since one domain serves
    several brands (mosen.mt.co.kr is OSEN's, mt.co.kr 머니투데이's)."""
    served = [(len(domain), outlet) for domain, outlet in _outlets().by_domain().items() if _served_by(url, domain)]
    return max(served)[1] if served else None


def _served_by(url: str, domain: str) -> bool:
    """Whether `domain` serves `url`, matching whole labels (chosun.com ≠ tvchosun.com)."""
    host = (urlsplit(url if "//" in url else "//" + url).hostname or "").lower()
    return host == domain or host.endswith("." + domain)
