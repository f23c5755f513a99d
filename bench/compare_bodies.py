"""Body extraction side by side: ours against trafilatura, on pages with a reference body.

    .venv/bin/pip install -e '.[bench]'
    .venv/bin/python bench/compare_bodies.py [--bodies ../shared/eval/bodies] [--pages samples]

Scores whitespace tokens (precision, recall, F1 as multisets) of each extractor's body
against the reference body of each HTML page, with the time per page, and prints both.
"""

from __future__ import annotations

import argparse
import time
from collections import Counter
from pathlib import Path

from extractor.clean.html import clean_html
from extractor.decode import decode

ROOT = Path(__file__).resolve().parent.parent


def prf(reference: str, got: str) -> tuple[float, float, float]:
    ref, out = Counter(reference.split()), Counter(got.split())
    common = sum((ref & out).values())
    precision = common / sum(out.values()) if out else 0.0
    recall = common / sum(ref.values()) if ref else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def ours(page: str) -> str:
    return clean_html(page).body


def theirs(page: str) -> str:
    import trafilatura

    return trafilatura.extract(page, include_comments=False, include_tables=False, favor_precision=False) or ""


def have_trafilatura() -> bool:
    """Whether the comparison can run: without the bench extra, our figures alone are printed."""
    try:
        import trafilatura  # noqa: F401
    except ImportError:
        return False
    return True


def timed(fn, page: str, repeat: int) -> tuple[str, float]:  # type: ignore[no-untyped-def]
    fn(page)  # warm up (imports, caches)
    start = time.perf_counter()
    for _ in range(repeat):
        out = fn(page)
    return out, (time.perf_counter() - start) / repeat * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--bodies", type=Path, default=ROOT.parent / "shared" / "eval" / "bodies")
    parser.add_argument("--pages", type=Path, default=ROOT / "samples")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    if not args.bodies.is_dir():
        args.bodies = ROOT / "tests" / "reference"
    rows = []
    compare = have_trafilatura()
    if not compare:
        print("trafilatura is not installed (pip install -e '.[bench]'): our figures only")
    for reference_path in sorted(args.bodies.glob("*.txt")):
        page_path = args.pages / (reference_path.stem + ".html")
        if not page_path.exists():
            continue
        page = decode(page_path.read_bytes()).text
        reference = reference_path.read_text(encoding="utf-8")
        our_body, our_ms = timed(ours, page, args.repeat)
        their_body, their_ms = timed(theirs, page, args.repeat) if compare else ("", 0.0)
        rows.append((reference_path.stem, prf(reference, our_body), our_ms, prf(reference, their_body), their_ms))
    print(f"{'page':<38}{'ours P':>8}{'R':>7}{'F1':>7}{'ms':>8}   {'trafilatura P':>14}{'R':>7}{'F1':>7}{'ms':>8}")
    for name, (p, r, f), ms, (tp, tr, tf), tms in rows:
        flag = "" if f >= tf or not compare else "   <- below trafilatura"
        print(f"{name:<38}{p:>8.3f}{r:>7.3f}{f:>7.3f}{ms:>8.1f}   {tp:>14.3f}{tr:>7.3f}{tf:>7.3f}{tms:>8.1f}{flag}")
    if rows:
        mean = [sum(row[i][2] for row in rows) / len(rows) for i in (1, 3)]
        ms = [sum(row[i] for row in rows) / len(rows) for i in (2, 4)]
        blank = ""
        print(f"{'average':<38}{blank:>15}{mean[0]:>7.3f}{ms[0]:>8.1f}   {blank:>21}{mean[1]:>7.3f}{ms[1]:>8.1f}")


if __name__ == "__main__":
    main()
