"""The review page used as a checking tool, in a real browser (headless Chromium via Playwright).

Every shared sample's page is opened and driven as a reviewer would: a click (hit-tested at a
point of the highlight's own text, so a nested highlight gets its own click), a tap, Tab, a
table row, a header. Skipped, with the reason, where Playwright or Chromium is missing.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from extractor import extract
from extractor.review import render, write_pages

from .conftest import ROOT, SAMPLES
from .test_review import check_highlights

playwright_api = pytest.importorskip("playwright.sync_api", reason="Playwright is in the [test] extra")
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="headless Chromium is not installed "
                                "(Debian: apt-get install chromium; .ci/run installs it)")
SHARED = ROOT.parent / "shared" / "samples"
FOLDER = SHARED if SHARED.is_dir() else SAMPLES
DOCUMENTS = sorted(p.name for p in FOLDER.iterdir() if p.suffix in (".txt", ".html"))
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]

# Hit-test each highlight at a point of its own text (not of a highlight nested in it), as a
# pointer would land, and click the element found there; report which record was shown.
CLICK_EVERY_MARK = """() => {
  const out = [];
  for (const mark of document.querySelectorAll('#body mark')) {
    const own = [...mark.childNodes].find(n => n.nodeType === 3 && n.textContent.trim());
    if (!own) { out.push([mark.dataset.record, null]); continue; }
    mark.scrollIntoView({block: 'center'});
    const range = document.createRange();
    const at = own.textContent.search(/\\S/);
    range.setStart(own, at); range.setEnd(own, at + 1);
    const box = range.getBoundingClientRect();
    const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    hit.dispatchEvent(new MouseEvent('click', {bubbles: true, cancelable: true}));
    const shown = document.querySelector('section.record:not([hidden])');
    out.push([mark.dataset.record, shown ? shown.id.slice('record-'.length) : '']);
  }
  return out;
}"""


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with playwright_api.sync_playwright() as driver:
        launched = driver.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield launched
        launched.close()


def _open(browser: Any, tmp_path: Path, name: str, **context: Any) -> tuple[Any, Any]:
    article = extract(FOLDER / name)
    page_file = tmp_path / "review.html"
    page_file.write_text(render(article), encoding="utf-8")
    page = browser.new_page(**context)
    page.goto(page_file.as_uri())
    return page, article


@pytest.mark.parametrize("name", DOCUMENTS)
def test_every_highlight_row_and_tab_stop_shows_its_record(browser: Any, tmp_path: Path, name: str) -> None:
    page, article = _open(browser, tmp_path, name, viewport={"width": 1400, "height": 2000})
    try:
        check_highlights(page.content(), article)  # one element per record, holding exactly its text
        marks = page.eval_on_selector_all("#body mark", "ms => ms.map(m => m.dataset.record)")
        records = {f"{kind}-{i}" for kind, field in (("policy", "policies"), ("quote", "quotes"),
                   ("official", "officials"), ("indicator", "indicators"), ("year", "years"))
                   for i in range(len(getattr(article, field)))}
        assert records <= set(marks), f"records without a highlight: {sorted(records - set(marks))}"
        # Tab walks every highlight in reading order, and focus shows the record
        reached: list[str] = []
        for _ in range(len(marks) + 20):
            page.keyboard.press("Tab")
            focused = page.evaluate("() => { const e = document.activeElement; return e && e.matches('#body mark') ? "
                                    "[e.dataset.record, document.body.dataset.shown] : null; }")
            if focused is None and reached:
                break
            if focused is not None:
                assert focused[0] == focused[1]
                reached.append(focused[0])
        assert reached == marks
        # every mention of an official opens that official, nested highlights open themselves
        for record, shown in page.evaluate(CLICK_EVERY_MARK):
            if shown is not None:
                assert shown == record, f"clicking {record} showed {shown}"
        # each table row selects its highlight and shows its record
        for record in sorted(records):
            page.evaluate("id => document.querySelector(`[role=tab][data-kind=${id.split('-')[0]}]`).click()", record)
            page.click(f'tr[data-record="{record}"]')
            state = page.evaluate("""id => ({
                shown: document.querySelector('section.record:not([hidden])')?.id,
                active: [...document.querySelectorAll('mark.active')].every(m => m.dataset.record === id)
                        && document.querySelectorAll('mark.active').length > 0,
                selected: document.querySelector('tr.selected')?.dataset.record})""", record)
            assert state == {"shown": f"record-{record}", "active": True, "selected": record}, record
    finally:
        page.close()


def test_a_tap_shows_the_record_and_a_click_shows_the_innermost(browser: Any, tmp_path: Path) -> None:
    page, _ = _open(browser, tmp_path, "daegu-social-economy-2020.txt",
                    viewport={"width": 1400, "height": 2000}, has_touch=True)
    try:
        page.tap('mark[data-id="official-0"]')
        assert page.evaluate("document.body.dataset.shown") == "official-0"
        # a year inside a policy item: a real mouse click on it shows the year, not the item
        nested = page.evaluate("() => document.querySelector('mark.policy mark.year').dataset.record")
        page.click(f'mark[data-id="{nested}"]')
        assert page.evaluate("document.body.dataset.shown") == nested
    finally:
        page.close()


def test_the_legend_filters_a_kind_and_the_fields_are_labelled(browser: Any, tmp_path: Path) -> None:
    page, article = _open(browser, tmp_path, "daegu-social-economy-2020.txt", viewport={"width": 1400, "height": 2000})
    try:
        colour = "() => getComputedStyle(document.querySelector('mark.indicator')).backgroundColor"
        before = page.evaluate(colour)
        page.click('.legend button[data-kind="indicator"]')
        assert page.evaluate(colour) != before
        big = next(i for i, ind in enumerate(article.indicators) if ind.approximate and ind.value >= 1e9)
        page.evaluate("i => document.querySelector(`mark[data-id=indicator-${i}]`).click()", big)
        fields = page.inner_text(f"#record-indicator-{big}")
        assert f"{int(article.indicators[big].value):,}" in fields and "(approximate)" in fields
        assert "none" in page.inner_text(".warnings") or article.warnings
    finally:
        page.close()


def test_at_1366_by_768_the_panel_stays_in_view_after_hovering_the_last_highlight(browser: Any,
                                                                                 tmp_path: Path) -> None:
    page, _ = _open(browser, tmp_path, "daegu-social-economy-2020.txt", viewport={"width": 1366, "height": 768})
    try:
        last = page.locator("#body mark[data-id]").last
        last.scroll_into_view_if_needed()
        last.hover()
        box = page.evaluate("() => { const r = document.querySelector('section.record:not([hidden])')"
                            ".getBoundingClientRect(); return [r.top, r.bottom, innerHeight]; }")
        assert 0 <= box[0] < box[2] and box[1] > 0, box
    finally:
        page.close()


def test_the_batch_index_sorts_and_shows_counts(browser: Any, tmp_path: Path) -> None:
    names = DOCUMENTS[:4]
    articles = [extract(FOLDER / name) for name in names]
    lines = [json.dumps({**json.loads(a.model_dump_json()), "id": name}, ensure_ascii=False)
             for a, name in zip(articles, names, strict=True)]
    lines.append(json.dumps({"id": " ", "error": "InputError", "message": "empty input"}))
    write_pages(lines, str(tmp_path / "review"))
    page = browser.new_page()
    try:
        page.goto((tmp_path / "review" / "index.html").as_uri())
        assert page.locator("svg[role=img]").count() == 2
        header = page.locator("#index th", has_text="quotes")
        header.click()
        header.click()  # descending
        column = page.evaluate("() => [...document.querySelectorAll('#index th')].findIndex(t => t.textContent"
                               ".startsWith('quotes'))")
        cells = page.eval_on_selector_all("#index tbody tr", f"rs => rs.map(r => r.cells[{column}].textContent)")
        counts = [int(c) for c in cells if c]
        assert counts == sorted((len(a.quotes) for a in articles), reverse=True)
        assert "InputError" in page.inner_text("#index")
    finally:
        page.close()
