"""The article's element in a parsed page, and its text as lines.

The container is found by the selectors of `rules/html.toml` (itemprop=articleBody first,
the schema.org way) and otherwise by text density: the element whose own paragraphs hold
the most Hangul and the fewest links. Only one container is kept, so print copies and
teasers of the same text never double the body.
"""

from __future__ import annotations

from functools import cache

from lxml import etree

from ..korean import HANGUL
from . import selectors, tree
from .fold import fold
from .tree import Element

MIN_BODY_CHARS = 30
_PARAGRAPH_TAGS = frozenset(["p", "span", "b", "strong", "em", "font", "br"])
_TEXT_BLOCKS = frozenset(["div", "section"])
_CANDIDATES = frozenset(["div", "article", "section", "td", "p", "main"])
# More matches of one body selector than this may nest: their text is counted bottom-up.
_FEW_MATCHES = 8


def names(tag: Element) -> str:
    return selectors.names(tree.classes(tag), tag.get("id"))


def _is_junk(tag: Element) -> bool:
    return selectors.is_junk(tree.name(tag), names(tag))


def find_container(tags: list[Element]) -> Element | None:
    """The element that holds the article's paragraphs.

    One pass over the page's elements for all the selectors (`_selector_matches`), not one
    per selector. Text lengths are counted once, bottom-up
    (`TextCounts`): asking each candidate's get_text() walks its whole subtree, quadratic
    on a page nested thousands deep.
    """
    counts: TextCounts | None = None
    matches = _selector_matches(tags)
    for selector in selectors.body_selectors():
        matched = matches[selector]
        if len(matched) > _FEW_MATCHES:  # perhaps nested in each other: count once
            counts = counts or TextCounts(tags)
        # the fullest of its matches: a teaser in a side list may share the article's class
        sized = [(counts.hangul[tag] if counts else hangul(tree.text(tag)), tag) for tag in matched]
        sized = [(count, tag) for count, tag in sized if count >= MIN_BODY_CHARS]
        if sized:
            return max(sized, key=lambda pair: pair[0])[1]
    counts = counts or TextCounts(tags)
    junk: set[Element] = set()
    best: tuple[int, Element | None] = (0, None)
    for tag in tags:  # document order: a parent is judged before its children
        if _is_junk(tag) or tag.getparent() in junk:
            junk.add(tag)
            continue
        if tag.tag in _CANDIDATES:
            score = _own_text_score(tag, counts)
            if score > best[0]:
                best = (score, tag)
    return best[1] if best[0] >= MIN_BODY_CHARS else None


def _selector_matches(tags: list[Element]) -> dict[selectors.Selector, list[Element]]:
    """Each body selector's matches in document order, from one pass over the page: a
    pass per selector (twenty of them) cost more than the rest of the search."""
    wanted = selectors.body_selectors()
    found: dict[selectors.Selector, list[Element]] = {selector: [] for selector in wanted}
    by_name, by_id, by_class = ({s.key: s for s in wanted if s.kind == kind} for kind in ("tag", "id", "class"))
    attributes = [s for s in wanted if s.kind == "attribute"]
    for tag in tags:
        if (name := tree.name(tag)) in by_name:
            found[by_name[name]].append(tag)
        if (ident := tag.get("id")) is not None and ident in by_id:
            found[by_id[ident]].append(tag)
        for word in dict.fromkeys(tree.classes(tag)):  # a class written twice matches once
            if word in by_class:
                found[by_class[word]].append(tag)
        for selector in attributes:
            if tag.get(selector.key) == selector.value:
                found[selector].append(tag)
    return found


