"""The `extract` command: arguments, output and exit codes; no extraction logic here.

Exit codes: 0 every input ok, 1 some input failed (each named on stderr in one line),
2 a usage error. One input prints indented JSON; several print JSON Lines.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TextIO

from . import __version__
from .batch.inputs import Item, discover, is_stream
from .errors import ExtractorError
from .pipeline import Extractor, Settings
from .records import Article

EXAMPLES = """\
examples:
  extract article.txt > out.json          one article, indented JSON
  extract page.html --published 2023-04-21
  cat article.txt | extract -             read standard input
  extract archive/ -o out.jsonl           every .txt/.html below a folder, JSON Lines
  extract 'pages/**/*.html' -j 2 -o out.jsonl --resume
  extract articles.jsonl crawl.warc.gz -o out.jsonl   lines with id and text/html; WARC responses
  extract archive/ -o out.jsonl --engine ray [--address ADDR]
  extract article.txt --html review.html  the article with every record highlighted
  extract archive/ -o out.jsonl --html-dir review/
  extract --schema > schemas/article.schema.json
"""


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if args.schema:
        sys.stdout.write(schema_json())
        return 0
    if args.check_rules:
        return _check_rules(args.quiet)
    if not args.paths:
        parser.error("give at least one PATH, or - for standard input")
    if args.resume and not args.output:
        parser.error("--resume needs -o FILE: it skips the ids already in that file")
    if args.jobs is not None and args.jobs < 1:
        parser.error("--jobs takes a whole number of at least 1")
    if args.format in _OUTPUT_FORMATS:  # `--format parquet`: the output's format, as Ray users write it
        if args.output_format not in ("jsonl", args.format):
            parser.error(f"--format {args.format} and --output-format {args.output_format} disagree")
        args.output_format, args.format = args.format, "auto"
    settings = Settings(format=args.format)
    if _single(args.paths):
        if args.html_dir:
            parser.error("--html-dir is for several inputs; use --html FILE for one")
        return _one(Extractor(settings), args.paths[0], args.output, args.published, args.html)
    if args.html:
        parser.error("--html is for one input; use --html-dir DIR for several")
    if args.html_dir and not args.output:
        parser.error("--html-dir needs -o FILE: the pages are made from the JSON Lines written there")
    code = _batch(args, settings)
    if args.html_dir:
        from .review import write_pages

        lines = Path(args.output).read_text(encoding="utf-8").splitlines()
        count = write_pages(lines, args.html_dir)
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


def _single(paths: list[str]) -> bool:
    """One article in, one indented JSON object out; anything else is a batch of JSON Lines."""
    if len(paths) != 1:
        return False
    name = paths[0]
    return name == "-" or (not Path(name).is_dir() and not is_stream(name) and not any(c in name for c in "*?["))


def _one(extractor: Extractor, name: str, output: str | None, published: str | None,
         review_page: str | None) -> int:
    try:
        article = _extract_one(extractor, name, published)
    except ExtractorError as exc:
        print(f"extract: {name}: {exc}", file=sys.stderr)
        return 1
    if review_page:
        from .review import render

        Path(review_page).write_text(render(article), encoding="utf-8")
    text = article.model_dump_json(indent=2) + "\n"
    if output:
        Path(output).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


def _batch(args: argparse.Namespace, settings: Settings) -> int:
    from .batch.progress import Progress
    from .batch.runner import done_ids
    from .batch.runner import run as run_batch

    if args.engine == "ray" or args.output_format == "parquet":
        return _ray_batch(args, settings)
    skip = done_ids(Path(args.output)) if args.resume else set()
    items: Iterable[Item] = discover(args.paths)
    total = None
    if not any(is_stream(name) or name == "-" for name in args.paths):
        items = list(items)  # paths only: cheap to list, and the progress line gets a total
        total = sum(1 for item in items if item.id not in skip)
    progress = Progress(total, enabled=sys.stderr.isatty() and not args.quiet)
    with contextlib.ExitStack() as stack:
        out: TextIO = (stack.enter_context(open(args.output, "a" if args.resume else "w", encoding="utf-8"))
                       if args.output else sys.stdout)
        summary = run_batch(_reporting(items), out, settings=settings, jobs=args.jobs, ordered=not args.unordered,
                      skip=skip, published_at=args.published, progress=progress)
    if not args.quiet:
        print(f"extract: {summary.line()}", file=sys.stderr)
    if summary.interrupted:
        return 130
    return 1 if summary.failed else 0


def _ray_batch(args: argparse.Namespace, settings: Settings) -> int:
    from .batch import ray_engine
    from .batch.runner import done_ids

    if args.output_format == "parquet" and (args.engine != "ray" or not args.output):
        print("extract: parquet output goes with --engine ray and -o DIR", file=sys.stderr)
        return 2
    skip = done_ids(Path(args.output)) if args.resume and args.output_format == "jsonl" else set()
    try:
        with contextlib.ExitStack() as stack:
            out: TextIO | None = None
            if args.output_format == "jsonl":
                out = (stack.enter_context(open(args.output, "a" if args.resume else "w", encoding="utf-8"))
                       if args.output else sys.stdout)
            summary = ray_engine.run(
                _reporting(discover(args.paths)), out, settings=settings, address=args.address,
                actors=args.jobs, published_at=args.published, skip=skip,
                parquet=args.output if args.output_format == "parquet" else None)
    except ray_engine.MissingRay as exc:
        print(f"extract: {exc}", file=sys.stderr)
        return 2
    if not args.quiet:
        print(f"extract: {summary.line()} (ray)", file=sys.stderr)
    return 1 if summary.failed else 0


def _reporting(items: Iterable[Item]) -> Iterator[Item]:
    """Name each unreadable input on stderr as it is met (its error line follows in the output)."""
    for item in items:
        if item.error:
            print(f"extract: {item.id}: {item.error}", file=sys.stderr)
        yield item


_OUTPUT_FORMATS = ("jsonl", "parquet")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="extract", description="Korean news articles and press releases → structured JSON.",
        epilog=EXAMPLES, formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("paths", nargs="*", metavar="PATH",
                        help="article file, folder, glob, JSON Lines (.jsonl) or WARC file, or - for stdin")
    parser.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of stdout")
    parser.add_argument("--format", choices=("auto", "text", "html", *_OUTPUT_FORMATS), default="auto",
                        help="input format (default: auto, from the file name and content); "
                             "jsonl or parquet set the batch output format instead, as --output-format does")
    parser.add_argument("--published", metavar="DATE",
                        help="publication date, overriding the page's (resolves 올해, 지난해 …)")
    parser.add_argument("-j", "--jobs", type=int, metavar="N",
                        help="worker processes for a batch (default: the number of cores)")
    parser.add_argument("--unordered", action="store_true", help="write lines as documents finish")
    parser.add_argument("--engine", choices=("local", "ray"), default="local",
                        help="local worker processes (default) or a Ray cluster (pip install 'extractor[ray]')")
    parser.add_argument("--address", metavar="ADDR", help="Ray cluster address (default: start Ray locally)")
    parser.add_argument("--output-format", choices=("jsonl", "parquet"), default="jsonl",
                        help="batch output: JSON Lines (default) or Parquet (with --engine ray; -o is a folder)")
    parser.add_argument("--resume", action="store_true", help="skip the ids already in the -o file")
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress line and no summary")
    parser.add_argument("--html", metavar="FILE", help="also write a review page of the article (one input)")
    parser.add_argument("--html-dir", metavar="DIR", help="review pages and an index for a batch (needs -o)")
    parser.add_argument("--schema", action="store_true", help="print the JSON Schema of the output")
    parser.add_argument("--check-rules", action="store_true",
                        help="validate the rule files only: one line per problem, exit 0 or 1")
    parser.add_argument("--version", action="version", version=f"extract {__version__}")
    return parser


def _extract_one(extractor: Extractor, name: str, published: str | None) -> Article:
    if name == "-":
        return extractor.extract(sys.stdin.buffer.read(), published_at=published, path="-")
    path = Path(name)
    if not path.exists():
        raise ExtractorError("no such file")
    if not path.is_file():
        raise ExtractorError("not a regular file")
    return extractor.extract(path, published_at=published)


def schema_json() -> str:
    """The JSON Schema of `Article`, as committed in schemas/article.schema.json."""
    return json.dumps(Article.model_json_schema(), ensure_ascii=False, indent=2) + "\n"


def run() -> None:
    """Console-script entry point."""
    from .rules import RuleError

    try:
        code = main()
    except KeyboardInterrupt:
        code = 130
    except RuleError as exc:  # a broken rule file: before any document was read
        for line in str(exc).splitlines():
            print(f"extract: {line}", file=sys.stderr)
        code = 2
    sys.exit(code)
