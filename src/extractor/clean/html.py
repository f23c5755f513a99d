"""A saved news page → article body and metadata, with beautifulsoup4 on lxml.

The article container is found by the selectors of `rules/html.toml` (itemprop=
articleBody first, the schema.org way) and otherwise by text density: the element whose
own paragraphs hold the most Hangul and the fewest links. Only one container is kept,
so print copies and teasers of the same text never double the body.
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
from bs4.element import Comment, NavigableString, Tag

from . import meta as meta_rules
from . import selectors
from .lines import Cleaned, clean_lines, fold, forget_lines, promote_captions
from .meta import MetaDraft
from .prune import prune

_HANGUL = re.compile(r"[가-힣]")
_TAGS = re.compile(r"<[^>]{0,100000}>")
_PERSON = re.compile(r"^(?:[가-힣]{2,4}|[A-Z][a-z]+(?: [A-Z][a-z]+){1,2})$")
_JSON_COMMENT = re.compile(r'("(?:[^"\\]|\\.)*")|//[^\n]*|/\*.*?\*/', re.S)
_TRAILING_COMMA = re.compile(r",(\s*[}\]])")
_MIN_BODY_CHARS = 30
_PORTAL_OUTLET_TAGS = ("og:article:author", "twitter:creator", "article:publisher")
_TITLE_SUFFIX = re.compile(r"\s[-|:·ㅣ–—<>«»]{1,2}\s*([^-|:·ㅣ–—<>«»]{2,20})$")
# A headline has a few Hangul syllables and is no paragraph.
_HEADLINE_HANGUL = 4
_MAX_HEADLINE = 200
_PARAGRAPH_TAGS = frozenset(["p", "span", "b", "strong", "em", "font", "br"])
_TEXT_BLOCKS = frozenset(["div", "section"])
_CANDIDATES = frozenset(["div", "article", "section", "td", "p", "main"])


def clean_html(page: str) -> Cleaned:
    """Clean a whole page: metadata from its head and bylines, the body from its container.

    lxml stops at its safety limits (nesting deeper than 255, attributes over 10 MB) and
    drops what follows; when that leaves no body, Python's own parser, slower but
    without such limits, reads the page again.
    """
    forget_lines()
    cleaned = _clean(BeautifulSoup(prune(page), "lxml"))
    if not cleaned.body and _HANGUL.search(_TAGS.sub(" ", page)):
        cleaned = _clean(BeautifulSoup(page, "html.parser"))
        cleaned.warnings.append("page too deep or too large for lxml: read with Python's html.parser")
    return cleaned


def _clean(soup: BeautifulSoup) -> Cleaned:
    # One list of the page's elements serves every search below: each find_all() or
    # select() walks the whole tree again, and together they cost more than parsing.
    # (Comments need no removal: get_text() and the walks below skip them.)
    tags = soup.find_all(True)
    articles = list(_json_ld_articles(tags))  # parsed once: metadata and, for script pages, the text
    draft = page_meta(soup, tags, articles)
    _find_reporter_emails(tags, draft)
    container = find_container(tags)
    declared = _json_ld_body(articles)
    warnings = []
    if declared is not None and (container is None or _hangul(container.get_text(" ")) < _hangul(declared) / 2):
        # A page rendered by script keeps the article only in its JSON-LD (or shows a teaser)
        container = BeautifulSoup(declared.replace("\n", "<br>") if "<" not in declared else declared, "lxml")
        warnings.append("article text taken from the page's JSON-LD articleBody")
    if container is None:  # a short or odd page: its whole body, furniture removed, beats nothing
        container = soup.body or soup
    captions = _take_captions(container)
    lines = container_lines(container)
    cleaned = clean_lines(lines, draft, title=draft.title)
    cleaned.captions[:0] = captions
    promote_captions(cleaned)
    cleaned.warnings.extend(warnings)
    if draft.published_at is None or draft.updated_at is None:  # the page's own 입력/수정 stamps
        published, updated = meta_rules.find_timestamps(soup.get_text(" "))
        draft.published_at = draft.published_at or published
        draft.updated_at = draft.updated_at or updated
    return cleaned


def _classes(tag: Tag) -> list[str]:
    classes = tag.get("class")
    return [str(c) for c in classes] if isinstance(classes, list) else [str(classes)] if classes else []


def _names(tag: Tag) -> str:
    return selectors.names(_classes(tag), tag.get("id"))


def _is_junk(tag: Tag) -> bool:
    return selectors.is_junk(tag.name, _names(tag))


def find_container(tags: list[Tag]) -> Tag | None:
    """The element that holds the article's paragraphs.

    One pass over the tree: soupsieve's select() walks the whole page for every selector,
    which cost more than parsing the page.
    """
    for selector in selectors.body_selectors():
        # the fullest of its matches: a teaser in a side list may share the article's class
        matched = [(hangul, tag) for tag in tags if selector.matches(tag.name, _classes(tag), tag.get)
                   and (hangul := _hangul(tag.get_text(" "))) >= _MIN_BODY_CHARS]
        if matched:
            return max(matched, key=lambda pair: pair[0])[1]
    junk: set[int] = set()
    best: tuple[int, Tag | None] = (0, None)
    for tag in tags:  # document order: a parent is judged before its children
        if _is_junk(tag) or (isinstance(tag.parent, Tag) and id(tag.parent) in junk):
            junk.add(id(tag))
            continue
        if tag.name in _CANDIDATES:
            score = _own_text_score(tag)
            if score > best[0]:
                best = (score, tag)
    return best[1] if best[0] >= _MIN_BODY_CHARS else None


def _own_text_score(tag: Tag) -> int:
    """Hangul in the element's own text and paragraph children, minus what sits in links.

    A paragraph child is a <p> (or inline element), or a <div> that holds text and inline
    elements only: some editors write each paragraph as a <div>, and their parent, not the
    longest of them, is the article.
    """
    score = 0
    for child in tag.children:
        if isinstance(child, NavigableString) and not isinstance(child, Comment):
            score += len(_HANGUL.findall(str(child)))
        elif isinstance(child, Tag) and _is_paragraph(child):
            text = child.get_text(" ")
            links = sum(len(a.get_text(" ")) for a in child.find_all("a"))
            score += max(0, len(_HANGUL.findall(text)) - links)
        elif isinstance(child, Tag) and child.name == "a":
            score -= len(child.get_text(" "))
    return score


def _is_paragraph(tag: Tag) -> bool:
    if tag.name in _PARAGRAPH_TAGS:
        return True
    # a <div> with no block element among its children: a paragraph written as a <div>
    blocks = _tag_set("block_tags")
    return (tag.name in _TEXT_BLOCKS and not _is_junk(tag)
            and not any(isinstance(child, Tag) and child.name in blocks for child in tag.children))


@cache
def _tag_set(key: str) -> frozenset[str]:
    return frozenset(selectors.settings()[key])


def _take_captions(container: Tag) -> list[str]:
    wanted = selectors.captions()
    found = [tag for tag in container.find_all(True) if wanted.any(tag.name, _classes(tag), tag.get)]
    ids = {id(tag) for tag in found}
    # A caption inside another is taken with it (only captions' ancestors are walked:
    # bs4's `decomposed` would search each subtree, quadratic on deep pages).
    outer = [tag for tag in found if not any(id(parent) in ids for parent in tag.parents)]
    captions = []
    for tag in outer:
        text = fold(tag.get_text(" "))
        if text:
            captions.append(text)
        tag.decompose()
    return captions


def container_lines(container: Tag) -> list[str]:
    """The container's text, a line per paragraph: <br> and block ends become line breaks.

    Furniture (ads, share rows, bylines) is skipped, not decomposed: bs4's `decomposed`
    check searches the whole subtree on every call, quadratic on deep pages.
    """
    block_tags, cell_tags = _tag_set("block_tags"), _tag_set("cell_tags")
    parts: list[str] = []
    # An explicit stack, not recursion or tree edits: pages nest 10,000 deep, and bs4's
    # insert_after walks the whole depth on every call.
    stack = [(container, iter(container.children))]
    while stack:
        node, children = stack[-1]
        child = next(children, None)
        if child is None:
            stack.pop()
            if node.name in block_tags:
                parts.append("\n")
            elif node.name in cell_tags:  # a table row's cells stay apart: "2022년 100억원"
                parts.append(" ")
        elif isinstance(child, Tag):
            if _is_junk(child):
                continue
            if child.name == "br":
                parts.append("\n")
            else:
                if child.name in block_tags:
                    parts.append("\n")
                stack.append((child, iter(child.children)))
        elif isinstance(child, NavigableString) and not isinstance(child, Comment):
            parts.append(str(child))
    return "".join(parts).split("\n")


def page_meta(soup: BeautifulSoup, elements: list[Tag], articles: list[dict[str, Any]]) -> MetaDraft:
    """Metadata from JSON-LD (`articles`), Open Graph and article:* tags, <time> and byline elements."""
    draft = MetaDraft()
    for item in articles:
        _take_json_ld(draft, item)
    tags = _meta_tags(elements)
    draft.title = draft.title or _first(tags, "og:title", "twitter:title", "title")
    url = _first(tags, "og:url", "twitter:url") or _canonical(elements)
    outlet = (meta_rules.outlet_from_url(url) if url else None) or _first(tags, "og:site_name")
    if (url and meta_rules.portal_url(url)) or (outlet and meta_rules.is_portal(outlet)):
        # a portal's copy: its author tags name the outlet ("연합뉴스 | 네이버")
        named = [meta_rules.known_outlet(tags.get(key, "").split("|")[0]) for key in _PORTAL_OUTLET_TAGS]
        outlet = next((name for name in named if name), outlet)
    if outlet:
        draft.outlet = meta_rules.canonical_outlet(outlet)
    for key in selectors.settings()["published_meta"]:
        if key in tags and draft.published_at is None:
            draft.published_at = meta_rules.parse_timestamp(tags[key])
    for key in selectors.settings()["updated_meta"]:
        if key in tags and draft.updated_at is None:
            draft.updated_at = meta_rules.parse_timestamp(tags[key])
    time_tag = next((t for t in elements if t.name == "time" and t.get("datetime")), None)
    if draft.published_at is None and isinstance(time_tag, Tag):
        draft.published_at = meta_rules.parse_timestamp(str(time_tag["datetime"]))
    draft.published_at = draft.published_at or _attribute_time(elements, "published_attributes")
    draft.updated_at = draft.updated_at or _attribute_time(elements, "updated_attributes")
    for key in ("author", "dable:author", "article:author", "og:article:author"):
        _take_author(draft, tags.get(key, ""))
    byline = selectors.word_test("byline_words")
    for tag in elements:
        if byline(_names(tag)) and len(tag.get_text(" ")) < 60:
            text = fold(tag.get_text(" "))
            found = meta_rules.match_byline_line(text)  # "김서연 기자 ksy@…": the email too
            if found and found.get("name"):
                draft.take({"name": found["name"], "email": found.get("email")})
            else:
                _take_author(draft, text)
    page_title = fold(soup.title.get_text(" ")) if soup.title else ""
    # "headline - 부산일보", "headline | 한겨레", "headline :: 충청일보": the site's name closes the page title
    suffix = _TITLE_SUFFIX.search(page_title)
    if draft.outlet is None and suffix:
        draft.outlet = meta_rules.canonical_outlet(suffix.group(1))
    if draft.outlet is None and page_title:  # a page titled with the site's name alone: "부산데일리"
        draft.outlet = meta_rules.outlet_name(page_title.replace(" ", ""))
    if draft.title is None:
        draft.title = _headline(elements, page_title[: suffix.start()] if suffix else page_title, draft.outlet)
    return draft


def _headline(elements: list[Tag], page_title: str, outlet: str | None) -> str | None:
    """A page without title metadata: its <h1>, else an element classed as the title
    (h2.tit, h3.title), else the page's <title>; never a logo's text, the outlet's name."""
    wanted, subtitle = selectors.word_test("title_words"), selectors.word_test("subtitle_words")
    headings = [t for t in elements if t.name == "h1"]
    headings += [t for t in elements if t.name not in ("title", "meta")
                 and wanted(names := _names(t)) and not subtitle(names)]
    for text in [*(fold(t.get_text(" ")) for t in headings), page_title]:
        if (len(_HANGUL.findall(text)) >= _HEADLINE_HANGUL and len(text) <= _MAX_HEADLINE and text != outlet
                and meta_rules.outlet_name(text.replace(" ", "")) is None):
            return text
    return page_title or None


