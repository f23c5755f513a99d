"""Scraped page text → article body, headline and metadata.

A scraped page opens with furniture and a headline/byline block (often twice) before
the first paragraph; the article starts at its dateline or first sentence. Lines
before that are headline candidates, and the one a page repeats is its headline.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections import Counter

from .. import rules
from ..korean import HANGUL, HANGUL_CLASS
from ..rules.schemas.boilerplate import Boilerplate
from . import outlets, timestamps
from .draft import MetaDraft
from .fold import fold
from .lines import PHOTO_MARKS, Cleaned, Kind, LineKinds, clean_lines, continues, starts_body
from .transcript import split_cues

# How a line that is no wrapped piece ends: a sentence, a quote or a bracket closed.
_SENTENCE_CLOSE = re.compile(r"[.?!。\"”’')\]」』>]$")
_LAST_WORD_ONE_SYLLABLE = re.compile(rf"(?:^|\s)[{HANGUL_CLASS}]$")
_CLOSING = re.compile(r"[.,?!)\]”’\"'…%]")
_HEADLINE_HANGUL = 8
# Lines above the article whose dates are not its own: furniture, lists of other headlines, captions.
_ADDRESS = re.compile(r"^https?://\S+$")
_NOT_STAMPS = (Kind.DROP, Kind.RELATED, Kind.RELATED_ITEM, Kind.CAPTION)
_ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|quot|amp|lt|gt|nbsp|apos|middot|hellip"
                     r"|lsquo|rsquo|ldquo|rdquo);")


def clean_text(text: str) -> Cleaned:
    """Clean scraped text: boilerplate out, headline and byline into metadata.

    Text copied out of a page's source keeps its entities (&quot;좋다&quot;, 3&#44;000):
    they are read as the characters they stand for.
    """
    kinds = LineKinds()
    if _ENTITY.search(text):
        text = html.unescape(text)
    folded = unwrap(split_cues([fold(line) for line in text.splitlines()]))
    header_end = next((i for i, line in enumerate(folded)
                       if kinds(line) is Kind.CONTENT and starts_body(line)), 0)
    header_end = _byline_closes_header(folded, header_end, kinds)
    # A wrapped sentence starts before its first full line: walk back over its pieces.
    while header_end > 0 and continues(folded[header_end - 1]):
        header_end -= 1
    draft = MetaDraft()
    cleaned = clean_lines(folded, draft, header_end=header_end, kinds=kinds)
    title, captions, rest = _choose_title(cleaned.header, folded[:header_end], kinds)
    draft.title = draft.title or title
    if draft.outlet is None:  # the masthead among the menus above the headline: "강원도민일보"
        draft.outlet = next((name for line in rest if " " not in line and (name := outlets.outlet_name(line))), None)
    if draft.outlet is None:  # a repost's source address: "https://news.khan.co.kr/kh_news/…"
        draft.outlet = next((name for line in cleaned.removed if _ADDRESS.match(line) and not outlets.portal_url(line)
                             and (name := outlets.outlet_from_url(line))), None)
    if draft.published_at is None:  # "2023년 07월 25일 (화) 09:45:07 편집국 …": the stamp nearest the body
        stamped = (timestamps.header_line_times(line) for line in reversed(folded[:header_end])
                   if kinds(line) not in _NOT_STAMPS)
        draft.published_at, updated = next(((p, u) for p, u in stamped if p), (None, None))
        draft.updated_at = draft.updated_at or updated
    cleaned.captions[:0] = captions
    cleaned.removed[:0] = rest
    return cleaned


def unwrap(folded: list[str]) -> list[str]:
    """Folded lines a word processor broke at a fixed width joined again (see boilerplate.toml).

    A piece that ends in a one-syllable word ("상", "수") was cut inside a word, and one
    that starts with punctuation was cut before it: those are glued to the one before;
    any other is joined with a space.
    """
    settings = rules.get(Boilerplate)
    widths = [_columns(line) if line and not _SENTENCE_CLOSE.search(line) else 0 for line in folded]
    wide = [w for w in widths if w >= settings.wrap_min_columns]
    if len(wide) < settings.wrap_min_lines:
        return folded
    width = max(wide)
    cut = [w >= max(settings.wrap_min_columns, width - settings.wrap_tolerance) for w in widths]
    if sum(cut) < settings.wrap_min_lines:
        return folded
    _keep_only_sentences(cut, folded)
    out: list[str] = []
    joining = False
    for piece, is_cut in zip(folded, cut, strict=True):
        if joining and not piece:
            continue  # the blank lines a paragraph's pieces were spaced with
        if joining:
            glue = "" if _LAST_WORD_ONE_SYLLABLE.search(out[-1]) or _CLOSING.match(piece) else " "
            out[-1] += glue + piece
        else:
            out.append(piece)
        joining = is_cut
    return out


def _keep_only_sentences(cut: list[bool], folded: list[str]) -> None:
    """Unmark the pieces of a chain that does not end a sentence: a list of long
    headlines ("관련기사") is as wide as a wrapped paragraph but is no paragraph."""
    i = 0
    while i < len(cut):
        if not cut[i]:
            i += 1
            continue
        end = i
        while end < len(cut) and (cut[end] or not folded[end]):
            end += 1
        if end == len(cut) or not _SENTENCE_CLOSE.search(folded[end]):
            cut[i:end] = [False] * (end - i)
        i = end + 1


def _columns(line: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in line)


def _byline_closes_header(folded: list[str], header_end: int, kinds: LineKinds) -> int:
    """A byline line near the top ends the headline block, even where the headline reads as
    a sentence (김헌수 홍성군의장, "지역경제 특단의 조치 필요"), unless a sentence stands above it."""
    reach = rules.get(Boilerplate).header_byline_reach
    full_stop = rules.get(Boilerplate).regex("full_stop")
    content = 0
    for i, line in enumerate(folded):
        kind = kinds(line)
        if kind is Kind.BYLINE:
            return max(header_end, i)
        if kind is Kind.CONTENT:
            content += 1
            if content > reach or full_stop.search(line):
                break
    return header_end


def _dated_other(line: str) -> bool:
    """A dated line that is no headline of this article: a ranked list item, a widget."""
    return timestamps.line_times(line)[0] is not None and timestamps.header_line_times(line)[0] is None


def _choose_title(candidates: list[str], header: list[str],
                  kinds: LineKinds) -> tuple[str | None, list[str], list[str]]:
    """(title, captions, other removed lines) from the content lines before the body."""
    captions: list[str] = []
    kept: list[str] = []
    for line in candidates:
        # An image's alt text stands just before its caption line and repeats its start;
        # above the article, a ▲ line is a photo's caption.
        at = header.index(line)
        following = header[at + 1] if at + 1 < len(header) else ""
        if (following.startswith(line) and kinds(following) is Kind.CAPTION) or line.startswith(PHOTO_MARKS):
            captions.append(line)
        else:
            kept.append(line)
    if not kept:
        return None, captions, []
    counts = Counter(kept)
    repeated = [line for line in kept if counts[line] > 1]
    # Pages put the headline above its subtitle: the first line that reads like one wins,
    # Korean enough to be no menu ("NAVER 뉴스", "언론사 구독").
    plausible = [line for line in kept if len(line) >= 8 and " " in line and not _dated_other(line)]
    plausible = [line for line in plausible if len(HANGUL.findall(line)) >= _HEADLINE_HANGUL] or plausible
    title = repeated[0] if repeated else plausible[0] if plausible else max(kept, key=len)
    kept.remove(title)
    return title, captions, kept
