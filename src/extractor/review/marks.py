"""The body as HTML with one <mark> per record span, properly nested.

Each mark names the record it shows (`data-record`, the same for every mention of an
official) and is unique itself (`data-id`), so a click on any mention opens its official and
a test can find every record's own element. Marks are focusable, in reading order.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from ..records import Article

# Record kinds with their list in Article, widest first: wider records open first, so
# narrower ones nest inside them.
KINDS: tuple[tuple[str, str], ...] = (("policy", "policies"), ("quote", "quotes"), ("official", "officials"),
                                      ("indicator", "indicators"), ("year", "years"))
_PRIORITY = {kind: rank for rank, (kind, _) in enumerate(KINDS)}


@dataclass(frozen=True)
class Mark:
    start: int
    end: int
    kind: str
    ident: str  # unique per element: "official-0" for the record's own span, "official-0-m1" for a mention
    record: str  # the record it shows: "official-0" for every mention of that official
    primary: bool  # the element that holds the record's whole text (False for a piece cut at a crossing)

    @property
    def key(self) -> tuple[int, int, int]:
        return (self.start, -self.end, _PRIORITY[self.kind])


def marks(article: Article) -> list[Mark]:
    """Every span to highlight: one mark per record, plus officials' other mentions."""
    out: list[Mark] = []
    for kind, field in KINDS:
        for i, record in enumerate(getattr(article, field)):
            ident = f"{kind}-{i}"
            out.append(Mark(record.span.start, record.span.end, kind, ident, ident, True))
    for i, official in enumerate(article.officials):
        for k, mention in enumerate(official.mentions):
            if (mention.start, mention.end) != (official.span.start, official.span.end):
                out.append(Mark(mention.start, mention.end, "official", f"official-{i}-m{k}", f"official-{i}", True))
    return sorted((m for m in out if m.end > m.start), key=lambda m: m.key)


def highlighted_body(article: Article) -> str:
    """The body as HTML with nested <mark> elements.

    A span that would cross a wider one is cut at the crossing; the piece inside carries
    `data-of` instead of `data-id`, so every record still has exactly one element whose
    text is the record's text whenever its span nests.
    """
    body = article.body
    pieces: list[str] = []
    stack: list[Mark] = []
    cursor = 0
    for mark in marks(article):
        while stack and stack[-1].end <= mark.start:
            cursor = _close(body, pieces, stack, cursor)
        if stack and mark.end > stack[-1].end:  # crosses its container: keep the part inside
            mark = Mark(mark.start, stack[-1].end, mark.kind, mark.ident, mark.record, False)
        pieces.append(html.escape(body[cursor:mark.start]))
        cursor = mark.start
        attribute = "data-id" if mark.primary else "data-of"
        pieces.append(f'<mark class="{mark.kind}" {attribute}="{mark.ident}" data-record="{mark.record}" '
                      f'tabindex="0">')
        stack.append(mark)
    while stack:
        cursor = _close(body, pieces, stack, cursor)
    pieces.append(html.escape(body[cursor:]))
    return "".join(pieces)


def _close(body: str, pieces: list[str], stack: list[Mark], cursor: int) -> int:
    mark = stack.pop()
    pieces.append(html.escape(body[cursor:mark.end]) + "</mark>")
    return mark.end
