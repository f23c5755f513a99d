"""A saved news page → article body and metadata, read from one lxml tree.

The jobs are modules of their own: prune.py parses the page and drops its furniture,
page_meta.py reads the metadata, container.py finds the article's element and its
lines; this module runs them in order for one page. A page lxml will not read goes to
bs4 (soup.py), whose tree is copied into lxml's for the same readers.
"""

from __future__ import annotations

import re
from typing import Any

from lxml import etree
from lxml import html as lxml_html

from ..korean import HANGUL
from . import page_bylines, page_stamps, script_data, timestamps, tree
from .container import container_lines, find_container, hangul, take_captions
from .draft import MetaDraft
from .lines import Cleaned, LineKinds, clean_lines, promote_captions
from .page_meta import json_ld_articles, json_ld_body, page_meta
from .prune import parse, prune
from .tree import Element

_TAGS = re.compile(r"<[^>]{0,100000}>")
# A container with this much Hangul is an article: the page's script data is not read.
_SHOWN_ENOUGH = 400


def clean_html(page: str) -> Cleaned:
    """Clean a whole page: metadata from its head and bylines, the body from its container.

    lxml stops at its safety limits (nesting deeper than 255, a text over 10 MB) and
    drops what follows: when its log says so, or nothing of the article is left,
    Python's own parser, slower but without such limits, reads the whole page. A page
    lxml refuses outright (empty, or a str with an XML declaration) bs4 reads on lxml's
    feed parser, whole, as it always did.
    """
    root, refused = parse(page)
    cleaned = None
    if root is not None:
        cleaned = _clean(prune(root, page), page)
    elif not refused:
        from . import soup  # bs4 costs 0.1 s to import: only such pages pay it

        cleaned = _clean(soup.read(page, "lxml"), page)
    if cleaned is None or (not cleaned.body and HANGUL.search(_TAGS.sub(" ", page))):
        from . import soup

        cleaned = _clean(soup.read(page, "html.parser"), page)
        cleaned.warnings.append("page too deep or too large for lxml: read with Python's html.parser")
    return cleaned


def _clean(root: Element, page: str = "") -> Cleaned:
    """One parsed page; `page`, its source, is where script data is looked for."""
    # One list of the page's elements serves every search below: each walks it, not the tree.
    tags = tree.elements(root)
    articles = list(json_ld_articles(tags))  # parsed once: metadata and, for script pages, the text
    draft = page_meta(root, tags, articles)
    page_bylines.find_reporter_emails(page_bylines.mailto_links(tags), draft)
    warnings: list[str] = []
    scripted: list[str] = []  # captions of a page rendered from script data
    container = _article_element(page, tags, articles, draft, warnings, scripted)
    if container is None:  # a short or odd page: its whole body, furniture removed, beats nothing
        container = next(root.iter("body"), root)
    captions = scripted + take_captions(container)
    tags = tree.elements(root)  # without the captions, which have left the tree
    lines = container_lines(container)
    cleaned = clean_lines(lines, draft, title=draft.title, kinds=LineKinds())
    cleaned.captions[:0] = captions
    promote_captions(cleaned)
    cleaned.warnings.extend(warnings)
    footer: set[Element] | None = None  # counted only for a page that needs it
    if draft.published_at is None or page_stamps.is_date_only(draft.published_at) or not draft.reporters:
        footer = page_stamps.footer(tags)
        _printed_times(root, tags, footer, draft)
    if not draft.reporters:  # no author field, byline element nor byline line: one the page prints
        for found in page_bylines.printed_bylines(tags, footer or set()):
            draft.take(found)
        page_bylines.find_reporter_emails(page_bylines.mailto_links(tags), draft)
    if draft.updated_at is None:  # a labelled 수정 stamp (a footer prints none)
        draft.updated_at = timestamps.find_timestamps(tree.text(root))[1]
    return cleaned


def _article_element(page: str, tags: list[Element], articles: list[dict[str, Any]], draft: MetaDraft,
                     warnings: list[str], captions: list[str]) -> Element | None:
    """The element that holds the article: the page's container, else the text a page
    rendered by script declares (JSON-LD's articleBody) or keeps as data (script_data.py),
    when the markup shows none of it or a teaser (less than half of it)."""
    container = find_container(tags)
    shown = hangul(tree.text(container)) if container is not None else 0
    declared = json_ld_body(articles)
    if declared is not None and shown < hangul(declared) / 2:
        container = _fragment(declared.replace("\n", "<br>") if "<" not in declared else declared)
        shown = hangul(declared)
        warnings.append("article text taken from the page's JSON-LD articleBody")
    if shown < _SHOWN_ENOUGH:  # only then is the page's script data parsed: a store runs to megabytes
        scripted = script_data.read(page)
        if scripted is not None and shown < scripted.hangul() / 2:
            paragraphs = (p if "<" in p else p.replace("\n", "<br>") for p in scripted.paragraphs)
            container = _fragment("".join(f"<p>{p}</p>" for p in paragraphs))
            _take_script_meta(draft, scripted)
            captions.extend(scripted.captions)
            warnings.append("article text taken from the page's script data")
    return container


def _fragment(markup: str) -> Element:
    """Markup the page holds as data, parsed as bs4 parsed it: lxml's feed parser, whole."""
    parser = lxml_html.HTMLParser()
    try:
        parser.feed(markup)
        root: Element = parser.close()
    except etree.LxmlError:
        from . import soup

        return soup.read(markup, "lxml")
    tree.collapse(root)
    return root


def _take_script_meta(draft: MetaDraft, scripted: script_data.ScriptArticle) -> None:
    """What the script data says of the article, where the page's head said nothing."""
    draft.title = draft.title or scripted.headline
    draft.published_at = draft.published_at or scripted.published_at
    draft.updated_at = draft.updated_at or scripted.updated_at
    if not draft.reporters:
        for name, email in scripted.reporters:
            if page_bylines.is_reporter_name(name):
                draft.add_reporter(name, email)


def _printed_times(root: Element, tags: list[Element], footer: set[Element], draft: MetaDraft) -> None:
    """The page's own 입력/수정 stamps, when its head gave no time or a bare date (a body
    line's "2020년 7월 13일"): the element classed as the date first, then labelled stamps
    outside the footer."""
    if draft.published_at is None or page_stamps.is_date_only(draft.published_at):
        published, updated = page_stamps.printed_stamps(tags, footer)
        if published is None:
            published, updated = page_stamps.labelled_stamps(root, footer)
        draft.published_at = page_stamps.better(draft.published_at, published)
        draft.updated_at = draft.updated_at or updated
