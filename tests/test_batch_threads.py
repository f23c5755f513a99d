"""Issue 17: one process, one Kiwi on several threads; the lines are those of one document at a time."""

from __future__ import annotations

import io
import json
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from extractor import Settings
from extractor.batch import Item, discover, runner
from extractor.batch.threads import Engine
from extractor.batch.worker import process

from .conftest import SAMPLES
from .snapshot import documents

TEXT = (SAMPLES / "mois-hope-work-2009.txt").read_bytes()


def _items() -> list[Item]:
    """Every document the snapshot covers (samples, test articles, hostile inputs, the shared
    set where it is beside the checkout), as files and as bytes, and one unreadable input."""
    items = [Item(id=key, path=str(path)) for key, path in documents()]
    items += [Item(id=f"bytes:{key}", data=path.read_bytes()) for key, path in list(documents())[:12]]
    items.append(Item(id="unreadable", error="cannot read: permission denied", error_kind="InputError"))
    return items


def test_two_kiwi_threads_give_the_lines_of_one_document_at_a_time() -> None:
    """Records identical on every document: the engine's pipelined run against `process`, the
    whole-document function the worker processes run."""
    items = _items()
    assert len(items) > 40
    expected = [process(item) for item in items]
    got = list(Engine(Settings(), threads=2).lines(items))
    assert [line for line, _ in got] == [line for line, _ in expected]
    assert [ok for _, ok in got] == [ok for _, ok in expected]
    assert any(not ok for _, ok in got) and sum(ok for _, ok in got) > 30


def test_a_document_over_the_budget_fails_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    """The budget holds in the main thread (an alarm) and off it (the clock read after each stage):
    the slow document gets an OverBudget line, the ones around it their records, in order."""
    engine = Engine(Settings(time_limit=0.5), threads=2)
    finish = engine.extractor.finish

    def slow_finish(prepared: object, results: list[object]) -> object:
        if "slow" in str(getattr(getattr(prepared, "source", None), "path", "")):
            time.sleep(1.0)
        return finish(prepared, results)  # type: ignore[arg-type]

    monkeypatch.setattr(engine.extractor, "finish", slow_finish)
    items = [Item(id=name, data=TEXT, shown_path=f"{name}.txt") for name in ("a", "slow", "b")]
    for where in ("main", "thread"):
        got: list[tuple[str, bool]] = []
        if where == "main":
            got = list(engine.lines(items))
        else:
            worker = threading.Thread(target=lambda: got.extend(engine.lines(items)))  # noqa: B023 - joined at once
            worker.start()
            worker.join(60)
        lines = [json.loads(line) for line, _ in got]
        assert [line["id"] for line in lines] == ["a", "slow", "b"], where
        assert lines[1]["error"] == "OverBudget" and "0.5 s" in lines[1]["message"], where
        assert "error" not in lines[0] and "error" not in lines[2], where


def test_one_line_per_input_and_ids_in_input_order(tmp_path: Path) -> None:
    folder = tmp_path / "archive"
    folder.mkdir()
    for number in range(40):
        (folder / f"d{number:02}.txt").write_bytes(TEXT if number % 7 else b"")
    out = io.StringIO()
    summary = runner.run(discover([str(folder)]), out, jobs=2)
    ids = [json.loads(line)["id"] for line in out.getvalue().splitlines()]
    assert ids == sorted(ids) and len(ids) == 40
    assert (summary.ok, summary.failed) == (34, 6)


def _start(folder: Path, out: Path, *extra: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, "-m", "extractor", str(folder), "-j", "2", "-o", str(out), *extra],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def _lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines() if path.exists() else []


@pytest.mark.parametrize(("signum", "code"), [(signal.SIGTERM, 143), (signal.SIGINT, 130)])
def test_an_interrupted_run_resumes_to_one_line_per_input(tmp_path: Path, signum: int, code: int) -> None:
    """SIGTERM and Ctrl-C stop the one-process engine with the summary and "interrupted"; the
    lines it wrote are whole, and --resume writes the rest, each input once."""
    folder = tmp_path / "many"
    folder.mkdir()
    for number in range(400):
        (folder / f"a{number:03}.txt").write_bytes(TEXT)
    out = tmp_path / "out.jsonl"
    child = _start(folder, out)
    deadline = time.monotonic() + 120
    while len(_lines(out)) < 20 and time.monotonic() < deadline:
        time.sleep(0.05)
    child.send_signal(signum)
    _, stderr = child.communicate(timeout=60)
    text = stderr.decode("utf-8", "replace")
    assert child.returncode == code, text
    assert "interrupted" in text.splitlines()[-1] and "Traceback" not in text, text
    written = _lines(out)
    assert 20 <= len(written) < 400
    assert all(json.loads(line)["id"] for line in written)  # every line whole
    child = _start(folder, out, "--resume")
    _, stderr = child.communicate(timeout=300)
    assert child.returncode == 0, stderr.decode("utf-8", "replace")
    ids = [json.loads(line)["id"] for line in _lines(out)]
    assert sorted(ids) == sorted(set(ids)) and len(ids) == 400
