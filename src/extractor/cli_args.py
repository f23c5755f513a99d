"""The `extract` command's arguments: one place that says what every option means."""

from __future__ import annotations

import argparse

from . import __version__

EXAMPLES = """\
examples:
  extract article.txt > out.json          one article, indented JSON
  extract page.html --published 2023-04-21
  cat article.txt | extract -             read standard input
  extract archive/ -o out.jsonl           every .txt/.html below a folder, JSON Lines
  extract 'pages/**/*.html' -j 2 -o out.jsonl --resume
  extract articles.jsonl crawl.warc.gz -o out.jsonl   lines with id and text/html; WARC responses
  cat articles.jsonl | extract - --input-format jsonl -o out.jsonl
  extract archive/ -o out.jsonl --retry-failed      try the inputs of earlier error lines again
  extract archive/ -o out.jsonl --engine ray [--address ADDR]
  extract article.txt --html review.html  the article with every record highlighted
  extract archive/ -o out.jsonl --html-dir review/
  extract archive/ -o out.duckdb          one table per record kind (pip install 'extractor[tables]')
  extract archive/ --tables out/ --table-format csv
  extract tables out.jsonl -o out.duckdb  convert JSON Lines already written
  extract --schema > schemas/article.schema.json
"""



_INPUT_FORMATS = ("auto", "text", "html", "jsonl", "warc")


def parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="extract", description="Korean news articles and press releases → structured JSON.",
        epilog=EXAMPLES, formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("paths", nargs="*", metavar="PATH",
                        help="article file, folder, glob, JSON Lines (.jsonl) or WARC file, or - for stdin")
    parser.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of stdout")
    parser.add_argument("--input-format", choices=_INPUT_FORMATS, default="auto",
                        help="input format (default: auto, from the file name and content); jsonl or warc "
                             "read a file or standard input as many documents")
    parser.add_argument("--format", choices=(*_INPUT_FORMATS, "parquet"), default="auto",
                        help="the same as --input-format; parquet sets the batch output format instead")
    parser.add_argument("--kind", choices=("auto", "news", "press_release", "transcript"), default="auto",
                        help="what the documents are (default: detected for each)")
    parser.add_argument("--published", metavar="DATE",
                        help="publication date, overriding the page's (resolves 올해, 지난해 …)")
    parser.add_argument("-j", "--jobs", type=int, metavar="N",
                        help="Kiwi threads for a batch, in one process with one model (default: the number of cores);"
                             " with --engine ray, each actor's threads and CPUs (default 1)")
    parser.add_argument("--processes", type=int, metavar="P",
                        help="worker processes instead, each with its own Kiwi (default 1: see the README for when"
                             " more pay); with --engine ray, the actors (default: as many as the cluster's CPUs hold)")
    parser.add_argument("--unordered", action="store_true", help="write lines as documents finish")
    parser.add_argument("--engine", choices=("local", "ray"), default="local",
                        help="local worker processes (default) or a Ray cluster (pip install 'extractor[ray]')")
    parser.add_argument("--address", metavar="ADDR", help="Ray cluster address (default: start Ray locally)")
    parser.add_argument("--output-format", choices=("jsonl", "duckdb", "parquet"), default="jsonl",
                        help="batch output: JSON Lines (default), a DuckDB file of tables (also from an -o "
                             "ending in .duckdb), or Ray's Parquet lines (with --engine ray; -o is a folder)")
    parser.add_argument("--tables", metavar="DIR", help="write the batch as one table file per record kind")
    parser.add_argument("--table-format", choices=("parquet", "csv"), default="parquet",
                        help="the files --tables writes (CSV: UTF-8 with a BOM, for Excel)")
    parser.add_argument("--resume", action="store_true", help="skip the ids already in the -o file")
    parser.add_argument("--retry-failed", action="store_true",
                        help="like --resume, but error lines are removed and their inputs tried again")
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress line and no summary")
    parser.add_argument("--html", metavar="FILE", help="also write a review page of the article (one input)")
    parser.add_argument("--html-dir", metavar="DIR", help="review pages and an index for a batch (needs -o)")
    parser.add_argument("--schema", action="store_true", help="print the JSON Schema of the output")
    parser.add_argument("--check-rules", action="store_true",
                        help="validate the rule files only: one line per problem, exit 0 or 1")
    parser.add_argument("--version", action="version", version=f"extract {__version__}")
    return parser
