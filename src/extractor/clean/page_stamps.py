"""The article's own publication time as the page prints it, near its headline or byline.

A page's head may give no time, or a date without one (a body line "2020년 7월 13일"
reads as midnight), and its whole text holds other dates: a footer prints the company's
registration and founding (등록일 : 2010-01-05), a copyright year, a list of other
stories. The time beside the headline (span.newsDate "2019/01/16 13:59", 기사입력
2020.07.13. 오후 5:04) is the article's; a footer's never is.
"""

from __future__ import annotations

from datetime import datetime, time

from bs4.element import Comment, Tag

from . import selectors, timestamps
from .container import names
from .fold import fold

Stamps = tuple[datetime | None, datetime | None]
# A date element holds a stamp and its label, perhaps a name: not a paragraph.
_MAX_DATE_TEXT = 120


def footer_ids(elements: list[Tag]) -> set[int]:
    """The ids of the elements of a page's footer, side boxes and links, and everything
    inside them (document order: a parent is judged before its children, one pass)."""
    elsewhere = selectors.word_test(selectors.settings().page_meta.elsewhere_words)
    inside: set[int] = set()
    for tag in elements:
        if tag.attrs is None:  # a caption taken out of the tree (decomposed)
            continue
        parent = tag.parent
        if (tag.name in ("footer", "aside") or (tag.name == "a" and tag.get("href")) or elsewhere(names(tag))
                or (isinstance(parent, Tag) and id(parent) in inside)):
            inside.add(id(tag))
    return inside


def printed_stamps(elements: list[Tag], footer: set[int]) -> Stamps:
    """The first stamp of an element classed as the article's date, outside the footer."""
    dated = selectors.word_test(selectors.settings().page_meta.date_words)
    for tag in elements:
        if tag.attrs is None or id(tag) in footer or not dated(names(tag)):
            continue
        text = fold(tag.get_text(" "))
        if len(text) <= _MAX_DATE_TEXT:
            published, updated = timestamps.line_times(text)
            if published is not None:
                return published, updated
    return None, None


def labelled_stamps(root: Tag, footer: set[int]) -> Stamps:
    """Labelled stamps (기사입력 …, 수정 …) in the page's text outside its footer."""
    text = " ".join(str(s) for s in root.find_all(string=True)
                    if not isinstance(s, Comment) and id(s.parent) not in footer
                    and (s.parent is None or s.parent.name not in ("script", "style")))
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
