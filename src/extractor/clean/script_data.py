"""The article a script-rendered page keeps as data: Arc's Fusion.globalContent, Next.js's
__NEXT_DATA__, a window.__INITIAL_STATE__ store.

Such a page's markup is an empty shell (chosun.com shows a menu and a footer); the browser
builds the article from JSON in a <script>. Where that JSON sits and the keys known shapes
use are data (rules/script_data.toml); the reader itself knows no site. It walks the data
and takes the object whose own text holds the most Hangul: a list of paragraph objects in
order (Arc's content_elements), or its longest string of prose (a Next.js article's
"content"), with the headline, bylines and times that object carries.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from .. import rules
from ..rules.schemas.script_data import ScriptData
from . import bylines, timestamps
from .container import MIN_BODY_CHARS, hangul
from .fold import fold

_TAG = re.compile(r"<[^<>]{0,2000}>")
_DECODER = json.JSONDecoder()
# The first few places a marker appears: a page repeats a store's name in its own code.
_MAX_OCCURRENCES = 3
# How deep a credit sits below the article object: credits → by → [ → {name}.
_BYLINE_DEPTH = 3


@dataclass
class ScriptArticle:
    """An article read from a page's script data: its paragraphs (HTML or text) in order."""

    paragraphs: list[str]
    captions: list[str] = field(default_factory=list)
    headline: str | None = None
    reporters: list[tuple[str, str | None]] = field(default_factory=list)
    published_at: datetime | None = None
    updated_at: datetime | None = None

    def hangul(self) -> int:
        return sum(hangul(_TAG.sub(" ", p)) for p in self.paragraphs)


def _rules() -> ScriptData:
    return rules.get(ScriptData)


def read(page: str) -> ScriptArticle | None:
    """The fullest article in the page's script data, if any holds one."""
    best: ScriptArticle | None = None
    for data in embedded(page):
        found = find_article(data)
        if found is not None and (best is None or found.hangul() > best.hangul()):
            best = found
    return best


def embedded(page: str) -> Iterator[Any]:
    """Every JSON value the page assigns to a known store or keeps in a known script."""
    config = _rules()
    starts: list[int] = []
    for ident in config.script_ids:
        for quoted in (f'id="{ident}"', f"id='{ident}'"):
            at = page.find(quoted)
            if at >= 0 and (close := page.find(">", at)) >= 0:
                starts.append(close + 1)
    for name in config.assignments:
        at = page.find(name)
        for _ in range(_MAX_OCCURRENCES):
            if at < 0:
                break
            rest = at + len(name)
            while rest < len(page) and page[rest] in " \t\r\n":
                rest += 1
            if rest < len(page) and page[rest] == "=":
                starts.append(rest + 1)
            at = page.find(name, rest)
    for start in starts:
        while start < len(page) and page[start] in " \t\r\n":
            start += 1
        try:
            yield _DECODER.raw_decode(page, start)[0]
        except (ValueError, RecursionError):  # not JSON (a JavaScript expression), or nested past Python's stack
            continue


def find_article(data: Any) -> ScriptArticle | None:
    """The object of `data` whose own text holds the most Hangul, as an article.

    An explicit stack and a budget of values: stores nest deep and run to megabytes.
    """
    best: tuple[int, dict[str, Any] | None, list[str]] = (MIN_BODY_CHARS - 1, None, [])
    stack = [data]
    budget = _rules().max_values
    while stack and budget > 0:
        node = stack.pop()
        budget -= 1
        if isinstance(node, dict):
            paragraphs = _own_paragraphs(node)
            score = sum(hangul(_TAG.sub(" ", p)) for p in paragraphs)
            if score > best[0]:
                best = (score, node, paragraphs)
            stack.extend(v for v in node.values() if isinstance(v, (dict, list)))
        elif isinstance(node, list):
            stack.extend(v for v in node if isinstance(v, (dict, list)))
    score, article, paragraphs = best
    if article is None:
        return None
    published, updated = _times(article)
    return ScriptArticle(paragraphs, _captions(article), _headline(article), _reporters(article), published, updated)


