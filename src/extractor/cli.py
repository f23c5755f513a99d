"""The `extract` command: arguments, output and exit codes; no extraction logic here.

Exit codes: 0 every input ok, 1 some input failed (each named on stderr in one line) or none
was found, 2 a usage error, 3 the output cannot be written, 130/143 interrupted by SIGINT or
SIGTERM, 141 standard output closed. One input prints indented JSON; several print JSON Lines
(batch/command.py).
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import sys
from pathlib import Path
from types import FrameType

from .batch.inputs import is_glob, is_stream
from .cli_args import parser as cli_parser
from .errors import ExtractorError
from .pipeline import Extractor, Settings
from .records import Article


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["tables"] and not os.path.exists("tables"):  # a folder named tables stays an input
        from .tables.convert import main as convert

        return convert(argv[1:])
    parser = cli_parser()
    args = parser.parse_args(argv)
    if args.schema:
        sys.stdout.write(schema_json())
        return 0
    if args.check_rules:
        return _check_rules(args.quiet)
    if not args.paths:
        parser.error("give at least one PATH, or - for standard input")
    if args.tables and args.output:
        parser.error("--tables DIR is the batch's output: leave out -o (or convert later: extract tables OUT.jsonl)")
    if (args.resume or args.retry_failed) and not (args.output or args.tables):
        parser.error("--resume and --retry-failed need -o FILE: they skip the ids already in that file")
    args.resume = args.resume or args.retry_failed
    if args.jobs is not None and args.jobs < 1:
        parser.error("--jobs takes a whole number of at least 1")
    if args.processes is not None and args.processes < 1:
        parser.error("--processes takes a whole number of at least 1")
    _formats(parser, args)
    if args.published is not None:
        from .clean.meta import parse_timestamp

        if parse_timestamp(args.published) is None:  # before Kiwi loads, not once per document
            parser.error(f"--published {args.published!r} is not a date (e.g. 2023-04-21)")
    settings = Settings(format=args.input_format if args.input_format in ("text", "html") else "auto", kind=args.kind)
    if _single(args):
        if args.html_dir:
            parser.error("--html-dir is for several inputs; use --html FILE for one")
        return _one(Extractor(settings), args.paths[0], args.output, args.published, args.html)
    if args.html:
        parser.error("--html is for one input; use --html-dir DIR for several")
    if args.html_dir and (not args.output or args.tables or args.output.lower().endswith(".duckdb")):
        parser.error("--html-dir needs -o FILE: the pages are made from the JSON Lines written there")
    from .batch.command import run as run_batch

    code = run_batch(args, settings)
    if args.html_dir and code in (0, 1):  # no pages from an output that was refused, failed or cut short
        from .review import write_pages

        try:
            lines = Path(args.output).read_text(encoding="utf-8", errors="replace").splitlines()
            count = write_pages(lines, args.html_dir)
        except OSError as exc:
            print(f"extract: cannot write the review pages: {exc.strerror or exc}", file=sys.stderr)
            return 3
        if not args.quiet:
            print(f"extract: {count} review pages and index.html in {args.html_dir}", file=sys.stderr)
    return code


def _check_rules(quiet: bool) -> int:
    from . import rules

    found = rules.problems()
    for line in found:
        print(f"extract: {line}", file=sys.stderr)
    if not found and not quiet:
        print(f"extract: {len(rules.models())} rule files are valid", file=sys.stderr)
    return 1 if found else 0


def _formats(parser: argparse.ArgumentParser, args: argparse.Namespace) -> None:
    """--format names the input's format; `parquet` alone still means the output's, as Ray users write it."""
    if args.format == "parquet":
        if args.output_format not in ("jsonl", "parquet"):
            parser.error(f"--format parquet and --output-format {args.output_format} disagree")
        args.output_format, args.format = "parquet", "auto"
    if args.format != "auto":
        if args.input_format not in ("auto", args.format):
            parser.error(f"--format {args.format} and --input-format {args.input_format} disagree")
        args.input_format = args.format


def _single(args: argparse.Namespace) -> bool:
    """One article in, one indented JSON object out; anything else is a batch of JSON Lines."""
    if len(args.paths) != 1 or args.input_format in ("jsonl", "warc"):
        return False
    if args.tables or args.output_format == "duckdb" or (args.output or "").lower().endswith(".duckdb"):
        return False  # tables are a batch's output, even of one article
    name = args.paths[0]
    return name == "-" or (not os.path.isdir(name) and not is_stream(name) and not is_glob(name))


def _one(extractor: Extractor, name: str, output: str | None, published: str | None,
         review_page: str | None) -> int:
    from .batch.inputs import expand, printable
    from .batch.output import overlap

    for target in (output, review_page):
        if target and name != "-" and (why := overlap(target, expand([name]))):
            print(f"extract: {why}", file=sys.stderr)  # before anything is opened for writing
            return 2
    try:
        article = _extract_one(extractor, name, published)
    except ExtractorError as exc:
        print(f"extract: {printable(name)}: {exc}", file=sys.stderr)
        return 1
    text = article.model_dump_json(indent=2) + "\n"
    try:
        if review_page:
            from .review import render

            Path(review_page).write_text(render(article), encoding="utf-8")
        if output:
            Path(output).write_text(text, encoding="utf-8")
        else:
            sys.stdout.write(text)
            sys.stdout.flush()
    except BrokenPipeError:
        raise
    except OSError as exc:
        print(f"extract: cannot write {printable(str(exc.filename or output))}: {exc.strerror or exc}",
              file=sys.stderr)
        return 3
    return 0


def _extract_one(extractor: Extractor, name: str, published: str | None) -> Article:
    if name == "-":
        from .budget import read_at_most

        data = read_at_most(sys.stdin.buffer, extractor.settings.max_bytes)
        return extractor.extract(data, published_at=published, path="-")
    path = Path(name)
    if not path.exists():
        raise ExtractorError("no such file")
    if not path.is_file():
        raise ExtractorError("not a regular file")
    return extractor.extract(path, published_at=published)


def schema_json() -> str:
    """The JSON Schema of `Article`, as committed in schemas/article.schema.json."""
    return json.dumps(Article.model_json_schema(), ensure_ascii=False, indent=2) + "\n"


def _terminate(signum: int, frame: FrameType | None) -> None:
    from .batch.runner import Terminated

    raise Terminated


def run() -> None:
    """Console-script entry point: SIGTERM ends a run as Ctrl-C does; no traceback for either."""
    from .rules import RuleError

    signal.signal(signal.SIGTERM, _terminate)
    try:
        code = main()
    except KeyboardInterrupt as exc:
        from .batch.runner import Terminated

        print("extract: interrupted", file=sys.stderr)
        code = 143 if isinstance(exc, Terminated) else 130
    except BrokenPipeError:  # `extract a.txt | head`: the reader has gone, so be quiet about it
        code = 141
    except RuleError as exc:  # a broken rule file: before any document was read
        for line in str(exc).splitlines():
            print(f"extract: {line}", file=sys.stderr)
        code = 2
    if code == 141:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # no second error at exit's flush
    sys.exit(code)
