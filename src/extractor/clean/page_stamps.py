"""The article's own publication time as the page prints it, near its headline or byline.

A page's head may give no time, or a date without one (a body line "2020년 7월 13일"
reads as midnight), and its whole text holds other dates: a footer prints the company's
registration and founding (등록일 : 2010-01-05), a copyright year, a list of other
stories. The time beside the headline (span.newsDate "2019/01/16 13:59", 기사입력
2020.07.13. 오후 5:04) is the article's; a footer's never is.
"""

from __future__ import annotations

from datetime import datetime, time

from lxml import etree

from . import selectors, timestamps, tree
from .container import names
from .fold import fold
from .tree import Element

Stamps = tuple[datetime | None, datetime | None]
# A date element holds a stamp and its label, perhaps a name: not a paragraph.
_MAX_DATE_TEXT = 120
_ALL_STRINGS = etree.XPath("descendant-or-self::text()")


def footer(elements: list[Element]) -> set[Element]:
    """The elements of a page's footer, side boxes and links, and everything inside them
    (document order: a parent is judged before its children, one pass)."""
    elsewhere = selectors.word_test(selectors.settings().page_meta.elsewhere_words)
    inside: set[Element] = set()
    for tag in elements:
        if (tag.tag in ("footer", "aside") or (tag.tag == "a" and tag.get("href")) or elsewhere(names(tag))
                or tag.getparent() in inside):
            inside.add(tag)
    return inside


def printed_stamps(elements: list[Element], footer: set[Element]) -> Stamps:
    """The first stamp of an element classed as the article's date, outside the footer."""
    dated = selectors.word_test(selectors.settings().page_meta.date_words)
    for tag in elements:
        if tag in footer or not dated(names(tag)):
            continue
        text = fold(tree.text(tag))
        if len(text) <= _MAX_DATE_TEXT:
            published, updated = timestamps.line_times(text)
            if published is not None:
                return published, updated
    return None, None


def labelled_stamps(root: Element, footer: set[Element]) -> Stamps:
    """Labelled stamps (기사입력 …, 수정 …) in the page's text outside its footer: every
    string whose element is neither in the footer nor a <script> or <style>."""
    text = " ".join(str(string) for string in _ALL_STRINGS(root)
                    if (owner := tree.owner(string)) not in footer and owner.tag not in ("script", "style"))
    return timestamps.find_timestamps(text)


def is_date_only(stamp: datetime | None) -> bool:
    return stamp is not None and stamp.time() == time(0, 0)


def better(current: datetime | None, printed: datetime | None) -> datetime | None:
    """A printed time replaces none, or a bare date of the same day (midnight)."""
    if current is None:
        return printed
    if printed is not None and is_date_only(current) and printed.date() == current.date():
        return printed
    return current
