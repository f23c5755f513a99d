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
from extractor.decode import decode

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
    found = article.meta
    stamp = found.published_at.isoformat() if found.published_at else None
    assert (found.title, found.outlet) == ("충남, 농가 보조금 한 달 앞당겨 지급", "KPI뉴스")
    assert stamp == "2024-03-04T10:12:00+09:00"
    assert [(r.name, r.email) for r in found.reporters] == [("정하늘", "sky@kpinews.kr")]
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


def _mojibake(korean: str) -> bytes:
    """Korean as a scraper saves it after reading its CP949 bytes as Latin-1."""
    return korean.encode("cp949").decode("latin-1").encode("utf-8")


def test_mojibake_with_a_lost_byte_is_damaged_text() -> None:
    text = "군청에서 주민 설명회를 열었다. 군수는 도로 사업비를 늘리겠다고 말했다. 주민들은 환영했다."
    # the soft hyphen (AD, the trail byte of 서) vanishes on screen and from a copy
    lost = text.encode("cp949").decode("latin-1").replace("\xad", "").encode("utf-8")
    assert any(w.startswith("damaged text") for w in decode(lost).warnings)
    whole = decode(_mojibake(text))
    assert whole.text == text and not any(w.startswith("damaged text") for w in whole.warnings)


def test_a_flattened_transcripts_cues_and_hand_over_leave_the_body() -> None:
    lead = "마을 부녀회가 어르신 댁을 돌며 이불을 빨아 주고 있습니다. 올해로 5년째입니다."
    report = "수레를 끌고 마을 어르신 댁을 찾은 부녀회원들. 부녀회는 올해 120가구를 찾았습니다."
    article = extract(f"어르신 이불 빨래 나선 부녀회\n【 앵커멘트 】 {lead} 한지수 기잡니다. 【 기자 】 {report}")
    assert [r.name for r in article.meta.reporters] == ["한지수"]
    assert article.body.splitlines() == [lead, report]


def test_a_wires_name_alone_under_the_story_is_its_credit() -> None:
    article = extract("구, 공원 두 곳 새로 연다\n구청은 다음 달 공원 두 곳을 새로 연다고 1일 밝혔다.\n"
                      "공원은 주민 의견을 반영해 꾸몄다.\n연합뉴스\n많이 본 뉴스")
    assert article.meta.outlet == "연합뉴스"
    assert article.body.endswith("꾸몄다.")


def test_a_reposts_source_address_names_its_outlet() -> None:
    article = extract("구청은 다음 달 공원 두 곳을 새로 연다고 1일 밝혔다.\n공원은 주민 의견을 반영해 꾸몄다.\n"
                      "https://news.khan.co.kr/kh_news/khan_art_view.html?artid=201901011200001\n좋은 소식이네요")
    assert article.meta.outlet == "경향신문"
    assert "https://" not in article.body


@pytest.mark.parametrize(("paragraph", "outlet", "lead", "rest"), [
    ("군 보조금 한 달 앞당겨…농가 1천200곳 [충청일보] 충남도는 보조금을 앞당겨 지급한다.", "충청일보",
     "군 보조금 한 달 앞당겨…농가 1천200곳", "충남도는 보조금을 앞당겨 지급한다."),
    ("시청 전경(사진=대전시) [대전투데이] 대전시가 청사 리모델링에 나선다.", "대전투데이", "시청 전경(사진=대전시)",
     "대전시가 청사 리모델링에 나선다."),
    (" date 2022-05 [이데일리 홍길동 기자] 구청이 축제를 연다고 밝혔다.", "이데일리", "date 2022-05",
     "구청이 축제를 연다고 밝혔다."),
])
def test_a_dateline_run_in_after_a_headline_or_caption(paragraph: str, outlet: str, lead: str, rest: str) -> None:
    found, before, remainder = bylines.strip_run_in_dateline(paragraph)
    assert found is not None and (before, remainder) == (lead, rest)
    draft = meta.MetaDraft()
    draft.take(found)
    assert draft.outlet == outlet


@pytest.mark.parametrize("paragraph", [
    "시는 예산을 늘렸다고 밝혔다. [서울경제] 보도에 따르면 구도 동참한다.",  # a sentence before it: a story
    "군 보조금 앞당겨 지급 [단독] 충남도는 보조금을 앞당겨 지급한다.",  # a label, no outlet
    "군 보조금 앞당겨 지급 【 기자 】 충남도는 보조금을 앞당겨 지급한다.",  # a cue, no outlet
])
def test_a_bracket_inside_a_story_is_no_run_in_dateline(paragraph: str) -> None:
    assert bylines.strip_run_in_dateline(paragraph) == (None, "", paragraph)


def test_a_credit_before_an_excerpts_cut_off_end() -> None:
    article = extract("구청은 다음 달 공원 두 곳을 새로 연다고 1일 밝혔다.\n"
                      "공원은 주민 의견을 반영해 꾸몄다. /뉴시스\n한편, 구")
    assert article.meta.outlet == "뉴시스"
    assert article.body.splitlines()[1] == "공원은 주민 의견을 반영해 꾸몄다."
