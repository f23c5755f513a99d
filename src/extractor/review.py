"""A self-contained HTML page showing every record where it stands in the article.

People check extractions by looking: the cleaned body with each span highlighted by
kind, each record's normalized fields beside it, the metadata on top, what was removed
as boilerplate struck through, and the warnings. Styles and script are inline; nothing
is fetched, and Hangul renders with the system's fonts.
"""

from __future__ import annotations

import html
import json
from dataclasses import dataclass
from typing import Any

from .records import Article

KINDS = ("policy", "quote", "official", "indicator", "year")
# Wider records open first, so narrower ones nest inside them.
_PRIORITY = {kind: rank for rank, kind in enumerate(KINDS)}

_STYLE = """
body { font-family: "Noto Sans CJK KR", "Noto Sans KR", "Malgun Gothic", "Apple SD Gothic Neo", sans-serif;
       margin: 0; color: #1d1d1f; background: #fafafa; }
header { padding: 16px 24px; background: #fff; border-bottom: 1px solid #ddd; }
header h1 { font-size: 20px; margin: 0 0 6px; }
header .meta { font-size: 13px; color: #555; }
main { display: flex; gap: 24px; padding: 16px 24px; }
article { flex: 3; background: #fff; padding: 16px 20px; border: 1px solid #e3e3e3; line-height: 1.9;
          white-space: pre-wrap; font-size: 15px; }
aside { flex: 2; font-size: 13px; max-height: 90vh; overflow: auto; }
aside pre { background: #fff; border: 1px solid #e3e3e3; padding: 8px; white-space: pre-wrap; }
mark { border-radius: 3px; padding: 0 1px; cursor: pointer; }
mark.official { background: #ffe08a; } mark.indicator { background: #a7e3b3; } mark.year { background: #b8d8ff; }
mark.quote { background: #f4c9f0; } mark.policy { background: transparent; border-left: 3px solid #ff8a3d;
             box-shadow: inset 0 -2px 0 #ffc59e; }
mark.active { outline: 2px solid #d33; }
.legend mark { display: inline-block; margin-right: 6px; }
.warnings { color: #9a3412; } del { color: #888; }
details { margin-top: 8px; }
"""

_SCRIPT = """
document.querySelectorAll('mark[data-id]').forEach(function (el) {
  el.addEventListener('mouseenter', function () { show(el.dataset.id); });
  el.addEventListener('click', function () { show(el.dataset.id); });
});
function show(id) {
  document.querySelectorAll('mark.active').forEach(function (m) { m.classList.remove('active'); });
  document.querySelectorAll('mark[data-id="' + id + '"], mark[data-of="' + id + '"]')
    .forEach(function (m) { m.classList.add('active'); });
  var record = document.getElementById('record-' + id);
  document.getElementById('fields').textContent = record ? record.textContent : '';
}
"""


@dataclass(frozen=True)
class _Mark:
    start: int
    end: int
    kind: str
    ident: str
    primary: bool  # the record's own span (not another mention of the same official)

    @property
    def key(self) -> tuple[int, int, int]:
        return (self.start, -self.end, _PRIORITY[self.kind])


def marks(article: Article) -> list[_Mark]:
    """Every span to highlight: one primary mark per record, plus officials' other mentions."""
    out: list[_Mark] = []
    for i, item in enumerate(article.policies):
        out.append(_Mark(item.span.start, item.span.end, "policy", f"policy-{i}", True))
    for i, quote in enumerate(article.quotes):
        out.append(_Mark(quote.span.start, quote.span.end, "quote", f"quote-{i}", True))
    for i, official in enumerate(article.officials):
        out.append(_Mark(official.span.start, official.span.end, "official", f"official-{i}", True))
        for k, mention in enumerate(official.mentions):
            if (mention.start, mention.end) != (official.span.start, official.span.end):
                out.append(_Mark(mention.start, mention.end, "official", f"official-{i}-m{k}", False))
    for i, indicator in enumerate(article.indicators):
        out.append(_Mark(indicator.span.start, indicator.span.end, "indicator", f"indicator-{i}", True))
    for i, year in enumerate(article.years):
        out.append(_Mark(year.span.start, year.span.end, "year", f"year-{i}", True))
    return sorted((m for m in out if m.end > m.start), key=lambda m: m.key)


def highlighted_body(article: Article) -> str:
    """The body as HTML with properly nested <mark> elements.

    A span that would cross a wider one is split at the crossing and each piece carries
    `data-of` instead of `data-id`, so every record still has exactly one element whose
    text is the record's text whenever its span nests.
    """
    body = article.body
    pieces: list[str] = []
    stack: list[_Mark] = []
    cursor = 0
    for mark in marks(article):
        while stack and stack[-1].end <= mark.start:
            cursor = _close(body, pieces, stack, cursor)
        if stack and mark.end > stack[-1].end:  # crosses its container: keep the part inside
            mark = _Mark(mark.start, stack[-1].end, mark.kind, mark.ident, False)
        pieces.append(html.escape(body[cursor:mark.start]))
        cursor = mark.start
        attribute = "data-id" if mark.primary or "-m" in mark.ident else "data-of"
        pieces.append(f'<mark class="{mark.kind}" {attribute}="{mark.ident}">')
        stack.append(mark)
    while stack:
        cursor = _close(body, pieces, stack, cursor)
    pieces.append(html.escape(body[cursor:]))
    return "".join(pieces)


