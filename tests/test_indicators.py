from __future__ import annotations

import pytest

from extractor.extractors import indicators

from .conftest import cases, doc, opt


@pytest.mark.parametrize(("sentence", "text", "value", "unit", "approximate", "qualifier", "previous"),
                         [c for c in cases("indicators.tsv") if c.values[1] != "-"])
def test_corpus(sentence: str, text: str, value: str, unit: str, approximate: str, qualifier: str,
                previous: str) -> None:
    found = {i.text: i for i in indicators.extract(doc(sentence))}
    assert text in found, f"{text!r} not among {list(found)}"
    got = found[text]
    assert got.value == float(value)
    assert got.unit == opt(unit)
    assert got.approximate is (approximate == "true")
    assert got.qualifier == opt(qualifier)
    assert (got.previous.value if got.previous else None) == (float(previous) if previous != "-" else None)
    assert sentence[got.span.start:got.span.end] == got.text


@pytest.mark.parametrize(("sentence", "text", "low", "high"), cases("ranges.tsv"))
def test_ranges(sentence: str, text: str, low: str, high: str) -> None:
    found = {i.text: i for i in indicators.extract(doc(sentence))}
    assert (found[text].low, found[text].high, found[text].value) == (float(low), float(high), float(high))


@pytest.mark.parametrize("sentence", [c.values[0] for c in cases("indicators.tsv") if c.values[1] == "-"])
def test_numbers_that_are_no_indicators(sentence: str) -> None:
    assert [i.text for i in indicators.extract(doc(sentence))] == []


def test_change_and_subject() -> None:
    sentence = "사회적경제 기업수가 ’14년도 말 기준 400개에서 940개로 2배이상 증가했다."
    found = indicators.extract(doc(sentence))[0]
    assert found.change is not None and found.change.direction == "increase"
    assert found.change.multiple == 2
    assert found.subject == "사회적경제 기업수"


def test_counter_then_noun_is_the_subject() -> None:
    found = indicators.extract(doc("지역 주요 7개 대학과 협약을 체결했다."))[0]
    assert found.subject == "대학"


@pytest.mark.parametrize(("sentence", "bound"), [
    ("참가비는 오천원 이상이다.", "min"), ("지원 대상은 소득 200만원 초과 가구다.", "min_exclusive"),
    ("높이 3ｍ 이하로 단다.", "max"), ("상품권은 만원 미만으로 발행한다.", "max_exclusive"),
    ("최대 10억원을 지원한다.", "max"), ("사업비는 50억원이다.", None),
])
def test_bounds_say_which_end_of_an_interval_the_value_is(sentence: str, bound: str | None) -> None:
    found = indicators.extract(doc(sentence))
    assert [i.bound for i in found] == [bound]


def test_the_base_of_a_rate_is_no_figure() -> None:
    found = indicators.extract(doc("상담사 1명당 평균 27건, 열량은 100g당 18kcal이다."))
    assert [i.text for i in found] == ["27건", "18kcal"]
