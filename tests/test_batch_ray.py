"""Issue 16 on the Ray engine: the same lines as the local engine for what used to kill it."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from extractor.batch import discover
from extractor.batch.runner import run as run_local

from .conftest import SAMPLES

pytest.importorskip("ray", reason="Ray is an optional extra: pip install 'extractor[ray]' (CI installs it)")

from .test_ray import local_ray  # noqa: F401 - the same local two-CPU Ray, started once for this module


def test_a_lone_surrogate_travels_through_ray_with_its_warning(local_ray: None,  # noqa: F811
                                                                 tmp_path: Path) -> None:
    """Item 4: a lone surrogate gave 0 lines with --engine ray; now a line with its warning."""
    from extractor.batch import ray_engine

    text = (SAMPLES / "mois-hope-work-2009.txt").read_text(encoding="utf-8")
    rows = [{"id": "s", "text": "\ud800" + text}, {"id": "plain", "text": text}, {"id": "bad", "text": ""}]
    source = tmp_path / "in.jsonl"
    source.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="ascii")
    local, distributed = io.StringIO(), io.StringIO()
    run_local(discover([str(source)]), local, jobs=1)
    ray_engine.run(discover([str(source)]), distributed, actors=1)
    assert distributed.getvalue() == local.getvalue()
    lines = [json.loads(line) for line in distributed.getvalue().splitlines()]
    assert [line["id"] for line in lines] == ["s", "plain", "bad"]
    assert "1 lone surrogate code point(s) replaced with U+FFFD" in lines[0]["warnings"]
