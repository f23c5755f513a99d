"""The people index beside a JSON Lines output: OUT.people.jsonl, one person a line.

Written when a run closes, from the whole output file (a resumed run recomputes it over the
earlier lines too), so the same inputs give the same file in any order and with any -j.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from ..people import people_index


def people_path(output: str) -> Path:
    path = Path(output)
    stem = path.name[: -len(".jsonl")] if path.name.endswith(".jsonl") else path.name
    return path.with_name(f"{stem}.people.jsonl")


def write_people(output: str) -> Path | None:
    """Write the index for a JSON Lines file; None when there is no regular file to read."""
    source = Path(output)
    if not source.is_file():
        return None
    articles = []
    with source.open(encoding="utf-8", errors="replace") as stream:
        for line in stream:
            try:
                record = json.loads(line)
            except ValueError:
                continue
            if isinstance(record, dict) and record.get("officials"):
                articles.append({"id": record.get("id"), "source": record.get("source"),
                                 "officials": record["officials"]})
    target = people_path(output)
    temporary = target.with_name(target.name + ".tmp")
    with temporary.open("w", encoding="utf-8") as out:
        for person in people_index(articles):
            out.write(person.model_dump_json() + "\n")
    os.replace(temporary, target)
    return target
