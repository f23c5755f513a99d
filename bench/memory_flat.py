"""Memory over a long batch: the peak RSS once 2,000 documents are written against at the end.

    .venv/bin/python bench/memory_flat.py [--docs 20000] [-j 2] [--processes 1]

Writes a JSON Lines archive of N documents made from samples/ (every scraped-text copy given
a sentence of its own, so that no cache keyed on the text can hide a leak), runs the batch CLI
on it, and samples the resident memory of the run's processes every 0.2 s together with the
number of lines written. A batch engine whose memory is flat shows the same peak at 2,000
documents as at 20,000 (issue 17: within 10 %); a leak of 1 KB a document would show as 18 MB.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from throughput import memory_kb, tree  # bench/ is the script's folder: on sys.path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
SAMPLE_EVERY = 0.2
CHECKPOINTS = (500, 2000, 5000, 10000)


def archive(count: int, target: Path) -> None:
    sources = sorted(p for p in SAMPLES.iterdir() if p.suffix in (".txt", ".html"))
    texts = [(p.suffix, _text(p.read_bytes())) for p in sources]
    with target.open("w", encoding="utf-8") as out:
        for i in range(count):
            suffix, text = texts[i % len(texts)]
            if suffix == ".html":
                row = {"id": f"d{i:06d}", "html": text}
            else:
                row = {"id": f"d{i:06d}", "text": text + f"\n이 사업의 {i}번째 과제에는 {i % 97 + 1}억원이 든다.\n"}
            out.write(json.dumps(row, ensure_ascii=False) + "\n")


def _text(data: bytes) -> str:
    """A sample's text: the CP949 and EUC-KR copies are not UTF-8 (a JSON line carries text, not bytes)."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp949")


def rss_mb(root: int) -> float:
    """Resident memory of `root` and its descendants, in MB."""
    return sum(memory_kb(pid)[1] for pid in tree(root)) / 1024


class LineCount:
    """Lines written so far, reading only what was added since the last look."""

    def __init__(self, path: Path) -> None:
        self.path, self.offset, self.count = path, 0, 0

    def __call__(self) -> int:
        try:
            with self.path.open("rb") as handle:
                handle.seek(self.offset)
                for chunk in iter(lambda: handle.read(1 << 20), b""):
                    self.count += chunk.count(b"\n")
                    self.offset += len(chunk)
        except OSError:
            pass
        return self.count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=20000)
    parser.add_argument("-j", "--jobs", default="2")
    parser.add_argument("--processes", default="1")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        source, out = Path(tmp) / "archive.jsonl", Path(tmp) / "out" / "out.jsonl"
        out.parent.mkdir()
        archive(args.docs, source)
        started = time.monotonic()
        errors_file = (Path(tmp) / "stderr.txt").open("w+b")  # a pipe left unread would fill and stop the run
        child = subprocess.Popen([sys.executable, "-m", "extractor", str(source), "-j", args.jobs,
                                  "--processes", args.processes, "-q", "-o", str(out)],
                                 stdout=subprocess.DEVNULL, stderr=errors_file)
        peak, at = 0.0, {}
        lines_in = LineCount(out)
        written = 0
        while child.poll() is None:
            peak = max(peak, rss_mb(child.pid))
            written = lines_in()
            for mark in CHECKPOINTS:
                if written >= mark and mark not in at:
                    at[mark] = peak
            time.sleep(SAMPLE_EVERY)
        seconds = time.monotonic() - started
        written = lines_in()
        errors_file.seek(0)
        errors = errors_file.read().decode("utf-8", "replace")
        errors_file.close()
    print(f"{args.docs} documents, -j {args.jobs} --processes {args.processes}: {written} lines in {seconds:.0f} s"
          f" ({written / seconds:.1f} docs/s), exit {child.returncode}")
    for mark, value in sorted(at.items()):
        print(f"  peak RSS by {mark:>6} lines: {value:,.0f} MB")
    print(f"  peak RSS at the end ({written} lines): {peak:,.0f} MB")
    if 2000 in at:
        print(f"  end against 2,000: {peak / at[2000]:.3f}x (issue 17: within 1.10x)")
    if errors.strip():
        print("  stderr: " + errors.strip().splitlines()[-1])


if __name__ == "__main__":
    main()
