"""The outline of a government press release: □ ○ ◦ - bullets, nested by level.

These bullets structure the document; they are not policy items, which come from the
enumerations inside them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .. import rules
from ..analysis import Document
from ..records import Section, Span
from ..rules.schemas.markers import Markers
from .base import Result, Step


@dataclass
class _Bullet:
    """A bullet line before it is validated: its children are known only once the outline is read."""

    text: str
    start: int
    marker: str
    level: int
    children: list[_Bullet] = field(default_factory=list)

    def record(self) -> Section:
        """The validated section, children first, so no record changes after it is validated."""
        return Section(text=self.text, span=Span(start=self.start, end=self.start + len(self.text)),
                       marker=self.marker, level=self.level, children=[c.record() for c in self.children])


def extract(doc: Document) -> list[Section]:
    """Bullet lines as a tree: each line nests under the nearest line of a lower level before it."""
    levels = rules.get(Markers).outline
    roots: list[_Bullet] = []
    stack: list[_Bullet] = []
    offset = 0
    for line in doc.body.split("\n"):
        marker = line[:1]
        if marker in levels and line[1:2] in (" ", "\u3000", ""):
            bullet = _Bullet(line, offset, marker, levels[marker])
            while stack and stack[-1].level >= bullet.level:
                stack.pop()
            (stack[-1].children if stack else roots).append(bullet)
            stack.append(bullet)
        offset += len(line) + 1
    return [bullet.record() for bullet in roots]


STEP = Step("sections", needs=(), produces=("sections",),
            run=lambda doc, found: Result({"sections": extract(doc)}))
