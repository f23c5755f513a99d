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

from ..korean import HANGUL
from ..rules.schemas.html import PageMeta
from . import bylines, outlets, page_bylines, selectors, timestamps, tree
from .container import MIN_BODY_CHARS, hangul, names
from .draft import MetaDraft
from .fold import fold
from .tree import Element

# Brackets, quotes and spaces: what a declared headline may write otherwise than the printed one.
_TITLE_KEY = re.compile(r"[\s\[\](){}【】〔〕<>〈〉《》「」『』\"'“”‘’]")
# A site name is a name: a few words without a slogan's punctuation ("종합일간지 : 신문/웹/…").
_SITE_NAME = re.compile(r"^[^\s:/,|·!?]{1,20}(?: [^\s:/,|·!?]{1,20}){0,2}$")
_JSON_COMMENT = re.compile(r'("(?:[^"\\]|\\.)*")|//[^\n]*|/\*.*?\*/', re.S)
_TRAILING_COMMA = re.compile(r",(\s*[}\]])")
_PORTAL_OUTLET_TAGS = ("og:article:author", "twitter:creator", "article:publisher")
# A headline has a few Hangul syllables and is no paragraph.
_HEADLINE_HANGUL = 4
_MAX_HEADLINE = 200


@cache
def _title_suffix() -> re.Pattern[str]:
    return re.compile(selectors.settings().title_suffix)


def _read() -> PageMeta:
    """What this module reads outside the article, as html.toml declares it for prune too."""
    return selectors.settings().page_meta


def page_meta(root: Element, elements: list[Element], articles: list[dict[str, Any]]) -> MetaDraft:
    """Metadata from JSON-LD (`articles`), Open Graph and article:* tags, <time> and byline elements."""
    draft = MetaDraft()
    for item in articles:
        _take_json_ld(draft, item)
    tags = _meta_tags(elements)
    title = next((t for t in elements if t.tag == "title"), None)
    page_title = fold(tree.text(title)) if title is not None else ""
    # "headline - 부산일보", "headline | 한겨레", "headline :: 충청일보": the site's name closes the page title
    suffix = _title_suffix().search(page_title)
    printed = page_title[: suffix.start()].strip() if suffix else page_title
    draft.title = _printed_title(draft.title or _first(tags, "og:title", "twitter:title", "title"), printed, elements)
    url = _first(tags, "og:url", "twitter:url") or _canonical(elements)
    outlet = _outlet(url, _first(tags, "og:site_name"), suffix.group(1) if suffix else None)
    if (url and outlets.portal_url(url)) or (outlet and outlets.is_portal(outlet)):
        # a portal's copy: its author tags name the outlet ("뉴스zum | 연합뉴스", "연합뉴스 | 네이버")
        named = [outlets.outlet_name(part.strip()) for key in _PORTAL_OUTLET_TAGS
                 for part in tags.get(key, "").split("|") if not outlets.is_portal(part.strip())]
        outlet = next((name for name in named if name), outlet)
    if outlet:
        draft.outlet = outlets.canonical_outlet(outlet)
    for key in selectors.settings().published_meta:
        if key in tags and draft.published_at is None:
            draft.published_at = timestamps.parse_timestamp(tags[key])
    for key in selectors.settings().updated_meta:
        if key in tags and draft.updated_at is None:
            draft.updated_at = timestamps.parse_timestamp(tags[key])
    time_tag = next((t for t in elements if t.tag == "time" and t.get("datetime")), None)
    if draft.published_at is None and time_tag is not None:
        draft.published_at = timestamps.parse_timestamp(time_tag.get("datetime") or "")
    draft.published_at = draft.published_at or _attribute_time(elements, _read().published_attributes)
    draft.updated_at = draft.updated_at or _attribute_time(elements, _read().updated_attributes)
    for key in ("author", "dable:author", "article:author", "og:article:author"):
        page_bylines.take_author(draft, tags.get(key, ""))
    page_bylines.take_byline_elements(elements, draft)
    if draft.outlet is None and page_title:  # a page titled with the site's name alone: "부산데일리"
        draft.outlet = outlets.outlet_name(page_title.replace(" ", ""))
    if draft.title is None:
        draft.title = _headline(elements, printed, draft.outlet)
    return draft


