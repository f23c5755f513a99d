"""A page's metadata: JSON-LD, Open Graph and article:* tags, <time>, bylines, the headline.

Everything read here outside the article's text is declared in html.toml's [page_meta]
table, the same table clean/prune.py keeps elements by, so pruning never drops what a
reader here looks for.
"""

from __future__ import annotations

import html as htmlmod
import json
import re
from collections.abc import Iterator
from datetime import datetime
from functools import cache
from typing import Any

from bs4 import BeautifulSoup
from bs4.element import Tag

from ..korean import HANGUL, HANGUL_CLASS
from ..rules.schemas.html import PageMeta
from . import bylines, outlets, selectors, timestamps
from .container import MIN_BODY_CHARS, hangul, names
from .draft import MetaDraft
from .fold import fold

_PERSON = re.compile(rf"^(?:[{HANGUL_CLASS}]{{2,4}}|[A-Z][a-z]+(?: [A-Z][a-z]+){{1,2}})$")
_JSON_COMMENT = re.compile(r'("(?:[^"\\]|\\.)*")|//[^\n]*|/\*.*?\*/', re.S)
_TRAILING_COMMA = re.compile(r",(\s*[}\]])")
_PORTAL_OUTLET_TAGS = ("og:article:author", "twitter:creator", "article:publisher")
# A headline has a few Hangul syllables and is no paragraph.
_HEADLINE_HANGUL = 4
_MAX_HEADLINE = 200


@cache
def _title_suffix() -> re.Pattern[str]:
    return re.compile(selectors.settings().title_suffix)


@cache
def _author_separators() -> re.Pattern[str]:
    return re.compile(selectors.settings().author_separators)


def _read() -> PageMeta:
    """What this module reads outside the article, as html.toml declares it for prune too."""
    return selectors.settings().page_meta


def page_meta(soup: BeautifulSoup, elements: list[Tag], articles: list[dict[str, Any]]) -> MetaDraft:
    """Metadata from JSON-LD (`articles`), Open Graph and article:* tags, <time> and byline elements."""
    draft = MetaDraft()
    for item in articles:
        _take_json_ld(draft, item)
    tags = _meta_tags(elements)
    draft.title = draft.title or _first(tags, "og:title", "twitter:title", "title")
    url = _first(tags, "og:url", "twitter:url") or _canonical(elements)
    outlet = (outlets.outlet_from_url(url) if url else None) or _first(tags, "og:site_name")
    if (url and outlets.portal_url(url)) or (outlet and outlets.is_portal(outlet)):
        # a portal's copy: its author tags name the outlet ("연합뉴스 | 네이버")
        named = [outlets.known_outlet(tags.get(key, "").split("|")[0]) for key in _PORTAL_OUTLET_TAGS]
        outlet = next((name for name in named if name), outlet)
    if outlet:
        draft.outlet = outlets.canonical_outlet(outlet)
    for key in selectors.settings().published_meta:
        if key in tags and draft.published_at is None:
            draft.published_at = timestamps.parse_timestamp(tags[key])
    for key in selectors.settings().updated_meta:
        if key in tags and draft.updated_at is None:
            draft.updated_at = timestamps.parse_timestamp(tags[key])
    time_tag = next((t for t in elements if t.name == "time" and t.get("datetime")), None)
    if draft.published_at is None and isinstance(time_tag, Tag):
        draft.published_at = timestamps.parse_timestamp(str(time_tag["datetime"]))
    draft.published_at = draft.published_at or _attribute_time(elements, _read().published_attributes)
    draft.updated_at = draft.updated_at or _attribute_time(elements, _read().updated_attributes)
    for key in ("author", "dable:author", "article:author", "og:article:author"):
        _take_author(draft, tags.get(key, ""))
    byline = selectors.word_test(_read().byline_words)
    for tag in elements:
        if byline(names(tag)) and len(tag.get_text(" ")) < 60:
            text = fold(tag.get_text(" "))
            found = bylines.match_byline_line(text)  # "김서연 기자 ksy@…": the email too
            if found and found.get("name"):
                draft.take({"name": found["name"], "email": found.get("email")})
            else:
                _take_author(draft, text)
    page_title = fold(soup.title.get_text(" ")) if soup.title else ""
    # "headline - 부산일보", "headline | 한겨레", "headline :: 충청일보": the site's name closes the page title
    suffix = _title_suffix().search(page_title)
    if draft.outlet is None and suffix:
        draft.outlet = outlets.canonical_outlet(suffix.group(1))
    if draft.outlet is None and page_title:  # a page titled with the site's name alone: "부산데일리"
        draft.outlet = outlets.outlet_name(page_title.replace(" ", ""))
    if draft.title is None:
        draft.title = _headline(elements, page_title[: suffix.start()] if suffix else page_title, draft.outlet)
    return draft


