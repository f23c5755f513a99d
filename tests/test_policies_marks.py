"""Policy items beyond the corpus lines: nesting, the ■ outline/heading split, titles, bad input."""

from __future__ import annotations

import random
import time

from extractor.extractors import policies, sections

from .conftest import doc


def test_a_nested_item_points_to_the_item_it_sits_in() -> None:
    """Ⅰ → ■ → 1.: each item's parent is the innermost item of another list that holds it."""
    body = ("Ⅰ. 추진 과제\n■ 교통 분야\n1. 버스 노선 확대\n2. 환승 할인\n"
            "■ 복지 분야\n1. 경로당 보수\n2. 돌봄 확대\nⅡ. 향후 계획")
    items = policies.extract(doc(body))
    by_title = {item.title: item for item in items}
    index = {item.title: i for i, item in enumerate(items)}
    assert by_title["추진 과제"].parent is None and by_title["향후 계획"].parent is None
    assert by_title["교통 분야"].parent == index["추진 과제"]
    assert by_title["버스 노선 확대"].parent == index["교통 분야"]
    assert by_title["돌봄 확대"].parent == index["복지 분야"]


def test_items_of_a_sub_list_point_to_their_numbered_item() -> None:
    items = policies.extract(doc("1. 개요\n가. 목적\n나. 범위\n2. 내용"))
    assert [(i.marker, i.parent) for i in items] == [("1.", None), ("2.", None), ("가.", 0), ("나.", 0)]


def test_an_inline_run_inside_an_ordinal_item_points_to_it() -> None:
    items = policies.extract(doc("첫째, 시는 ▲청년 지원 ▲노인 돌봄 등을 늘린다.\n둘째, 예산을 아낀다."))
    assert [(i.marker, i.parent) for i in items] == [("첫째", None), ("둘째", None), ("▲", 0), ("▲", 0)]


def test_a_heading_run_of_squares_is_a_list_and_a_sentence_run_is_an_outline() -> None:
    """■ 교통 분야 (a heading) starts items; ■ 시는 …했다. (a sentence) is a release's bullet."""
    headings = doc("■ 교통 분야\n버스 노선을 늘린다.\n■ 복지 분야\n경로당을 고친다.")
    assert [i.title for i in policies.extract(headings)] == ["교통 분야", "복지 분야"]
    outline = doc("■ 시는 올해 버스 노선을 늘리기로 했다고 밝혔다.\n○ 노선은 열 개다.\n■ 시는 경로당을 고치기로 했다.")
    assert policies.extract(outline) == []
    assert [s.marker for s in sections.extract(outline)] == ["■", "■"]


def test_no_title_starts_with_the_particle_of_its_ordinal_word() -> None:
    for body in ("첫째는 현장이다. 둘째는 소통이다.", "첫 번째는 예산 확보다. 두 번째로는 인력 충원이다.",
                 "첫째로 규제를 푼다. 둘째로 투자를 늘린다."):
        titles = [i.title for i in policies.extract(doc(body))]
        assert len(titles) == 2 and not any(t.startswith(("는", "로", "은")) for t in titles), titles


def test_the_last_item_of_an_inline_run_keeps_the_sentence_in_its_text() -> None:
    """The title is the phrase; the text runs to the list's end, so figures in it point to it."""
    items = policies.extract(doc("시는 ▲청년 일자리 ▲노인 돌봄에 500억원을 들인다."))
    assert items[-1].title == "노인 돌봄"
    assert items[-1].text == "▲노인 돌봄에 500억원을 들인다."


def test_long_runs_of_marks_stay_linear() -> None:
    """50,000 marks in a row, or a list of 10,000 items, take well under a second each."""
    for body in ("▲" * 50_000, "▲ 가" * 10_000, "△1.0%" * 10_000, "■ 교통\n" * 10_000, "관련기사\n" * 5_000,
                 "무단전재 ▲ 가 " * 10_000):
        document = doc(body)
        start = time.perf_counter()
        policies.extract(document)
        assert time.perf_counter() - start < 5, body[:10]


def test_random_runs_of_marks_never_raise() -> None:
    """Marks, numbers, particles and line ends in any order: items or none, never a traceback."""
    rng = random.Random(19)
    pieces = ["▲", "△", "■", "◆", "◇", "●", " ", "\n", "1. ", "가. ", "Ⅰ. ", "첫째는 ", "등이며 ", "(", "%",
              "3.1", "청년 지원", "했다. ", ":", "관련기사\n", "..", "ⓒ", "2시간전\n"]
    for _ in range(300):
        body = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 40)))
        items = policies.extract(doc(body))
        for i, item in enumerate(items):
            assert body[item.span.start:item.span.end] == item.text
            assert item.parent is None or (item.parent != i and item.parent < len(items))


def test_a_hollow_circle_bullet_is_an_outline_bullet_not_an_item() -> None:
    """❍ (U+274D) stands for ○ in some releases (❍ 일 시: …): a section, never a list item."""
    body = doc("❍ 일 시: 3월 9일\n❍ 장 소: 시민회관")
    assert policies.extract(body) == []
    assert [(s.marker, s.level) for s in sections.extract(body)] == [("❍", 2), ("❍", 2)]
