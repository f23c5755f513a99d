"""Nested lists: an item inside another list's item points to it as its parent.

A card-news summary nests Ⅴ → ■ → 1., and a release's "1." items hold "가." items or a
▲ run; a reader wants each sub-item under its head. The parent is the innermost item of
another list whose text holds the item's; top-level items have none.
"""

from __future__ import annotations

from ..records import PolicyItem


def with_parents(items: list[PolicyItem]) -> list[PolicyItem]:
    """The items, each with `parent`: the index (in `items`) of the item it sits inside, or None."""
    order = sorted(range(len(items)), key=lambda i: (items[i].span.start, -items[i].span.end))
    parents: list[int | None] = [None] * len(items)
    open_items: list[int] = []  # a stack of items that hold one another, outermost first
    for i in order:
        span = items[i].span
        while open_items and items[open_items[-1]].span.end < span.end:
            open_items.pop()
        if open_items and items[open_items[-1]].group != items[i].group:
            parents[i] = open_items[-1]
        open_items.append(i)
    if not any(p is not None for p in parents):
        return items
    return [item.model_copy(update={"parent": parent}) if parent is not None else item
            for item, parent in zip(items, parents, strict=True)]
