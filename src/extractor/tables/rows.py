"""One output line (an article or an error line) as rows of the tables in columns.py.

Rows come from the JSON of the output, not from Article objects, so a JSON Lines file written
last year converts the same way as a live run, and an error line becomes an articles row that
says why the input failed (json_normalize over such lines breaks on them).
"""

from __future__ import annotations

from typing import Any

from ..spans import sentence_around
from .columns import TABLES

Rows = dict[str, list[dict[str, Any]]]


def empty() -> Rows:
    return {table: [] for table in TABLES}


def _span(record: dict[str, Any]) -> dict[str, Any]:
    span = record.get("span") or {}
    return {"span_start": span.get("start"), "span_end": span.get("end"), "text": record.get("text")}


def _article_row(ident: str, record: dict[str, Any]) -> dict[str, Any]:
    source, meta = record.get("source") or {}, record.get("meta") or {}
    body = record.get("body") or ""
    return {"article_id": ident, "source_path": source.get("path"), "url": source.get("url"),
            "sha256": source.get("sha256"), "kind": meta.get("kind"), "title": meta.get("title"),
            "subtitle": meta.get("subtitle"), "outlet": meta.get("outlet"), "issuer": meta.get("issuer"),
            "issuer_id": meta.get("issuer_id"),
            "published_at": meta.get("published_at"), "updated_at": meta.get("updated_at"),
            "embargo_until": meta.get("embargo_until"), "body": body,
            "body_length": len(body), "warnings": len(record.get("warnings") or []),
            "error_type": None, "error_message": None}


def _policy_of(policies: list[dict[str, Any]]) -> dict[int, int]:
    """indicator index → the policy item it falls in (the innermost: the last that lists it)."""
    out: dict[int, int] = {}
    for index, item in enumerate(policies):
        for indicator in item.get("indicators") or []:
            out[indicator] = index
    return out


def _flat_sections(sections: list[dict[str, Any]], parent: int | None, out: list[tuple[int | None, dict[str, Any]]]) \
        -> None:
    for section in sections:
        out.append((parent, section))
        _flat_sections(section.get("children") or [], len(out) - 1, out)


def rows(ident: str, record: dict[str, Any]) -> Rows:
    """The rows of one output line, keyed by table."""
    out = empty()
    if "error" in record:
        row = dict.fromkeys(c.name for c in TABLES["articles"])
        row.update(article_id=ident, error_type=record.get("error"), error_message=record.get("message"))
        out["articles"].append(row)
        return out
    base = {"article_id": ident}
    body = record.get("body") or ""
    out["articles"].append(_article_row(ident, record))
    for i, official in enumerate(record.get("officials") or []):
        mentions = official.get("mentions") or []
        out["officials"].append({**base, "official": i, "name": official.get("name"), "title": official.get("title"),
                                 "organization": official.get("organization"),
                                 "organization_surface": official.get("organization_surface"),
                                 "organization_id": official.get("organization_id"),
                                 "organization_name": official.get("organization_name"),
                                 "mentions": len(mentions), "person_id": None, **_span(official)})
        for k, mention in enumerate(mentions):
            start, end = mention.get("start"), mention.get("end")
            text = body[start:end] if isinstance(start, int) and isinstance(end, int) else None
            out["mentions"].append({**base, "official": i, "mention": k, "span_start": start, "span_end": end,
                                    "text": text})
    policy_of = _policy_of(record.get("policies") or [])
    for i, ind in enumerate(record.get("indicators") or []):
        previous, change = ind.get("previous") or {}, ind.get("change") or {}
        span = ind.get("span") or {}
        out["indicators"].append({
            **base, "indicator": i, "value": ind.get("value"), "unit": ind.get("unit"),
            "approximate": bool(ind.get("approximate")), "bound": ind.get("bound"), "low": ind.get("low"),
            "high": ind.get("high"), "previous_value": previous.get("value"),
            "change_direction": change.get("direction"), "change_multiple": change.get("multiple"),
            "change_percent": change.get("percent"), "year": ind.get("year"), "subject": ind.get("subject"),
            "sentence": sentence_around(body, int(span.get("start") or 0), int(span.get("end") or 0)),
            "policy": policy_of.get(i), **_span(ind)})
    for i, year in enumerate(record.get("years") or []):
        out["years"].append({**base, "year_mention": i, **{k: year.get(k) for k in (
            "year", "month", "day", "start_year", "end_year")}, "relative": bool(year.get("relative")), **_span(year)})
    for i, item in enumerate(record.get("policies") or []):
        out["policies"].append({**base, "policy": i, "list": item.get("group"), "ordinal": item.get("ordinal"),
                                "marker": item.get("marker"), "parent": item.get("parent"),
                                "title": item.get("title"), **_span(item)})
    for i, quote in enumerate(record.get("quotes") or []):
        out["quotes"].append({**base, "quote": i, "speaker": quote.get("speaker"), "official": quote.get("official"),
                              "person_id": None, **_span(quote)})
    for i, contact in enumerate((record.get("meta") or {}).get("contacts") or []):
        out["contacts"].append({**base, "contact": i, **{k: contact.get(k) for k in (
            "name", "title", "department", "phone")}})
    flat: list[tuple[int | None, dict[str, Any]]] = []
    _flat_sections(record.get("sections") or [], None, flat)
    for i, (parent, section) in enumerate(flat):
        out["sections"].append({**base, "section": i, "parent": parent, "level": section.get("level"),
                                "marker": section.get("marker"), **_span(section)})
    return out
