"""The tables' columns: one declaration that the writers, the schema file and the README share.

Analysts write SQL against these names, so they are a public contract like the JSON keys:
add columns, never rename one. Offsets are `span_start`/`span_end` (body[span_start:span_end]
is the record's text), not `start`/`end`: END is an SQL keyword.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Column:
    name: str
    type: str  # DuckDB type: VARCHAR, BIGINT, DOUBLE, BOOLEAN, TIMESTAMPTZ
    about: str


def _c(name: str, type_: str, about: str) -> Column:
    return Column(name, type_, about)


ARTICLE_ID = _c("article_id", "VARCHAR", "the input's id in the batch (path, JSON Lines id, WARC record)")
SPAN = (_c("span_start", "BIGINT", "offset of the record's first character in articles.body"),
        _c("span_end", "BIGINT", "offset after its last character"),
        _c("text", "VARCHAR", "the record's text as printed"))

TABLES: dict[str, tuple[Column, ...]] = {
    "articles": (
        ARTICLE_ID,
        _c("source_path", "VARCHAR", "the file read"), _c("url", "VARCHAR", "the page's address, where known"),
        _c("sha256", "VARCHAR", "hash of the input's bytes"),
        _c("kind", "VARCHAR", "news, press_release or transcript, where detected"),
        _c("title", "VARCHAR", "headline"), _c("subtitle", "VARCHAR", "deck lines under the headline"),
        _c("outlet", "VARCHAR", "the outlet's name"), _c("issuer", "VARCHAR", "the body that issued a release"),
        _c("issuer_id", "VARCHAR", "the registry's id of the issuer"),
        _c("published_at", "TIMESTAMPTZ", "publication time"), _c("updated_at", "TIMESTAMPTZ", "last update"),
        _c("embargo_until", "TIMESTAMPTZ", "a release's embargo: not to be reported before"),
        _c("body", "VARCHAR", "the cleaned article text the offsets point into"),
        _c("body_length", "BIGINT", "characters in body"), _c("warnings", "BIGINT", "number of warnings"),
        _c("error_type", "VARCHAR", "for an input that failed: InputError, InternalError, …"),
        _c("error_message", "VARCHAR", "for an input that failed: the one-line message"),
    ),
    "officials": (
        ARTICLE_ID, _c("official", "BIGINT", "index of the official in the article (quotes.official points here)"),
        _c("name", "VARCHAR", "the person's name"), _c("title", "VARCHAR", "the office (시장, 장관 …)"),
        _c("organization", "VARCHAR", "the organization, normalized (대구광역시)"),
        _c("organization_surface", "VARCHAR", "the organization as printed (대구시)"),
        _c("organization_id", "VARCHAR", "the registry's id of the organization (null: not a known body)"),
        _c("organization_name", "VARCHAR", "the registry's name of it on the article's date"),
        _c("mentions", "BIGINT", "how many times the person is named"),
        _c("person_id", "VARCHAR", "the person across the whole batch (people.person_id)"), *SPAN,
    ),
    "mentions": (
        ARTICLE_ID, _c("official", "BIGINT", "the official named"), _c("mention", "BIGINT", "index of the mention"),
        *SPAN,
    ),
    "indicators": (
        ARTICLE_ID, _c("indicator", "BIGINT", "index of the indicator in the article"),
        _c("value", "DOUBLE", "the value, fully expanded (1천600여억원 → 160000000000)"),
        _c("unit", "VARCHAR", "원, 명, 개, %, 배 …"), _c("approximate", "BOOLEAN", "여, 약, 가량 …"),
        _c("bound", "VARCHAR", "min, min_exclusive, max, max_exclusive (이상, 초과, 이하, 미만)"),
        _c("low", "DOUBLE", "a range's low end"), _c("high", "DOUBLE", "a range's high end"),
        _c("previous_value", "DOUBLE", "the from-value of a change (A에서 B로)"),
        _c("change_direction", "VARCHAR", "increase or decrease"),
        _c("change_multiple", "DOUBLE", "value / previous"), _c("change_percent", "DOUBLE", "a stated % change"),
        _c("year", "BIGINT", "the year the figure refers to"), _c("subject", "VARCHAR", "what is counted"),
        _c("sentence", "VARCHAR", "the line the indicator stands in"),
        _c("policy", "BIGINT", "index of the policy item it falls in"), *SPAN,
    ),
    "years": (
        ARTICLE_ID, _c("year_mention", "BIGINT", "index of the year mention"),
        _c("year", "BIGINT", "the year"), _c("month", "BIGINT", "month, for a date"),
        _c("day", "BIGINT", "day, for a date"), _c("start_year", "BIGINT", "a period's first year"),
        _c("end_year", "BIGINT", "a period's last year"),
        _c("relative", "BOOLEAN", "resolved on the publication date (올해, 지난해)"), *SPAN,
    ),
    "policies": (
        ARTICLE_ID, _c("policy", "BIGINT", "index of the item in the article"),
        _c("list", "BIGINT", "which enumeration of the article (the record's group)"),
        _c("ordinal", "BIGINT", "1, 2, 3 within its list"), _c("marker", "VARCHAR", "첫째, 1., ①, ▲ … as printed"),
        _c("parent", "BIGINT", "the item it sits under, for nested lists"),
        _c("title", "VARCHAR", "the item's lead words"), *SPAN,
    ),
    "quotes": (
        ARTICLE_ID, _c("quote", "BIGINT", "index of the quote"), _c("speaker", "VARCHAR", "who said it"),
        _c("official", "BIGINT", "the speaker's row in officials, where the speaker is one"),
        _c("person_id", "VARCHAR", "the speaker across the whole batch, where an official"), *SPAN,
    ),
    "contacts": (
        ARTICLE_ID, _c("contact", "BIGINT", "index of the contact"), _c("name", "VARCHAR", "the person"),
        _c("title", "VARCHAR", "사무관, 과장 …"), _c("department", "VARCHAR", "the department as printed"),
        _c("phone", "VARCHAR", "the number as printed"),
    ),
    "people": (
        _c("person_id", "VARCHAR", "one person across the batch: a name in a body (extractor.people)"),
        _c("name", "VARCHAR", "the person's name"),
        _c("organization_id", "VARCHAR", "the registry's id of the body, where known"),
        _c("organization", "VARCHAR", "the body's name"), _c("office", "VARCHAR", "the office named most"),
        _c("articles", "BIGINT", "how many articles name the person"),
        _c("mentions", "BIGINT", "how many times, over all of them"),
    ),
    "sections": (
        ARTICLE_ID, _c("section", "BIGINT", "index in reading order"),
        _c("parent", "BIGINT", "the section it sits under"), _c("level", "BIGINT", "1 for □, 2 for ○ …"),
        _c("marker", "VARCHAR", "the outline mark"), *SPAN,
    ),
}


def ddl() -> str:
    """CREATE TABLE statements for every table, with each column's meaning as a comment."""
    out = ["-- The tables `extract … -o out.duckdb` writes (and --tables DIR, one file per table).",
           "-- Generated from src/extractor/tables/columns.py: python -m extractor.tables.columns", ""]
    for table, columns in TABLES.items():
        lines = [f"  {c.name} {c.type}{',' if i < len(columns) - 1 else ''}  -- {c.about}"
                 for i, c in enumerate(columns)]
        out.append(f"CREATE TABLE IF NOT EXISTS {table} (\n" + "\n".join(lines) + "\n);\n")
    return "\n".join(out)


if __name__ == "__main__":
    print(ddl(), end="")
