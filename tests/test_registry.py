"""The registry of public bodies: surface forms → ids by date, the shipped table, the link step."""

from __future__ import annotations

import importlib.util
import sys
from collections import Counter
from datetime import date
from pathlib import Path
from types import ModuleType

import pytest

from extractor import registry

from .conftest import ROOT, cases, opt


def _builder() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_registry", ROOT / "tools" / "build_registry.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["build_registry"] = module
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(("surface", "title", "day", "within", "expected"), cases("registry.tsv"))
def test_corpus(surface: str, title: str, day: str, within: str, expected: str) -> None:
    found = registry.lookup(surface, opt(title), None if day == "-" else date.fromisoformat(day), opt(within))
    assert (found[0] if found else None) == opt(expected)


def test_the_shipped_table_has_no_problems() -> None:
    assert registry.problems() == []


def test_the_table_covers_what_the_issue_asks() -> None:
    bodies = [b for b in registry.registry().bodies.values() if b.valid_to is None]
    kinds = Counter(b.kind for b in bodies)
    assert kinds["광역자치단체"] == 17
    assert kinds["기초자치단체"] == 226
    assert kinds["교육청"] == 17
    assert kinds["중앙행정기관"] >= 45
    assert kinds["공공기관"] >= 50
    assert {"국회/정당", "법원/검찰/경찰", "국제기구", "외국 정부"} <= set(kinds)


def test_the_builder_rebuilds_the_shipped_table(tmp_path: Path) -> None:
    out = tmp_path / "bodies.tsv"
    assert _builder().main(["--out", str(out)]) == 0
    shipped = ROOT / "src" / "extractor" / "rules" / "registry" / "bodies.tsv"
    assert out.read_text(encoding="utf-8") == shipped.read_text(encoding="utf-8")


def test_the_builder_reads_the_legal_dong_file_too(tmp_path: Path) -> None:
    legal = tmp_path / "legal.tsv"
    legal.write_text("법정동코드\t법정동명\t폐지여부\n2700000000\t대구광역시\t존재\n2711000000\t대구광역시 중구\t존재\n"
                     "2711010100\t대구광역시 중구 동인동1가\t존재\n4111100000\t경기도 수원시 장안구\t존재\n"
                     "9911000000\t폐지된도 옛군\t폐지\n", encoding="utf-8")
    hand = tmp_path / "hand.tsv"
    hand.write_text("id\tname\tkind\tparent\tvalid_from\tvalid_to\tsuccessors\tnames\n", encoding="utf-8")
    bodies = {b.id: b for b in _builder().build(legal, hand)}
    assert bodies["adm-27110"].name == "중구" and bodies["adm-27110"].parent == "adm-27"
    assert "adm-41111" not in bodies and "adm-99110" not in bodies  # a city's 구 and an abolished code
    assert bodies["adm-27-edu"].names[:2] == ("대구광역시교육청", "대구시교육청")


def test_a_split_body_keeps_the_name_printed() -> None:
    # 기획재정부 split in two on 2026-01-02: 기재부 after it is neither of them, so stays itself
    assert registry.lookup("기재부", "장관", date(2026, 3, 2)) == ("gov-moef", "기획재정부")


def test_renames_resolve_both_ways_by_date() -> None:
    assert registry.lookup("여성가족부", None, date(2025, 10, 1)) == ("gov-mogeq", "성평등가족부")
    assert registry.lookup("여성가족부", None, date(2025, 9, 30)) == ("gov-mogef", "여성가족부")
    assert registry.lookup("국토교통부", None, date(2009, 1, 1)) == ("gov-mltm", "국토해양부")


def test_lookup_is_fast_enough() -> None:
    import time
    registry.lookup("대구", "시장", date(2020, 1, 1))
    start = time.perf_counter()
    for _ in range(200):
        registry.lookup("대구시 중구", "구청장", date(2020, 1, 1))
        registry.lookup("행안부", "장관", date(2010, 1, 1))
    assert (time.perf_counter() - start) / 400 < 0.001


def test_hostile_surfaces_are_quick_and_safe() -> None:
    import time
    start = time.perf_counter()
    for text in ("대구 " * 5000, "중" * 100_000, "\t\n ", "청" * 3, "시청", "대구 중구 " * 3):
        assert registry.lookup(text, "구청장", date(2020, 1, 1)) is None
    assert time.perf_counter() - start < 0.5
