"""Government press releases (issue 18): kind, issuer, deck, times, contacts, furniture, outline.

The whole releases in tests/corpus/articles/release-*.txt are written in the layouts of a
metropolitan city (Seoul's 담당부서 block, 조간(온라인 …) embargo), a ministry's HWP header
table (보도시점 | … / 배포 | …, 담당과장 | …), a county office's board repost (등록일, 조회수,
첨부파일) and the korea.kr portal (브리핑룸, the date line with the issuer, an embargo sentence):
their own text, in the shapes real releases print.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from extractor import Extractor, Settings, extract
from extractor.clean.contacts import find_contacts
from extractor.clean.release import issuer_name, release_times
from extractor.errors import InputError
from extractor.records import Article

from .conftest import cases, opt

ARTICLES = Path(__file__).parent / "corpus" / "articles"


def _lines(block: str) -> list[str]:
    return block.split("\\n")


@pytest.mark.parametrize(("block", "expected"), cases("contacts.tsv"))
def test_contacts(block: str, expected: str) -> None:
    wanted = [] if expected == "-" else [tuple(opt(f) for f in person.split("|")) for person in expected.split(";")]
    found = [(c.name, c.title, c.department, c.phone) for c in find_contacts(_lines(block))]
    assert found == wanted


@pytest.mark.parametrize(("block", "published", "embargo"), cases("release_dates.tsv"))
def test_release_dates(block: str, published: str, embargo: str) -> None:
    released, embargo_until, posted, _ = release_times(_lines(block))
    publication = released or embargo_until or posted
    assert (publication.isoformat() if publication else None) == opt(published)
    assert (embargo_until.isoformat() if embargo_until else None) == opt(embargo)


@pytest.mark.parametrize(("surface", "name"), [
    ("국토교통부", "국토교통부"), ("국토부", "국토교통부"), ("서울시", "서울특별시"), ("청주시", "청주시"),
    ("단양군", "단양군"), ("식약처", "식품의약품안전처"), ("정부", None), ("지역구", None), ("이번", None),
])
def test_issuer_names(surface: str, name: str | None) -> None:
    assert issuer_name(surface) == name


def _furniture_free(article: Article, *pieces: str) -> None:
    for piece in pieces:
        assert piece not in article.body, piece
        assert any(piece in line for line in article.removed), piece


def test_city_release_with_an_online_embargo_and_a_contact_block() -> None:
    article = extract(ARTICLES / "release-seoul-elderly-2024.txt")
    meta = article.meta
    assert (meta.kind, meta.issuer) == ("press_release", "서울특별시")
    assert meta.title == "서울시, 어르신 돌봄 쉼터 40곳으로 늘린다"
    assert meta.subtitle == ("- 동네마다 걸어서 10분 거리, 올해 예산 120억 원 투입 -\n"
                             "- 혹서기 무더위 쉼터와 연계해 연중 운영 -")
    assert meta.published_at is not None and meta.published_at.isoformat() == "2024-03-11T09:00:00+09:00"
    assert meta.embargo_until is not None and meta.embargo_until.isoformat() == "2024-03-11T12:00:00+09:00"
    assert [(c.name, c.title, c.department, c.phone) for c in meta.contacts] == [
        ("한상우", "과장", "복지정책실 어르신복지과", "2133-7410"),
        ("오지민", "노인돌봄팀장", "복지정책실 어르신복지과", "2133-7415")]
    assert article.body.startswith("□ 서울시는")
    _furniture_free(article, "보도일시", "배포일시", "사진 있음", "매수", "- 1 -", "담당부서", "2133-7410", "공공누리")
    assert not any(o.name in {"한상우", "오지민"} for o in article.officials)  # a contact is no body text
    # the outline: □ paragraphs, ○ under them, - under ○; the deck is no section
    assert [s.marker for s in article.sections] == ["□", "□"]
    assert [c.marker for c in article.sections[0].children] == ["○", "○"]
    assert [c.marker for c in article.sections[0].children[0].children] == ["-"]
    assert article.policies == []
    assert not any("10분 거리, 올해" in s.text for s in article.sections)


def test_ministry_header_table_with_embargo_and_release_time() -> None:
    article = extract(ARTICLES / "release-moe-classroom-2023.txt")
    meta = article.meta
    assert (meta.kind, meta.issuer, meta.title) == ("press_release", "교육부", "교실 디지털 기기 보급 2배 확대")
    assert meta.subtitle == "- 초등학교 3학년부터 1인 1기기 지원 -"
    assert meta.published_at is not None and meta.published_at.isoformat() == "2023-06-01T14:00:00+09:00"
    assert meta.embargo_until is not None and meta.embargo_until.isoformat() == "2023-06-02T06:00:00+09:00"
    assert [(c.name, c.title, c.department) for c in meta.contacts] == [
        ("서민철", "과장", "교육부 디지털교육기획과"), ("권하늘", "사무관", "교육부 디지털교육기획과")]
    _furniture_free(article, "보도시점", "담당과장", "첨부파일을 참조", "취재를 원하시면", "- 2 -")
    assert [(o.name, o.title) for o in article.officials] == [("김정민", "장관")]
    assert [s.marker for s in article.sections] == ["□", "□"]
    assert [c.marker for c in article.sections[0].children] == ["○", "ㅇ"]
    assert meta.reporters == [] and meta.outlet is None


def test_county_board_repost() -> None:
    article = extract(ARTICLES / "release-county-board-2022.txt")
    meta = article.meta
    assert (meta.kind, meta.issuer, meta.title) == ("press_release", "단양군", "단양군, 농촌 빈집 정비 사업 본격 추진")
    assert meta.published_at is not None and meta.published_at.date().isoformat() == "2022-05-16"
    assert [(c.name, c.department, c.phone) for c in meta.contacts] == [(None, "건축민원과", "043-420-2714")]
    _furniture_free(article, "전체메뉴 닫기", "조회수", "등록일", "담당부서", "첨부파일", ".hwp")
    # a body sentence that gives a phone number is the release's text, not a contact
    assert "궁금한 사항은 전화(☎ 043-420-2714)로 문의하면 된다." in article.body


def test_portal_page_with_an_embargo_sentence() -> None:
    article = extract(ARTICLES / "release-portal-heritage-2025.txt")
    meta = article.meta
    assert (meta.kind, meta.issuer, meta.title) == ("press_release", "국가유산청", "고대 수막새 200점 특별전 연다")
    assert meta.embargo_until is not None and meta.embargo_until.isoformat() == "2025-02-18T06:00:00+09:00"
    assert meta.published_at == meta.embargo_until  # the first moment it is public
    assert [(c.name, c.title, c.department, c.phone) for c in meta.contacts] == [
        ("남궁현", "학예연구관", "국립고도문화유산연구소", "054-700-1210"),
        ("유채원", "학예연구사", "국립고도문화유산연구소", "054-700-1215")]
    assert article.body.startswith("국가유산청 국립고도문화유산연구소는")
    _furniture_free(article, "누리집입니다", "브리핑룸", "글자크기 설정", "보도할 수 있습니다", "책임자", "공공누리")
    assert "전화(☎054-700-1200)하면 된다." in article.body


def test_the_older_ministry_release_keeps_its_fields() -> None:
    article = extract(ARTICLES / "press-release-moel-2023.txt")
    meta = article.meta
    assert (meta.kind, meta.issuer) == ("press_release", "고용노동부")
    assert meta.subtitle == "- 2023년 청년일자리 종합대책 발표 -"
    assert meta.published_at == meta.embargo_until  # 보도시점 alone: the embargo is the release time
    assert [(c.name, c.title, c.department) for c in meta.contacts] == [("홍길동", "과장", "청년고용정책과")]


def test_the_rounded_square_is_a_first_level_mark() -> None:
    text = ("보도자료\n교육청, 진로 상담 챗봇 연다\n▢ 교육청은 다음 달부터 진로 상담 챗봇을 운영한다고 밝혔다.\n"
            "○ 챗봇은 하루 24시간 질문에 답한다.\n▢ 교육청은 연말에 이용 결과를 공개한다.\n")
    article = extract(text)
    assert [(s.marker, s.level, [c.marker for c in s.children]) for s in article.sections] == [
        ("▢", 1, ["○"]), ("▢", 1, [])]
    assert article.policies == []


def test_a_briefing_transcript() -> None:
    text = ("브리핑룸\n청년 주거 지원 관련 브리핑\n2024.05.02 국토교통부\n<정다온 국토교통부 주택정책관>\n"
            "안녕하십니까? 주택정책관입니다.\n오늘은 청년 주거 지원 방안을 말씀드리겠습니다.\n")
    meta = extract(text).meta
    assert (meta.kind, meta.issuer) == ("transcript", "국토교통부")
    assert meta.published_at is not None and meta.published_at.date().isoformat() == "2024-05-02"


def test_news_stays_news() -> None:
    text = ("시, 청년 월세 지원 확대\n[충주=뉴스1] 김서진 기자 = 충주시는 청년 월세 지원 대상을 늘린다고 3일 밝혔다.\n"
            "시는 보도자료를 통해 이같이 밝혔다.\n문의 일자리정책과 043-850-1234\n")
    article = extract(text)
    assert article.meta.kind == "news"
    assert (article.meta.issuer, article.meta.contacts, article.meta.embargo_until) == (None, [], None)


def test_a_news_deck_is_kept_as_a_subtitle() -> None:
    text = ("정부, 전기요금 동결 결정\n- 3분기 연료비 조정단가 유지 -\n"
            "정부가 3분기 전기요금을 동결하기로 했다고 21일 밝혔다.\n김서진 기자 sjkim@example.com\n")
    article = extract(text)
    assert article.meta.kind == "news"
    assert article.meta.subtitle == "- 3분기 연료비 조정단가 유지 -"
    assert "- 3분기" not in article.body and "- 3분기 연료비 조정단가 유지 -" not in article.removed


def test_the_kind_can_be_given() -> None:
    text = "충주시, 청년 월세 지원 확대\n충주시는 청년 월세 지원 대상을 늘린다고 3일 밝혔다.\n"
    assert Extractor(Settings(kind="press_release")).extract(text).meta.kind == "press_release"
    assert Extractor(Settings(kind="news")).extract(ARTICLES / "release-moe-classroom-2023.txt").meta.kind == "news"
    with pytest.raises(InputError, match="unknown kind"):
        Extractor(Settings(kind="memo")).extract(text)


@pytest.mark.parametrize("text", [
    "담당부서 : \n과장  2133-\n보도시점 2099. 99. 99.(월) 99:99 이후 / 배포 ",
    "보도일시 2023. 1. 2.(월) 조간(온라인 13. 45. 12:00)부터 보도해 주시기 바랍니다.\n본문이다.",
    "문의: " + "가" * 5000 + " 044-200-5032",
    "이 보도자료는 " + "2024. " * 500 + "부터 보도할 수 있습니다.",
])
def test_bad_release_headers_give_a_record(text: str) -> None:
    article = extract(text)
    assert article.meta.kind in {"news", "press_release", "transcript"}


def test_a_body_in_a_releases_outline_is_a_release_even_without_its_header() -> None:
    """Archives often keep a release's text without its header table: the □ outline says what it is."""
    text = ("□ 해양수산부(장관 김바다)는 연안 정화 사업에 올해 120억원을 투입한다고 밝혔다.\n"
            "○ 사업은 전국 12개 항만에서 추진된다.\n"
            "□ 특히, 어촌 마을 30곳에는 수거 장비를 새로 지원한다.\n")
    article = extract(text)
    assert article.meta.kind == "press_release"
    assert article.meta.issuer == "해양수산부"
    assert article.meta.issuer_id == "gov-mof"  # linked to the registry of public bodies
    assert "no reporter found" not in article.warnings


def test_a_signed_article_with_outline_marks_stays_news() -> None:
    text = ("[한빛일보 홍길동 기자] 해양수산부가 연안 정화 사업을 확대한다.\n"
            "□ 사업은 전국 12개 항만에서 추진된다.\n"
            "□ 어촌 마을 30곳에는 수거 장비를 새로 지원한다.\n")
    assert extract(text).meta.kind == "news"
