"""Each validator rejects a record that cannot be true."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest
from pydantic import ValidationError

from extractor.records import Article, Indicator, Meta, PolicyItem, Source, Span, YearMention

BODY = "권영진 대구시장이 400개에서 940개로 늘렸다."
SOURCE = Source(format="text", encoding="utf-8", sha256="0" * 64, size=len(BODY.encode()))


def _article(**records: Any) -> Article:
    return Article(source=SOURCE, body=BODY, **records)


def _indicator(**changes: Any) -> Indicator:
    fields: dict[str, Any] = {"text": "940개", "span": Span(start=17, end=21), "value": 940.0, "unit": "개"}
    fields.update(changes)
    return Indicator(**fields)


def test_a_true_record_passes() -> None:
    assert _article(indicators=[_indicator()]).indicators[0].value == 940


@pytest.mark.parametrize("year", [1899, 2101])
def test_year_outside_range(year: int) -> None:
    with pytest.raises(ValidationError, match="year"):
        YearMention(text="x", span=Span(start=0, end=1), year=year)


@pytest.mark.parametrize("value", [-1.0, float("inf"), float("nan")])
def test_negative_or_non_finite_value(value: float) -> None:
    with pytest.raises(ValidationError, match="value must"):
        _indicator(value=value)


def test_span_outside_body() -> None:
    with pytest.raises(ValidationError, match="outside the body"):
        _article(indicators=[_indicator(span=Span(start=17, end=200))])


def test_span_text_disagrees_with_body() -> None:
    with pytest.raises(ValidationError, match="is not body"):
        _article(indicators=[_indicator(span=Span(start=0, end=4))])


def test_span_end_before_start() -> None:
    with pytest.raises(ValidationError, match="before start"):
        Span(start=5, end=2)


def test_naive_datetime() -> None:
    with pytest.raises(ValidationError, match="offset"):
        Meta(published_at=datetime(2020, 1, 21, 16, 33))


def test_policy_ordinals_must_count_from_one() -> None:
    items = [PolicyItem(group=1, ordinal=n, marker=m, title="", text=BODY[0:3], span=Span(start=0, end=3))
             for n, m in ((1, "첫째"), (3, "셋째"))]
    with pytest.raises(ValidationError, match="do not count"):
        _article(policies=items)


def test_unknown_keys_are_refused() -> None:
    with pytest.raises(ValidationError):
        Span(start=0, end=1, length=1)  # type: ignore[call-arg]
