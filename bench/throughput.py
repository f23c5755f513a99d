"""Throughput, memory and start-up of the pipeline against Kiwi's own speed.

    .venv/bin/python bench/throughput.py [--docs 400]

Builds a corpus by replicating samples/ to N documents, then prints:
  (1) Kiwi-only tokenization of the article bodies: the floor we cannot beat;
  (2) our whole pipeline in one process, and its ratio to (1);
  (3) the batch CLI with 1 and with 2 jobs, and the speed-up;
  (4) peak RSS of a batch worker against a process that only loads Kiwi;
  (5) the cold start of `extract` on one article against Kiwi as we build it and a bare Kiwi();
  (6) the cost of writing the output as tables (DuckDB, Parquet, CSV) per 1,000 articles.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
EXTRACT = [sys.executable, "-m", "extractor"]
# A bare Kiwi: construction and its first call, which loads the rest of the model.
KIWI_ONLY = ("import warnings; warnings.simplefilter('ignore');"
             "from kiwipiepy import Kiwi; Kiwi(load_typo_dict=False, load_multi_dict=False).tokenize('시장이 말했다.')")
# The issue's own yardstick, Kiwi() with its defaults (typo and multi-word dictionaries), which
# we do not load: reported beside the stricter comparison with Kiwi as we build it.
KIWI_DEFAULT = ("import warnings; warnings.simplefilter('ignore');"
                "from kiwipiepy import Kiwi; Kiwi().tokenize('시장이 말했다.')")
COLD_RUNS = 5
BATCH_RUNS = 3


def corpus(count: int, folder: Path) -> list[Path]:
    sources = sorted(p for p in SAMPLES.iterdir() if p.suffix in (".txt", ".html"))
    paths = []
    for i in range(count):
        source = sources[i % len(sources)]
        target = folder / f"{i:06d}-{source.name}"
        shutil.copyfile(source, target)
        paths.append(target)
    return paths


# Runs a command and prints the peak RSS of its largest descendant: measured in a fresh
# process so that no earlier run's peak is counted.
_MEASURE = ("import resource, subprocess, sys; subprocess.run(sys.argv[1:], capture_output=True);"
            "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")


def timed_run(command: list[str]) -> tuple[float, int]:
    """(seconds, peak RSS in MB of the largest process) of a command."""
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-c", _MEASURE, *command], check=False, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    return elapsed, int(result.stdout.strip() or 0) // 1024


def table_costs(lines: list[str], folder: Path) -> dict[str, float]:
    """Seconds per 1,000 articles to turn output lines into each table format (the [tables] extra)."""
    from extractor.tables import open_sink

    costs = {}
    for kind in ("duckdb", "parquet", "csv"):
        start = time.perf_counter()
        with open_sink(folder / f"tables-{kind}", kind=kind) as sink:
            for line in lines:
                sink.write(line + "\n")
        costs[kind] = (time.perf_counter() - start) * 1000 / len(lines)
    return costs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=400)
    args = parser.parse_args()

    from extractor import Extractor, analysis

    with tempfile.TemporaryDirectory() as tmp, tempfile.TemporaryDirectory() as out_tmp:
        folder, out = Path(tmp), Path(out_tmp)  # outputs outside the inputs: extract refuses -o inside them
        paths = corpus(args.docs, folder)
        size_kb = sum(p.stat().st_size for p in paths) / 1024
        extractor = Extractor()
        kiwi = analysis.kiwi()
        kiwi.tokenize("")
        # Each copy's own body: the copies are named NNNNNN-<sample name>.
        bodies = {p.name.split("-", 1)[1]: extractor.extract(p).body for p in paths}
        body_list = [bodies[p.name.split("-", 1)[1]] for p in paths]
        body_kb = sum(len(b.encode("utf-8")) for b in body_list) / 1024

        # Per document, so that scraped text and saved pages can be told apart below.
        kiwi_by: dict[str, float] = {}
        ours_by: dict[str, float] = {}
        for path, body in zip(paths, body_list, strict=True):
            start = time.perf_counter()
            for line in body.split("\n"):
                kiwi.tokenize(line)
            kiwi_by[path.suffix] = kiwi_by.get(path.suffix, 0.0) + time.perf_counter() - start
        for path in paths:
            start = time.perf_counter()
            extractor.extract(path)
            ours_by[path.suffix] = ours_by.get(path.suffix, 0.0) + time.perf_counter() - start
        kiwi_s, ours_s = sum(kiwi_by.values()), sum(ours_by.values())
        from extractor.tables import OutputRefused

        try:
            lines = [extractor.extract(p).model_copy(update={"id": p.name}).model_dump_json() for p in paths]
            tables = table_costs(lines, out)
        except OutputRefused:  # the [tables] extra is not installed
            tables = {}

        # Medians of runs taking turns, as for the cold start below: single runs here vary by a third.
        ones, twos = [], []
        for _ in range(BATCH_RUNS):
            ones.append(timed_run([*EXTRACT, str(folder), "-j", "1", "-q", "-o", str(out / "o1.jsonl")]))
            twos.append(timed_run([*EXTRACT, str(folder), "-j", "2", "-q", "-o", str(out / "o2.jsonl")]))
        one_s, two_s = statistics.median(t for t, _ in ones), statistics.median(t for t, _ in twos)
        rss_one, rss_two = max(rss for _, rss in ones), max(rss for _, rss in twos)
        # Start-up times vary by a few tenths of a second run to run here: medians of several,
        # the two commands taking turns so that the machine's drift hits both alike.
        kiwi_runs, cold_runs, default_runs = [], [], []
        for _ in range(COLD_RUNS):
            kiwi_runs.append(timed_run([sys.executable, "-c", KIWI_ONLY]))
            cold_runs.append(timed_run([*EXTRACT, str(SAMPLES / "daegu-social-economy-2020.txt")]))
            default_runs.append(timed_run([sys.executable, "-c", KIWI_DEFAULT]))
        kiwi_load_s, cold_s = statistics.median(t for t, _ in kiwi_runs), statistics.median(t for t, _ in cold_runs)
        default_s = statistics.median(t for t, _ in default_runs)
        rss_default = max(rss for _, rss in default_runs)
        rss_kiwi = max(rss for _, rss in kiwi_runs)

    n = len(paths)
    print(f"corpus: {n} documents replicated from samples/, {size_kb:,.0f} KB as stored, {body_kb:,.0f} KB of bodies")
    print(f"{'':<44}{'docs/s':>10}{'KB/s':>10}")
    print(f"{'(1) Kiwi tokenization of the bodies':<44}{n / kiwi_s:>10.1f}{body_kb / kiwi_s:>10.0f}")
    print(f"{'(2) whole pipeline, one process':<44}{n / ours_s:>10.1f}{size_kb / ours_s:>10.0f}"
          f"   ratio to (1): {kiwi_s / ours_s:.2f}")
    for suffix, kind in ((".txt", "scraped text"), (".html", "saved pages")):
        count = sum(1 for p in paths if p.suffix == suffix)
        if count:
            print(f"{'    of which ' + kind:<44}{count / ours_by[suffix]:>10.1f}{'':>10}"
                  f"   ratio to Kiwi on the same: {kiwi_by[suffix] / ours_by[suffix]:.2f}")
    print(f"{'(3) batch CLI, 1 job (median of 3)':<44}{n / one_s:>10.1f}{size_kb / one_s:>10.0f}")
    print(f"{'    batch CLI, 2 jobs (median of 3)':<44}{n / two_s:>10.1f}{size_kb / two_s:>10.0f}"
          f"   speed-up: {one_s / two_s:.2f}x")
    print(f"(4) peak RSS: batch worker {max(rss_one, rss_two)} MB; a process that only loads Kiwi as we build it"
          f" {rss_kiwi} MB (+{max(rss_one, rss_two) - rss_kiwi} MB); a bare Kiwi() {rss_default} MB")
    print(f"(5) cold start, median of {COLD_RUNS}: extract on one article {cold_s:.2f} s;"
          f" Kiwi as we build it, constructed and called once, {kiwi_load_s:.2f} s (+{cold_s - kiwi_load_s:.2f} s);"
          f" a bare Kiwi() {default_s:.2f} s ({cold_s - default_s:+.2f} s)")
    if tables:
        print("(6) tables from output lines, per 1,000 articles: "
              + ", ".join(f"{kind} {seconds:.2f} s" for kind, seconds in tables.items()))
    else:
        print("(6) tables: not measured (pip install -e '.[tables]')")


if __name__ == "__main__":
    main()
