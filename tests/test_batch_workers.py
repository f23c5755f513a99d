"""Issue 16: worker processes that die, parents that are killed, and signals (items 1 and 10)."""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from extractor.batch import Item, runner

from .conftest import SAMPLES

TEXT = (SAMPLES / "mois-hope-work-2009.txt").read_bytes()


def killing_process(item: Item, published_at: str | None = None) -> tuple[str, bool]:
    """The real worker function, except that some documents kill the worker that holds them."""
    from extractor.batch.worker import process

    marker = Path(item.path or "").with_suffix(".tried")
    if item.id == "stuck":  # deaf to the SIGALRM budget, as a hung read or a loop in C code is
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
        while True:
            time.sleep(0.05)
    if item.id.startswith("killer") or (item.id.startswith("once") and not marker.exists()):
        marker.touch()
        os.kill(os.getpid(), signal.SIGKILL)  # what kill -9 or the OOM killer does
    return process(item, published_at)


def test_a_dead_worker_fails_only_its_document(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Item 1 (fault injection): one line per input; a document killed once is tried again and
    succeeds, one that kills two workers in a row gets a WorkerDied line, one whose worker is deaf
    to the time budget has its worker stopped (item 7); the run goes on."""
    from extractor import Settings

    names = ["a", "once", "b", "killer", "c", "stuck", "d", "e", "f"]
    for name in names:
        (tmp_path / f"{name}.txt").write_bytes(TEXT)
    items = [Item(id=name, path=str(tmp_path / f"{name}.txt")) for name in names]
    monkeypatch.setattr(runner, "process", killing_process)
    out = io.StringIO()
    failures: list[str] = []
    summary = runner.run(items, out, jobs=2, processes=2, on_failure=failures.append, settings=Settings(time_limit=1.5))
    lines = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [line["id"] for line in lines] == names
    assert [line["id"] for line in lines if "error" in line] == ["killer", "stuck"]
    died = next(line for line in lines if line["id"] == "killer")
    assert died["error"] == "WorkerDied" and "killed by signal 9" in died["message"] and "2 times" in died["message"]
    assert failures[0] == f"killer: WorkerDied: {died['message']}"
    assert failures[1] == "stuck: OverBudget: over the time budget of 1.5 s per document (the worker was stopped)"
    assert summary.ok == 7 and summary.failed == 2 and not summary.interrupted


def _children(pid: int) -> list[int]:
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _wait_for(check: object, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():  # type: ignore[operator]
            return True
        time.sleep(0.05)
    return False


@pytest.fixture
def many(tmp_path: Path) -> Path:
    folder = tmp_path / "many"
    folder.mkdir()
    for number in range(300):
        (folder / f"a{number:03}.txt").write_bytes(TEXT)
    return folder


def _start(folder: Path, out: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, "-m", "extractor", str(folder), "--processes", "2", "-o", str(out)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def test_workers_die_with_their_parent_and_sigterm_is_an_interruption(many: Path, tmp_path: Path) -> None:
    """Item 10: kill -9 of the parent leaves no worker after 5 s; SIGTERM and Ctrl-C print the
    summary with "interrupted" (exit 143 and 130), and a Ctrl-C at start-up gives no traceback."""
    child = _start(many, tmp_path / "o1.jsonl")
    assert _wait_for(lambda: len(_children(child.pid)) >= 2, 60)
    workers = _children(child.pid)
    child.kill()
    child.wait(timeout=30)
    assert _wait_for(lambda: not any(_alive(pid) for pid in workers), 5), "orphaned workers"

    for signum, code in ((signal.SIGTERM, 143), (signal.SIGINT, 130)):
        child = _start(many, tmp_path / f"o{signum}.jsonl")
        assert _wait_for(lambda: len(_children(child.pid)) >= 2, 60)  # noqa: B023 - used at once
        workers = _children(child.pid)
        child.send_signal(signum)
        _, stderr = child.communicate(timeout=60)
        text = stderr.decode("utf-8", "replace")
        assert child.returncode == code, text
        assert "interrupted" in text.splitlines()[-1] and "Traceback" not in text, text
        assert _wait_for(lambda: not any(_alive(pid) for pid in workers), 5)  # noqa: B023 - used at once