def _own_paragraphs(node: dict[str, Any]) -> list[str]:
    """A paragraph list the object holds (content_elements), else its longest prose string."""
    config = _rules()
    for key in config.paragraph_lists:
        items = node.get(key)
        if isinstance(items, list) and items:
            found = [text for item in items if (text := _paragraph_text(item))]
            if found:
                return found
    strings = [v for v in node.values() if isinstance(v, str) and len(v) >= MIN_BODY_CHARS * 2]
    longest = max(strings, key=lambda s: hangul(s), default=None)
    return [longest] if longest is not None else []


def _captions(node: dict[str, Any]) -> list[str]:
    """The captions of the photos among the object's paragraph objects."""
    config = _rules()
    items = next((v for key in config.paragraph_lists if isinstance(v := node.get(key), list)), [])
    photos = [item for item in items if isinstance(item, dict) and item.get("type") in config.photo_types]
    found = (next((v for k in config.caption_keys if isinstance(v := photo.get(k), str) and v.strip()), None)
             for photo in photos)
    return [fold(_TAG.sub(" ", text)) for text in found if text]


def _paragraph_text(item: Any) -> str | None:
    if isinstance(item, str):
        return item
    if not isinstance(item, dict):
        return None
    config = _rules()
    kind = item.get("type")
    if kind is not None and kind not in config.paragraph_types:
        return None
    return next((v for k in config.paragraph_text_keys if isinstance(v := item.get(k), str) and v.strip()), None)


def _headline(node: dict[str, Any]) -> str | None:
    for key in _rules().headline_keys:
        value = node.get(key)
        if isinstance(value, dict):  # Arc: "headlines": {"basic": "…"}
            value = next((v for k in _rules().headline_keys if isinstance(v := value.get(k), str)), None)
        if isinstance(value, str) and hangul(value) and len(value) < 300:
            return fold(_TAG.sub(" ", value))
    return None


def _reporters(node: dict[str, Any]) -> list[tuple[str, str | None]]:
    """The people the object credits: credits.by[].name, authors[], "reporter": "홍길동 기자"."""
    config = _rules()
    found: list[tuple[str, str | None]] = []
    stack: list[tuple[Any, int]] = [(node.get(key), 0) for key in config.byline_keys]
    while stack:
        value, depth = stack.pop(0)
        if isinstance(value, str):
            found.extend((bylines.strip_reporter_suffix(part), None) for part in re.split(r"[,·]", value))
        elif isinstance(value, list) and depth < _BYLINE_DEPTH:
            stack.extend((item, depth + 1) for item in value)
        elif isinstance(value, dict) and depth < _BYLINE_DEPTH:
            name = next((v for k in config.name_keys if isinstance(v := value.get(k), str)), None)
            if name:
                found.append((bylines.strip_reporter_suffix(name), _email(value)))
            else:  # Arc: "credits": {"by": […]}
                stack.extend((value.get(key), depth + 1) for key in config.byline_keys)
    return found


def _email(person: dict[str, Any]) -> str | None:
    """A person's email, on the object or a level or two down (Arc: additional_properties.original.email)."""
    stack: list[tuple[dict[str, Any], int]] = [(person, 0)]
    while stack:
        node, depth = stack.pop(0)
        for key in _rules().email_keys:
            value = node.get(key)
            if isinstance(value, str) and bylines.find_emails(value):
                return value.strip()
        if depth < 2:
            stack.extend((v, depth + 1) for v in node.values() if isinstance(v, dict))
    return None


def _times(node: dict[str, Any]) -> tuple[datetime | None, datetime | None]:
    def first(keys: tuple[str, ...]) -> datetime | None:
        values = (node.get(key) for key in keys)
        return next((t for v in values if isinstance(v, (str, int)) and (t := timestamps.parse_timestamp(str(v)))),
                    None)
    return first(_rules().published_keys), first(_rules().updated_keys)
