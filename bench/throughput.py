"""Throughput, memory and start-up of the pipeline against Kiwi's own speed.

    .venv/bin/python bench/throughput.py [--docs 400]

Builds a corpus by replicating samples/ to N documents, then prints:
  (1) Kiwi alone on the pieces of the article bodies, one thread: the floor we cannot beat;
  (2) our whole pipeline, one document at a time in one thread, and its ratio to (1), in
      documents per CPU-second (the issue-17 target: at least 0.70);
  (3) the batch CLI: one Kiwi thread; one process with two Kiwi threads (`-j 2`); two worker
      processes (`--processes 2`): documents per second and per CPU-second, and the peak of
      the proportional memory (PSS) summed over the run's processes, sampled every 50 ms;
  (4) peak RSS of the batch against a process that only loads Kiwi;
  (5) the cold start of `extract` on one article against Kiwi as we build it and a bare Kiwi();
  (6) the cost of writing the output as tables (DuckDB, Parquet, CSV) per 1,000 articles.
Runs that are compared take turns, and medians are shown: single runs here vary by a third.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
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
SAMPLE_EVERY = 0.05


def corpus(count: int, folder: Path) -> list[Path]:
    sources = sorted(p for p in SAMPLES.iterdir() if p.suffix in (".txt", ".html"))
    paths = []
    for i in range(count):
        source = sources[i % len(sources)]
        target = folder / f"{i:06d}-{source.name}"
        shutil.copyfile(source, target)
        paths.append(target)
    return paths


@dataclass
class Run:
    seconds: float
    cpu: float  # user + system seconds of the process and every descendant it waited for
    peak_rss_mb: int  # of the largest process
    peak_pss_mb: int  # summed over the process tree, at its highest sample


def tree(pid: int) -> list[int]:
    """`pid` and its descendants, from /proc (Linux)."""
    parents: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            parents[int(entry)] = int(stat.rsplit(")", 1)[1].split()[1])
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        todo.extend(child for child, parent in parents.items() if parent == current)
    return found


def memory_kb(pid: int) -> tuple[int, int]:
    """(PSS, RSS) in kB of one process; (0, 0) once it is gone."""
    values = {"Pss:": 0, "Rss:": 0}
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            key, _, rest = line.partition(" ")
            if key in values:
                values[key] = int(rest.split()[0])
    except (OSError, ValueError):
        pass
    return values["Pss:"], values["Rss:"]


def measured_run(command: list[str]) -> Run:
    """Wall time, CPU time and memory of a command, its memory sampled while it runs."""
    start = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    peak_pss = peak_rss = 0
    while child.poll() is None:
        readings = [memory_kb(pid) for pid in tree(child.pid)]
        peak_pss = max(peak_pss, sum(pss for pss, _ in readings))
        peak_rss = max(peak_rss, max((rss for _, rss in readings), default=0))
        time.sleep(SAMPLE_EVERY)
    elapsed = time.perf_counter() - start
    # poll() reaped the child; its usage and that of the workers it waited for are in RUSAGE_CHILDREN
    return Run(elapsed, 0.0, peak_rss // 1024, peak_pss // 1024)


def cpu_of_children() -> float:
    import resource

    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed_run(command: list[str]) -> Run:
    """A measured run with its CPU seconds: the difference of this process's children's usage."""
    before = cpu_of_children()
    run = measured_run(command)
    run.cpu = cpu_of_children() - before
    return run


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


def engine_split(paths: list[Path]) -> tuple[float, float, float]:
    """(main thread's CPU, the process's CPU, wall) seconds of the one-process engine, 2 threads.

    The main thread runs all our Python; Kiwi's threads the rest. One process is limited by
    its main thread once the cores can tokenize faster than it prepares and finishes: at
    1 + Kiwi's share / ours cores, beyond which `--processes` pays.
    """
    from extractor.batch import discover
    from extractor.batch.threads import Engine

    engine = Engine(threads=2)
    items = list(discover([str(path) for path in paths]))
    engine.lines(items[:20])
    main, process, wall = time.thread_time(), time.process_time(), time.perf_counter()
    engine.run(items, lambda line: None)
    return time.thread_time() - main, time.process_time() - process, time.perf_counter() - wall


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

        # CPU seconds of this one thread, per document, so that scraped text and saved pages can
        # be told apart; Kiwi is given exactly the pieces the pipeline gives it.
        kiwi_by: dict[str, float] = {}
        ours_by: dict[str, float] = {}
        for path, body in zip(paths, body_list, strict=True):
            start = time.thread_time()
            for _, text in analysis.pieces(body):
                kiwi.tokenize(text)
            kiwi_by[path.suffix] = kiwi_by.get(path.suffix, 0.0) + time.thread_time() - start
        wall = time.perf_counter()
        for path in paths:
            start = time.thread_time()
            extractor.extract(path)
            ours_by[path.suffix] = ours_by.get(path.suffix, 0.0) + time.thread_time() - start
        ours_wall = time.perf_counter() - wall
        kiwi_s, ours_s = sum(kiwi_by.values()), sum(ours_by.values())
        from extractor.tables import OutputRefused

        try:
            lines = [extractor.extract(p).model_copy(update={"id": p.name}).model_dump_json() for p in paths]
            tables = table_costs(lines, out)
        except OutputRefused:  # the [tables] extra is not installed
            tables = {}
        main_cpu, all_cpu, engine_wall = engine_split(paths)

        batch = {"one": ["-j", "1"], "threads": ["-j", "2"], "processes": ["--processes", "2"]}
        runs: dict[str, list[Run]] = {name: [] for name in batch}
        for _ in range(BATCH_RUNS):
            for name, options in batch.items():
                runs[name].append(timed_run([*EXTRACT, str(folder), *options, "-q", "-o", str(out / f"{name}.jsonl")]))
        # Start-up times vary by a few tenths of a second run to run here: medians of several,
        # the commands taking turns so that the machine's drift hits all alike.
        kiwi_runs, cold_runs, default_runs = [], [], []
        for _ in range(COLD_RUNS):
            kiwi_runs.append(timed_run([sys.executable, "-c", KIWI_ONLY]))
            cold_runs.append(timed_run([*EXTRACT, str(SAMPLES / "daegu-social-economy-2020.txt")]))
            default_runs.append(timed_run([sys.executable, "-c", KIWI_DEFAULT]))

    n = len(paths)

    def median(values: list[Run], key: str) -> float:
        return statistics.median(float(getattr(run, key)) for run in values)

    print(f"corpus: {n} documents replicated from samples/, {size_kb:,.0f} KB as stored, {body_kb:,.0f} KB of bodies")
    print(f"{'':<48}{'docs/s':>8}{'docs/CPU-s':>12}")
    print(f"{'(1) Kiwi on the pieces of the bodies, one thread':<48}{'':>8}{n / kiwi_s:>12.1f}")
    print(f"{'(2) whole pipeline, one thread':<48}{n / ours_wall:>8.1f}{n / ours_s:>12.1f}"
          f"   ratio to (1): {kiwi_s / ours_s:.2f}")
    for suffix, kind in ((".txt", "scraped text"), (".html", "saved pages")):
        count = sum(1 for p in paths if p.suffix == suffix)
        if count:
            print(f"{'    of which ' + kind:<48}{'':>8}{count / ours_by[suffix]:>12.1f}"
                  f"   ratio to Kiwi on the same: {kiwi_by[suffix] / ours_by[suffix]:.2f}")
    names = {"one": "-j 1: one process, one Kiwi thread", "threads": "-j 2: one process, two Kiwi threads",
             "processes": "--processes 2: two worker processes"}
    for name, label in names.items():
        seconds, cpu = median(runs[name], "seconds"), median(runs[name], "cpu")
        print(f"{'(3) ' + label:<48}{n / seconds:>8.1f}{n / cpu:>12.1f}"
              f"   peak PSS summed {median(runs[name], 'peak_pss_mb'):,.0f} MB (median of {BATCH_RUNS})")
    threads_s, processes_s = median(runs["threads"], "seconds"), median(runs["processes"], "seconds")
    threads_pss, processes_pss = median(runs["threads"], "peak_pss_mb"), median(runs["processes"], "peak_pss_mb")
    one_s = median(runs["one"], "seconds")
    print(f"    -j 2 against --processes 2: {processes_s / threads_s:.2f}x the docs/s at"
          f" {threads_pss / processes_pss:.2f}x the memory; -j 2 against -j 1: {one_s / threads_s:.2f}x")
    kiwi_share = all_cpu - main_cpu
    print(f"    in-process, -j 2: {n / engine_wall:.1f} docs/s; per document {1000 * main_cpu / n:.1f} ms of the main"
          f" thread (busy {main_cpu / engine_wall:.0%} of the run), {1000 * kiwi_share / n:.1f} ms on Kiwi's threads:"
          f" one process keeps up with up to {1 + kiwi_share / main_cpu:.1f} cores, --processes pays beyond")
    rss_batch = max(run.peak_rss_mb for run in runs["threads"])
    rss_kiwi = max(run.peak_rss_mb for run in kiwi_runs)
    rss_default = max(run.peak_rss_mb for run in default_runs)
    print(f"(4) peak RSS: the -j 2 batch {rss_batch} MB; a process that only loads Kiwi as we build it"
          f" {rss_kiwi} MB (+{rss_batch - rss_kiwi} MB); a bare Kiwi() {rss_default} MB")
    cold_s, kiwi_load_s, default_s = (median(cold_runs, "seconds"), median(kiwi_runs, "seconds"),
                                      median(default_runs, "seconds"))
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
