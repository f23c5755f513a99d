"""Fingerprints of every output section of every document the tests and the shared set hold.

A refactor must leave records as they were: `test_snapshot.py` compares today's output with
the fingerprints saved in `tests/snapshots/records.json`. Only hashes are stored, never the
text of third-party articles. When a change is meant to change output, run
`python -m tests.snapshot --update` and say in the commit which records changed and why;
`python -m tests.snapshot --dump DIR` writes the whole outputs for a diff against a checkout
of the previous commit.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections.abc import Iterator
from pathlib import Path

from extractor import Extractor
from extractor.errors import ExtractorError

ROOT = Path(__file__).resolve().parent.parent
SNAPSHOT = ROOT / "tests" / "snapshots" / "records.json"
FOLDERS = {
    "samples": ROOT / "samples",
    "articles": ROOT / "tests" / "corpus" / "articles",
    "hostile": ROOT / "tests" / "hostile",
    "shared": ROOT.parent / "shared" / "samples",
    "wild": ROOT.parent / "shared" / "wild",
}
SUFFIXES = {".txt", ".html", ".htm"}


def documents() -> Iterator[tuple[str, Path]]:
    """(key, path) of every document, in a stable order; folders that are absent are skipped."""
    for label, folder in FOLDERS.items():
        if folder.is_dir():
            for path in sorted(folder.iterdir()):
                if path.suffix in SUFFIXES and path.is_file():
                    yield f"{label}/{path.name}", path


def output(extractor: Extractor, path: Path) -> dict[str, object]:
    """The document's JSON output without the path it was read from, or its error."""
    try:
        data: dict[str, object] = json.loads(extractor.extract(path).model_dump_json())
    except ExtractorError as exc:
        return {"error": type(exc).__name__, "message": str(exc)}
    source = data.get("source")
    if isinstance(source, dict):
        source.pop("path", None)
    return data


def fingerprint(data: dict[str, object]) -> dict[str, str]:
    """One short hash per top-level key, so a failing test says which section moved."""
    return {key: hashlib.sha256(json.dumps(value, ensure_ascii=False, sort_keys=True).encode()).hexdigest()[:16]
            for key, value in sorted(data.items())}


def current() -> dict[str, dict[str, str]]:
    extractor = Extractor()
    return {key: fingerprint(output(extractor, path)) for key, path in documents()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--update", action="store_true", help="rewrite tests/snapshots/records.json")
    parser.add_argument("--dump", type=Path, help="write each document's whole output as JSON into DIR")
    args = parser.parse_args(argv)
    if args.dump:
        extractor = Extractor()
        for key, path in documents():
            target = args.dump / (key.replace("/", "__") + ".json")
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(json.dumps(output(extractor, path), ensure_ascii=False, indent=1), encoding="utf-8")
    if args.update:
        SNAPSHOT.write_text(json.dumps(current(), ensure_ascii=False, indent=1, sort_keys=True) + "\n",
                            encoding="utf-8")
        print(f"wrote {SNAPSHOT.relative_to(ROOT)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
