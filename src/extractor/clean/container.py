"""The article's element in a parsed page, and its text as lines.

The container is found by the selectors of `rules/html.toml` (itemprop=articleBody first,
the schema.org way) and otherwise by text density: the element whose own paragraphs hold
the most Hangul and the fewest links. Only one container is kept, so print copies and
teasers of the same text never double the body.
"""

from __future__ import annotations

from functools import cache

from bs4.element import Comment, NavigableString, Tag

from ..korean import HANGUL
from . import selectors
from .fold import fold

MIN_BODY_CHARS = 30
_PARAGRAPH_TAGS = frozenset(["p", "span", "b", "strong", "em", "font", "br"])
_TEXT_BLOCKS = frozenset(["div", "section"])
_CANDIDATES = frozenset(["div", "article", "section", "td", "p", "main"])


def classes(tag: Tag) -> list[str]:
    classes = tag.get("class")
    return [str(c) for c in classes] if isinstance(classes, list) else [str(classes)] if classes else []


def names(tag: Tag) -> str:
    return selectors.names(classes(tag), tag.get("id"))


def _is_junk(tag: Tag) -> bool:
    return selectors.is_junk(tag.name, names(tag))


def find_container(tags: list[Tag]) -> Tag | None:
    """The element that holds the article's paragraphs.

    One pass over the tree: soupsieve's select() walks the whole page for every selector,
    which cost more than parsing the page.
    """
    for selector in selectors.body_selectors():
        # the fullest of its matches: a teaser in a side list may share the article's class
        matched = [(count, tag) for tag in tags if selector.matches(tag.name, classes(tag), tag.get)
                   and (count := hangul(tag.get_text(" "))) >= MIN_BODY_CHARS]
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
    return best[1] if best[0] >= MIN_BODY_CHARS else None


def _own_text_score(tag: Tag) -> int:
    """Hangul in the element's own text and paragraph children, minus what sits in links.

    A paragraph child is a <p> (or inline element), or a <div> that holds text and inline
    elements only: some editors write each paragraph as a <div>, and their parent, not the
    longest of them, is the article.
    """
    score = 0
    for child in tag.children:
        if isinstance(child, NavigableString) and not isinstance(child, Comment):
            score += len(HANGUL.findall(str(child)))
        elif isinstance(child, Tag) and _is_paragraph(child):
            text = child.get_text(" ")
            links = sum(len(a.get_text(" ")) for a in child.find_all("a"))
            score += max(0, len(HANGUL.findall(text)) - links)
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
    return frozenset(getattr(selectors.settings(), key))


def take_captions(container: Tag) -> list[str]:
    wanted = selectors.captions()
    found = [tag for tag in container.find_all(True) if wanted.any(tag.name, classes(tag), tag.get)]
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


def hangul(text: str) -> int:
    return len(HANGUL.findall(text))
