"""Line-level cleaning shared by scraped text and HTML article containers.

Both inputs end up as a list of lines; every line is classified by the rules in
`rules/boilerplate.toml` and `rules/bylines.toml`. Nothing is dropped silently: what
leaves the body goes to `captions` or `removed`, so a person can see what was cut.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from .. import rules
from ..rules.schemas.boilerplate import Boilerplate
from . import bylines, closings, outlets, timestamps
from .draft import MetaDraft
from .fold import fold

_OUTLINE_BULLETS = "□■○●◦◇◆"
PHOTO_MARKS = ("▲", "△")
# A caption is a label, not a paragraph: longer ▲ lines are the article's own.
_CAPTION_MAX_CHARS = 100
# Paragraphs of article a rights footer must close before the rest of the page is cut.
_FOOTER_AFTER = 2
_DATELINE_REACH = 3
# A paragraph this long that the body already holds is a scraper's second copy of the
# article (or of its end), not the writer's: short lines (▲ items, "이상") may repeat.
_REPEAT_MIN_CHARS = 30


class Kind(Enum):
    BLANK = "blank"
    DROP = "drop"
    COPYRIGHT = "copyright"
    RELATED = "related"
    RELATED_ITEM = "related_item"
    CUE = "cue"
    CREDIT = "credit"
    CAPTION = "caption"
    BYLINE = "byline"
    CONTENT = "content"


@dataclass
class Cleaned:
    """What a cleaner hands to the pipeline: the body and everything it took out of it."""

    body: str
    meta: MetaDraft
    captions: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    header: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


# The order in which a line's kinds are asked: the first whose rule fires names it.
_ORDER = ((Kind.CUE, "cues"), (Kind.CREDIT, "credits"), (Kind.COPYRIGHT, "copyright"),
          (Kind.RELATED, "related_header"), (Kind.DROP, "drop"), (Kind.CAPTION, "captions"),
          (Kind.RELATED_ITEM, "related_item"))


def _boilerplate() -> Boilerplate:
    return rules.get(Boilerplate)


def is_prose(line: str) -> bool:
    """A line that reads as a sentence of the article rather than a headline or a label."""
    found = _boilerplate()
    return (found.regex("prose_ending").search(line) is not None
            or (len(line) >= 80 and found.regex("sentence_end").search(line) is not None))


def starts_body(line: str) -> bool:
    """Where scraped text's article starts: a dateline, an outline bullet or a sentence."""
    return (bylines.strip_dateline(line)[0] is not None or line[:1] in _OUTLINE_BULLETS
            or is_prose(line))


def continues(line: str) -> bool:
    """Whether a line breaks off mid-sentence ("전동평 영암군수는", "…갖고,")."""
    return bool(_boilerplate().regex("continuation_endings").search(line))


def classify(line: str) -> Kind:
    """The kind of one folded line."""
    if not line:
        return Kind.BLANK
    found = _boilerplate()
    for kind, key in _ORDER:
        if any(p.search(line) for p in found.patterns(key)):
            return kind
    if bylines.match_bylines(line) is not None:
        return Kind.BYLINE
    return Kind.CONTENT


class LineKinds:
    """One document's line kinds, each line classified once.

    The header search, the title choice and the cleaning each ask of the same lines. A
    cleaner makes one per document and drops it with the document, so nothing is kept
    from one document to the next (a benchmark of replicated documents gains nothing a
    real archive would not) and no cache must be remembered to be cleared.
    """

    def __init__(self) -> None:
        self._memo: dict[str, Kind] = {}

    def __call__(self, line: str) -> Kind:
        kind = self._memo.get(line)
        if kind is None:
            kind = self._memo[line] = classify(line)
        return kind


