"""Review pages: every record shown where it stands in the article, for a person to check.

`render(article)` is one article's page; `write_pages(lines, folder)` makes a page per line of a
batch's JSON Lines output and an index. See the README's "Review pages".
"""

from __future__ import annotations

from .batch_index import Entry, index, write_pages
from .marks import KINDS, Mark, highlighted_body, marks
from .page import render

__all__ = ["KINDS", "Entry", "Mark", "highlighted_body", "index", "marks", "render", "write_pages"]
