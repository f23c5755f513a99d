"""Scraped page text → article body, headline and metadata.

A scraped page opens with furniture and a headline/byline block (often twice) before
the first paragraph; the article starts at its dateline or first sentence. Lines
before that are headline candidates, and the one a page repeats is its headline.
"""

from __future__ import annotations

import re
from collections import Counter

from .. import rules
from .lines import Cleaned, Kind, classify, clean_lines, continues, fold, starts_body
from .meta import MetaDraft

_FULL_STOP = re.compile(r"[다요][.?!][\"”’']?$")
_PHOTO_MARKS = ("▲", "△")
_HANGUL = re.compile(r"[가-힣]")
_HEADLINE_HANGUL = 8


def clean_text(text: str) -> Cleaned:
    """Clean scraped text: boilerplate out, headline and byline into metadata."""
    lines = text.splitlines()
    folded = [fold(line) for line in lines]
    header_end = next((i for i, line in enumerate(folded)
                       if classify(line) is Kind.CONTENT and starts_body(line)), 0)
    header_end = _byline_closes_header(folded, header_end)
    # A wrapped sentence starts before its first full line: walk back over its pieces.
    while header_end > 0 and continues(folded[header_end - 1]):
        header_end -= 1
    draft = MetaDraft()
    cleaned = clean_lines(lines, draft, header_end=header_end)
    title, captions, rest = _choose_title(cleaned.header, folded[:header_end])
    draft.title = draft.title or title
    cleaned.captions[:0] = captions
    cleaned.removed[:0] = rest
    return cleaned


def _byline_closes_header(folded: list[str], header_end: int) -> int:
    """A byline line near the top ends the headline block, even where the headline reads as
    a sentence (김헌수 홍성군의장, "지역경제 특단의 조치 필요"), unless a sentence stands above it."""
    reach = rules.load("boilerplate")["header_byline_reach"]
    content = 0
    for i, line in enumerate(folded):
        kind = classify(line)
        if kind is Kind.BYLINE:
            return max(header_end, i)
        if kind is Kind.CONTENT:
            content += 1
            if content > reach or _FULL_STOP.search(line):
                break
    return header_end


def _choose_title(candidates: list[str], header: list[str]) -> tuple[str | None, list[str], list[str]]:
    """(title, captions, other removed lines) from the content lines before the body."""
    captions: list[str] = []
    kept: list[str] = []
    for line in candidates:
        # An image's alt text stands just before its caption line and repeats its start;
        # above the article, a ▲ line is a photo's caption.
        at = header.index(line)
        following = header[at + 1] if at + 1 < len(header) else ""
        if (following.startswith(line) and classify(following) is Kind.CAPTION) or line.startswith(_PHOTO_MARKS):
            captions.append(line)
        else:
            kept.append(line)
    if not kept:
        return None, captions, []
    counts = Counter(kept)
    repeated = [line for line in kept if counts[line] > 1]
    # Pages put the headline above its subtitle: the first line that reads like one wins,
    # Korean enough to be no menu ("NAVER 뉴스", "언론사 구독").
    plausible = [line for line in kept if len(line) >= 8 and " " in line]
    plausible = [line for line in plausible if len(_HANGUL.findall(line)) >= _HEADLINE_HANGUL] or plausible
    title = repeated[0] if repeated else plausible[0] if plausible else max(kept, key=len)
    kept.remove(title)
    return title, captions, kept
