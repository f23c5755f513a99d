"""A batch's people index: beside a JSON Lines output, one line per person of the whole run."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from .conftest import SAMPLES


def test_a_jsonl_batch_writes_its_people_index_beside_it(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("kukinews-masan-jobs-2009.txt", "kukinews-masan-jobs-2009.cp949.txt", "daegu-social-economy-2020.txt"):
        (folder / name).write_bytes((SAMPLES / name).read_bytes())
    done = subprocess.run([sys.executable, "-m", "extractor", str(folder), "-j", "1", "-q", "-o",
                           str(tmp_path / "out.jsonl")], capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    people = [json.loads(line) for line in (tmp_path / "out.people.jsonl").read_text(encoding="utf-8").splitlines()]
    lines = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()]
    named = {(o["name"]) for line in lines for o in line["officials"]}
    assert {p["name"] for p in people} == named
    # the same mayor in the article and its CP949 copy is one person named in two articles
    twice = [p for p in people if len(p["articles"]) == 2]
    assert twice and all(p["mentions"] >= 2 for p in twice)
    assert len({p["person_id"] for p in people}) == len(people)
