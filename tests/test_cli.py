"""The command as a user runs it: exit codes, one-line errors, JSON and JSON Lines."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from extractor.cli import schema_json

from .conftest import ROOT, SAMPLES


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "extractor", *args], input=stdin, capture_output=True,
                          timeout=120, check=False)


def test_one_file_prints_indented_json() -> None:
    result = run(str(SAMPLES / "mois-hope-work-2009.txt"))
    assert result.returncode == 0
    article = json.loads(result.stdout.decode("utf-8"))
    assert article["officials"][0]["name"] == "이달곤"
    assert "\n  " in result.stdout.decode("utf-8") and "\\u" not in result.stdout.decode("utf-8")


def test_stdin() -> None:
    result = run("-", stdin=(SAMPLES / "kukinews-masan-jobs-2009.txt").read_bytes())
    assert result.returncode == 0
    assert json.loads(result.stdout)["officials"][0]["name"] == "황철곤"


@pytest.mark.parametrize(("content", "message"), [(b"", "empty"), (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 50, "")])
def test_bad_inputs_exit_1_with_one_line(tmp_path: Path, content: bytes, message: str) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    result = run(str(bad))
    assert result.returncode == 1
    lines = result.stderr.decode("utf-8").strip().splitlines()
    assert len(lines) == 1 and str(bad) in lines[0] and message in lines[0]
    assert "Traceback" not in result.stderr.decode("utf-8")


def test_missing_path_exits_1() -> None:
    result = run("/no/such/article.txt")
    assert result.returncode == 1
    assert result.stderr.decode("utf-8").strip() == "extract: /no/such/article.txt: no such file"


def test_usage_error_exits_2() -> None:
    assert run("--no-such-flag").returncode == 2


def test_several_inputs_print_json_lines_with_error_lines(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    result = run(str(SAMPLES / "mois-hope-work-2009.txt"), str(tmp_path / "empty.txt"), "-o", str(tmp_path / "o.jsonl"))
    assert result.returncode == 1
    lines = [json.loads(line) for line in (tmp_path / "o.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(lines) == 2
    assert lines[0]["officials"][0]["name"] == "이달곤"
    assert lines[1]["error"] == "InputError" and lines[1]["id"].endswith("empty.txt")


def test_published_overrides_and_resolves_relative_years() -> None:
    result = run(str(SAMPLES / "kukinews-masan-jobs-2009.txt"), "--published", "2009-02-05")
    article = json.loads(result.stdout)
    assert article["meta"]["published_at"] == "2009-02-05T00:00:00+09:00"
    assert 2009 in {y["year"] for y in article["years"]}


def test_committed_schema_matches_the_models() -> None:
    committed = (ROOT / "schemas" / "article.schema.json").read_text(encoding="utf-8")
    assert committed == schema_json(), "regenerate with: extract --schema > schemas/article.schema.json"


def test_engine_ray_without_ray_says_how_to_install(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
                                                    tmp_path: Path) -> None:
    from extractor.cli import main

    monkeypatch.setitem(sys.modules, "ray", None)  # import ray now fails, as where it is not installed
    code = main([str(SAMPLES), "--engine", "ray", "-o", str(tmp_path / "o.jsonl")])
    assert code == 2
    assert capsys.readouterr().err.strip() == "extract: --engine ray needs Ray: pip install 'extractor[ray]'"


def test_parquet_output_needs_the_ray_engine(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from extractor.cli import main

    assert main([str(SAMPLES), "--format", "parquet", "-o", str(tmp_path / "out")]) == 2
    assert capsys.readouterr().err.strip() == "extract: parquet output goes with --engine ray and -o DIR"


def test_kind_overrides_what_is_detected(tmp_path: Path) -> None:
    article = tmp_path / "note.txt"
    article.write_text("서울시는 3일 청년 일자리 사업에 100억원을 투입한다고 밝혔다.\n", encoding="utf-8")
    detected = subprocess.run([sys.executable, "-m", "extractor", str(article)], capture_output=True, text=True,
                              timeout=120, check=False)
    told = subprocess.run([sys.executable, "-m", "extractor", "--kind", "press_release", str(article)],
                          capture_output=True, text=True, timeout=120, check=False)
    assert json.loads(detected.stdout)["meta"]["kind"] == "news"
    data = json.loads(told.stdout)
    assert data["meta"]["kind"] == "press_release"
    assert "no reporter found" not in data["warnings"]
