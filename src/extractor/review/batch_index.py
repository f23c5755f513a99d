"""The index of a batch's review pages: one sortable row per input, and the batch at a glance.

A reviewer of 2,000 releases starts from the outliers: the inputs that failed, the ones with
many warnings, the ones with no records. Counts per row and two small charts (inline SVG, no
library) show them without opening every page.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass
from pathlib import Path

from .. import korean
from ..records import Article
from .marks import KINDS
from .page import LABELS, asset

_BUCKETS = ("0", "1", "2", "3", "4", "5+")


@dataclass(frozen=True)
class Entry:
    ident: str
    page: str  # the page's file name, "" for an input that failed
    article: Article | None
    error: str | None = None  # "ErrorType: message" for an input that failed


def _counts(article: Article) -> list[int]:
    return [len(getattr(article, field)) for _, field in KINDS]


def _row(entry: Entry) -> str:
    ident = html.escape(entry.ident)
    if entry.article is None:
        kind, _, message = (entry.error or "").partition(": ")
        blanks = "<td></td>" * (3 + len(KINDS) + 1)
        return (f"<tr><td>{ident}</td>{blanks}<td class=warnings title=\"{html.escape(message)}\">"
                f"{html.escape(kind)}</td></tr>")
    article = entry.article
    meta = article.meta
    source = meta.outlet or meta.issuer or ""
    date = meta.published_at.date().isoformat() if meta.published_at else ""
    counts = "".join(f'<td data-sort="{n}">{n}</td>' for n in [*_counts(article), len(article.warnings)])
    return (f'<tr><td><a href="{html.escape(entry.page)}">{ident}</a></td>'
            f"<td>{html.escape(meta.title or '(no headline)')}</td><td>{html.escape(source)}</td>"
            f"<td>{date}</td>{counts}<td></td></tr>")


def _bars(labels: list[str], values: list[int], caption: str) -> str:
    """A small horizontal bar chart as inline SVG."""
    width, bar, gap, left = 320, 16, 6, 90
    top = max(values, default=0) or 1
    height = len(values) * (bar + gap) + gap
    shapes = []
    for i, (label, value) in enumerate(zip(labels, values, strict=True)):
        y = gap + i * (bar + gap)
        length = round((width - left - 50) * value / top)
        shapes.append(f'<text x="{left - 6}" y="{y + bar - 4}" text-anchor="end" font-size="12">'
                      f"{html.escape(label)}</text>"
                      f'<rect x="{left}" y="{y}" width="{length}" height="{bar}" fill="#7aa7d8"/>'
                      f'<text x="{left + length + 4}" y="{y + bar - 4}" font-size="12">{value}</text>')
    return (f'<figure><svg role="img" aria-label="{html.escape(caption)}" width="{width}" height="{height}" '
            f'xmlns="http://www.w3.org/2000/svg">{"".join(shapes)}</svg><figcaption>{html.escape(caption)}'
            f"</figcaption></figure>")


def index(entries: list[Entry]) -> str:
    """The index page of a batch's review pages."""
    articles = [e.article for e in entries if e.article is not None]
    totals = [sum(column) for column in zip(*(_counts(a) for a in articles), strict=True)] if articles else \
        [0] * len(KINDS)
    histogram = [0] * len(_BUCKETS)
    for article in articles:
        histogram[min(len(article.warnings), len(_BUCKETS) - 1)] += 1
    failed = len(entries) - len(articles)
    charts = (_bars([LABELS[kind] for kind, _ in KINDS], totals, "records per kind over the batch")
              + _bars([f"{b} warnings" for b in _BUCKETS], histogram, "documents by number of warnings"))
    header = "".join(f"<th>{name}</th>" for name in (
        "input", "headline", "outlet or issuer", "date", *(LABELS[k] for k, _ in KINDS), "warnings", "error"))
    return f"""<!doctype html>
<html lang="ko"><head><meta charset="utf-8"><title>extractor review</title>
<style>{asset("review.css")}
table {{ margin: 16px 24px; width: auto; }}</style></head>
<body><header><h1>Review: {len(entries)} documents</h1>
<div class="meta">{len(articles)} extracted, {failed} failed</div></header>
<div class="charts">{charts}</div>
<table class="sortable" id="index"><thead><tr>{header}</tr></thead>
<tbody>{"".join(_row(e) for e in entries)}</tbody></table>
<script>{asset("sort.js")}</script></body></html>
"""


def _slug(ident: str) -> str:
    """A file-name-safe short form of an input's id ("" for an id of spaces)."""
    words = ident.split()
    name = Path(words[-1]).name if words else ""
    return re.sub(rf"[^0-9A-Za-z{korean.HANGUL_CLASS}._-]+", "_", name)[:60] or "input"


def write_pages(lines: list[str], folder: str) -> int:
    """Review pages for JSON Lines output (articles and error lines) and their index page."""
    from .page import render

    target = Path(folder)
    target.mkdir(parents=True, exist_ok=True)
    entries: list[Entry] = []
    for number, line in enumerate(lines, start=1):
        try:
            record = json.loads(line)
            ident = str(record.get("id") or number)
            if "error" in record:
                entries.append(Entry(ident, "", None, f"{record['error']}: {record.get('message', '')}"))
                continue
            article = Article.model_validate(record)
        except (ValueError, AttributeError) as exc:  # a line that is no article: listed as one that failed
            entries.append(Entry(f"line {number}", "", None, f"{type(exc).__name__}: {str(exc).splitlines()[0]}"))
            continue
        page = f"{number:05d}-{_slug(ident)}.html"
        (target / page).write_text(render(article), encoding="utf-8")
        entries.append(Entry(ident, page, article))
    (target / "index.html").write_text(index(entries), encoding="utf-8")
    return len(entries)
