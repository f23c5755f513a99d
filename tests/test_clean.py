from __future__ import annotations

import pytest

from extractor.clean import meta
from extractor.clean.lines import classify

from .conftest import cases, opt


@pytest.mark.parametrize(("line", "kind"), cases("boilerplate.tsv"))
def test_line_kinds(line: str, kind: str) -> None:
    assert classify(line).value == kind


@pytest.mark.parametrize(("paragraph", "outlet", "reporter", "rest"), cases("bylines.tsv"))
def test_datelines(paragraph: str, outlet: str, reporter: str, rest: str) -> None:
    found, remainder = meta.strip_dateline(paragraph)
    assert found is not None
    draft = meta.MetaDraft()
    draft.take(found)
    assert draft.outlet == outlet
    assert [name for name, _ in draft.reporters] == (reporter.split("|") if reporter != "-" else [])
    assert remainder == rest


@pytest.mark.parametrize(("line", "published", "updated"), cases("timestamps.tsv"))
def test_timestamps(line: str, published: str, updated: str) -> None:
    got_published, got_updated = meta.find_timestamps(line)
    assert got_published is not None and got_published.isoformat() == published
    assert (got_updated.isoformat() if got_updated else None) == opt(updated)


@pytest.mark.parametrize("line", ["[속보] 정부가 발표했다.", "[단독] 정부가 발표했다.", "[사설] 정부의 발표"])
def test_bracketed_labels_are_no_outlets(line: str) -> None:
    assert meta.strip_dateline(line) == (None, line)


def test_outlets_match_whole_domain_labels() -> None:
    assert meta.outlet_from_url("http://news.tvchosun.com/site/1.html") == "TV조선"
    assert meta.outlet_from_url("https://www.chosun.com/a") == "조선일보"
    assert meta.outlet_from_url("https://example.com/") is None
