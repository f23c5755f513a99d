"""A page's lxml tree read as BeautifulSoup read the same markup, so records stay as they were.

The readers were written against bs4, and what they measure (text lengths, where strings
split, which strings count as text) follows bs4's rules; they are kept here, in one place:

- a string of ASCII whitespace only is one space, or one newline if it holds one, outside
  <pre> and <textarea> (bs4 collapses them as it builds its tree; `collapse` does it once);
- the text of <script>, <style>, <template>, <rt> and <rp>, down to their last descendant,
  is not text (bs4 gives it a string class of its own that get_text() skips), unless it is
  the text of the element asked (a <script>'s get_text() is its code);
- comments are no text, but split the strings around them;
- lxml keeps the text after an element on the element (its tail); bs4 on the parent: a
  tail is a string of the parent's, in document order.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import cast

from lxml import etree
from lxml import html as lxml_html

Element = lxml_html.HtmlElement
# bs4's string containers: elements whose text is of a string class of their own.
CONTAINERS = frozenset(["script", "style", "template", "rt", "rp"])
# The root soup.py gives the elements of a page bs4 parsed: the soup, no element of the page.
SOUP = "soup"
_ASCII_SPACES = " \n\t\x0c\r"
_NEAREST = "ancestor::*[self::script or self::style or self::template or self::rt or self::rp][1]"
_MAIN = etree.XPath(f"descendant-or-self::text()[not({_NEAREST})]", smart_strings=False)
_OWN = etree.XPath(f"descendant-or-self::text()[name({_NEAREST}) = $name]", smart_strings=False)
# The fast ways, for what most elements hold: no string container at all, or only <script>
# and <style>, which hold one string and no element (each is followed by its string here).
_ALL = etree.XPath("descendant-or-self::text()", smart_strings=False)
_WITH_SCRIPTS = etree.XPath("descendant-or-self::text() | descendant::script | descendant::style", smart_strings=False)
_NESTING = ("template", "rt", "rp")  # containers that may hold elements


def elements(root: Element) -> list[Element]:
    """Every element of the page in document order: bs4's find_all(True). The root that
    soup.py makes stands for the soup, which find_all() leaves out."""
    found: list[Element] = list(root.iter(etree.Element))
    return found[1:] if root.tag == SOUP else found


def is_element(node: object) -> bool:
    """An element, not a comment or processing instruction (whose tag is a function)."""
    return isinstance(getattr(node, "tag", None), str)


def name(element: Element) -> str:
    """The element's tag; none for a comment or processing instruction."""
    return element.tag if isinstance(element.tag, str) else ""


def mark() -> Element:
    """An empty comment: no text, but two strings on either side of it stay two, as where
    bs4 took an element out or held a doctype or processing instruction."""
    return cast(Element, etree.Comment())


def strings(element: Element) -> list[str]:
    """The strings bs4's get_text() joins for `element`, in document order.

    libxml2's XPath asked for each string's nearest container walks every ancestor of
    every string (3 ms for a page's whole text): that exact way is kept for the rare
    element in or around a <template>, <rt> or <rp>.
    """
    if element.tag in CONTAINERS:
        return list(_OWN(element, name=element.tag))
    if next(element.iter(*_NESTING), None) is not None or next(element.iterancestors(*CONTAINERS), None) is not None:
        return list(_MAIN(element))
    if next(element.iter("script", "style"), None) is None:
        return list(_ALL(element))
    found: list[str] = []
    skip = False
    for item in _WITH_SCRIPTS(element):
        if isinstance(item, str):
            if not skip:
                found.append(item)
            skip = False
        else:  # a <script> or <style>: its string, if it has one, comes next
            skip = bool(item.text)
    return found


def text(element: Element, separator: str = " ") -> str:
    """bs4's get_text(separator)."""
    return separator.join(strings(element))


def owner(string: etree._ElementUnicodeResult) -> Element:
    """The element a string (an XPath text() result) belongs to in bs4: a tail, to the parent."""
    element = cast(Element, string.getparent())
    parent = element.getparent() if string.is_tail else element
    return parent if parent is not None else element


def hidden(elements: list[Element]) -> set[Element]:
    """The elements whose own strings are no text: string containers and all inside them."""
    return {node for element in elements if element.tag in CONTAINERS for node in element.iter()}


def classes(element: Element) -> list[str]:
    return (element.get("class") or "").split()


def collapse(root: Element) -> None:
    """Each string of ASCII whitespace only, one space or newline, as bs4 keeps it."""
    kept = {node for block in root.iter("pre", "textarea") for node in block.iter()}
    for node in root.iter():
        if node.text and not node.text.strip(_ASCII_SPACES) and node not in kept and is_element(node):
            node.text = "\n" if "\n" in node.text else " "
        tail = node.tail
        if tail and not tail.strip(_ASCII_SPACES) and node is not root:
            if node in kept and (parent := node.getparent()) is not None and parent in kept:
                continue
            node.tail = "\n" if "\n" in tail else " "


def children(element: Element) -> Iterator[Element | str]:
    """bs4's .children: the element's text, then each child and the text after it."""
    if element.text:
        yield element.text
    for child in element:
        yield child
        if child.tail:
            yield child.tail
