"""A saved page parsed by lxml, its furniture dropped, for the readers to read.

On a news page menus, related-article lists, comment boxes and ad slots are three
elements in four; dropping them first spares every reader's walk. (The readers once read
a bs4 tree built again from the pruned page's markup: the tree is now read where it is,
as bs4 read that markup, see serialized.py.)

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
from . import selectors, tree
from .serialized import as_serialized
from .timestamps import labelled_stamp
from .tree import Element, collapse


def parse(page: str) -> tuple[Element | None, bool]:
    """The page's tree, else None and whether lxml stopped at its limits.

    libxml2 stops at its resource limits (nesting deeper than 256, a text node over 10 MB)
    and drops the rest of the page, saying so only in its error log: such a page must be
    read by another parser, whole. An empty page and an XML declaration in a str it
    refuses outright.
    """
    parser = lxml_html.HTMLParser()
    try:
        root = lxml_html.document_fromstring(page, parser=parser)
    except (etree.LxmlError, ValueError):
        return None, False
    if any(error.type_name == "ERR_RESOURCE_LIMIT" for error in parser.error_log):
        return None, True
    return root, False


def prune(root: Element, page: str) -> Element:
    """The tree of `page` without its furniture and comments, read as bs4 read that tree's markup."""
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
    root = as_serialized(root, page)
    collapse(root)
    return root


def _names(element: Element) -> str:
    return selectors.names([element.get("class") or ""], element.get("id"))


def _is_junk(element: Element) -> bool:
    return selectors.is_junk(tree.name(element), _names(element))


def _holders(root: Element) -> set[Element]:
    """Every element that carries metadata, with all its ancestors.

    One pass in Python over lxml's elements: libxml2's XPath, asked the same tests,
    took three times as long.
    """
    held: set[Element] = set()
    for element in root.iter(etree.Element):
        if _carries_metadata(element):
            node: Element | None = element
            while node is not None and node not in held:
                held.add(node)
                node = node.getparent()
    return held


def _carries_metadata(element: Element) -> bool:
    name, get = tree.name(element), element.get
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
