"""A record's fields as a person reads them: labelled, with numbers written out and linked.

Raw JSON makes a reader parse `160000000000.0` and `{"value": 400.0}`; a checker wants
"160,000,000,000 원 (approximate)" and "previous 400 개", and the sentence the record stands in.
"""

from __future__ import annotations

import html
import json
from typing import Any

from ..records import Article
from ..spans import sentence_around
from .marks import KINDS

# Fields shown elsewhere or of no use to a reader of one record.
_HIDDEN = {"span", "text", "mentions", "children"}
# List fields of a policy item that point to records of another kind.
_LINKS = {"indicators": "indicator", "years": "year", "officials": "official"}


def number(value: float) -> str:
    """160000000000.0 → 160,000,000,000; 2.35 → 2.35."""
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.4f}".rstrip("0").rstrip(".")  # 1,234,567.5, never 1.23457e+06


def quantity(value: float, unit: str | None, approximate: bool = False) -> str:
    text = f"{number(value)} {unit}" if unit else number(value)
    return f"{text} (approximate)" if approximate else text


def rows(kind: str, record: dict[str, Any]) -> list[tuple[str, str]]:
    """(label, HTML value) pairs for one record's fields, in a reading order."""
    out: list[tuple[str, str]] = []
    if kind == "indicator":
        shown = quantity(record["value"], record.get("unit"), bool(record.get("approximate")))
        out.append(("value", html.escape(shown)))
    for name, value in record.items():
        if name in _HIDDEN or value is None or value == [] or value is False:
            continue
        if kind == "indicator" and name in ("value", "unit", "approximate"):
            continue
        out.append((name.replace("_", " "), _value(kind, name, value, record)))
    return out


def _value(kind: str, name: str, value: Any, record: dict[str, Any]) -> str:
    if name == "previous" and isinstance(value, dict):
        return html.escape(quantity(value["value"], record.get("unit")))
    if name == "change" and isinstance(value, dict):
        parts = [value.get("direction"), f"×{number(value['multiple'])}" if value.get("multiple") else None,
                 f"{number(value['percent'])} %" if value.get("percent") is not None else None]
        return html.escape(" ".join(p for p in parts if p))
    if kind == "policy" and name in _LINKS and isinstance(value, list):
        target = _LINKS[name]
        return ", ".join(f'<a href="#" data-goto="{target}-{i}">{target} {i}</a>' for i in value)
    if kind == "quote" and name == "official" and isinstance(value, int):
        return f'<a href="#" data-goto="official-{value}">official {value}</a>'
    if isinstance(value, float) and name in ("low", "high"):
        return html.escape(quantity(value, record.get("unit")))
    if isinstance(value, (dict, list)):
        return html.escape(json.dumps(value, ensure_ascii=False))
    return html.escape(str(value))


def records(article: Article) -> dict[str, tuple[str, dict[str, Any]]]:
    """Every record by its page id ("indicator-3"): (kind, its JSON fields)."""
    data = json.loads(article.model_dump_json())
    out: dict[str, tuple[str, dict[str, Any]]] = {}
    for kind, field in KINDS:
        for i, record in enumerate(data[field]):
            out[f"{kind}-{i}"] = (kind, record)
    return out


def panel(article: Article) -> str:
    """One hidden <section> per record: its labelled fields and the sentence it stands in."""
    sections = []
    for ident, (kind, record) in records(article).items():
        items = "".join(f"<dt>{label}</dt><dd>{value}</dd>" for label, value in rows(kind, record))
        span = record["span"]
        mentions = len(record.get("mentions") or [])
        extra = f"<dt>mentions</dt><dd>{mentions}</dd>" if kind == "official" and mentions else ""
        context = html.escape(sentence_around(article.body, span["start"], span["end"]))
        sections.append(
            f'<section class="record" id="record-{ident}" data-kind="{kind}" hidden>'
            f'<h3><span class="swatch {kind}"></span>{kind} {ident.rsplit("-", 1)[1]}: '
            f'{html.escape(record["text"][:80])}</h3>'
            f"<dl>{items}{extra}<dt>characters</dt><dd>{span['start']}–{span['end']}</dd></dl>"
            f'<p class="context">{context}</p></section>')
    return "".join(sections)