def _headline(elements: list[Tag], page_title: str, outlet: str | None) -> str | None:
    """A page without title metadata: its <h1>, else an element classed as the title
    (h2.tit, h3.title), else the page's <title>; never a logo's text, the outlet's name."""
    wanted, subtitle = selectors.word_test(_read().title_words), selectors.word_test(_read().subtitle_words)
    headings = [t for t in elements if t.name == "h1"]
    headings += [t for t in elements if t.name not in ("title", "meta")
                 and wanted(element_names := names(t)) and not subtitle(element_names)]
    for text in [*(fold(t.get_text(" ")) for t in headings), page_title]:
        if (len(HANGUL.findall(text)) >= _HEADLINE_HANGUL and len(text) <= _MAX_HEADLINE and text != outlet
                and outlets.outlet_name(text.replace(" ", "")) is None):
            return text
    return page_title or None


def _attribute_time(elements: list[Tag], attributes: tuple[str, ...]) -> datetime | None:
    for tag in elements:
        for name in attributes:
            value = tag.attrs.get(name)
            if isinstance(value, str) and (stamp := timestamps.parse_timestamp(value)):
                return stamp
    return None


def _meta_tags(elements: list[Tag]) -> dict[str, str]:
    tags: dict[str, str] = {}
    for tag in (t for t in elements if t.name == "meta"):
        key = tag.get("property") or tag.get("name") or tag.get("itemprop")
        content = tag.get("content")
        if isinstance(key, str) and isinstance(content, str) and content.strip():
            tags.setdefault(key.strip().lower(), fold(htmlmod.unescape(content)))
    return tags


def _first(tags: dict[str, str], *keys: str) -> str | None:
    return next((tags[k] for k in keys if tags.get(k)), None)


def _canonical(elements: list[Tag]) -> str | None:
    link = next((t for t in elements if t.name == "link" and "canonical" in (t.get("rel") or [])), None)
    href = link.get("href") if isinstance(link, Tag) else None
    return href if isinstance(href, str) else None


def _take_author(draft: MetaDraft, value: str) -> None:
    for part in _author_separators().split(value):
        name = bylines.strip_reporter_suffix(part)
        if _PERSON.match(name):
            draft.add_reporter(name)


def json_ld_articles(elements: list[Tag]) -> Iterator[dict[str, Any]]:
    types = set(selectors.settings().article_types)
    for script in (t for t in elements if t.name == "script" and t.get("type") == "application/ld+json"):
        data = _lenient_json(script.string or script.get_text())
        for item in _walk_json(data):
            kind = item.get("@type")
            kinds = set(kind) if isinstance(kind, list) else {kind}
            if kinds & types:
                yield item


def json_ld_body(articles: list[dict[str, Any]]) -> str | None:
    """The articleBody of the page's JSON-LD article, when it holds a real article."""
    for item in articles:
        body = item.get("articleBody")
        if isinstance(body, str) and hangul(body) >= MIN_BODY_CHARS:
            return htmlmod.unescape(body)
    return None


def _lenient_json(text: str) -> Any:
    """JSON-LD as pages write it: with // comments and trailing commas, which json refuses."""
    for candidate in (text, _TRAILING_COMMA.sub(r"\1", _JSON_COMMENT.sub(lambda m: m.group(1) or "", text))):
        try:
            return json.loads(candidate)
        except ValueError:
            continue
    return None


def _walk_json(data: Any) -> Iterator[dict[str, Any]]:
    if isinstance(data, list):
        for item in data:
            yield from _walk_json(item)
    elif isinstance(data, dict):
        yield data
        if "@graph" in data:
            yield from _walk_json(data["@graph"])


def _take_json_ld(draft: MetaDraft, item: dict[str, Any]) -> None:
    if isinstance(item.get("headline"), str) and not draft.title:
        draft.title = fold(htmlmod.unescape(item["headline"]))
    if isinstance(item.get("datePublished"), str) and draft.published_at is None:
        draft.published_at = timestamps.parse_timestamp(item["datePublished"])
    if isinstance(item.get("dateModified"), str) and draft.updated_at is None:
        draft.updated_at = timestamps.parse_timestamp(item["dateModified"])
    authors = item.get("author") or []
    for author in authors if isinstance(authors, list) else [authors]:
        if isinstance(author, str):
            _take_author(draft, author)
        elif isinstance(author, dict) and isinstance(author.get("name"), str):
            name = bylines.strip_reporter_suffix(author["name"])
            email = author.get("email") if isinstance(author.get("email"), str) else None
            if _PERSON.match(name):
                draft.add_reporter(name, email)
    publisher = item.get("publisher")
    if isinstance(publisher, dict) and isinstance(publisher.get("name"), str) and not draft.outlet:
        draft.outlet = outlets.canonical_outlet(publisher["name"])


def find_reporter_emails(elements: list[Tag], draft: MetaDraft) -> None:
    """A reporter's email from a mailto link in the small element that names them."""
    links = [t for t in elements if t.name == "a" and str(t.get("href") or "").startswith("mailto:")]
    for name, email in list(draft.reporters):
        if email or not name:
            continue
        for link in links:
            box = link.parent
            for _ in range(2):
                if isinstance(box, Tag) and name in box.get_text(" ") and len(box.get_text(" ")) < 200:
                    address = str(link["href"])[len("mailto:"):].split("?")[0].strip()
                    if bylines.find_emails(address):
                        draft.add_reporter(name, address)
                    break
                box = box.parent if isinstance(box, Tag) else None
