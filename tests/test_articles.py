"""Whole articles in shapes the shared samples lack: a ministry 보도자료, wire copy, hard-wrapped copy.

Written in the house styles of a ministry press release and a wire service; each test
reads one through the whole pipeline and checks what a reader would check.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from extractor import extract

ARTICLES = Path(__file__).parent / "corpus" / "articles"


def test_ministry_press_release() -> None:
    article = extract(ARTICLES / "press-release-moel-2023.txt")
    assert article.meta.title == "고용노동부, 청년 일자리 5만 개 창출 나선다"
    published = article.meta.published_at
    assert published is not None and published.isoformat() == "2023-05-10T11:00:00+09:00"
    assert article.body.startswith("□ 고용노동부(장관 이정식)는")
    assert "담당 부서" not in article.body and "붙임" not in article.body
    assert [(o.name, o.title, o.organization) for o in article.officials] == [("이정식", "장관", "고용노동부")]
    assert [p.title for p in article.policies] == [
        "청년 구직활동 지원 강화", "중소기업 청년 채용 장려금 확대", "직업훈련 기회 확충"]
    assert [q.speaker for q in article.quotes] == ["이정식"]
    assert {(y.text, y.year) for y in article.years} >= {("전년", 2022), ("5월 10일", 2023)}
    assert [s.marker for s in article.sections] == ["□", "□", "□"]
    assert [c.marker for c in article.sections[0].children] == ["○"]
    values = {i.text: i.value for i in article.indicators}
    assert values["총 1조 2천억 원"] == 1_200_000_000_000 and values["1.2%p"] == 1.2


def test_wire_copy() -> None:
    article = extract(ARTICLES / "wire-tax-credit-2023.txt")
    assert article.meta.outlet == "연합뉴스"
    assert [(r.name, r.email) for r in article.meta.reporters] == [("김지훈", "jhkim@yna.co.kr")]
    published = article.meta.published_at
    assert published is not None and published.isoformat() == "2023-03-15T14:30:00+09:00"
    assert article.body.startswith("정부가 반도체 등")
    assert article.body.endswith("각각 상향된다.")
    pairs = {(i.value, i.previous.value if i.previous else None) for i in article.indicators}
    assert {(15.0, 8.0), (25.0, 16.0), (3.6e12, None)} <= pairs
    assert article.quotes[0].speaker == "추경호"


def test_regional_cms_page() -> None:
    article = extract(ARTICLES / "regional-cms-2023.html")
    assert article.meta.title == "부산시, 2024년 청년 주거비 지원 2배 확대"
    assert article.meta.outlet == "부산일보"
    assert [(r.name, r.email) for r in article.meta.reporters] == [("이수진", "sjlee@busan.com")]
    assert article.meta.updated_at is not None and article.meta.updated_at.isoformat() == "2023-11-02T10:05:00+09:00"
    assert article.captions == ["박형준 부산시장이 2일 기자회견을 하고 있다. 부산시 제공"]
    assert article.body.splitlines()[0] == "부산시가 내년 청년 월세 지원 대상을 올해 5천명에서 1만명으로 2배 늘린다."
    assert "광고" not in article.body and "관련기사" not in article.body and "페이스북" not in article.body
    assert [(o.name, o.organization) for o in article.officials] == [("박형준", "부산광역시")]
    by_text = {i.text: i for i in article.indicators}
    assert by_text["5천명에서 1만명으로"].previous is not None
    assert (by_text["19~39세"].low, by_text["19~39세"].high) == (19, 39)
    assert {(y.text, y.year) for y in article.years} == {("내년", 2024), ("올해", 2023)}


@pytest.mark.parametrize("separator", ["-", "|", "::", "ㅣ", "«"])
def test_page_without_site_metadata_names_its_outlet_in_the_title(separator: str) -> None:
    page = (f"<html><head><title>부산시 청년 지원 확대 {separator} 부산일보</title></head><body>"
            "<p>부산시가 청년 월세 지원 대상을 5천명에서 1만명으로 늘린다고 밝혔다.</p></body></html>")
    article = extract(page.encode("utf-8"))
    assert (article.meta.outlet, article.meta.title) == ("부산일보", "부산시 청년 지원 확대")


def test_headline_above_a_dated_byline() -> None:
    """A headline that reads like a quote, its subtitle, then "2021-06-14 이서연 기자"."""
    article = extract(ARTICLES / "local-council-2021.txt")
    assert article.meta.title == '박정우 청림군의장, "관광객 맞을 준비 서둘러야"'
    assert article.meta.outlet is None  # the date before the name is no outlet
    assert [r.name for r in article.meta.reporters] == ["이서연"]
    published = article.meta.published_at
    assert published is not None and published.date().isoformat() == "2021-06-14"
    assert article.body.startswith("박정우 청림군의회 의장이")
    assert [(o.name, o.organization) for o in article.officials] == [("박정우", "청림군의회")]
    # “…“ closed with an opening mark is still a quote
    assert article.quotes[0].text == "관광객을 맞을 준비를 서둘러야 한다"
    assert {q.speaker for q in article.quotes} == {"박정우"} and len(article.quotes) == 4


def test_wire_copy_with_a_photo_paragraph_first() -> None:
    article = extract(ARTICLES / "wire-photo-2024.txt")
    assert article.meta.outlet == "뉴시스"
    assert [r.name for r in article.meta.reporters] == ["오민석"]
    assert article.body.startswith("두 차례 군수를 지낸 한재석")
    assert len(article.captions) == 1 and article.captions[0].endswith("*재판매 및 DB 금지")
    assert "이미지를 클릭" not in article.body and "댓글" not in article.body
    assert [(o.name, o.title, o.organization) for o in article.officials] == [("한재석", "전 군수", "전남 송림군")]
    assert [q.speaker for q in article.quotes] == ["한재석"] * 3


def test_broadcast_script_with_wrapped_lines() -> None:
    """Lines broken mid-sentence are neither a headline nor lost: they join into sentences."""
    article = extract(ARTICLES / "broadcast-wrapped-2017.txt")
    assert article.meta.title is None
    assert article.body.splitlines() == [
        "윤상철 해림군수는 오늘 민선 6기 3주년 기자간담회를 열고, 채무 제로를 선언했습니다.",
        "윤상철 군수는 취임 후 3년 만에 54억 원의 채무를 모두 갚았고, "
        "앞으로 관광산업 육성에 남은 임기를 쏟겠다고 말했습니다.",
    ]
    assert article.removed[-1] == "여러분의 의견을 남겨주세요"
    assert [(o.name, o.organization) for o in article.officials] == [("윤상철", "해림군")]


def test_script_rendered_page_falls_back_to_json_ld() -> None:
    """The DOM holds a teaser only; the article is the JSON-LD articleBody."""
    article = extract(ARTICLES / "script-rendered-2024.html")
    assert article.body.splitlines() == [
        "정부가 올해 청년 일자리 사업에 1조원을 투입한다고 5일 밝혔다.",
        "이번 사업으로 청년 3만 명이 새 일자리를 얻을 것으로 보인다.",
        '김철수 고용노동부 장관은 "청년이 일할 기회를 넓히겠다"고 말했다.',
    ]
    assert "JSON-LD" in " ".join(article.warnings)
    assert [(o.name, o.organization) for o in article.officials] == [("김철수", "고용노동부")]
    assert [r.name for r in article.meta.reporters] == ["홍길동"]


def test_portal_scrape_with_its_widgets() -> None:
    """A news portal's page as scraped: menus, reaction counters, section notice around the article."""
    article = extract(ARTICLES / "portal-scrape-2023.txt")
    assert article.meta.title == "정부, 반도체 설비투자 세액공제 최대 25%로 상향"
    assert article.meta.outlet == "연합뉴스"
    assert [(r.name, r.email) for r in article.meta.reporters] == [("김지훈", "jhkim@yna.co.kr")]
    updated = article.meta.updated_at
    assert updated is not None and updated.isoformat() == "2023-03-15T16:10:00+09:00"
    lines = article.body.splitlines()
    assert lines[0].startswith("정부가 반도체") and lines[-1].endswith("말했다.") and len(lines) == 4
    pairs = {(i.value, i.previous.value if i.previous else None) for i in article.indicators}
    assert pairs >= {(15.0, 8.0), (25.0, 16.0)}


