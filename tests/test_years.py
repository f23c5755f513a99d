from __future__ import annotations

from datetime import date

import pytest

from extractor.dates import find_years

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
                                  "상반기간", "징역 1년 6월을 선고했다", "20년 만에 처음이다"])
def test_not_years(text: str) -> None:
    assert find_years(text, date(2020, 1, 21)) == []
