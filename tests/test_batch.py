"""Batch runs: one line per input whatever breaks, JSON Lines and WARC inputs, resume."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from extractor.batch import discover
from extractor.batch.runner import done_ids, run

from .conftest import SAMPLES

GOOD = ["daegu-social-economy-2020.txt", "kukinews-masan-jobs-2009.cp949.txt", "mbc-srt-routes-2023.html"]


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    folder = tmp_path / "archive"
    (folder / "nested").mkdir(parents=True)
    for name in GOOD:
        (folder / "nested" / name).write_bytes((SAMPLES / name).read_bytes())
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (folder / "truncated.html").write_bytes((SAMPLES / "kbs-hotline-2023.html").read_bytes()[:3000])
    (folder / "notes.md").write_text("not an article input", encoding="utf-8")
    return folder


def _lines(text: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in text.splitlines()]


def test_every_input_yields_one_line_in_order(archive: Path) -> None:
    items = list(discover([str(archive)]))
    out = io.StringIO()
    summary = run(items, out, jobs=1)
    lines = _lines(out.getvalue())
    assert [line["id"] for line in lines] == [item.id for item in items]
    assert len(lines) == 6
    errors = {Path(str(line["id"])).name: line for line in lines if "error" in line}
    assert set(errors) == {"empty.txt", "binary.txt"}
    assert summary.ok == 4 and summary.failed == 2
    cp949 = next(line for line in lines if str(line["id"]).endswith("cp949.txt"))
    assert cp949["source"]["encoding"] == "cp949"


def test_jsonl_input_with_ids_and_dates(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    rows = [
        {"id": "a", "text": (SAMPLES / "kukinews-masan-jobs-2009.txt").read_text(encoding="utf-8"),
         "published_at": "2009-02-05"},
        {"id": "b", "html": (SAMPLES / "mbc-srt-routes-2023.html").read_text(encoding="utf-8")},
        {"id": "c"},
    ]
    source.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n{broken\n", encoding="utf-8")
    out = io.StringIO()
    run(discover([str(source)]), out, jobs=1)
    lines = _lines(out.getvalue())
    assert [line["id"] for line in lines] == ["a", "b", "c", "in.jsonl:4"]  # ids relative to the inputs' root
    assert lines[0]["meta"]["published_at"].startswith("2009-02-05")
    assert 2009 in {y["year"] for y in lines[0]["years"]}
    assert lines[1]["source"]["format"] == "html"
    assert "error" in lines[2] and "error" in lines[3]


def test_warc_responses(tmp_path: Path) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    path = tmp_path / "crawl.warc.gz"
    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=True)
        for url, name, kind in [("https://news.example/1", "tvchosun-lh-jeonse-2023.html", "text/html"),
                                ("https://news.example/logo.png", "daegu-social-economy-2020.txt", "image/png")]:
            headers = StatusAndHeaders("200 OK", [("Content-Type", kind)], protocol="HTTP/1.1")
            record = writer.create_warc_record(url, "response", payload=io.BytesIO((SAMPLES / name).read_bytes()),
                                               http_headers=headers)
            writer.write_record(record)
    out = io.StringIO()
    run(discover([str(path)]), out, jobs=1)
    lines = _lines(out.getvalue())
    assert len(lines) == 1
    assert str(lines[0]["id"]).endswith("https://news.example/1")
    assert lines[0]["source"]["url"] == "https://news.example/1"
    assert lines[0]["officials"][0]["name"] == "원희룡"


def test_resume_cuts_a_half_line_and_skips_done_ids(tmp_path: Path, archive: Path) -> None:
    output = tmp_path / "out.jsonl"
    items = list(discover([str(archive)]))
    with output.open("w", encoding="utf-8") as out:
        run(items[:2], out, jobs=1)
    with output.open("a", encoding="utf-8") as out:
        out.write('{"id": "half-writ')
    done = done_ids(output)
    assert done == {items[0].id, items[1].id}
    assert output.read_text(encoding="utf-8").endswith("\n")
    with output.open("a", encoding="utf-8") as out:
        summary = run(items, out, jobs=1, skip=done)
    assert summary.skipped == 2
    assert sorted(line["id"] for line in _lines(output.read_text(encoding="utf-8"))) == sorted(i.id for i in items)


def test_cli_batch_with_two_jobs_matches_one_job(tmp_path: Path, archive: Path) -> None:
    outputs = []
    for jobs in ("1", "2"):
        out = tmp_path / f"out{jobs}.jsonl"
        result = subprocess.run([sys.executable, "-m", "extractor", str(archive), "-j", jobs, "-o", str(out)],
                                capture_output=True, timeout=300, check=False)
        assert result.returncode == 1  # two inputs are broken
        stderr = result.stderr.decode("utf-8")
        assert "ok 4, failed 2, skipped 0" in stderr and "Traceback" not in stderr
        outputs.append(out.read_text(encoding="utf-8"))
    assert outputs[0] == outputs[1]


def test_the_packaging_names_what_the_batch_and_bench_import() -> None:
    """Issue 16, items 1 and 16: pebble for the pool; lxml_html_clean for trafilatura on lxml 6."""
    import tomllib

    from .conftest import ROOT

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert any(dependency.startswith("pebble") for dependency in project["dependencies"])
    assert any(extra.startswith("lxml_html_clean") for extra in project["optional-dependencies"]["bench"])
