"""The `extract` command: arguments, output and exit codes; no extraction logic here.

Exit codes: 0 every input ok, 1 some input failed (each named on stderr in one line),
2 a usage error. One input prints indented JSON; several print JSON Lines.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

from . import __version__
from .errors import ExtractorError
from .pipeline import Extractor, Settings
from .records import Article

_INPUT_SUFFIXES = (".txt", ".html", ".htm")
EXAMPLES = """\
examples:
  extract article.txt > out.json          one article, indented JSON
  extract page.html --published 2023-04-21
  cat article.txt | extract -             read standard input
  extract archive/ -o out.jsonl           every .txt/.html below a folder, JSON Lines
  extract --schema > schemas/article.schema.json
"""


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if args.schema:
        sys.stdout.write(schema_json())
        return 0
    if not args.paths:
        parser.error("give at least one PATH, or - for standard input")
    extractor = Extractor(Settings(format=args.format))
    inputs = list(_expand(args.paths))
    single = len(inputs) == 1 and not any(Path(p).is_dir() for p in args.paths if p != "-")
    with contextlib.ExitStack() as stack:
        out: TextIO = (stack.enter_context(open(args.output, "w", encoding="utf-8")) if args.output
                       else sys.stdout)
        failures = _run(extractor, inputs, out, single=single, published=args.published)
    return 1 if failures else 0


def _run(extractor: Extractor, inputs: list[str], out: TextIO, *, single: bool, published: str | None) -> int:
    """Extract each input to `out`; a failure is named on stderr (and as an error line in JSON Lines)."""
    failures = 0
    for name in inputs:
        try:
            article = _extract_one(extractor, name, published)
        except ExtractorError as exc:
            failures += 1
            print(f"extract: {name}: {exc}", file=sys.stderr)
            if not single:
                out.write(json.dumps({"id": name, "error": type(exc).__name__, "message": str(exc)},
                                     ensure_ascii=False) + "\n")
            continue
        out.write(article.model_dump_json(indent=2) + "\n" if single else article.model_dump_json() + "\n")
    return failures


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="extract", description="Korean news articles and press releases → structured JSON.",
        epilog=EXAMPLES, formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("paths", nargs="*", metavar="PATH", help="article file, folder, or - for stdin")
    parser.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of stdout")
    parser.add_argument("--format", choices=("auto", "text", "html"), default="auto",
                        help="input format (default: auto, from the file name and content)")
    parser.add_argument("--published", metavar="DATE",
                        help="publication date, overriding the page's (resolves 올해, 지난해 …)")
    parser.add_argument("--schema", action="store_true", help="print the JSON Schema of the output")
    parser.add_argument("--version", action="version", version=f"extract {__version__}")
    return parser


def _expand(paths: list[str]) -> Iterator[str]:
    for name in paths:
        path = Path(name)
        if name != "-" and path.is_dir():
            yield from sorted(str(p) for p in path.rglob("*") if p.suffix.lower() in _INPUT_SUFFIXES
                              and p.is_file())
        else:
            yield name


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
    try:
        code = main()
    except KeyboardInterrupt:
        code = 130
    sys.exit(code)