def _close(body: str, pieces: list[str], stack: list[_Mark], cursor: int) -> int:
    mark = stack.pop()
    pieces.append(html.escape(body[cursor:mark.end]) + "</mark>")
    return mark.end


def _records(article: Article) -> dict[str, dict[str, Any]]:
    data = json.loads(article.model_dump_json())
    out: dict[str, dict[str, Any]] = {}
    for key, kind in (("policies", "policy"), ("quotes", "quote"), ("officials", "official"),
                      ("indicators", "indicator"), ("years", "year")):
        for i, record in enumerate(data[key]):
            out[f"{kind}-{i}"] = record
    return out


def render(article: Article) -> str:
    """The whole review page for one article."""
    meta = article.meta
    reporters = ", ".join(f"{r.name}{f' <{r.email}>' if r.email else ''}" for r in meta.reporters)
    facts = [("outlet", meta.outlet), ("reporters", reporters or None),
             ("published", meta.published_at.isoformat() if meta.published_at else None),
             ("updated", meta.updated_at.isoformat() if meta.updated_at else None),
             ("source", f"{article.source.path or '-'} · {article.source.format} · {article.source.encoding}")]
    meta_line = " · ".join(f"{name}: {html.escape(value)}" for name, value in facts if value)
    counts = " ".join(
        f'<mark class="{kind}">{kind} {n}</mark>' for kind, n in (
            ("official", len(article.officials)), ("indicator", len(article.indicators)),
            ("year", len(article.years)), ("policy", len(article.policies)), ("quote", len(article.quotes))))
    records = "".join(
        f'<script type="application/json" id="record-{ident}">{_json_for_script(record)}</script>'
        for ident, record in _records(article).items())
    warnings = "".join(f"<li>{html.escape(w)}</li>" for w in article.warnings)
    removed = "".join(f"<li><del>{html.escape(line)}</del></li>" for line in article.removed)
    captions = "".join(f"<li>{html.escape(line)}</li>" for line in article.captions)
    return f"""<!doctype html>
<html lang="ko"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{html.escape(meta.title or "extractor review")}</title>
<style>{_STYLE}</style></head>
<body>
<header><h1>{html.escape(meta.title or "(no headline found)")}</h1>
<div class="meta">{meta_line}</div>
<div class="legend">{counts}</div></header>
<main>
<article id="body">{highlighted_body(article)}</article>
<aside>
<h2>Record</h2><p>Hover or click a highlight to see its normalized fields.</p>
<pre id="fields"></pre>
<h2>Warnings</h2><ul class="warnings">{warnings or "<li>none</li>"}</ul>
<details><summary>Captions ({len(article.captions)})</summary><ul>{captions}</ul></details>
<details><summary>Removed as boilerplate ({len(article.removed)})</summary><ul>{removed}</ul></details>
</aside>
</main>
{records}
<script>{_SCRIPT}</script>
</body></html>
"""


def _json_for_script(record: dict[str, Any]) -> str:
    """JSON that cannot close its <script> element early."""
    return json.dumps(record, ensure_ascii=False, indent=1).replace("</", "<\\/")


def index(entries: list[tuple[str, str, Article | None, str | None]]) -> str:
    """The index page of a batch's review pages: (id, page file, article or None, error)."""
    rows = []
    for ident, page, article, error in entries:
        if article is None:
            message = html.escape(error or "")
            rows.append(f"<tr><td>{html.escape(ident)}</td><td colspan=6 class=warnings>{message}</td></tr>")
            continue
        title = html.escape(article.meta.title or "(no headline)")
        rows.append(f'<tr><td><a href="{html.escape(page)}">{html.escape(ident)}</a></td><td>{title}</td>'
                    f"<td>{len(article.officials)}</td><td>{len(article.indicators)}</td>"
                    f"<td>{len(article.years)}</td><td>{len(article.policies)}</td><td>{len(article.quotes)}</td></tr>")
    return f"""<!doctype html>
<html lang="ko"><head><meta charset="utf-8"><title>extractor review</title><style>{_STYLE}
table {{ border-collapse: collapse; margin: 16px 24px; background: #fff; }}
td, th {{ border: 1px solid #ddd; padding: 4px 8px; font-size: 13px; }}</style></head>
<body><header><h1>Review: {len(entries)} documents</h1></header>
<table><tr><th>input</th><th>headline</th><th>officials</th><th>indicators</th><th>years</th><th>policies</th>
<th>quotes</th></tr>{"".join(rows)}</table></body></html>
"""


def write_pages(lines: list[str], folder: str) -> int:
    """Review pages for JSON Lines output (articles and error lines) and their index page."""
    import re
    from pathlib import Path

    target = Path(folder)
    target.mkdir(parents=True, exist_ok=True)
    entries: list[tuple[str, str, Article | None, str | None]] = []
    for number, line in enumerate(lines, start=1):
        record = json.loads(line)
        ident = str(record.get("id") or number)
        if "error" in record:
            entries.append((ident, "", None, f"{record['error']}: {record.get('message', '')}"))
            continue
        article = Article.model_validate(record)
        slug = re.sub(r"[^0-9A-Za-z가-힣._-]+", "_", Path(ident.split()[-1]).name)[:60]
        page = f"{number:05d}-{slug}.html"
        (target / page).write_text(render(article), encoding="utf-8")
        entries.append((ident, page, article, None))
    (target / "index.html").write_text(index(entries), encoding="utf-8")
    return len(entries)
