"""The `extract` command's batch mode: inputs → checks → the locked output → a runner → an exit code.

Exit codes: 0 every input ok (in the whole output file, earlier runs included); 1 some input
failed, or nothing was found to extract; 2 a usage error, or -o names an input; 3 the output
cannot be written (permission, missing folder, full disk, another run holds it); 130 Ctrl-C
and 143 SIGTERM, after the summary; 141 standard output closed (`| head`), quietly.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable

from ..pipeline import Settings
from .inputs import Expanded, Item, expand
from .output import OutputClosed, OutputError, Previous, Sink, open_output, overlap
from .progress import Progress, Say
from .table_output import TableWriter, open_tables, table_target

EXIT_FAILED, EXIT_USAGE, EXIT_OUTPUT, EXIT_PIPE = 1, 2, 3, 141
Output = Sink | TableWriter  # JSON Lines, or tables


def run(args: argparse.Namespace, settings: Settings) -> int:
    """The whole batch: nothing is opened for writing until the inputs are known and checked."""
    progress = Progress(None, enabled=sys.stderr.isatty() and not args.quiet)

    def say(line: str) -> None:
        progress.note(f"extract: {line}")

    found = expand(args.paths)
    for line in found.notes:
        say(line)
    for target in (args.output, getattr(args, "tables", None)):
        if target and (why := overlap(target, found)):
            say(why)
            return EXIT_USAGE
    if args.engine == "ray" or args.output_format == "parquet":
        code = _ray(args, settings, found, say)
        if code in (0, EXIT_FAILED):
            _people(args, say)
        return code
    try:
        sink, previous = _open(args)
    except OutputError as exc:
        say(str(exc))
        return EXIT_OUTPUT
    try:
        code = _local(args, settings, found, sink, previous, progress, say)
    finally:
        sink.close()
    if code not in (130, 143):  # an interrupted run's index waits for the run that finishes it
        _people(args, say)
    return code


def _people(args: argparse.Namespace, say: Say) -> None:
    """The people index beside a JSON Lines file (tables hold theirs as the people table)."""
    if not args.output or table_target(args) is not None:
        return
    from .people_file import write_people

    try:
        written = write_people(args.output)
    except OSError as exc:
        say(f"cannot write the people index beside {args.output}: {exc.strerror or exc}")
        return
    except (KeyError, TypeError, ValueError) as exc:  # a line edited by hand in a resumed output
        say(f"cannot build the people index of {args.output}: {type(exc).__name__}: {exc}")
        return
    if written and not args.quiet:
        say(f"people index: {written}")


def _open(args: argparse.Namespace) -> tuple[Output, Previous]:
    """The batch's output: JSON Lines (a file or standard output), or tables (DuckDB, a folder)."""
    target = table_target(args)
    if target is not None:
        return open_tables(*target, resume=args.resume, retry_failed=args.retry_failed)
    return open_output(args.output, resume=args.resume, retry_failed=args.retry_failed)


def _local(args: argparse.Namespace, settings: Settings, found: Expanded, sink: Output, previous: Previous,
           progress: Progress, say: Say) -> int:
    from .runner import WorkersFailing
    from .runner import run as run_batch

    items: Iterable[Item] = found.items(max_bytes=settings.max_bytes, input_format=args.input_format, note=say)
    if not any(_streams(found, args.input_format)):
        items = list(items)  # paths only: cheap to list, and the progress line gets a total
        progress.total = sum(1 for item in items if item.id not in previous.done)
    if previous.retried and not args.quiet:
        say(f"--retry-failed: {previous.retried} error lines removed, their inputs are tried again")
    try:
        summary = run_batch(items, sink, settings=settings, jobs=args.jobs, processes=args.processes or 1,
                            ordered=not args.unordered,
                            skip=previous.done, published_at=args.published, progress=progress,
                            on_failure=say, note=say)
    except OutputClosed:
        return EXIT_PIPE
    except (OutputError, WorkersFailing) as exc:
        progress.close()
        say(str(exc))
        return EXIT_OUTPUT if isinstance(exc, OutputError) else EXIT_FAILED
    summary.earlier_failed = previous.failed
    if not args.quiet:
        say(summary.line())
    if summary.interrupted:
        return 143 if summary.terminated else 130
    if not (summary.ok or summary.failed or summary.skipped):
        say("no input found: nothing was extracted")
        return EXIT_FAILED
    return EXIT_FAILED if summary.failed or previous.failed else 0


def _streams(found: Expanded, input_format: str) -> Iterable[bool]:
    from .inputs import is_stream

    for source in found.sources:
        yield source.path == "-" or input_format in ("jsonl", "warc") or is_stream(source.path)


def _ray(args: argparse.Namespace, settings: Settings, found: Expanded, say: Say) -> int:
    from . import ray_engine

    if args.output_format == "parquet" and (args.engine != "ray" or not args.output):
        say("parquet output goes with --engine ray and -o DIR")
        return EXIT_USAGE
    sink: Output | None = None
    previous = Previous()
    try:
        if args.output_format != "parquet":
            sink, previous = _open(args)
    except OutputError as exc:
        say(str(exc))
        return EXIT_OUTPUT
    items = found.items(max_bytes=settings.max_bytes, input_format=args.input_format, note=say)
    try:
        summary = ray_engine.run(_named(items, say), sink, settings=settings, address=args.address,
                                 actors=args.processes, threads=args.jobs or 1,
                                 published_at=args.published, skip=previous.done,
                                 parquet=args.output if args.output_format == "parquet" else None)
    except ray_engine.MissingRay as exc:
        say(str(exc))
        return EXIT_USAGE
    except OutputClosed:
        return EXIT_PIPE
    except OutputError as exc:
        say(str(exc))
        return EXIT_OUTPUT
    finally:
        if sink:
            sink.close()
    if not args.quiet:
        say(f"{summary.line()} (ray)")
    return EXIT_FAILED if summary.failed or previous.failed else 0


def _named(items: Iterable[Item], say: Say) -> Iterable[Item]:
    """Name each unreadable input on stderr as it is met (its error line follows in the output)."""
    for item in items:
        if item.error:
            say(f"{item.id}: {item.error_kind}: {item.error}")
        yield item
