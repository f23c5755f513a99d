from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extractor.numbers import NumeralError, parse_native, parse_numeral, to_hangul, to_mixed

from .conftest import cases


@pytest.mark.parametrize(("numeral", "value", "approximate"), cases("numbers.tsv"))
def test_corpus(numeral: str, value: str, approximate: str) -> None:
    assert parse_numeral(numeral) == (float(value), approximate == "true")


@pytest.mark.parametrize("bad", ["", "abc", "년", "1.2.3", "천원"])
def test_rejects_what_is_not_a_numeral(bad: str) -> None:
    with pytest.raises(NumeralError):
        parse_numeral(bad)


@pytest.mark.parametrize(("word", "value"), [("두", 2), ("세", 3), ("스무", 20), ("열두", 12), ("다섯", 5)])
def test_native_numerals(word: str, value: int) -> None:
    assert parse_native(word) == value


# Every integer a float holds exactly: values are floats in the JSON output.
integers = st.integers(min_value=0, max_value=2**53)


@given(integers)
def test_hangul_rendering_round_trips(value: int) -> None:
    assert parse_numeral(to_hangul(value))[0] == value


@given(integers, st.booleans())
def test_mixed_rendering_round_trips(value: int, spaced: bool) -> None:
    assert parse_numeral(to_mixed(value, spaced=spaced))[0] == value


@given(st.integers(min_value=0, max_value=10**15))
def test_digit_groups_round_trip(value: int) -> None:
    assert parse_numeral(f"{value:,}")[0] == value