def test_portal_page_names_the_outlet_not_the_portal() -> None:
    """A portal's copy of a wire story: the dateline's outlet, times from data attributes."""
    article = extract(ARTICLES / "portal-page-2023.html")
    assert article.meta.outlet == "연합뉴스"
    assert article.meta.title == "정부, 반도체 세액공제 25%로 상향"
    published, updated = article.meta.published_at, article.meta.updated_at
    assert published is not None and published.isoformat() == "2023-03-15T14:30:00+09:00"
    assert updated is not None and updated.isoformat() == "2023-03-15T16:10:00+09:00"
    assert [(r.name, r.email) for r in article.meta.reporters] == [("김지훈", "jhkim@yna.co.kr")]
    assert article.captions == ["추경호 부총리 (연합뉴스 자료사진)"]
    assert article.body.splitlines()[0].startswith("정부가 반도체") and len(article.body.splitlines()) == 4


def test_hard_wrapped_press_copy() -> None:
    """Word-processor copy broken at a fixed width, mid-word, with blank lines between the pieces."""
    article = extract(ARTICLES / "hard-wrapped-2023.txt")
    assert article.meta.title == "’23년 상반기 어가 소득 3.2% 증가"
    published = article.meta.published_at
    assert published is not None and published.isoformat() == "2023-08-02T10:15:30+09:00"
    paragraphs = article.body.split("\n")
    assert len(paragraphs) == 3
    assert paragraphs[0].startswith("해양수산부(장관 조승환)와") and paragraphs[0].endswith("밝혔다.")
    assert "상반기 전국 어가 소득" in paragraphs[0] and "0.9% 높은 수준" in paragraphs[1]
    assert [(o.name, o.organization) for o in article.officials] == [
        ("조승환", "해양수산부"), ("김종덕", "한국해양수산개발원")]
    assert {i.text for i in article.indicators} >= {"2,150만 원", "120억 원", "3.2%"}


def test_masthead_and_a_dated_byline_above_the_headline_block() -> None:
    text = "\n".join(["전체기사", "정치", "로그인", "강원도민일보", "춘천시, 내년 예산 1조5천억원 편성…역대 최대",
                      "복지·일자리 예산 비중 늘려", "김민수 기자 kms@kado.net 2023.11.20 18:05",
                      "춘천시가 내년도 예산을 역대 최대 규모인 1조5천억원으로 편성했다."])
    meta = extract(text).meta
    assert (meta.outlet, meta.title) == ("강원도민일보", "춘천시, 내년 예산 1조5천억원 편성…역대 최대")
    assert [(r.name, r.email) for r in meta.reporters] == [("김민수", "kms@kado.net")]
    assert meta.published_at is not None and meta.published_at.isoformat() == "2023-11-20T18:05:00+09:00"
