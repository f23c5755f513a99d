"""A saved page's furniture dropped with lxml before BeautifulSoup builds its tree.

bs4 builds its tree in Python, an object and a few calls per element; on a news page,
where menus, related-article lists, comment boxes and ad slots are three elements in four,
that costs more than Kiwi's tokenization of the article (SBS: 49 ms against 15 ms).
lxml's parser and tree are C: finding and dropping that furniture there costs a few
milliseconds, and bs4 (on lxml, as before) reads the rest.

Only what no reader looks at goes. A junk element (rules/html.toml, the same test the
body walk skips by) is kept whole when it or anything in it carries metadata as html.toml's
[page_meta] table declares it, the table the readers of clean/page_meta.py read by (its
tags, byline and title classes, time attributes; beside them the canonical link, JSON-LD
and mailto links), matches a body or caption selector, or holds a labelled timestamp in
its text. tests/test_clean.py checks that every page of the repo reads the
same pruned or whole.
"""

from __future__ import annotations

from functools import cache

from lxml import etree
from lxml import html as lxml_html

from ..rules.schemas.html import PageMeta
from . import selectors
from .timestamps import labelled_stamp


def prune(page: str) -> str:
    """The page without its furniture and comments, as HTML for bs4 to parse."""
    return prune_page(page)[0]


def prune_page(page: str) -> tuple[str, bool]:
    """The pruned page, and whether lxml refused part of it.

    libxml2 stops at its resource limits (nesting deeper than 256, a text node over 10 MB)
    and drops the rest of the page, saying so only in its error log: such a page must be
    read by another parser, whole.
    """
    parser = lxml_html.HTMLParser()
    try:
        root = lxml_html.document_fromstring(page, parser=parser)
    except (etree.LxmlError, ValueError):  # an empty page, an XML declaration in a str: bs4 copes
        return page, False
    if any(error.type_name == "ERR_RESOURCE_LIMIT" for error in parser.error_log):
        return page, True
    held = _holders(root)
    stamp = labelled_stamp()
    doomed = []
    stack = [root]
    while stack:  # an explicit stack, not recursion: pages nest thousands deep
        for child in stack.pop():
            if not isinstance(child.tag, str):  # comments, processing instructions
                doomed.append(child)
            elif child in held or not _is_junk(child) or stamp.search(child.text_content()):
                stack.append(child)
            else:
                doomed.append(child)
    for element in doomed:
        element.drop_tree()  # keeps the tail: the text after an element belongs to its parent
    return str(lxml_html.tostring(root, encoding="unicode")), False


def _name(element: lxml_html.HtmlElement) -> str:
    return element.tag if isinstance(element.tag, str) else ""


def _names(element: lxml_html.HtmlElement) -> str:
    return selectors.names([element.get("class") or ""], element.get("id"))


def _is_junk(element: lxml_html.HtmlElement) -> bool:
    return selectors.is_junk(_name(element), _names(element))


def _holders(root: lxml_html.HtmlElement) -> set[lxml_html.HtmlElement]:
    """Every element that carries metadata, with all its ancestors.

    One pass in Python over lxml's elements: libxml2's XPath, asked the same tests,
    took three times as long.
    """
    held: set[lxml_html.HtmlElement] = set()
    for element in root.iter(etree.Element):
        if _carries_metadata(element):
            node: lxml_html.HtmlElement | None = element
            while node is not None and node not in held:
                held.add(node)
                node = node.getparent()
    return held


def _carries_metadata(element: lxml_html.HtmlElement) -> bool:
    name, get = _name(element), element.get
    if name in _metadata_tags() or (name == "script" and get("type") == "application/ld+json"):
        return True
    if name == "link":  # of the head's many links, only the canonical URL is read
        return "canonical" in (get("rel") or "").split()
    keys = element.keys()
    if not keys:  # most elements: nothing more to ask
        return name in _wanted().tags
    if (get("href") or "").startswith("mailto:") or not _time_attributes().isdisjoint(keys):
        return True
    classes = (get("class") or "").split()
    return selectors.word_test(_page_meta().kept_words())(_names(element)) or _wanted().any(name, classes, get)


def _page_meta() -> PageMeta:
    return selectors.settings().page_meta


@cache
def _metadata_tags() -> frozenset[str]:
    return frozenset(_page_meta().tags)


@cache
def _time_attributes() -> frozenset[str]:
    return frozenset(_page_meta().time_attributes())


@cache
def _wanted() -> selectors.SelectorSet:
    config = selectors.settings()
    return selectors.SelectorSet(config.body_selectors + config.caption_selectors)
