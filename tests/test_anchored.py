"""Anchored patterns find exactly what `finditer` finds: the officials' shapes on every
sample and test article, and small patterns on the edges the bounds must get right."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pytest

from extractor.anchored import Anchored, group_source
from extractor.rules.schemas.officials import Officials, anchored, pattern

from .conftest import CORPUS, SAMPLES

TEXTS = [p.read_text(encoding="utf-8", errors="replace")
         for folder in (SAMPLES, CORPUS / "articles", Path(__file__).parent / "hostile")
         for p in sorted(folder.rglob("*")) if p.is_file()]
SHAPES = (*Officials.MENTIONS, "family_name_and_office", "family_name_and_role", "name_and_role")


def spans(matches: Iterable[re.Match[str]]) -> list[tuple[tuple[int, int], tuple[str | Any, ...]]]:
    return [(m.span(), m.groups()) for m in matches]


@pytest.mark.parametrize("shape", SHAPES)
def test_shapes_find_what_finditer_finds(shape: str) -> None:
    for text in TEXTS:
        assert spans(anchored(shape).finditer(text)) == spans(pattern(shape).finditer(text))


@pytest.mark.parametrize(("source", "text"), [
    # an office inside a longer one (시장 in 부시장) is still an anchor
    (r"(?<![가-힣])(?P<name>[가-힣]{2,3})\s(?P<title>부시장|시장)(?=[^가-힣]|$)", "김철수 부시장 이영희 시장\n"),
    # `$` before a final newline, just past the stretch
    (r"(?P<name>[가-힣]{2})\s?(?P<title>장관|차관)(?:은|는)?$", "홍길 장관\n원희 차관은"),
    # matches side by side, and one whose group lies at its end
    (r"(?P<a>[a-z]{0,5})(?P<title>xy|x)", "abxyxxaaaaax zzzzzzzzzzzzzzzx"),
])
def test_edges(source: str, text: str) -> None:
    compiled = re.compile(source)
    found = Anchored(compiled, "title")
    for cut in range(len(text) + 1):
        assert spans(found.finditer(text[:cut])) == spans(compiled.finditer(text[:cut]))


def test_patterns_without_bounds_run_whole() -> None:
    unbounded = re.compile(r"(?P<a>a+)(?P<title>b)")
    assert spans(Anchored(unbounded, "title").finditer("aaab ab")) == spans(unbounded.finditer("aaab ab"))
    assert spans(Anchored(unbounded, "none").finditer("aaab")) == spans(unbounded.finditer("aaab"))


def test_group_source_skips_escapes_and_classes() -> None:
    assert group_source(r"x(?P<title>a\)(b|[)(]c)|[]d])y", "title") == r"a\)(b|[)(]c)|[]d]"