def clean_lines(lines: list[str], draft: MetaDraft, *, title: str | None = None,
                header_end: int = 0, kinds: LineKinds | None = None) -> Cleaned:
    """Keep the article's paragraphs from `lines`, moving metadata into `draft`.

    Content lines before `header_end` are headline candidates, not body: they are put in
    `Cleaned.header` for the caller to choose a title from.
    """
    kinds = kinds or LineKinds()
    out = Cleaned(body="", meta=draft)
    folded = [fold(raw) for raw in lines]
    lone_marks = _lone_photo_marks(folded)
    paragraphs: list[str] = []
    seen: set[str] = set()  # paragraphs as first kept, to know a scraper's second copy
    adjacent = False  # the last kept line stood right above this one
    footer_outlet: str | None = None
    past_footer = False  # a rights footer closed the article: what follows is the page's
    in_list = False  # under a 'most read' or related header: headlines, until a sentence
    for index, line in enumerate(folded):
        follows, adjacent = adjacent, False
        if title and line == fold(title):
            out.removed.append(line)
            continue
        kind = kinds(line)
        if kind is Kind.CONTENT and index in lone_marks:
            kind = Kind.CAPTION
        if kind is Kind.CONTENT and index < header_end:
            out.header.append(line)
            continue
        if kind is Kind.BLANK:
            continue
        if kind is Kind.CAPTION:
            out.captions.append(line)
            continue
        if kind is Kind.BYLINE:
            for found in bylines.match_bylines(line) or []:
                draft.take(found)
            _take_times(draft, line)
            out.removed.append(line)
            continue
        if kind is Kind.COPYRIGHT:  # the last footer's name, used when nothing else names the outlet
            footer_outlet = outlets.outlet_in_copyright(line) or footer_outlet
            past_footer = past_footer or (len(paragraphs) >= _FOOTER_AFTER and _closes_article(line))
        if kind is Kind.CONTENT and past_footer:  # a portal's notices, its subscription pitch
            kind = Kind.DROP
        in_list = kind is Kind.RELATED or (in_list and kind is not Kind.CONTENT) or (
            in_list and not is_prose(line))
        if kind is Kind.CONTENT and in_list:  # "1 다른 축제 일정 발표 2024.04.17": a listed headline
            kind = Kind.RELATED_ITEM
        if kind is Kind.CUE and paragraphs:  # the anchor's lead ends "… 홍길동 기잡니다." before [기자]
            closings.strip_closing(paragraphs, draft, out.removed, bylines.strip_handover)
        if kind is not Kind.CONTENT:
            out.removed.append(line)
            continue
        if len(paragraphs) < _DATELINE_REACH:
            dateline, rest = bylines.strip_dateline(line)
            # After the first paragraph only a dateline naming its reporter counts: a teaser
            # or an unrecognised caption may stand before "[곡성=뉴시스]맹대환 기자 = …".
            if dateline is not None and (not paragraphs or dateline.get("name")):
                draft.take(dateline)
                out.removed.append(line[: len(line) - len(rest)].strip())
                line = rest
            elif dateline is None and not paragraphs:  # "HEADLINE [국회의정저널] 광주광역시는 …"
                dateline, lead, rest = bylines.strip_run_in_dateline(line)
                if dateline is not None:
                    draft.take(dateline)
                    closings.run_in_lead(lead, draft, out.captions, out.removed)
                    out.removed.append(line[len(lead):len(line) - len(rest)].strip())
                    line = rest
        if follows and paragraphs and continues(paragraphs[-1]):
            paragraphs[-1] += " " + line  # a broadcast script's wrapped sentence, made whole
        elif len(line) >= _REPEAT_MIN_CHARS and line in seen:
            out.removed.append(line)
        else:
            paragraphs.append(line)
            seen.add(line)
        adjacent = True
    closings.strip_signoff(paragraphs, draft, out.removed)
    draft.outlet = draft.outlet or footer_outlet
    for email in draft.orphan_emails[:]:
        if any(known_email is None for _, known_email in draft.reporters):
            draft.orphan_emails.remove(email)
            draft.add_reporter(None, email)
    out.body = "\n".join(paragraphs)
    promote_captions(out)
    return out


def promote_captions(cleaned: Cleaned) -> None:
    """A photo article (포토뉴스) is its caption: with no other text, the captions are the body,
    their dateline read as any article's."""
    if cleaned.body or not cleaned.captions:
        return
    paragraphs = []
    for caption in cleaned.captions:
        dateline, rest = bylines.strip_dateline(caption)
        if dateline is not None:
            cleaned.meta.take(dateline)
        paragraphs.append(rest)
    cleaned.body = "\n".join(paragraphs)
    cleaned.captions = []
    cleaned.warnings.append("no text but a photo's caption: the caption is the body")


def _closes_article(line: str) -> bool:
    return _boilerplate().regex("rights_footer").search(line) is not None


def _lone_photo_marks(folded: list[str]) -> set[int]:
    """Lines that are a photo's caption by their ▲ alone ("▲ 충주시청 전경"): short, no
    sentence, and with no ▲ line beside them, since ▲ items of a list come in runs."""
    marked = [i for i, line in enumerate(folded) if line.startswith(PHOTO_MARKS)]
    texts = [i for i, line in enumerate(folded) if line]
    neighbours = {i: (texts[k - 1] if k else None, texts[k + 1] if k + 1 < len(texts) else None)
                  for k, i in enumerate(texts)}
    lone = set()
    for i in marked:
        line = folded[i]
        if len(line) > _CAPTION_MAX_CHARS or is_prose(line) or line.count(line[0]) > 1:
            continue
        if not any(j is not None and folded[j].startswith(PHOTO_MARKS) for j in neighbours[i]):
            lone.add(i)
    return lone


def _take_times(draft: MetaDraft, line: str) -> None:
    published, updated = timestamps.line_times(line)
    draft.published_at = draft.published_at or published
    draft.updated_at = draft.updated_at or updated
