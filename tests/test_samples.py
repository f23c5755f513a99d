"""End to end on the shared samples: expected output, encodings, and reference bodies."""

from __future__ import annotations

import difflib
import json
from collections import Counter
from pathlib import Path

import pytest

from extractor import extract

from .conftest import SAMPLES


def _comparable(data: dict[str, object]) -> dict[str, object]:
    data = dict(data)
    source = dict(data["source"])  # type: ignore[call-overload]
    source.pop("path", None)
    data["source"] = source
    return data


def test_daegu_sample_matches_expected_output() -> None:
    expected = json.loads((SAMPLES / "daegu-social-economy-2020.json").read_text(encoding="utf-8"))
    got = json.loads(extract(SAMPLES / "daegu-social-economy-2020.txt").model_dump_json())
    want_text = json.dumps(_comparable(expected), ensure_ascii=False, indent=1).splitlines()
    got_text = json.dumps(_comparable(got), ensure_ascii=False, indent=1).splitlines()
    diff = "\n".join(difflib.unified_diff(want_text, got_text, "expected", "extracted", lineterm="", n=2))
    assert not diff, f"output differs from samples/daegu-social-economy-2020.json:\n{diff[:6000]}"


@pytest.mark.parametrize(("plain", "encoded", "encoding"), [
    ("kukinews-masan-jobs-2009.txt", "kukinews-masan-jobs-2009.cp949.txt", "cp949"),
    ("tvchosun-lh-jeonse-2023.html", "tvchosun-lh-jeonse-2023.euc-kr.html", "cp949"),
])
def test_legacy_encodings_give_the_same_article(plain: str, encoded: str, encoding: str) -> None:
    a, b = extract(SAMPLES / plain), extract(SAMPLES / encoded)
    assert b.source.encoding == encoding
    assert a.body == b.body
    assert a.meta == b.meta
    assert [i.value for i in a.indicators] == [i.value for i in b.indicators]


def test_bom_is_dropped() -> None:
    data = (SAMPLES / "daegu-social-economy-2020.txt").read_bytes()
    article = extract(b"\xef\xbb\xbf" + data)
    assert article.source.encoding == "utf-8-sig"
    assert article.body.startswith("권영진 대구시장이")


def _tokens(text: str) -> list[str]:
    return text.split()


@pytest.mark.parametrize("page", ["tvchosun-lh-jeonse-2023", "mbc-srt-routes-2023", "sbs-fake-news-2023",
                                  "kbs-hotline-2023"])
def test_html_body_matches_reference(page: str) -> None:
    reference = (Path(__file__).parent / "reference" / f"{page}.txt").read_text(encoding="utf-8")
    body = extract(SAMPLES / f"{page}.html").body
    ref, got = _tokens(reference), _tokens(body)
    common = sum((Counter(ref) & Counter(got)).values())
    precision, recall = common / len(got), common / len(ref)
    assert 2 * precision * recall / (precision + recall) >= 0.98


def test_scraped_text_loses_no_paragraph() -> None:
    article = extract(SAMPLES / "yna-gimhae-jobs-2019.txt")
    assert article.meta.title == "김해시, 내년 최우선 과제 '일자리 경제도시 달성' 추진"
    assert article.meta.outlet == "연합뉴스"
    assert [r.name for r in article.meta.reporters] == ["박정헌"]
    assert "김해시청[촬영 안철수]" in article.captions
    assert article.body.endswith("제로페이 가맹점도 1만개로 확대한다.")
    assert "배너" not in article.body