class TextCounts:
    """Each element's Hangul, the length of its get_text(" ") and of its links' text,
    counted in one pass from the leaves up (children come after parents in `tags`)."""

    def __init__(self, tags: list[Element]) -> None:
        self.hangul: dict[Element, int] = {}
        self.chars: dict[Element, int] = {}
        self.links: dict[Element, int] = {}
        strings: dict[Element, int] = {}
        hidden = tree.hidden(tags)  # script, style …: what get_text() skips
        for tag in reversed(tags):
            found = chars = links = pieces = 0
            for child in tree.children(tag):
                if isinstance(child, str):
                    if tag not in hidden:
                        found += len(HANGUL.findall(child))
                        chars += len(child)
                        pieces += 1
                elif child in strings:
                    found += self.hangul[child]
                    chars += self.chars[child]
                    links += self.links[child]
                    pieces += strings[child]
            self.hangul[tag], strings[tag] = found, pieces
            self.chars[tag] = chars + max(0, pieces - 1)  # get_text(" ") puts a space between strings
            self.links[tag] = self.chars[tag] if tag.tag == "a" else links


def _own_text_score(tag: Element, counts: TextCounts) -> int:
    """Hangul in the element's own text and paragraph children, minus what sits in links.

    A paragraph child is a <p> (or inline element), or a <div> that holds text and inline
    elements only: some editors write each paragraph as a <div>, and their parent, not the
    longest of them, is the article.
    """
    score = 0
    for child in tree.children(tag):
        if isinstance(child, str):
            score += len(HANGUL.findall(child))
        elif not tree.is_element(child):
            continue
        elif _is_paragraph(child):
            score += max(0, counts.hangul[child] - counts.links[child])
        elif child.tag == "a":
            score -= counts.chars[child]
    return score


def _is_paragraph(tag: Element) -> bool:
    if tag.tag in _PARAGRAPH_TAGS:
        return True
    # a <div> with no block element among its children: a paragraph written as a <div>
    blocks = _tag_set("block_tags")
    return tag.tag in _TEXT_BLOCKS and not _is_junk(tag) and not any(child.tag in blocks for child in tag)


@cache
def _tag_set(key: str) -> frozenset[str]:
    return frozenset(getattr(selectors.settings(), key))


def take_captions(container: Element) -> list[str]:
    """Captions out of the container: the caption selectors' elements, and photos laid out
    as a table (an image and a line of text, [연합뉴스TV 제공]).

    Each leaves an empty comment in its place: the strings on either side of a caption
    stay two strings, as they did in bs4 (lxml's drop_tree() would join them).
    """
    wanted = selectors.captions()
    limit = selectors.settings().photo_table_hangul
    found = [tag for tag in container.iterdescendants(etree.Element)
             if wanted.any(tree.name(tag), tree.classes(tag), tag.get)
             or (tag.tag == "table" and next(tag.iter("img"), None) is not None and hangul(tree.text(tag)) <= limit)]
    inside = set(found)
    # A caption inside another is taken with it (only captions' ancestors are walked).
    outer = [tag for tag in found if not any(parent in inside for parent in tag.iterancestors())]
    captions = []
    for tag in outer:
        text = fold(tree.text(tag))
        if text:
            captions.append(text)
        mark = tree.mark()
        mark.tail = tag.tail
        parent = tag.getparent()
        if parent is not None:
            parent.replace(tag, mark)
    return captions


def container_lines(container: Element) -> list[str]:
    """The container's text, a line per paragraph: <br> and block ends become line breaks.

    Furniture (ads, share rows, bylines) is skipped, not taken out of the tree.
    """
    block_tags, cell_tags = _tag_set("block_tags"), _tag_set("cell_tags")
    parts: list[str] = []
    # An explicit stack, not recursion: pages bs4 reads (soup.py) nest 10,000 deep.
    stack = [(container, tree.children(container))]
    while stack:
        node, children = stack[-1]
        child = next(children, None)
        if child is None:
            stack.pop()
            if node.tag in block_tags:
                parts.append("\n")
            elif node.tag in cell_tags:  # a table row's cells stay apart: "2022년 100억원"
                parts.append(" ")
        elif isinstance(child, str):
            parts.append(child)
        elif tree.is_element(child):
            if _is_junk(child):
                continue
            if child.tag == "br":
                parts.append("\n")
            else:
                if child.tag in block_tags:
                    parts.append("\n")
                stack.append((child, tree.children(child)))
    return "".join(parts).split("\n")


def hangul(text: str) -> int:
    return len(HANGUL.findall(text))
