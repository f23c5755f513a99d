"""Saved pages in layouts the shared samples barely show (issue 20): pages rendered from
script data, portal copies, metadata the page prints against what it declares, furniture
inside the article's container, and pages lxml refuses.

The pages under tests/corpus/articles/ are written for these tests in the real layouts
(an Arc XP story, a Next.js page, Naver's mobile copy, a Daum copy, a broadcaster's CMS
with a slogan og:site_name, a footer date and boxes inside the container); the text in
them is ours.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from extractor import extract, rules
from extractor.clean import page_bylines, script_data
from extractor.clean.html import clean_html
from extractor.records import Article
from extractor.rules.schemas.html import Html

ARTICLES = Path(__file__).parent / "corpus" / "articles"
ROOT = Path(__file__).resolve().parent.parent

# What portals' and outlets' widgets print beside a reporter's name (Naver's journalist
# box, Daum's toolbar, reaction rows): none of them is ever a reporter.
BUTTON_WORDS = ["구독", "구독자", "구독중", "구독하기", "더보기", "본문 요약봇", "요약봇", "글자크기", "공유",
                "공유하기", "좋아요", "추천", "응원", "응원수", "댓글", "팔로우", "닫기", "프린트", "스크랩",
                "쏠쏠정보", "흥미진진", "공감백배", "분석탁월", "후속강추", "기자페이지", "언론사홈", "네이버", "다음"]


def _stamp(article: Article) -> str | None:
    published = article.meta.published_at
    return published.isoformat() if published is not None else None


# --- 1. text the browser renders from script data -------------------------------------

def test_an_arc_story_is_read_from_fusion_global_content() -> None:
    article = extract(ARTICLES / "arc-story-2024.html")
    assert article.body.splitlines() == [
        "바닷가 마을을 잇는 버스 노선 12개가 내년 봄 새로 생긴다.",
        "군은 2일 이런 내용의 교통 소외지역 이동권 개선 계획을 발표했다. 노선마다 하루 여섯 차례 버스가 다닌다.",
        "군 관계자는 “어르신들이 병원과 장터에 가기 쉬워질 것”이라고 말했다. 사업비 48억원은 내년 예산에 반영됐다.",
    ]
    assert article.captions == ["시험 운행 중인 마을버스. /군청 제공"]  # the image element's caption
    # credits.by names the reporter, and the outlet, which is no reporter
    assert [(r.name, r.email) for r in article.meta.reporters] == [("박해솔", "haesol@example.co.kr")]
    assert article.meta.outlet == "조선일보"
    assert _stamp(article) == "2024-04-02T10:10:00+09:00"  # display_date, UTC on the page
    assert any("script data" in w for w in article.warnings)


def test_a_next_js_page_is_read_from_next_data() -> None:
    article = extract(ARTICLES / "next-article-2023.html")
    assert article.body.splitlines()[0] == "시립도서관 다섯 곳이 다음 달부터 주말에도 밤 10시까지 문을 연다."
    assert "많이 본 기사" not in article.body and "요약" not in article.body  # other objects' text
    assert article.meta.title == "도서관 야간 개관, 주말까지 넓힌다"
    assert [(r.name, r.email) for r in article.meta.reporters] == [("윤다온", "daon@example.kr")]
    assert _stamp(article) == "2023-11-03T10:20:00+09:00"


@pytest.mark.parametrize("store", ["window.__INITIAL_STATE__ = ", "window.__PRELOADED_STATE__="])
def test_a_store_assigned_in_a_script_is_read(store: str) -> None:
    text = "시의회가 도시철도 연장 예산 120억원을 통과시켰다. 공사는 내년 3월에 시작된다. " * 2
    page = (f'<html><head><title>도시철도 연장 예산 통과 - 한빛일보</title></head><body><div id="app"></div>'
            f'<script>{store}{{"news":{{"view":{{"subject":"도시철도 연장 예산 통과","body":"{text}",'
            f'"reporter":"민서준 기자","regDate":"2022-10-05 17:30:00"}}}}}};</script></body></html>')
    cleaned = clean_html(page)
    assert cleaned.body.startswith("시의회가 도시철도 연장 예산 120억원을 통과시켰다.")
    assert cleaned.meta.reporters == [("민서준", None)]
    assert cleaned.meta.published_at is not None and cleaned.meta.published_at.hour == 17


def test_script_data_is_not_read_when_the_markup_holds_the_article() -> None:
    prose = "<p>" + "구청이 골목 상권 지원 사업을 시작한다고 밝혔다. " * 40 + "</p>"
    page = (f'<html><body><div class="article_body">{prose}</div><script id="__NEXT_DATA__" type="application/json">'
            '{"props":{"pageProps":{"article":{"content":"' + "다른 글의 문장이 여기에 들어 있다. " * 60 + '"}}}}'
            '</script></body></html>')
    assert clean_html(page).body.startswith("구청이 골목 상권")


@pytest.mark.parametrize("broken", [
    '<script>Fusion.globalContent=</script>', '<script>Fusion.globalContent={"a":</script>',
    '<script id="__NEXT_DATA__">' + "[" * 100000 + "</script>",
    '<script>window.__INITIAL_STATE__=function(){}</script>',
])
def test_broken_script_data_is_no_article_and_no_error(broken: str) -> None:
    assert script_data.read(f"<html><body>{broken}</body></html>") is None


# --- 2. portal copies ---------------------------------------------------------------

def test_a_naver_mobile_copy() -> None:
    article = extract(ARTICLES / "naver-mobile-2022.html")
    assert article.meta.outlet == "한빛경제"  # the paper, not 네이버
    # the journalist box's buttons, counters and links, and the related cards' authors, are no one
    assert [(r.name, r.email) for r in article.meta.reporters] == [("서하람", "haram@example.co.kr")]
    assert _stamp(article) == "2022-06-08T09:41:12+09:00"
    assert article.captions == ["부두에 쌓인 컨테이너. (사진=한빛경제DB)"]
    assert "요약봇" not in article.body and "구독" not in article.body


def test_a_daum_copy() -> None:
    article = extract(ARTICLES / "daum-copy-2023.html")
    assert article.meta.outlet == "새봄일보"  # og:article:author, not 다음뉴스 nor the <title>'s "Daum 뉴스"
    assert [(r.name, r.email) for r in article.meta.reporters] == [("도윤슬", "yoonseul@example.com")]
    assert _stamp(article) == "2023-02-14T16:30:05+09:00"
    assert article.captions == ["산불 감시 초소. /뉴스원"]
    assert "자동요약" not in article.body and "추천 기사" not in article.body


@pytest.mark.parametrize("word", BUTTON_WORDS)
def test_no_button_label_is_ever_a_reporter(word: str) -> None:
    assert not page_bylines.is_reporter_name(word.replace(" ", ""))
    page = (f'<html><body><div class="media_end_head_journalist"><em class="media_end_head_journalist_name">'
            f'{word}</em></div><div class="byline"><span class="byline_name">{word}</span></div>'
            f'<meta name="author" content="{word}"><div id="dic_area">'
            + "교육청이 내년 학교 급식 예산을 늘리기로 했다. " * 4 + "</div></body></html>")
    assert clean_html(page).meta.reporters == []


def test_the_button_words_are_in_the_rule_file() -> None:
    listed = set(rules.get(Html).page_meta.not_reporters)
    assert {w.replace(" ", "") for w in BUTTON_WORDS if len(w.replace(" ", "")) <= 4} - {"네이버", "다음"} <= listed


def test_an_old_naver_page_gives_the_printed_time_not_a_bare_date() -> None:
    """news.naver.com/main/read: no time in the head, 기사입력 beside the headline, and a
    date line in the body that alone would give midnight."""
    page = ('<html><head><meta property="og:url" content="https://news.naver.com/main/read.nhn?oid=099&aid=1">'
            '<meta name="twitter:creator" content="한빛일보">'
            '<title>시장 "교통 대책 다시 짠다" : 네이버 뉴스</title></head>'
            '<body><div class="article_header"><h3 id="articleTitle">시장 "교통 대책 다시 짠다"</h3>'
            '<div class="sponsor">기사입력 <span class="t11">2020.07.13. 오후 5:04</span> '
            '최종수정 <span class="t11">2020.07.13. 오후 5:18</span></div></div>'
            '<div class="aside"><a class="newstopic_help">'
            '<span class="newstopic_time">2020.07.13. 11:30 ~ 14:30 기준</span></a></div>'
            '<div id="articleBodyContents">' + "시장이 버스 노선 개편안을 다시 짜겠다고 밝혔다. " * 4
            + '<br>2020년 7월 13일<br>한빛일보</div></body></html>')
    meta = clean_html(page).meta
    assert meta.outlet == "한빛일보"
    assert meta.published_at is not None and meta.published_at.isoformat() == "2020-07-13T17:04:00+09:00"
    assert meta.updated_at is not None and meta.updated_at.isoformat() == "2020-07-13T17:18:00+09:00"


# --- 3. metadata the page prints beats what it declares ---------------------------------

def test_a_slogan_site_name_a_footer_date_and_boxes_in_the_container() -> None:
    article = extract(ARTICLES / "cms-boxes-2019.html")
    assert article.meta.outlet == "한가람방송"  # the <title>'s suffix: og:site_name is a slogan, author "HGB"
    assert [(r.name, r.email) for r in article.meta.reporters] == [("채도현", "dohyun@example-hgb.kr")]
    assert _stamp(article) == "2019-03-15T14:22:00+09:00"  # span.newsDate, not the footer's 등록일 2009-06-01
    assert article.captions == ["공단 지붕에 설치된 태양광 패널. /사진=한가람방송"]  # a photo laid out as a table
    for furniture in ("산업부 채도현입니다", "고충처리인", "반론·정정", "등록번호"):
        assert furniture not in article.body


def test_the_printed_headline_beats_og_title_in_other_brackets() -> None:
    page = ('<html><head><title> 수출 석 달째 늘어…반도체 회복(종합) : 뉴스zum </title>'
            '<meta property="og:title" content="수출 석 달째 늘어…반도체 회복[종합]">'
            '<meta property="og:url" content="http://news.zum.com/articles/1">'
            '<meta property="og:article:author" content="뉴스zum | 연합뉴스">'
            '<meta property="dable:author" content="연합뉴스">'
            '</head><body><div id="article_body"><table><tr><td><img src="a.jpg" alt="연합뉴스"></td></tr>'
            '<tr><td><p class="img_title">수출 (CG)<br>[연합뉴스TV 제공]</p></td></tr></table>'
            '(세종=연합뉴스) 한도윤 기자 = ' + "수출이 석 달 연속 늘었다. " * 5 + '</div></body></html>')
    cleaned = clean_html(page)
    assert cleaned.meta.title == "수출 석 달째 늘어…반도체 회복(종합)"
    assert cleaned.meta.outlet == "연합뉴스"  # the author tag's outlet, not the portal
    assert cleaned.meta.reporters == [("한도윤", None)]  # dable:author names the outlet: no reporter
    assert cleaned.captions == ["수출 (CG) [연합뉴스TV 제공]"] and "제공" not in cleaned.body


def test_a_headline_that_differs_in_words_keeps_og_title() -> None:
    page = ('<html><head><title>다른 말로 쓴 제목 - 한빛일보</title><meta property="og:title" content="공식 제목">'
            '</head><body><div class="article_body">' + "<p>본문 문장이 여기에 들어 있다.</p>" * 5
            + "</div></body></html>")
    assert clean_html(page).meta.title == "공식 제목"


# --- 5. pages lxml refuses, and what bs4 warns of --------------------------------------

def test_a_page_too_deep_for_lxml_reads_as_the_shallow_page_does() -> None:
    """lxml drops what lies past 256 levels; html.parser reads the whole page and must find
    the same body and metadata as lxml finds on the same page without the nesting."""
    shallow = (ARTICLES / "naver-mobile-2022.html").read_text(encoding="utf-8")
    padding = "<div class=\"wrap\">" * 300
    deep = shallow.replace('<div id="ct" class="newsct">', padding + '<div id="ct" class="newsct">').replace(
        "</body>", "</div>" * 300 + "</body>")
    filler = "\n".join(f'<div class="menu_item"><a href="/m/{i}">메뉴 {i}</a></div>' for i in range(3000))
    deep = deep.replace("<body>", "<body>" + filler)  # and large: 150 KB and more
    assert len(deep.encode()) > 150_000
    want, got = clean_html(shallow), clean_html(deep)
    assert any("html.parser" in w for w in got.warnings)
    assert (got.body, got.captions, got.meta) == (want.body, want.captions, want.meta)


def test_an_xhtml_prolog_prints_no_warning() -> None:
    text = ('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html>\n<head><title>구청 소식 - 한빛일보</title></head>'
            '<body><div class="article_body"><p>' + "구청이 주민 센터 두 곳을 새로 연다. " * 4 + "</p></div></body>")
    code = "import sys; from extractor.clean.html import clean_html; print(clean_html(sys.stdin.read()).body)"
    run = subprocess.run([sys.executable, "-W", "default", "-c", code],
                         input=text, capture_output=True, text=True, check=True, cwd=ROOT,
                         env={"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin"})
    assert "Warning" not in run.stderr, run.stderr
    assert run.stdout.startswith("구청이 주민 센터 두 곳을 새로 연다.")


def test_deep_nesting_before_the_article_is_linear() -> None:
    """'<div><span><b>' × 8000 before the article took 34 s when each candidate's text was
    measured with get_text(); counted once, bottom-up, it takes a few seconds at most."""
    import time

    article = "<div><p>" + "시가 청년 창업 공간을 두 곳 더 연다. " * 20 + "</p></div>"
    start = time.perf_counter()
    cleaned = clean_html("<html><body>" + "<div><span><b>" * 8000 + article + "</body></html>")
    assert time.perf_counter() - start < 10
    assert cleaned.body.startswith("시가 청년 창업 공간을")
