"""A saved news page → article body and metadata, with beautifulsoup4 on lxml.

The jobs are modules of their own: prune.py drops furniture before bs4 parses,
page_meta.py reads the metadata, container.py finds the article's element and its
lines; this module runs them in order for one page.
"""

from __future__ import annotations

import re
import warnings
from typing import Any

from bs4 import BeautifulSoup, XMLParsedAsHTMLWarning
from bs4.element import Tag

from ..korean import HANGUL
from . import page_bylines, page_stamps, script_data, timestamps
from .container import container_lines, find_container, hangul, take_captions
from .draft import MetaDraft
from .lines import Cleaned, LineKinds, clean_lines, promote_captions
from .page_meta import json_ld_articles, json_ld_body, page_meta
from .prune import prune_page

# An XHTML page opens with an XML declaration (<?xml version="1.0"?>), and when its <html>
# tag comes after a long doctype or comments bs4 takes it for XML read as HTML and prints
# a ten-line warning on every such page. It is HTML, read as HTML: the warning says nothing.
warnings.filterwarnings("ignore", category=XMLParsedAsHTMLWarning)
_TAGS = re.compile(r"<[^>]{0,100000}>")
# A container with this much Hangul is an article: the page's script data is not read.
_SHOWN_ENOUGH = 400


def clean_html(page: str) -> Cleaned:
    """Clean a whole page: metadata from its head and bylines, the body from its container.

    lxml stops at its safety limits (nesting deeper than 255, a text over 10 MB) and
    drops what follows: when its log says so, or nothing of the article is left,
    Python's own parser, slower but without such limits, reads the whole page.
    """
    pruned, refused = prune_page(page)
    cleaned = None if refused else _clean(BeautifulSoup(pruned, "lxml"), page)
    if cleaned is None or (not cleaned.body and HANGUL.search(_TAGS.sub(" ", page))):
        cleaned = _clean(BeautifulSoup(page, "html.parser"), page)
        cleaned.warnings.append("page too deep or too large for lxml: read with Python's html.parser")
    return cleaned


def _clean(soup: BeautifulSoup, page: str = "") -> Cleaned:
    """One parsed page; `page`, its source, is where script data is looked for."""
    # One list of the page's elements serves every search below: each find_all() or
    # select() walks the whole tree again, and together they cost more than parsing.
    # (Comments need no removal: get_text() and the walks below skip them.)
    tags = soup.find_all(True)
    articles = list(json_ld_articles(tags))  # parsed once: metadata and, for script pages, the text
    draft = page_meta(soup, tags, articles)
    mailto = page_bylines.mailto_links(tags)
    page_bylines.find_reporter_emails(mailto, draft)
    warnings: list[str] = []
    scripted: list[str] = []  # captions of a page rendered from script data
    container = _article_element(page, tags, articles, draft, warnings, scripted)
    if container is None:  # a short or odd page: its whole body, furniture removed, beats nothing
        container = soup.body or soup
    captions = scripted + take_captions(container)
    lines = container_lines(container)
    cleaned = clean_lines(lines, draft, title=draft.title, kinds=LineKinds())
    cleaned.captions[:0] = captions
    promote_captions(cleaned)
    cleaned.warnings.extend(warnings)
    footer: set[int] | None = None  # counted only for a page that needs it (captions have left `tags`)
    if draft.published_at is None or page_stamps.is_date_only(draft.published_at) or not draft.reporters:
        footer = page_stamps.footer_ids(tags)
        _printed_times(soup, tags, footer, draft)
    if not draft.reporters:  # no author field, byline element nor byline line: one the page prints
        for found in page_bylines.printed_bylines(tags, footer or set()):
            draft.take(found)
        page_bylines.find_reporter_emails(mailto, draft)
    if draft.updated_at is None:  # a labelled 수정 stamp (a footer prints none)
        draft.updated_at = timestamps.find_timestamps(soup.get_text(" "))[1]
    return cleaned


def _article_element(page: str, tags: list[Tag], articles: list[dict[str, Any]], draft: MetaDraft,
                     warnings: list[str], captions: list[str]) -> Tag | None:
    """The element that holds the article: the page's container, else the text a page
    rendered by script declares (JSON-LD's articleBody) or keeps as data (script_data.py),
    when the markup shows none of it or a teaser (less than half of it)."""
    container = find_container(tags)
    shown = hangul(container.get_text(" ")) if container is not None else 0
    declared = json_ld_body(articles)
    if declared is not None and shown < hangul(declared) / 2:
        container = BeautifulSoup(declared.replace("\n", "<br>") if "<" not in declared else declared, "lxml")
        shown = hangul(declared)
        warnings.append("article text taken from the page's JSON-LD articleBody")
    if shown < _SHOWN_ENOUGH:  # only then is the page's script data parsed: a store runs to megabytes
        scripted = script_data.read(page)
        if scripted is not None and shown < scripted.hangul() / 2:
            paragraphs = (p if "<" in p else p.replace("\n", "<br>") for p in scripted.paragraphs)
            container = BeautifulSoup("".join(f"<p>{p}</p>" for p in paragraphs), "lxml")
            _take_script_meta(draft, scripted)
            captions.extend(scripted.captions)
            warnings.append("article text taken from the page's script data")
    return container


def _take_script_meta(draft: MetaDraft, scripted: script_data.ScriptArticle) -> None:
    """What the script data says of the article, where the page's head said nothing."""
    draft.title = draft.title or scripted.headline
    draft.published_at = draft.published_at or scripted.published_at
    draft.updated_at = draft.updated_at or scripted.updated_at
    if not draft.reporters:
        for name, email in scripted.reporters:
            if page_bylines.is_reporter_name(name):
                draft.add_reporter(name, email)


def _printed_times(soup: BeautifulSoup, tags: list[Tag], footer: set[int], draft: MetaDraft) -> None:
    """The page's own 입력/수정 stamps, when its head gave no time or a bare date (a body
    line's "2020년 7월 13일"): the element classed as the date first, then labelled stamps
    outside the footer."""
    if draft.published_at is None or page_stamps.is_date_only(draft.published_at):
        published, updated = page_stamps.printed_stamps(tags, footer)
        if published is None:
            published, updated = page_stamps.labelled_stamps(soup, footer)
        draft.published_at = page_stamps.better(draft.published_at, published)
        draft.updated_at = draft.updated_at or updated
