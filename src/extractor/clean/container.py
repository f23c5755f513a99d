"""The article's element in a parsed page, and its text as lines.

The container is found by the selectors of `rules/html.toml` (itemprop=articleBody first,
the schema.org way) and otherwise by text density: the element whose own paragraphs hold
the most Hangul and the fewest links. Only one container is kept, so print copies and
teasers of the same text never double the body.
"""

from __future__ import annotations

from functools import cache

from bs4.element import CData, Comment, NavigableString, Tag

from ..korean import HANGUL
from . import selectors
from .fold import fold

MIN_BODY_CHARS = 30
_PARAGRAPH_TAGS = frozenset(["p", "span", "b", "strong", "em", "font", "br"])
_TEXT_BLOCKS = frozenset(["div", "section"])
_CANDIDATES = frozenset(["div", "article", "section", "td", "p", "main"])
_TEXT_TYPES = (NavigableString, CData)
# More matches of one body selector than this may nest: their text is counted bottom-up.
_FEW_MATCHES = 8


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
    which cost more than parsing the page. Text lengths are counted once, bottom-up
    (`TextCounts`): asking each candidate's get_text() walks its whole subtree, quadratic
    on a page nested thousands deep.
    """
    counts: TextCounts | None = None
    for selector in selectors.body_selectors():
        matched = [tag for tag in tags if selector.matches(tag.name, classes(tag), tag.get)]
        if len(matched) > _FEW_MATCHES:  # perhaps nested in each other: count once
            counts = counts or TextCounts(tags)
        # the fullest of its matches: a teaser in a side list may share the article's class
        sized = [(counts.hangul[id(tag)] if counts else hangul(tag.get_text(" ")), tag) for tag in matched]
        sized = [(count, tag) for count, tag in sized if count >= MIN_BODY_CHARS]
        if sized:
            return max(sized, key=lambda pair: pair[0])[1]
    counts = counts or TextCounts(tags)
    junk: set[int] = set()
    best: tuple[int, Tag | None] = (0, None)
    for tag in tags:  # document order: a parent is judged before its children
        if _is_junk(tag) or (isinstance(tag.parent, Tag) and id(tag.parent) in junk):
            junk.add(id(tag))
            continue
        if tag.name in _CANDIDATES:
            score = _own_text_score(tag, counts)
            if score > best[0]:
                best = (score, tag)
    return best[1] if best[0] >= MIN_BODY_CHARS else None


class TextCounts:
    """Each element's Hangul, the length of its get_text(" ") and of its links' text,
    counted in one pass from the leaves up (children come after parents in `tags`)."""

    def __init__(self, tags: list[Tag]) -> None:
        self.hangul: dict[int, int] = {}
        self.chars: dict[int, int] = {}
        self.links: dict[int, int] = {}
        strings: dict[int, int] = {}
        for tag in reversed(tags):
            found = chars = links = pieces = 0
            for child in tag.children:
                if isinstance(child, Tag):
                    key = id(child)
                    found += self.hangul.get(key, 0)
                    chars += self.chars.get(key, 0)
                    links += self.links.get(key, 0)
                    pieces += strings.get(key, 0)
                elif type(child) in _TEXT_TYPES:  # what get_text() reads: not comments, scripts
                    text = str(child)
                    found += len(HANGUL.findall(text))
                    chars += len(text)
                    pieces += 1
            key = id(tag)
            self.hangul[key], strings[key] = found, pieces
            self.chars[key] = chars + max(0, pieces - 1)  # get_text(" ") puts a space between strings
            self.links[key] = self.chars[key] if tag.name == "a" else links


def _own_text_score(tag: Tag, counts: TextCounts) -> int:
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
            score += max(0, counts.hangul[id(child)] - counts.links[id(child)])
        elif isinstance(child, Tag) and child.name == "a":
            score -= counts.chars[id(child)]
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
    """Captions out of the container: the caption selectors' elements, and photos laid out
    as a table (an image and a line of text, [연합뉴스TV 제공])."""
    wanted = selectors.captions()
    limit = selectors.settings().photo_table_hangul
    found = [tag for tag in container.find_all(True) if wanted.any(tag.name, classes(tag), tag.get)
             or (tag.name == "table" and tag.find("img") is not None and hangul(tag.get_text(" ")) <= limit)]
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
