"""Who speaks, where the text names them, and by what role: the speaker fields of a quote."""

from __future__ import annotations

import pytest

from extractor.extractors import officials, quotes
from extractor.records import Quote

from .conftest import doc


def _quotes(text: str) -> tuple[str, list[Quote]]:
    document = doc(text)
    found, _ = quotes.extract(document, officials.extract(document))
    return text, found


@pytest.mark.parametrize(("text", "role"), [
    ('국토부 관계자는 "공급 일정은 흔들림 없이 지키겠다"고 말했다.', "국토부 관계자"),
    ('재판부는 "죄질이 가볍지 않다"고 판시했다.', "재판부"),
    ('업계 관계자들은 "수요가 줄었다"고 입을 모았다.', "업계 관계자들"),
    ('소속사 측은 "사실무근"이라고 밝혔다.', "소속사 측"),
])
def test_an_unnamed_speaker_keeps_its_role(text: str, role: str) -> None:
    _, found = _quotes(text)
    assert [(q.speaker, q.speaker_role, q.speaker_span) for q in found] == [(None, role, None)]


def test_a_short_form_speaks_by_its_family_name_and_office() -> None:
    text, found = _quotes('권 시장은 회의에서 "일자리 예산을 먼저 늘리자"고 주문했다. 이어 "서두르자"고 당부했다.')
    assert [(q.speaker, q.speaker_role, q.official) for q in found] == [("권", "시장", None)] * 2
    span = found[1].speaker_span
    assert span is not None and text[span.start:span.end] == "권 시장"


def test_a_cue_line_gives_name_span_and_affiliation() -> None:
    text, found = _quotes('▶ 인터뷰 : 김영호 / 롯데마트 대리\n- "할인 수요가 높아지고 있습니다."')
    assert [(q.speaker, q.speaker_role) for q in found] == [("김영호", "롯데마트 대리")]
    span = found[0].speaker_span
    assert span is not None and text[span.start:span.end] == "김영호"


def test_an_official_speaker_points_at_the_record_not_a_role() -> None:
    _, found = _quotes('[주호영/국민의힘 원내대표]\n"재의 요구권을 행사해 달라고 요청드립니다."')
    assert [(q.speaker, q.official, q.speaker_role) for q in found] == [("주호영", 0, None)]


def test_a_role_that_is_no_office_is_kept_with_the_name() -> None:
    _, found = _quotes('양무진 북한대학원대학교 교수는 "대화가 필요하다"고 말했다.')
    assert [(q.speaker, q.speaker_role, q.official) for q in found] == [("양무진", "교수", None)]
