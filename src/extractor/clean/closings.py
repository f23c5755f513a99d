"""What closes a paragraph or opens one that is no article text: sign-offs, hand-overs, run-in leads.

A scrape joins lines a page printed apart: the byline to the last paragraph ("… 말했다.
[비즈니스포스트 홍길동 기자]"), the anchor's hand-over to the lead ("… 홍길동 기잡니다."), the
headline or a caption to the first paragraph ("HEADLINE [국회의정저널] 광주광역시는 …"). Each is
cut here into the draft, and what was cut goes to the lists a person reads (removed, captions).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..korean import HANGUL
from . import bylines, outlets
from .draft import MetaDraft

# Before a run-in dateline: a caption credits its photo ("…전경(사진=광주광역시교육청)"); a headline
# has at least this many syllables (" date 2021-03" is a scrap of the page).
_RUN_IN_CAPTION = re.compile(r"[\[(]\s*(?:사진|자료|제공)\s*[=:]")
_HEADLINE_HANGUL = 8
# How a paragraph that is no scrap ends: a sentence, a quote or a bracket closed.
_CLOSES_SENTENCE = re.compile(r"[.?!。\"”’')\]」』>]$")

Strip = Callable[[str], tuple[bylines.Fields | None, str]]


def strip_signoff(paragraphs: list[str], draft: MetaDraft, removed: list[str]) -> None:
    """The last paragraph's credit: a wire's name alone under it, a sign-off, or a hand-over."""
    if len(paragraphs) > 1 and (credited := outlets.known_outlet(paragraphs[-1])):
        # "연합뉴스" alone under the story: the wire's credit, as a portal's copy prints it
        draft.take({"outlet": credited})
        removed.append(paragraphs.pop())
    if not paragraphs or strip_closing(paragraphs, draft, removed, bylines.strip_signoff):
        return
    if strip_closing(paragraphs, draft, removed, bylines.strip_handover) or len(paragraphs) < 2:
        return
    if not _CLOSES_SENTENCE.search(paragraphs[-1]):  # an excerpt cut off mid-sentence ("한편, 우"):
        whole = paragraphs[:-1]  # the credit closes the last whole paragraph
        if strip_closing(whole, draft, removed, bylines.strip_signoff):
            paragraphs[-2] = whole[-1]


def strip_closing(paragraphs: list[str], draft: MetaDraft, removed: list[str], strip: Strip) -> bool:
    """Cut a byline closing the last paragraph (a sign-off, a hand-over) into `draft`."""
    found, rest = strip(paragraphs[-1])
    if found is None:
        return False
    draft.take(found)
    removed.append(paragraphs[-1][len(rest):].strip())
    paragraphs[-1] = rest
    return True


def run_in_lead(lead: str, draft: MetaDraft, captions: list[str], removed: list[str]) -> None:
    """What stood before a run-in dateline: a photo's caption, the headline, or a scrap."""
    if _RUN_IN_CAPTION.search(lead):
        captions.append(lead)
    elif len(HANGUL.findall(lead)) >= _HEADLINE_HANGUL and not draft.title:
        draft.title = lead
    else:
        removed.append(lead)
