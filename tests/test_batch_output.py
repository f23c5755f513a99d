"""Issue 16: the `-o` file and the command's promises (refusals, locks, exit codes, stderr lines)."""

from __future__ import annotations

import fcntl
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import SAMPLES

GOOD = SAMPLES / "mois-hope-work-2009.txt"


def extract(*args: str, stdin: bytes | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "extractor", *args], input=stdin.decode() if stdin else None,
                          capture_output=True, text=True, errors="replace", timeout=300, check=False, cwd=cwd)


class Run:
    """The command in this process (Kiwi is loaded once for the test run): (exit code, stderr)."""

    def __init__(self, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
        self.capsys, self.monkeypatch = capsys, monkeypatch

    def __call__(self, *args: str, stdin: bytes | None = None) -> tuple[int, str]:
        from extractor.cli import main

        if stdin is not None:
            self.monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin)))
        try:
            code = main(list(args))
        except SystemExit as exc:
            code = int(exc.code or 0)
        return code, self.capsys.readouterr().err


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Run:
    return Run(capsys, monkeypatch)


def lines(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_refusals_come_before_anything_is_written(tmp_path: Path, run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    """Items 2, 3, 12, 14: an input as -o, a locked -o, a missing folder, /dev/full, a bad --published,
    a glob that matches nothing: each one line and its own exit code, with no input touched."""
    (tmp_path / "in").mkdir()
    article = tmp_path / "in" / "a.txt"
    article.write_bytes(GOOD.read_bytes())
    arts = tmp_path / "arts.jsonl"
    arts.write_text(json.dumps({"id": "x", "text": "정부가 밝혔다"}) + "\n", encoding="utf-8")
    (tmp_path / "hard.jsonl").hardlink_to(arts)
    (tmp_path / "only-md").mkdir()
    (tmp_path / "only-md" / "notes.md").write_text("x", encoding="utf-8")
    locked = tmp_path / "locked.jsonl"
    locked.write_text('{"id": "old"}\n', encoding="utf-8")
    cases = [
        (["arts.jsonl", "-o", "arts.jsonl"], 2, "-o arts.jsonl is the input arts.jsonl"),
        (["arts.jsonl", "-o", "hard.jsonl", "--resume"], 2, "is the input arts.jsonl"),
        (["in/a.txt", "-o", "in/a.txt"], 2, "is the input a.txt"),
        (["in", "-o", "in/out.jsonl"], 2, "is inside the input"),
        (["*.jsonl", "-o", "new.jsonl"], 2, "matches an input pattern"),
        (["arts.jsonl", "-o", "locked.jsonl"], 3, "locked.jsonl is being written by another extract run (locked)"),
        (["arts.jsonl", "-o", "no/such/folder/out.jsonl"], 3, "cannot write no/such/folder/out.jsonl: No such file"),
        (["in/a.txt", "--published", "2023-13-45"], 2, "--published '2023-13-45' is not a date"),
        (["nomatch*.txt", "-o", "o.jsonl"], 1, "nomatch*.txt: matched no file"),
        (["only-md", "-o", "o.jsonl"], 1, "only-md: no .txt/.html/.htm file (1 other files skipped)"),
    ]
    monkeypatch.chdir(tmp_path)
    with locked.open("r+b") as holder:
        fcntl.flock(holder, fcntl.LOCK_EX | fcntl.LOCK_NB)  # flock locks are per open file: as another run's
        for args, code, message in cases:
            got, stderr = run(*args)
            assert got == code, (args, stderr)
            assert message in stderr, (args, stderr)
    assert article.read_bytes() == GOOD.read_bytes()
    assert arts.read_text(encoding="utf-8").startswith('{"id": "x"')
    assert locked.read_text(encoding="utf-8") == '{"id": "old"}\n'
    assert not (tmp_path / "in" / "out.jsonl").exists() and not (tmp_path / "new.jsonl").exists()


def test_a_full_disk_leaves_no_half_line(tmp_path: Path, run: Run) -> None:
    """Item 12: a line that cannot be written whole is cut back off, and the error is an OutputError."""
    from extractor.batch.output import OutputError, open_output

    sink, _ = open_output(str(tmp_path / "o.jsonl"), resume=False, retry_failed=False)
    sink.write('{"id": "a"}\n')
    read, write = os.pipe()
    os.close(read)  # any write to `write` now fails, as a full disk would
    real = sink.fd
    sink.fd = write
    sink.is_file = False
    try:
        sink.write('{"id": "b"}\n')
    except OutputError:
        pass
    else:
        raise AssertionError("no OutputError")
    finally:
        sink.fd = real
        sink.is_file = True
        os.close(write)
    sink.close()
    assert (tmp_path / "o.jsonl").read_text(encoding="utf-8") == '{"id": "a"}\n'
    code, stderr = run(str(tmp_path / "o.jsonl"), "-o", "/dev/full", "-j", "1", "-q")
    assert code == 3 and stderr.strip().splitlines()[-1] == "extract: cannot write /dev/full: No space left on device"


def test_a_batch_names_failures_resumes_by_id_and_retries_failed(tmp_path: Path, run: Run,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """Items 11, 13, 14, 16 and 4 in one batch (one Kiwi): stderr names each failure, ids survive a
    respelling, --retry-failed replaces error lines, the exit code counts earlier failures, duplicate
    ids become id#2, standard input takes --input-format jsonl, a bad record date is a warning."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_bytes(GOOD.read_bytes())
    (folder / "empty.txt").write_bytes(b"")
    Path(os.fsdecode(bytes(folder) + b"/bad\xff.txt")).write_bytes(GOOD.read_bytes())
    out = tmp_path / "out.jsonl"
    monkeypatch.chdir(tmp_path)
    code, stderr = run("in", "-o", str(out), "-j", "1")
    assert code == 1
    assert "extract: empty.txt: InputError: empty input" in stderr.splitlines()
    assert sorted(str(line["id"]) for line in lines(out)) == ["a.txt", "bad\\xff.txt", "empty.txt"]
    code, stderr = run(str(folder), "-o", str(out), "--resume", "-j", "1")
    assert "skipped 3 (1 of them failed)" in stderr and code == 1
    (folder / "empty.txt").write_bytes(GOOD.read_bytes())
    code, stderr = run(str(folder) + "/", "-o", str(out), "--retry-failed", "-j", "1")
    assert code == 0, stderr
    assert "ok 1, failed 0, skipped 2" in stderr
    assert sorted(str(line["id"]) for line in lines(out)) == ["a.txt", "bad\\xff.txt", "empty.txt"]
    assert not any("error" in line for line in lines(out))

    text = GOOD.read_text(encoding="utf-8")
    rows = [{"id": "d", "text": text}, {"id": "d", "text": text, "published_at": "not a date"},
            {"id": "s", "text": "\ud800" + text}]
    stdin = "".join(json.dumps(row) + "\n" for row in rows).encode()
    code, stderr = run("-", "--input-format", "jsonl", "-o", str(tmp_path / "p.jsonl"), "-j", "1", stdin=stdin)
    assert code == 0, stderr
    assert "extract: d: duplicate id, written as d#2" in stderr
    got = {str(line["id"]): line for line in lines(tmp_path / "p.jsonl")}
    assert list(got) == ["d", "d#2", "s"]
    assert "published_at 'not a date' is not a date: ignored" in got["d#2"]["warnings"]  # type: ignore[operator]
    assert "duplicate id 'd': written as d#2" in got["d#2"]["warnings"]  # type: ignore[operator]
    assert "1 lone surrogate code point(s) replaced with U+FFFD" in got["s"]["warnings"]  # type: ignore[operator]


def test_a_closed_pipe_ends_the_run_quietly(tmp_path: Path) -> None:
    """Item 12: `extract in/ | head -1` exits 141 without a BrokenPipeError traceback."""
    folder = tmp_path / "in"
    folder.mkdir()
    for number in range(40):
        (folder / f"a{number}.txt").write_bytes(GOOD.read_bytes())
    child = subprocess.Popen([sys.executable, "-m", "extractor", str(folder), "-j", "1", "-q"],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert child.stdout is not None and child.stderr is not None
    child.stdout.readline()
    child.stdout.close()
    stderr = child.stderr.read().decode("utf-8", "replace")
    assert child.wait(timeout=300) == 141
    assert stderr == ""
