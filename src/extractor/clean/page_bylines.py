"""Reporters from a page's author fields and byline elements, never its widgets or outlet.

A byline element is found by its class (rules/html.toml's byline_words), but a portal's
reporter box holds more than the name under the same class: subscribe buttons (구독,
구독중), counters (구독자 0, 응원수), links (더보기), cards of other stories by other
writers. Those carry control words in their own or an ancestor's class, sit in links to
other pages, or print words that are no one's name (not_reporters), and are skipped; an
author field that names the outlet (article:author "MTN", dable:author "연합") names no
reporter either.
"""

from __future__ import annotations

import re
from functools import cache

from ..korean import HANGUL_CLASS
from ..rules.schemas.html import PageMeta
from . import bylines, outlets, selectors, tree
from .container import names
from .draft import MetaDraft
from .fold import fold
from .tree import Element

_PERSON = re.compile(rf"^(?:[{HANGUL_CLASS}]{{2,4}}|[A-Z][a-z]+(?: [A-Z][a-z]+){{1,2}})$")
# "조민정(jjung@edaily.co.kr)", "한지숙 jshan@heraldcorp.com", "홍길동 기자 (hong@…)": a portal's byline box
_NAME_EMAIL = re.compile(rf"^\s*([{HANGUL_CLASS}]{{2,4}})\s*(?:기자|특파원)?\s*[(<\[]?\s*"
                         r"([^\s()<>\[\]]{1,64}@[^\s()<>\[\]]{1,253})\s*[)>\]]?\s*$")
_MAX_BYLINE = 60
# How far up a byline element's controls are looked for: a reporter card is a few levels deep.
_ANCESTORS = 4
# A link around a byline that holds this much more text holds another story's headline.
_CARD_TEXT = 10


def _read() -> PageMeta:
    return selectors.settings().page_meta


@cache
def _not_reporters() -> frozenset[str]:
    return frozenset(_read().not_reporters)


def is_reporter_name(name: str) -> bool:
    """A person's name, not a widget's label nor an outlet's name."""
    return (_PERSON.match(name) is not None and name.replace(" ", "") not in _not_reporters()
            and outlets.outlet_name(name) is None and not outlets.is_portal(name))


def take_author(draft: MetaDraft, value: str) -> None:
    """The people an author field names ("홍길동, 김철수", "유영규 기자")."""
    for part in re.split(selectors.settings().author_separators, value):
        name = bylines.strip_reporter_suffix(part)
        if is_reporter_name(name):
            draft.add_reporter(name)


def take_byline_elements(elements: list[Element], draft: MetaDraft) -> None:
    """Reporters (and their emails) from the page's small byline elements."""
    byline = selectors.word_test(_read().byline_words)
    for tag in elements:
        if not byline(names(tag)) or len(whole := tree.text(tag)) >= _MAX_BYLINE or _is_control(tag):
            continue
        text = fold(whole)
        found = bylines.match_byline_line(text)  # "김서연 기자 ksy@…": the email too
        pair = _NAME_EMAIL.match(text)
        if found and found.get("name") and is_reporter_name(bylines.strip_reporter_suffix(found["name"] or "")):
            draft.take({"name": found["name"], "email": found.get("email")})
        elif pair and is_reporter_name(pair.group(1)) and bylines.find_emails(pair.group(2)):
            draft.add_reporter(pair.group(1), pair.group(2))
        else:
            take_author(draft, text)


def _is_control(tag: Element) -> bool:
    """A button, counter or card in a reporter box, or a byline in a link to another story."""
    control = selectors.word_test(_read().control_words)
    node: Element | None = tag
    for _ in range(_ANCESTORS):
        if node is None or node.tag in ("body", "html") or node.getparent() is None:  # the root: the soup
            return False
        if node.tag == "button" or control(names(node)):
            return True
        href = node.get("href") or ""
        if (node.tag == "a" and href and not href.startswith("mailto:")
                and len(tree.text(node)) > len(tree.text(tag)) + _CARD_TEXT):
            return True  # a card in a list of other stories: the link holds their headline too
        node = node.getparent()
    return False


def mailto_links(elements: list[Element]) -> list[Element]:
    return [t for t in elements if t.tag == "a" and (t.get("href") or "").startswith("mailto:")]


def find_reporter_emails(links: list[Element], draft: MetaDraft) -> None:
    """A reporter's email from a mailto link (of `links`) in the small element that names them."""
    for name, email in list(draft.reporters):
        if email or not name:
            continue
        for link in links:
            box = link.getparent()
            for _ in range(2):
                if box is not None and name in (text := tree.text(box)) and len(text) < 200:
                    address = (link.get("href") or "")[len("mailto:"):].split("?")[0].strip()
                    if bylines.find_emails(address):
                        draft.add_reporter(name, address)
                    break
                box = box.getparent() if box is not None else None


def printed_bylines(elements: list[Element], elsewhere: set[Element]) -> list[bylines.Fields]:
    """Bylines the page prints as an element of their own, whatever its class
    (span.newsName "머니투데이방송 유찬 기자"), outside footers, side boxes and links.

    Only an element holding one string is asked (no get_text() down a subtree), and only
    a line that is a whole byline with its job (기자, 특파원 …) counts: the first one.
    """
    for tag in elements:
        text = tag.text if not len(tag) else None  # its one child a string
        if text is None or tag in elsewhere or len(text) >= _MAX_BYLINE or tag.tag in ("script", "style"):
            continue
        found = bylines.match_byline_line(fold(text))
        if found and found.get("name") and is_reporter_name(bylines.strip_reporter_suffix(found["name"] or "")):
            return [found]
    return []
