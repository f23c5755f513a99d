"""The outline of a government press release: □ ○ ◦ - bullets, nested by level.

These bullets structure the document; they are not policy items, which come from the
enumerations inside them.
"""

from __future__ import annotations

from .. import rules
from ..analysis import Document
from ..records import Section, Span
from .base import Result, Step


def extract(doc: Document) -> list[Section]:
    """Bullet lines as a tree: each line nests under the nearest line of a lower level before it."""
    levels: dict[str, int] = rules.load("markers")["outline"]
    roots: list[Section] = []
    stack: list[Section] = []
    offset = 0
    for line in doc.body.split("\n"):
        marker = line[:1]
        if marker in levels and line[1:2] in (" ", "\u3000", ""):
            section = Section(text=line, span=Span(start=offset, end=offset + len(line)),
                              marker=marker, level=levels[marker])
            while stack and stack[-1].level >= section.level:
                stack.pop()
            (stack[-1].children if stack else roots).append(section)
            stack.append(section)
        offset += len(line) + 1
    return roots


STEP = Step("sections", needs=(), produces=("sections",),
            run=lambda doc, found: Result({"sections": extract(doc)}))
