"""Screenshots of a review page and a batch index for the README (docs/*.png).

Run after a change to the review page: `python bench/screenshots.py`. Needs Playwright (the
[test] extra) and a system Chromium; nothing is downloaded.
"""

from __future__ import annotations

import json
import shutil
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from extractor import extract
from extractor.review import render, write_pages

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync"]


def main() -> int:
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        print("screenshots: no chromium on PATH (Debian: apt-get install chromium fonts-noto-cjk)", file=sys.stderr)
        return 1
    names = sorted(p.name for p in SAMPLES.iterdir() if p.suffix in (".txt", ".html"))
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as driver:
        folder = Path(tmp)
        article = extract(SAMPLES / "daegu-social-economy-2020.txt")
        (folder / "page.html").write_text(render(article), encoding="utf-8")
        lines = [json.dumps({**json.loads(extract(SAMPLES / n).model_dump_json()), "id": f"samples/{n}"},
                            ensure_ascii=False) for n in names]
        write_pages(lines, str(folder / "review"))
        browser = driver.chromium.launch(executable_path=chromium, args=ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 1100})
        page.goto((folder / "page.html").as_uri())
        page.hover('mark[data-id="indicator-10"]')
        page.screenshot(path=str(ROOT / "docs" / "review-daegu.png"))
        page.goto((folder / "review" / "index.html").as_uri())
        page.click("#index th:has-text('indicators')")
        page.screenshot(path=str(ROOT / "docs" / "review-index.png"), full_page=True)
        browser.close()
    print("wrote docs/review-daegu.png and docs/review-index.png", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
