"""A page lxml refuses, parsed by BeautifulSoup and handed to the readers as an lxml tree.

bs4 is left two jobs, both for pages lxml will not read: a page past libxml2's limits
(nesting deeper than 255, a text node over 10 MB, or one where lxml leaves no article) is
read by Python's html.parser, which has none; an empty page or a str with an XML
declaration, which lxml refuses outright, by bs4 on lxml's feed parser, as it always was.
Its tree is copied into lxml elements so that one set of readers serves every page:
lxml.html.soupparser would recurse (these pages nest thousands deep) and unescape each
string a second time, so the copy is made here, with an explicit stack. The root stands
for the soup itself: it is no element of the page.
"""

from __future__ import annotations

import re
import warnings

from bs4 import BeautifulSoup, XMLParsedAsHTMLWarning
from bs4.element import (
    CData,
    NavigableString,
    RubyParenthesisString,
    RubyTextString,
    Script,
    Stylesheet,
    Tag,
    TemplateString,
)
from lxml import html as lxml_html

from .tree import SOUP, Element, mark

# An XHTML page opens with an XML declaration (<?xml version="1.0"?>), and when its <html>
# tag comes after a long doctype or comments bs4 takes it for XML read as HTML and prints
# a ten-line warning on every such page. It is HTML, read as HTML: the warning says nothing.
warnings.filterwarnings("ignore", category=XMLParsedAsHTMLWarning)
# Strings of the page's text, or of a string container (script, style …): the tree tells those apart.
_TEXT = frozenset([NavigableString, CData, Script, Stylesheet, TemplateString, RubyTextString, RubyParenthesisString])
# What lxml cannot hold in a text or attribute (XML 1.0's excluded controls), or in a tag's name.
_NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_NOT_NAME = re.compile(r"[\s\"'<>/=\x00-\x1f]")
_MAKER = lxml_html.HTMLParser().makeelement


def read(page: str, parser: str) -> Element:
    """The page as bs4 parses it with `parser`, as an lxml tree under a root of its own."""
    root: Element = _MAKER(SOUP)
    stack: list[tuple[Tag, Element]] = [(BeautifulSoup(page, parser), root)]
    while stack:
        tag, element = stack.pop()
        last: Element | None = None  # the child whose tail the next string is
        after_string = False
        for child in tag.children:
            if isinstance(child, Tag):
                attributes = {name: _NOT_XML.sub("", " ".join(value) if isinstance(value, list) else str(value))
                              for name, value in child.attrs.items()}
                last = _MAKER(_NOT_NAME.sub("", child.name) or "unknown", attributes)
                element.append(last)
                stack.append((child, last))
            elif type(child) not in _TEXT or after_string:
                # a comment, doctype, declaration or processing instruction is no text, but splits
                # the strings around it; two strings side by side (a CDATA section's) stay two
                last = mark()
                element.append(last)
            if type(child) in _TEXT:
                text = _NOT_XML.sub("", str(child))
                if last is None:
                    element.text = text
                else:
                    last.tail = text
            after_string = type(child) in _TEXT
    return root
