from __future__ import annotations

from datetime import date

import pytest

from extractor import analysis, link, rules
from extractor.dates import READERS, find_years
from extractor.pipeline import run_steps
from extractor.rules.schemas.dates import Dates

from .conftest import cases


def _int(value: str) -> int | None:
    return None if value == "-" else int(value)


@pytest.mark.parametrize(("text", "published", "year", "month", "day", "start_year", "end_year"),
                         cases("years.tsv"))
def test_corpus(text: str, published: str, year: str, month: str, day: str, start_year: str,
                end_year: str) -> None:
    pub = None if published == "-" else date.fromisoformat(published)
    found = find_years(text, pub)
    assert found, f"nothing found in {text!r}"
    first = found[0]
    assert (first.year, first.month, first.day, first.start_year, first.end_year) == (
        _int(year), _int(month), _int(day), _int(start_year), _int(end_year))
    assert first.unresolved is (pub is None and first.year is None and _int(start_year) is None)


@pytest.mark.parametrize("text", ["5년 동안 다져온", "올리다", "3개월간", "1인 가구", "이달성 씨가", "자료를 전달했다",
                                  "상반기간", "징역 1년 6월을 선고했다", "20년 만에 처음이다",
                                  "‘24시 돌봄센터’를 연다", "‘119 신고’ 건수", "'20 대 80' 사회", "(23) 항목",
                                  "민선 8기 공약"])
def test_not_years(text: str) -> None:
    assert find_years(text, date(2020, 1, 21)) == []


def test_every_date_shape_has_its_reader_and_every_reader_a_shape() -> None:
    shapes = [shape.id for shape, _ in rules.get(Dates).compiled()]
    assert sorted(shapes) == sorted(READERS)


def test_records_are_not_changed_after_validation() -> None:
    """link builds the linked records anew: the extractors' records keep what they were."""
    document = analysis.analyse("’19년 940개로 늘었다.\n첫째, 예산 10억원\n둘째, 인력 3명", date(2020, 1, 21))
    found, _ = run_steps(document)
    linked = link.link(found["indicators"], found["years"], found["policies"], found["officials"])
    assert [i.year for i in linked["indicators"]][:1] == [2019]
    assert [i.year for i in found["indicators"]][:1] == [None]
    assert [p.indicators for p in linked["policies"]] == [[1], [2]]
    assert [p.indicators for p in found["policies"]] == [[], []]
