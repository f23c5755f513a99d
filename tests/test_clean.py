from __future__ import annotations

import shutil
from importlib import resources
from pathlib import Path

import pytest
from lxml import html as lxml_html

from extractor import extract, rules
from extractor.clean import meta, soup
from extractor.clean import prune as prune_module
from extractor.clean.html import _clean, clean_html
from extractor.clean.lines import Cleaned, Kind, LineKinds, classify
from extractor.clean.prune import parse, prune
from extractor.clean.text import unwrap
from extractor.clean.tree import collapse
from extractor.decode import decode
from extractor.rules.schemas.html import Html

from .conftest import CORPUS, SAMPLES, cases, opt


@pytest.mark.parametrize(("line", "kind"), cases("boilerplate.tsv"))
def test_line_kinds(line: str, kind: str) -> None:
    assert classify(line).value == kind


@pytest.mark.parametrize(("paragraph", "outlet", "reporter", "rest"), cases("bylines.tsv"))
def test_datelines(paragraph: str, outlet: str, reporter: str, rest: str) -> None:
    found, remainder = meta.strip_dateline(paragraph)
    if outlet == "-":  # a bracket that opens the paragraph but names no outlet stays
        assert found is None and remainder == paragraph == rest
        return
    assert found is not None
    draft = meta.MetaDraft()
    draft.take(found)
    assert draft.outlet == outlet
    assert [name for name, _ in draft.reporters] == (reporter.split("|") if reporter != "-" else [])
    assert remainder == rest


@pytest.mark.parametrize(("line", "published", "updated"), cases("timestamps.tsv"))
def test_timestamps(line: str, published: str, updated: str) -> None:
    got_published, got_updated = meta.line_times(line)
    assert got_published is not None and got_published.isoformat() == published
    assert (got_updated.isoformat() if got_updated else None) == opt(updated)


@pytest.mark.parametrize(("value", "published"), cases("stamps.tsv"))
def test_machine_readable_stamps(value: str, published: str) -> None:
    stamp = meta.parse_timestamp(value)
    assert (stamp.isoformat() if stamp else None) == opt(published)


@pytest.mark.parametrize(("given", "outlet"), cases("outlets.tsv"))
def test_outlet_corpus(given: str, outlet: str) -> None:
    found = meta.outlet_from_url(given) if "://" in given else meta.canonical_outlet(given)
    assert found == opt(outlet)


@pytest.mark.parametrize("url", ["https://n.news.naver.com/article/001/1", "https://v.daum.net/v/2023", "news.zum.com"])
def test_portal_addresses(url: str) -> None:
    assert meta.portal_url(url) and not meta.portal_url("https://www.yna.co.kr/view/1")


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
    article = extract("ⓒ 뉴스1\n(서울=연합뉴스) 홍길동 기자 = 정부가 발표했다.")
    assert article.meta.outlet == "연합뉴스"
    footer_only = extract("정부가 예산을 발표했다.\n저작권자 © 충청일보 무단전재 및 재배포 금지")
    assert footer_only.meta.outlet == "충청일보"


@pytest.mark.parametrize("selector", rules.get(Html).body_selectors)
def test_every_body_selector_finds_its_container(selector: str) -> None:
    """Each container selector of html.toml wins over a longer block the density search would take."""
    if selector.startswith("#"):
        attribute = f'id="{selector[1:]}"'
    elif selector.startswith("."):
        attribute = f'class="{selector[1:]}"'
    else:
        attribute = selector.strip("[]")
    article = "시는 올해 청년 일자리 사업에 예산 40억원을 들여 창업가 200명을 지원한다고 5일 밝혔다."
    decoy = "이 단락은 기사 본문이 아니라 다른 기사의 요약이며 본문보다 더 길게 쓰여 밀도 검색을 끌어당긴다. " * 3
    page = f"<html><body><div class='summary'><p>{decoy}</p></div><div {attribute}><p>{article}</p></div></body></html>"
    assert clean_html(page).body == article


