"""The review page of one article: the text with its highlights, the record panel, the tables.

Self-contained (inline style and script, no network, system fonts), so a page mailed to a
colleague or opened from an archive years later shows the same thing.
"""

from __future__ import annotations

import html
from functools import cache
from importlib import resources

from ..records import Article
from .fields import number, panel
from .marks import KINDS, highlighted_body

# The columns of each kind's table: (header, field path in the record's JSON).
COLUMNS: dict[str, tuple[tuple[str, str], ...]] = {
    "official": (("name", "name"), ("title", "title"), ("organization", "organization"), ("mentions", "mentions")),
    "indicator": (("text", "text"), ("value", "value"), ("unit", "unit"), ("approx.", "approximate"),
                  ("previous", "previous.value"), ("year", "year"), ("subject", "subject")),
    "year": (("text", "text"), ("year", "year"), ("month", "month"), ("day", "day")),
    "policy": (("list", "group"), ("ordinal", "ordinal"), ("marker", "marker"), ("title", "title")),
    "quote": (("speaker", "speaker"), ("text", "text")),
}
_QUANTITIES = {"value", "previous.value"}
LABELS = {"official": "officials", "indicator": "indicators", "year": "years", "policy": "policies",
          "quote": "quotes"}


@cache
def asset(name: str) -> str:
    return resources.files(__package__).joinpath("assets", name).read_text(encoding="utf-8")


def _cell(record: dict[str, object], path: str) -> str:
    value: object = record
    for part in path.split("."):
        value = value.get(part) if isinstance(value, dict) else None
    if isinstance(value, list):
        value = len(value)
    if value is None:
        return '<td data-sort=""></td>'
    if isinstance(value, bool):
        return f'<td data-sort="{int(value)}">{"yes" if value else ""}</td>'
    if isinstance(value, (int, float)):
        shown = number(float(value)) if path in _QUANTITIES else str(value)  # a year is 2014, not 2,014
        return f'<td data-sort="{value}">{html.escape(shown)}</td>'
    return f"<td>{html.escape(str(value))}</td>"


def tables(article: Article) -> str:
    """One tab per kind, each a sortable table whose rows select their highlight."""
    data = article.model_dump(mode="json")
    buttons, panels = [], []
    first = next((kind for kind, field in KINDS if data[field]), KINDS[0][0])
    for kind, field in KINDS:
        header = "".join(f"<th>{label}</th>" for label, _ in (("#", ""), *COLUMNS[kind]))
        rows = "".join(
            f'<tr data-record="{kind}-{i}"><td data-sort="{i}">{i}</td>'
            + "".join(_cell(record, path) for _, path in COLUMNS[kind]) + "</tr>"
            for i, record in enumerate(data[field]))
        selected = "true" if kind == first else "false"
        buttons.append(f'<button role="tab" data-kind="{kind}" aria-selected="{selected}">'
                       f'{LABELS[kind]} ({len(data[field])})</button>')
        hidden = "" if kind == first else " hidden"
        panels.append(f'<div role="tabpanel" data-kind="{kind}"{hidden}><table class="sortable">'
                      f"<thead><tr>{header}</tr></thead><tbody>{rows}</tbody></table></div>")
    return f'<section class="tabs"><div role="tablist">{"".join(buttons)}</div>{"".join(panels)}</section>'


def _legend(article: Article) -> str:
    return "".join(
        f'<button type="button" data-kind="{kind}" aria-pressed="true"><span class="swatch {kind}"></span>'
        f"{LABELS[kind]} {len(getattr(article, field))}</button>" for kind, field in KINDS)


def _meta_line(article: Article) -> str:
    meta = article.meta
    reporters = ", ".join(f"{r.name}{f' <{r.email}>' if r.email else ''}" for r in meta.reporters)
    facts = [("outlet", meta.outlet), ("issuer", meta.issuer), ("reporters", reporters or None),
             ("published", meta.published_at.isoformat() if meta.published_at else None),
             ("updated", meta.updated_at.isoformat() if meta.updated_at else None),
             ("source", f"{article.source.path or '-'} · {article.source.format} · {article.source.encoding}")]
    return " · ".join(f"{name}: {html.escape(str(value))}" for name, value in facts if value)


def render(article: Article) -> str:
    """The whole review page for one article."""
    title = article.meta.title
    warnings = ("".join(f"<li>{html.escape(w)}</li>" for w in article.warnings)
                or '<li class="none">none</li>')
    removed = "".join(f"<li><del>{html.escape(line)}</del></li>" for line in article.removed)
    captions = "".join(f"<li>{html.escape(line)}</li>" for line in article.captions)
    return f"""<!doctype html>
<html lang="ko"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{html.escape(title or "extractor review")}</title>
<style>{asset("review.css")}</style></head>
<body>
<header><h1>{html.escape(title or "(no headline found)")}</h1>
<div class="meta">{_meta_line(article)}</div>
<div class="legend">{_legend(article)}</div></header>
<main>
<div class="text">
<article id="body">{highlighted_body(article)}</article>
{tables(article)}
</div>
<aside>
<h2>Record</h2>
<div class="panel"><p id="hint">Point at, tap or Tab to a highlight, or click a table row, to see its fields.</p>
{panel(article)}</div>
<h2>Warnings</h2><ul class="warnings">{warnings}</ul>
<details><summary>Captions ({len(article.captions)})</summary><ul>{captions}</ul></details>
<details><summary>Removed as boilerplate ({len(article.removed)})</summary><ul>{removed}</ul></details>
</aside>
</main>
<script>{asset("review.js")}</script>
<script>{asset("sort.js")}</script>
</body></html>
"""
