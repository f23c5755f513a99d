"""Scraped pages and broadcast transcripts (issue 21): sign-offs, hand-overs, cues and furniture.

The corpora hold one line or paragraph each in the shapes scraped news takes (bullet bylines,
wire credits closing a paragraph, an anchor's "… 기잡니다." before 【 기자 】); the two articles
are whole pages in the house styles of a regional broadcaster and a regional CMS.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from extractor import extract
from extractor.clean import bylines, meta, timestamps

from .conftest import cases, corpus

ARTICLES = Path(__file__).parent / "corpus" / "articles"


def _closing(paragraph: str) -> tuple[bylines.Fields | None, str]:
    found, rest = bylines.strip_signoff(paragraph)
    return (found, rest) if found is not None else bylines.strip_handover(paragraph)


@pytest.mark.parametrize(("paragraph", "outlet", "reporter", "rest"), cases("signoffs.tsv"))
def test_signoffs_closing_the_last_paragraph(paragraph: str, outlet: str, reporter: str, rest: str) -> None:
    found, remainder = _closing(paragraph)
    assert remainder == rest
    if reporter == "-" and outlet == "-":
        assert found is None
        return
    assert found is not None
    draft = meta.MetaDraft()
    draft.take(found)
    assert draft.outlet == (None if outlet == "-" else outlet)
    assert [name for name, _ in draft.reporters] == (reporter.split("|") if reporter != "-" else [])


@pytest.mark.parametrize("line", [row[0] for row in corpus("not_published.tsv")])
def test_a_widget_or_reference_date_is_no_publication_date(line: str) -> None:
    assert timestamps.header_line_times(line) == (None, None)


def test_a_dated_ranked_headline_is_neither_title_nor_date() -> None:
    article = extract("1 다른 구 축제 일정 발표 2024.02.11\n구, 공원 두 곳 새로 연다\n"
                      "구청은 다음 달 공원 두 곳을 새로 연다고 1일 밝혔다.\n공원은 주민 의견을 반영해 꾸몄다.")
    assert article.meta.title == "구, 공원 두 곳 새로 연다"
    assert article.meta.published_at is None


def test_regional_broadcast_transcript() -> None:
    article = extract(ARTICLES / "regional-broadcast-2024.txt")
    assert article.meta.outlet == "KBC광주방송"
    assert [r.name for r in article.meta.reporters] == ["윤서하"]
    published = article.meta.published_at
    assert published is not None and published.isoformat() == "2024-04-18T20:41:00+09:00"
    body = article.body
    for cue in ("【", "(CG1)", "(PAN)", "기잡니다", "윤서하입니다", "추천해요", "많이 본 기사", "2024.04.17"):
        assert cue not in body
    # the interview line names the next quote's speaker: it stays for the quotes step
    assert "▶ 인터뷰 : 문태현 / 광주시 환경생태국장" in body
    assert body.splitlines()[1] == "주민들은 반기지만 주차 문제가 숙제로 남았습니다."
    assert {(y.text, y.year) for y in article.years} >= {("지난해", 2023), ("올해", 2024)}


def test_regional_cms_scrape_with_bullet_byline_and_widgets() -> None:
    article = extract(ARTICLES / "regional-cms-scrape-2024.txt")
    assert article.meta.title == "충남, 농가 보조금 한 달 앞당겨 지급"
    assert article.meta.outlet == "KPI뉴스"
    assert [(r.name, r.email) for r in article.meta.reporters] == [("정하늘", "sky@kpinews.kr")]
    published = article.meta.published_at
    assert published is not None and published.isoformat() == "2024-03-04T10:12:00+09:00"
    assert article.body.splitlines()[0].startswith("충남도는 올해")
    assert article.body.endswith('덜겠다"고 말했다.')
    assert not article.policies


def test_without_a_stamp_a_weather_widget_gives_no_date() -> None:
    article = extract("서울 12℃ 맑음 2024.03.05(화)\n구, 공원 두 곳 새로 연다\n"
                      "구청은 올해 공원 두 곳을 새로 연다고 1일 밝혔다.\n공원은 주민 의견을 반영해 꾸몄다.")
    assert article.meta.published_at is None
    assert "서울 12℃" not in article.body


@pytest.mark.parametrize(("line", "outlet"), [
    ("<저작권자ⓒ 공감언론 뉴시스통신사. 무단전재-재배포 금지.>", "뉴시스"),
    ("저작권자 ⓒ '젊은 파워, 모바일 넘버원 아시아투데이' 무단 전재 금지", "아시아투데이"),
    ("[Copyright © OSEN 무단전재 및 재배포 금지]", "OSEN"),
])
def test_a_mottos_outlet_in_a_copyright_line(line: str, outlet: str) -> None:
    assert meta.outlet_in_copyright(line) == outlet
