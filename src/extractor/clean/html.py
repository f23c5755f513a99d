"""A saved news page → article body and metadata, with beautifulsoup4 on lxml.

The jobs are modules of their own: prune.py drops furniture before bs4 parses,
page_meta.py reads the metadata, container.py finds the article's element and its
lines; this module runs them in order for one page.
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup

from ..korean import HANGUL
from . import timestamps
from .container import container_lines, find_container, hangul, take_captions
from .lines import Cleaned, LineKinds, clean_lines, promote_captions
from .page_meta import find_reporter_emails, json_ld_articles, json_ld_body, page_meta
from .prune import prune

_TAGS = re.compile(r"<[^>]{0,100000}>")


def clean_html(page: str) -> Cleaned:
    """Clean a whole page: metadata from its head and bylines, the body from its container.

    lxml stops at its safety limits (nesting deeper than 255, attributes over 10 MB) and
    drops what follows; when that leaves no body, Python's own parser, slower but
    without such limits, reads the page again.
    """
    cleaned = _clean(BeautifulSoup(prune(page), "lxml"))
    if not cleaned.body and HANGUL.search(_TAGS.sub(" ", page)):
        cleaned = _clean(BeautifulSoup(page, "html.parser"))
        cleaned.warnings.append("page too deep or too large for lxml: read with Python's html.parser")
    return cleaned


def _clean(soup: BeautifulSoup) -> Cleaned:
    # One list of the page's elements serves every search below: each find_all() or
    # select() walks the whole tree again, and together they cost more than parsing.
    # (Comments need no removal: get_text() and the walks below skip them.)
    tags = soup.find_all(True)
    articles = list(json_ld_articles(tags))  # parsed once: metadata and, for script pages, the text
    draft = page_meta(soup, tags, articles)
    find_reporter_emails(tags, draft)
    container = find_container(tags)
    declared = json_ld_body(articles)
    warnings = []
    if declared is not None and (container is None or hangul(container.get_text(" ")) < hangul(declared) / 2):
        # A page rendered by script keeps the article only in its JSON-LD (or shows a teaser)
        container = BeautifulSoup(declared.replace("\n", "<br>") if "<" not in declared else declared, "lxml")
        warnings.append("article text taken from the page's JSON-LD articleBody")
    if container is None:  # a short or odd page: its whole body, furniture removed, beats nothing
        container = soup.body or soup
    captions = take_captions(container)
    lines = container_lines(container)
    cleaned = clean_lines(lines, draft, title=draft.title, kinds=LineKinds())
    cleaned.captions[:0] = captions
    promote_captions(cleaned)
    cleaned.warnings.extend(warnings)
    if draft.published_at is None or draft.updated_at is None:  # the page's own 입력/수정 stamps
        published, updated = timestamps.find_timestamps(soup.get_text(" "))
        draft.published_at = draft.published_at or published
        draft.updated_at = draft.updated_at or updated
    return cleaned
