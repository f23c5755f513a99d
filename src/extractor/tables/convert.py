"""`extract tables OUT.jsonl … -o out.duckdb`: JSON Lines already written, as tables, without
extracting again (a year's archive took hours to extract; converting it takes seconds)."""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from collections.abc import Iterator
from pathlib import Path

from .writers import OutputRefused, open_sink


def _lines(path: str) -> Iterator[str]:
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8", errors="replace") as stream:
        yield from (line for line in stream if line.strip())


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="extract tables",
                                     description="Convert extract's JSON Lines output into tables.")
    parser.add_argument("inputs", nargs="+", metavar="OUT.jsonl", help="JSON Lines written by extract")
    parser.add_argument("-o", "--output", required=True, metavar="TARGET",
                        help="a .duckdb file, or a folder for --table-format parquet|csv")
    parser.add_argument("--table-format", choices=("duckdb", "parquet", "csv"),
                        help="default: duckdb for a .duckdb target, else parquet")
    parser.add_argument("--resume", action="store_true", help="add to an existing target, skipping its ids")
    args = parser.parse_args(argv)
    kind = args.table_format or ("duckdb" if args.output.lower().endswith(".duckdb") else "parquet")
    target = Path(args.output)
    if any(Path(name).resolve() == target.resolve() for name in args.inputs):
        parser.error(f"-o {args.output} is an input: it would be destroyed")
    written = skipped = broken = 0
    try:
        with open_sink(target, kind=kind, resume=args.resume) as sink:
            done = sink.done_ids() if args.resume else set()
            for name in args.inputs:
                for number, line in enumerate(_lines(name), start=1):
                    try:
                        record = json.loads(line)
                    except ValueError:
                        print(f"extract: {name}:{number}: not a JSON line: skipped", file=sys.stderr)
                        broken += 1
                        continue
                    if not isinstance(record, dict) or not ("error" in record or "body" in record):
                        print(f"extract: {name}:{number}: not a line of extract's output: skipped", file=sys.stderr)
                        broken += 1
                        continue
                    if str(record.get("id") or "") in done:
                        skipped += 1
                        continue
                    try:
                        sink.write(line)
                    except (KeyError, TypeError, ValueError) as exc:  # a line edited by hand
                        print(f"extract: {name}:{number}: {type(exc).__name__}: {exc}: skipped", file=sys.stderr)
                        broken += 1
                        continue
                    written += 1
    except OutputRefused as exc:
        print(f"extract: {exc}", file=sys.stderr)
        return 3
    except OSError as exc:
        print(f"extract: {exc.filename or args.output}: {exc.strerror or exc}", file=sys.stderr)
        return 3
    except Exception as exc:  # the database itself (DuckDB's own errors are no OSError)
        print(f"extract: cannot write {args.output}: {str(exc).splitlines()[0] if str(exc) else type(exc).__name__}",
              file=sys.stderr)
        return 3
    print(f"extract: {written} articles written to {args.output} ({kind}), {skipped} skipped, {broken} unreadable",
          file=sys.stderr)
    return 1 if broken else 0
