"""The Ray engine gives the local engine's output, record for record, errors included."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from extractor.batch import discover
from extractor.batch.runner import run as run_local

from .conftest import SAMPLES

ray = pytest.importorskip("ray", reason="Ray is an optional extra: pip install 'extractor[ray]' (CI installs it)")


@pytest.fixture(scope="module")
def local_ray() -> Iterator[None]:
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, logging_level="ERROR")
    yield
    ray.shutdown()


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name in ["daegu-social-economy-2020.txt", "kbs-hotline-2023.html", "kukinews-masan-jobs-2009.cp949.txt",
                 "mois-hope-work-2009.txt"]:
        (folder / name).write_bytes((SAMPLES / name).read_bytes())
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 8)
    rows = [{"id": "jsonl-1", "text": (SAMPLES / "yna-gimhae-jobs-2019.txt").read_text(encoding="utf-8")}]
    (folder / "more.jsonl").write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    return folder


def test_ray_output_equals_local_output(local_ray: None, corpus: Path) -> None:
    from extractor.batch import ray_engine

    names = [str(corpus), str(corpus / "more.jsonl")]
    local, distributed = io.StringIO(), io.StringIO()
    run_local(discover(names), local, jobs=1)
    summary = ray_engine.run(discover(names), distributed, actors=2)
    local_lines = [json.loads(line) for line in local.getvalue().splitlines()]
    ray_lines = [json.loads(line) for line in distributed.getvalue().splitlines()]
    assert len(ray_lines) == 7
    assert ray_lines == local_lines
    assert (summary.ok, summary.failed) == (5, 2)
    assert {line["id"].rsplit("/", 1)[-1] for line in ray_lines if "error" in line} == {"empty.txt", "binary.txt"}


def test_parquet_output(local_ray: None, corpus: Path, tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    from extractor.batch import ray_engine

    target = tmp_path / "out.parquet"
    ray_engine.run(discover([str(corpus)]), None, actors=2, parquet=str(target))
    table = pq.read_table(target)
    assert table.num_rows == 6
    lines = [json.loads(line) for line in table.column("line").to_pylist()]
    assert sum(1 for line in lines if "error" in line) == 2


def test_cli_format_parquet(local_ray: None, corpus: Path, tmp_path: Path) -> None:
    """`--format parquet`, as the README's Ray section writes it, gives the same table."""
    import pyarrow.parquet as pq

    from extractor.cli import main

    target = tmp_path / "cli.parquet"
    code = main([str(corpus), "--engine", "ray", "--format", "parquet", "-o", str(target), "-j", "2", "-q"])
    assert code == 1  # two of the inputs are broken
    lines = [json.loads(line) for line in pq.read_table(target).column("line").to_pylist()]
    assert len(lines) == 6 and sum(1 for line in lines if "error" in line) == 2


def test_one_actor_with_two_kiwi_threads_gives_the_same_lines(local_ray: None, corpus: Path) -> None:
    """An actor's CPUs become its Kiwi's threads; the lines are those of one thread, in input order."""
    from extractor.batch import ray_engine

    names = [str(corpus), str(corpus / "more.jsonl")]
    one, threaded = io.StringIO(), io.StringIO()
    run_local(discover(names), one, jobs=1)
    summary = ray_engine.run(discover(names), threaded, actors=1, threads=2)
    assert threaded.getvalue().splitlines() == one.getvalue().splitlines()
    assert (summary.ok, summary.failed) == (5, 2)
