"""The review page's structure, without a browser.

The page's markup must hold, for every record, exactly one highlighted element whose text is
the record's text; test_review_browser.py drives the rendered page in headless Chromium.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from extractor import Article, extract
from extractor.review import render

from .conftest import SAMPLES

SAMPLE_FILES = sorted(p.name for p in SAMPLES.iterdir() if p.suffix in (".txt", ".html"))


def expected(article: Article) -> dict[str, str]:
    out = {}
    for key, kind in (("policies", "policy"), ("quotes", "quote"), ("officials", "official"),
                      ("indicators", "indicator"), ("years", "year")):
        for i, record in enumerate(getattr(article, key)):
            out[f"{kind}-{i}"] = record.text
    return out


def check_highlights(dom: str, article: Article) -> None:
    soup = BeautifulSoup(dom, "lxml")
    for ident, text in expected(article).items():
        found = soup.select(f'mark[data-id="{ident}"]')
        assert len(found) == 1, f"{ident}: {len(found)} elements"
        assert found[0].get_text() == text, f"{ident}: {found[0].get_text()!r} != {text!r}"


@pytest.mark.parametrize("sample", SAMPLE_FILES)
def test_page_structure_without_a_browser(sample: str) -> None:
    article = extract(SAMPLES / sample)
    check_highlights(render(article), article)


def test_cli_writes_batch_pages_with_an_index(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for name in SAMPLE_FILES[:3]:
        (folder / name).write_bytes((SAMPLES / name).read_bytes())
    (folder / "empty.txt").write_bytes(b"")
    result = subprocess.run([sys.executable, "-m", "extractor", str(folder), "-j", "1", "-o", str(tmp_path / "o.jsonl"),
                             "--html-dir", str(tmp_path / "review")], capture_output=True, timeout=300, check=False)
    assert result.returncode == 1
    pages = sorted(p.name for p in (tmp_path / "review").iterdir())
    assert "index.html" in pages and len(pages) == 4
    index = (tmp_path / "review" / "index.html").read_text(encoding="utf-8")
    assert "empty input" in index and index.count("<a href=") == 3