def _attribute_time(elements: list[Tag], key: str) -> datetime | None:
    names = selectors.settings()[key]
    for tag in elements:
        for name in names:
            value = tag.attrs.get(name)
            if isinstance(value, str) and (stamp := meta_rules.parse_timestamp(value)):
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
    for part in re.split(r"[,/·]| 및 ", value):
        name = meta_rules.strip_reporter_suffix(part)
        if _PERSON.match(name):
            draft.add_reporter(name)


def _json_ld_articles(elements: list[Tag]) -> Iterator[dict[str, Any]]:
    types = set(selectors.settings()["article_types"])
    for script in (t for t in elements if t.name == "script" and t.get("type") == "application/ld+json"):
        data = _lenient_json(script.string or script.get_text())
        for item in _walk_json(data):
            kind = item.get("@type")
            kinds = set(kind) if isinstance(kind, list) else {kind}
            if kinds & types:
                yield item


def _json_ld_body(articles: list[dict[str, Any]]) -> str | None:
    """The articleBody of the page's JSON-LD article, when it holds a real article."""
    for item in articles:
        body = item.get("articleBody")
        if isinstance(body, str) and _hangul(body) >= _MIN_BODY_CHARS:
            return htmlmod.unescape(body)
    return None


def _hangul(text: str) -> int:
    return len(_HANGUL.findall(text))


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
        draft.published_at = meta_rules.parse_timestamp(item["datePublished"])
    if isinstance(item.get("dateModified"), str) and draft.updated_at is None:
        draft.updated_at = meta_rules.parse_timestamp(item["dateModified"])
    authors = item.get("author") or []
    for author in authors if isinstance(authors, list) else [authors]:
        if isinstance(author, str):
            _take_author(draft, author)
        elif isinstance(author, dict) and isinstance(author.get("name"), str):
            name = meta_rules.strip_reporter_suffix(author["name"])
            email = author.get("email") if isinstance(author.get("email"), str) else None
            if _PERSON.match(name):
                draft.add_reporter(name, email)
    publisher = item.get("publisher")
    if isinstance(publisher, dict) and isinstance(publisher.get("name"), str) and not draft.outlet:
        draft.outlet = meta_rules.canonical_outlet(publisher["name"])


def _find_reporter_emails(elements: list[Tag], draft: MetaDraft) -> None:
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
                    if meta_rules.find_emails(address):
                        draft.add_reporter(name, address)
                    break
                box = box.parent if isinstance(box, Tag) else None