def _outlet(url: str | None, site_name: str | None, title_suffix: str | None) -> str | None:
    """The outlet: a known one by the page's domain, its og:site_name or its title's suffix,
    else the suffix that reads as an outlet's name (an unknown og:site_name may be a
    slogan, "종합일간지 : 신문/웹/모바일 …", or an abbreviation, "MTN" beside "머니투데이방송"),
    else a site name that is a name."""
    known = (outlets.outlet_from_url(url) if url else None) or next(
        (found for name in (site_name, title_suffix) if name and (found := outlets.known_outlet(name.strip()))), None)
    if known:
        return known
    suffix = title_suffix.strip() if title_suffix else None
    if suffix and not outlets.is_portal(suffix) and outlets.outlet_name(suffix.replace(" ", "")):
        return suffix
    if site_name and _SITE_NAME.match(site_name) and not outlets.is_portal(site_name):
        return site_name
    # else a portal's name (which the outlet its author tags name replaces), or the suffix
    return suffix or (site_name if site_name and outlets.is_portal(site_name) else None)


def _printed_title(declared: str | None, printed: str, elements: list[Element]) -> str | None:
    """The headline as the page prints it (<h1>, <title>) when the declared one (og:title)
    is the same words in other brackets or spacing: "(2보)" printed, "[2보]" declared."""
    if not declared:
        return declared
    key = _TITLE_KEY.sub("", declared)
    for text in [fold(tree.text(t)) for t in elements if t.tag == "h1"] + [printed]:
        if text != declared and _TITLE_KEY.sub("", text) == key and len(text) <= _MAX_HEADLINE:
            return text
    return declared


def _headline(elements: list[Element], page_title: str, outlet: str | None) -> str | None:
    """A page without title metadata: its <h1>, else an element classed as the title
    (h2.tit, h3.title), else the page's <title>; never a logo's text, the outlet's name."""
    wanted, subtitle = selectors.word_test(_read().title_words), selectors.word_test(_read().subtitle_words)
    headings = [t for t in elements if t.tag == "h1"]
    headings += [t for t in elements if t.tag not in ("title", "meta")
                 and wanted(element_names := names(t)) and not subtitle(element_names)]
    for text in [*(fold(tree.text(t)) for t in headings), page_title]:
        if (len(HANGUL.findall(text)) >= _HEADLINE_HANGUL and len(text) <= _MAX_HEADLINE and text != outlet
                and outlets.outlet_name(text.replace(" ", "")) is None):
            return text
    return page_title or None


def _attribute_time(elements: list[Element], attributes: tuple[str, ...]) -> datetime | None:
    for tag in elements:
        for name in attributes:
            value = tag.get(name)
            if value is not None and (stamp := timestamps.parse_timestamp(value)):
                return stamp
    return None


def _meta_tags(elements: list[Element]) -> dict[str, str]:
    tags: dict[str, str] = {}
    for tag in (t for t in elements if t.tag == "meta"):
        key = tag.get("property") or tag.get("name") or tag.get("itemprop")
        content = tag.get("content")
        if key is not None and content is not None and content.strip():
            tags.setdefault(key.strip().lower(), fold(htmlmod.unescape(content)))
    return tags


def _first(tags: dict[str, str], *keys: str) -> str | None:
    return next((tags[k] for k in keys if tags.get(k)), None)


def _canonical(elements: list[Element]) -> str | None:
    link = next((t for t in elements if t.tag == "link" and "canonical" in (t.get("rel") or "").split()), None)
    return link.get("href") if link is not None else None


def json_ld_articles(elements: list[Element]) -> Iterator[dict[str, Any]]:
    types = set(selectors.settings().article_types)
    for script in (t for t in elements if t.tag == "script" and t.get("type") == "application/ld+json"):
        data = _lenient_json(tree.text(script, ""))
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
            page_bylines.take_author(draft, author)
        elif isinstance(author, dict) and isinstance(author.get("name"), str):
            name = bylines.strip_reporter_suffix(author["name"])
            email = author.get("email") if isinstance(author.get("email"), str) else None
            if page_bylines.is_reporter_name(name):
                draft.add_reporter(name, email)
    publisher = item.get("publisher")
    if isinstance(publisher, dict) and isinstance(publisher.get("name"), str) and not draft.outlet:
        draft.outlet = outlets.canonical_outlet(publisher["name"])
