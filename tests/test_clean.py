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


@pytest.mark.parametrize(("line", "outlet"), [
    ("저작권자 © 충청일보 무단전재 및 재배포 금지", "충청일보"),
    ("Copyright ⓒ 연합뉴스. All rights reserved.", "연합뉴스"),
    ("[저작권자(c) YTN 무단전재, 재배포 및 AI 데이터 활용 금지]", "YTN"),
    ("중도일보(www.joongdo.co.kr), 무단전재 및 수집, 재배포 금지", "중도일보"),
    ("<ⓒ경제를 보는 눈, 세계를 보는 창 아시아경제(www.asiae.co.kr) 무단전재 배포금지>", None),
    ("Copyright © The Hankyoreh. All rights reserved.", None),
    ("무단전재 및 재배포 금지", None),
])
def test_outlet_named_by_a_copyright_footer(line: str, outlet: str | None) -> None:
    assert meta.outlet_in_copyright(line) == outlet


def test_footer_outlet_never_beats_a_dateline() -> None:
    """A photo credit above the article names the agency of the photo, not the outlet."""
    from extractor import extract

    article = extract("ⓒ 뉴스1\n(서울=연합뉴스) 홍길동 기자 = 정부가 발표했다.")
    assert article.meta.outlet == "연합뉴스"
    footer_only = extract("정부가 예산을 발표했다.\n저작권자 © 충청일보 무단전재 및 재배포 금지")
    assert footer_only.meta.outlet == "충청일보"
