"""The review page as a person sees it: rendered offline in headless Chromium.

Chromium comes from Debian's package (installed by .ci/run); without it these tests are
skipped with the reason. The rendered DOM must hold, for every record, exactly one
highlighted element whose text is the record's text.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from extractor import Article, extract
from extractor.review import render

from .conftest import SAMPLES

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
needs_chromium = pytest.mark.skipif(CHROMIUM is None, reason="headless Chromium is not installed "
                                    "(Debian: apt-get install chromium; .ci/run installs it)")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]
SAMPLE_FILES = sorted(p.name for p in SAMPLES.iterdir() if p.suffix in (".txt", ".html"))


def chromium(tmp_path: Path, *args: str) -> str:
    assert CHROMIUM is not None
    result = subprocess.run([CHROMIUM, *FLAGS, f"--user-data-dir={tmp_path / 'profile'}", *args],
                            capture_output=True, timeout=120, check=False)
    return result.stdout.decode("utf-8")


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


@needs_chromium
@pytest.mark.parametrize("sample", SAMPLE_FILES)
def test_rendered_page_highlights_every_record(tmp_path: Path, sample: str) -> None:
    article = extract(SAMPLES / sample)
    page = tmp_path / "review.html"
    page.write_text(render(article), encoding="utf-8")
    dom = chromium(tmp_path, "--dump-dom", page.as_uri())
    assert "<article" in dom, "Chromium rendered nothing"
    check_highlights(dom, article)
    shot = tmp_path / "review.png"
    chromium(tmp_path, f"--screenshot={shot}", "--window-size=1280,1600", page.as_uri())
    assert shot.exists() and shot.stat().st_size > 10_000


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