_FURNISHED_PAGE = """<html><head><title>청년 일자리 예산 늘린다 - 대구일보</title>
<link rel="stylesheet" href="/a.css"><link rel="canonical" href="https://www.idaegu.com/news/1">
<script>var 입력 = "2020.01.01 00:00";</script><style>p { color: red }</style></head>
<body><div class="gnb-menu"><ul><li><a href="/">홈</a></li><li><a href="/p">정치</a></li></ul></div>
<div class="article-header"><h1>청년 일자리 예산 늘린다</h1><span>입력 2023.03.15 14:30</span></div>
<div class="article_body"><p>대구시는 올해 청년 일자리 예산을 40억원으로 늘린다고 15일 밝혔다.</p>
<!-- 광고 --><p>시는 창업가 200명을 지원한다.</p>
<div class="photo-layer"><figcaption>청년 창업가들이 회의하고 있다.</figcaption></div></div>
<div class="article-footer"><span class="reporter-name">홍길동 기자</span>
<a href="mailto:hong@idaegu.com">hong@idaegu.com</a></div>
<div class="related-news"><ul><li><a href="/2">다른 기사 제목입니다 여기에 한글이 많습니다</a></li></ul></div>
</body></html>"""


def _pruned(page: str) -> Cleaned:
    root, _ = parse(page)
    assert root is not None
    return _clean(prune(root, page))


def _whole(page: str) -> Cleaned:
    """The page as bs4 on lxml reads it, whole: as it was read before pruning and lxml's tree."""
    return _clean(soup.read(page, "lxml"))


def test_prune_drops_furniture_and_keeps_what_the_reader_needs() -> None:
    root, _ = parse(_FURNISHED_PAGE)
    assert root is not None
    pruned = lxml_html.tostring(prune(root, _FURNISHED_PAGE), encoding="unicode")
    for gone in ("gnb-menu", "related-news", "stylesheet", "color: red", "var 입력", "<!--"):
        assert gone not in pruned
    for kept in ('rel="canonical"', "<title>", "입력 2023.03.15", "hong@idaegu.com", "reporter-name", "<figcaption>"):
        assert kept in pruned


def test_pruned_page_reads_as_the_whole_page() -> None:
    article = clean_html(_FURNISHED_PAGE)
    assert article.body.split("\n") == ["대구시는 올해 청년 일자리 예산을 40억원으로 늘린다고 15일 밝혔다.",
                                         "시는 창업가 200명을 지원한다."]
    assert article.captions == ["청년 창업가들이 회의하고 있다."]
    assert article.meta.reporters == [("홍길동", "hong@idaegu.com")]
    published = article.meta.published_at
    assert published is not None and published.isoformat() == "2023-03-15T14:30:00+09:00"


@pytest.mark.parametrize("path", sorted([*SAMPLES.glob("*.html"), *(CORPUS / "articles").glob("*.html")]),
                         ids=lambda p: p.name)
def test_pruning_changes_nothing_that_is_read(path: Path) -> None:
    """The pages of the repo give the same body, captions and metadata pruned in lxml's
    tree as bs4 gives them reading the whole page."""
    page = decode(path.read_bytes()).text
    whole, pruned = _whole(page), _pruned(page)
    assert (pruned.body, pruned.captions, pruned.meta) == (whole.body, whole.captions, whole.meta)


def _nodes(root: lxml_html.HtmlElement) -> list[tuple[object, ...]]:
    return [(node.tag, sorted(node.attrib.items()) if isinstance(node.tag, str) else None, node.text, node.tail)
            for node in root.iter()]


_QUIRKS = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">\n'
           '<meta content="text/html" http-equiv="Content-Type"><title>제목</title></head><body>'
           '<p>끝 <b>굵게</b> 꼬리</p>'
           '<a href=" mailto:hong@idaegu.com">메일</a><a href="/검색?q=홍 길동">검색</a>'
           '<pre>  \n  </pre></body></html>')


_RARE_QUIRKS = [
    '<ul><li class="bundle"><div class="ad">광고</div></li>\n<li>둘째</li></ul>',
    "<xmp><b>굵게</b></xmp>", "<noembed>&lt;i&gt;</noembed>", "<p>줄&#13;바꿈</p>", '<p title="a&#13;b">x</p>',
    '<script type="application/ld+json">\'<meta http-equiv="Content-Type" content="x">\';</script>',
    '<meta http-equiv="Content-Type" content="a>b">', "<p>글<plaintext>끝</p>",
]


@pytest.mark.parametrize("page", [_QUIRKS, *(f"<html><body>{q}<p>꼬리</p></body></html>" for q in _RARE_QUIRKS),
                                  *(decode(path.read_bytes()).text for path in sorted(SAMPLES.glob("*.html")))])
def test_the_pruned_tree_is_the_tree_its_markup_parses_to(page: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """The readers read the pruned tree as bs4 read its markup: what lxml writes otherwise
    than its tree holds it (a Content-Type <meta>, URLs, an empty <li> …) is done to the tree."""
    root, _ = parse(page)
    assert root is not None
    pruned = prune(root, page)
    monkeypatch.setattr(prune_module, "as_serialized", lambda tree, page: tree)
    root, _ = parse(page)
    assert root is not None
    again = lxml_html.document_fromstring(lxml_html.tostring(prune(root, page), encoding="unicode"))
    collapse(again)
    assert _nodes(pruned) == _nodes(again)


def test_what_lxml_refuses_goes_to_bs4() -> None:
    page = '<?xml version="1.0" encoding="utf-8"?><html><body><p>' + "구청이 주민 센터 두 곳을 새로 연다. " * 4
    assert parse(page) == (None, False)
    assert parse("") == (None, False)
    assert clean_html(page).body.startswith("구청이 주민 센터")
    assert clean_html("").body == ""


@pytest.mark.parametrize("paragraph", ["[부산/문종덕기자] 부산시는 디자인상을 받았다고 밝혔다.",
                                       "[창원=홍길동 기자] 시는 올해 예산을 늘린다."])
def test_a_city_in_the_outlets_place_is_no_outlet(paragraph: str) -> None:
    found, _ = meta.strip_dateline(paragraph)
    draft = meta.MetaDraft()
    draft.take(found or {})
    assert draft.outlet is None and len(draft.reporters) == 1


def test_a_scrapers_second_copy_of_the_article_leaves_the_body() -> None:
    paragraph = '김은혜 청와대 대변인은 2일 브리핑에서 "공보 시스템을 위해 마련한 제도"라고 밝혔다.'
    article = extract(f"청와대가 제도를 도입한다.\n{paragraph}\n홍길동 기자\n{paragraph}\n이상\n이상")
    assert article.body.split("\n") == ["청와대가 제도를 도입한다.", paragraph, "이상", "이상"]
    assert paragraph in article.removed
    assert len(article.quotes) == 1


def test_a_lone_triangle_line_is_a_caption_and_a_run_of_them_a_list() -> None:
    items = ["▲ 청년 일자리 확대", "▲ 노인 돌봄 강화", "▲ 지역 균형 발전"]
    article = extract("\n".join(["(충주=연합뉴스) 홍길동 기자 = 충주시가 내년 예산안을 확정했다고 밝혔다.",
                                  "▲ 충주시청 전경", "주요 사업은 다음과 같다.", *items,
                                  "▲ 시는 이 밖에도 관광 예산을 늘리기로 했다.", "시의회는 다음 달 심의한다."]))
    assert article.captions == ["▲ 충주시청 전경"]
    assert all(item in article.body.split("\n") for item in items)
    assert "▲ 시는 이 밖에도 관광 예산을 늘리기로 했다." in article.body


def test_a_list_of_long_headlines_is_not_unwrapped() -> None:
    """As wide as a wrapped paragraph, but no piece of it ends a sentence."""
    related = ["관련기사", "정부, 내년 청년 일자리 예산 3조원으로 늘려 지원 확대 추진하기로",
               "부산시 청년 월세 지원 대상 5천명에서 1만명으로 두 배 확대 발표 예정",
               "대구시 사회적경제 기업 지원 예산 40억원 투입해 일자리 창출 나서기로", "많이 본 뉴스"]
    assert unwrap(related) == related


def test_outlet_equals_reporter_dateline_and_a_name_before_a_stamp() -> None:
    found, rest = meta.strip_dateline("[우리집신문=김고구마] 양구군은 경관 사업을 추진한다.")
    draft = meta.MetaDraft()
    draft.take(found or {})
    assert (draft.outlet, draft.reporters) == ("우리집신문", [("김고구마", None)])
    assert rest == "양구군은 경관 사업을 추진한다."
    assert meta.match_byline_line("김고구마 | 기사입력 2021/12/27 [07:47]") == {"name": "김고구마"}
    assert not (meta.match_byline_line("정치 | 입력 2021/12/27 [07:47]") or {}).get("name")


def test_a_reporter_box_outside_the_article_gives_name_and_email() -> None:
    page = ('<html><body><div class="art_txt"><p>서울시가 어르신 교통비 지원을 연 12만원으로 늘린다고 밝혔다.</p>'
            '<p>지원 대상은 65세 이상 시민 약 170만명이다.</p></div>'
            '<div class="writer_info">김서연 기자 ksy@seouldaily.kr</div></body></html>')
    article = extract(page.encode("utf-8"))
    assert [(r.name, r.email) for r in article.meta.reporters] == [("김서연", "ksy@seouldaily.kr")]
    assert "김서연" not in article.body


@pytest.mark.parametrize("box", ["cmt_list", "comment-box", "reply_area", "recommend news"])
def test_furniture_with_more_text_than_the_article_is_not_the_body(box: str) -> None:
    """Readers' comments and recommended stories hold long Korean paragraphs too."""
    opinion = "교통비 지원은 좋지만 재정 부담이 커지는 것은 아닌지 걱정됩니다."
    comments = "".join(f"<p>독자 의견 {i}: {opinion}</p>" for i in range(6))
    page = ('<html><body><div class="txt"><p>서울시가 어르신 교통비 지원을 연 12만원으로 늘린다고 밝혔다.</p>'
            f'<p>지원 대상은 65세 이상 시민 약 170만명이다.</p></div><div class="{box}">{comments}</div></body></html>')
    article = extract(page.encode("utf-8"))
    assert article.body.startswith("서울시가") and "독자 의견" not in article.body


@pytest.mark.parametrize("tag", ['<meta itemprop="datePublished" content="2024-03-05T14:20:00+09:00">',
                                 '<meta property="og:regDate" content="20240305142000">',
                                 '<meta property="article:published_time" content="2024-03-05T05:20:00Z">'])
def test_publication_time_from_the_heads_meta_tags(tag: str) -> None:
    page = f"<html><head>{tag}</head><body><p>서울시가 어르신 교통비 지원을 늘린다고 밝혔다.</p></body></html>"
    published = extract(page.encode("utf-8")).meta.published_at
    assert published is not None and published.isoformat() == "2024-03-05T14:20:00+09:00"


def test_a_portals_notices_after_the_rights_footer_leave_the_body() -> None:
    paragraphs = ["국토교통부가 내년까지 공공임대주택 10만호를 추가로 공급한다.",
                  "국토부는 올해 공공임대 예산을 1조2천억원 늘렸다."]
    tail = ["기사의 섹션 정보는 해당 언론사의 분류를 따르고 있습니다.",
            "메인에서 바로 보는 언론사 편집 뉴스 지금 바로 구독해보세요!"]
    footer = "Copyright ⓒ 경향신문. All rights reserved. 무단 전재 및 재배포 금지."
    article = extract("\n".join([*paragraphs, footer, *tail]))
    assert article.body.split("\n") == paragraphs
    assert all(line in article.removed for line in tail)
    # a bare credit is no footer: the article goes on after it
    article = extract("\n".join([paragraphs[0], "ⓒ 뉴스1", paragraphs[1], "정부는 다음 달 세부 계획을 내놓는다."]))
    assert article.body.endswith("세부 계획을 내놓는다.")


def test_a_tables_cells_stay_apart_and_its_rows_are_lines() -> None:
    page = ('<html><body><div id="articleBody"><p>시는 연도별 예산을 다음과 같이 공개했다.</p>'
            "<table><tr><th>연도</th><th>예산</th></tr><tr><td>2022년</td><td>100억원</td></tr></table>"
            "<p>예산은 해마다 늘었다고 시는 밝혔다.</p></div></body></html>")
    article = extract(page.encode("utf-8"))
    assert article.body.split("\n")[1:3] == ["연도 예산", "2022년 100억원"]
    assert [y.year for y in article.years] == [2022] and article.indicators[0].value == 10_000_000_000


def test_two_bylines_on_one_line_keep_their_own_emails() -> None:
    text = "정부가 내년 예산을 늘린다고 밝혔다.\n홍길동 기자 hong@news.com, 김철수 기자 kim@news.com"
    reporters = extract(text).meta.reporters
    assert [(r.name, r.email) for r in reporters] == [("홍길동", "hong@news.com"), ("김철수", "kim@news.com")]


def test_paragraphs_written_as_divs_are_one_article() -> None:
    """Some editors write each paragraph as a <div>: their parent is the article, not the longest one."""
    paragraphs = ["부산시가 청년 월세 지원 대상을 올해 5천명에서 내년 1만명으로 두 배 늘린다고 1일 밝혔다.",
                  "지원 금액은 월 최대 20만원이며 최장 12개월 동안 받을 수 있고 소득 기준도 완화된다.",
                  '박형준 부산시장은 "청년이 떠나지 않는 부산을 만들기 위해 주거 지원을 계속 넓히겠다"고 말했다.']
    page = ('<html><body><div class="menu"><a href="#">정치</a></div><div class="cnt">'
            + "".join(f"<div>{p}</div>" for p in paragraphs)
            + '</div><div class="side"><a href="#">많이 본 뉴스 제목</a></div></body></html>')
    assert extract(page.encode("utf-8")).body.split("\n") == paragraphs


def test_a_teaser_sharing_the_articles_class_is_not_the_body() -> None:
    teaser = '<div class="article_txt">다른 기사 요약: 서울시가 버스 요금을 올린다고 밝혔다. 인상 폭은 300원이다.</div>'
    paragraphs = ["부산시가 청년 월세 지원 대상을 올해 5천명에서 내년 1만명으로 두 배 늘린다고 1일 밝혔다.",
                  "지원 금액은 월 최대 20만원이며 최장 12개월 동안 받을 수 있다."]
    main = '<div class="article_txt">' + "".join(f"<p>{p}</p>" for p in paragraphs) + "</div>"
    page = f'<html><body><div class="side">{teaser}</div>{main}</body></html>'
    assert extract(page.encode("utf-8")).body.split("\n") == paragraphs


@pytest.mark.parametrize(("head", "heading"), [
    ("<title>부산시 청년 월세 지원 두 배로 - 부산데일리</title>", '<h1 class="logo"><a href="/">부산데일리</a></h1>'),
    ("<title>부산데일리</title>",
     '<h1><img alt="부산데일리"></h1><h3 class="sub_title">월 20만원씩 최장 1년</h3>'
     '<h3 class="title">부산시 청년 월세 지원 두 배로</h3>'),
])
def test_headline_of_a_page_without_title_metadata(head: str, heading: str) -> None:
    """A logo's <h1> and a subtitle are no headline; the site's name is the outlet."""
    page = (f"<html><head>{head}</head><body>{heading}<div class='txt'><p>부산시가 청년 월세 지원 대상을 "
            "올해 5천명에서 내년 1만명으로 두 배 늘린다고 1일 밝혔다.</p></div></body></html>")
    meta = extract(page.encode("utf-8")).meta
    assert (meta.title, meta.outlet) == ("부산시 청년 월세 지원 두 배로", "부산데일리")


def test_a_photo_article_is_its_caption() -> None:
    text = ("포토뉴스\n(대구=뉴스1) 공정식 기자 = 기온이 크게 내려간 12일 오전 대구의 한 새벽시장에서 "
            "상인이 모닥불을 쬐고 있다. 2019.12.12/뉴스1")
    article = extract(text)
    assert article.body.startswith("기온이 크게 내려간 12일") and article.captions == []
    assert (article.meta.outlet, [r.name for r in article.meta.reporters]) == ("뉴스1", ["공정식"])
    assert any("caption is the body" in w for w in article.warnings)


def test_entities_left_in_scraped_text_are_read() -> None:
    article = extract("권영진 대구시장은 &quot;올해는 활력의 해&quot;라고 말했다.&nbsp;예산은 3&#44;000억원이다.")
    assert article.body == '권영진 대구시장은 "올해는 활력의 해"라고 말했다. 예산은 3,000억원이다.'
    assert [(q.speaker, q.text) for q in article.quotes] == [("권영진", "올해는 활력의 해")]
    assert [i.value for i in article.indicators] == [300_000_000_000]


@pytest.mark.parametrize(("file", "key", "broken"), [
    ("boilerplate", "drop.3.pattern", "'^\\[?실시간\\s?뉴스\\]?$'"),
    ("bylines", "datelines.0.pattern", None),
])
def test_a_broken_regex_is_one_line_naming_the_file_and_the_key(tmp_path: Path, file: str, key: str,
                                                                 broken: str | None) -> None:
    directory = tmp_path / "rules"
    directory.mkdir()
    for entry in resources.files("extractor.rules").iterdir():
        if entry.name.endswith(".toml"):
            shutil.copyfile(str(entry), directory / entry.name)
    path = directory / f"{file}.toml"
    text = path.read_text(encoding="utf-8")
    if broken is None:  # the first pattern of the file's tables
        broken = next(line[len("pattern = "):] for line in text.splitlines() if line.startswith("pattern = "))
    assert broken in text
    path.write_text(text.replace(broken, broken[:-1] + "(['", 1), encoding="utf-8")
    mine = [line for line in rules.problems(directory) if line.startswith(f"rules/{file}.toml: ")]
    assert len(mine) == 1 and mine[0].startswith(f"rules/{file}.toml: {key}: ")
    assert "not a regular expression" in mine[0]


def test_a_headline_in_a_furniture_header_reads_the_same_pruned() -> None:
    """An <h2 class="tit"> inside <div class="article-header"> (a junk word) is the headline
    html.toml's page_meta table names: pruning keeps it, so both readings give it."""
    page = ('<html><head></head><body><div class="article-header"><h2 class="tit">부산시 청년 월세 지원 두 배로</h2>'
            '</div><div class="txt"><p>부산시가 청년 월세 지원 대상을 올해 5천명에서 내년 1만명으로 두 배 '
            "늘린다고 1일 밝혔다.</p></div></body></html>")
    whole, pruned = _whole(page), _pruned(page)
    assert whole.meta.title == pruned.meta.title == "부산시 청년 월세 지원 두 배로"
    assert clean_html(page).meta.title == "부산시 청년 월세 지원 두 배로"


def test_line_kinds_are_remembered_per_document_only() -> None:
    kinds = LineKinds()
    assert kinds("광고") is Kind.DROP and kinds("광고") is Kind.DROP
    assert LineKinds()("정부는 대책을 마련하고 있다.") is Kind.CONTENT
