"""The output as tables: every record one row, the README's questions answered in SQL, CSV that
Excel and the csv module read back, and a DuckDB file that survives a kill and --resume."""

from __future__ import annotations

import csv
import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from extractor import Extractor
from extractor.tables import TABLES, OutputRefused, ddl, open_sink, to_tables

from .conftest import ROOT, SAMPLES

duckdb = pytest.importorskip("duckdb", reason="the [tables] extra is not installed")
pytest.importorskip("pyarrow")
SHARED = ROOT.parent / "shared" / "samples"
FOLDER = SHARED if SHARED.is_dir() else SAMPLES
KINDS = {"officials": "officials", "indicators": "indicators", "years": "years", "policies": "policies",
         "quotes": "quotes", "sections": None}


@pytest.fixture(scope="module")
def lines() -> list[str]:
    extractor = Extractor()
    out = []
    for path in sorted(p for p in FOLDER.iterdir() if p.suffix in (".txt", ".html")):
        record = json.loads(extractor.extract(path).model_dump_json())
        out.append(json.dumps({**record, "id": path.name}, ensure_ascii=False))
    out.append(json.dumps({"id": "broken.txt", "error": "InputError", "message": "empty input"}))
    return out


def _load(tmp_path: Path, lines: list[str], name: str = "out.duckdb") -> object:
    with open_sink(tmp_path / name, kind="duckdb") as sink:
        for line in lines:
            sink.write(line + "\n")
    return duckdb.connect(str(tmp_path / name))


def _flat(sections: list[dict[str, Any]]) -> int:
    return sum(1 + _flat(s["children"]) for s in sections)


def test_every_record_is_one_row_of_its_table(tmp_path: Path, lines: list[str]) -> None:
    con = _load(tmp_path, lines)
    records = [json.loads(line) for line in lines]
    for record in records:
        ident = record["id"]
        if "error" in record:
            row = con.execute("SELECT error_type, error_message FROM articles WHERE article_id = ?",  # type: ignore[attr-defined]
                              [ident]).fetchall()
            assert row == [("InputError", "empty input")]
            continue
        for table, key in (("officials", "officials"), ("indicators", "indicators"), ("years", "years"),
                           ("policies", "policies"), ("quotes", "quotes")):
            count = con.execute(f"SELECT count(*) FROM {table} WHERE article_id = ?", [ident]).fetchone()[0]  # type: ignore[attr-defined]
            assert count == len(record[key]), (ident, table)
        sections = con.execute("SELECT count(*) FROM sections WHERE article_id = ?", [ident]).fetchone()[0]  # type: ignore[attr-defined]
        assert sections == _flat(record["sections"])
        mentions = con.execute("SELECT count(*) FROM mentions WHERE article_id = ?", [ident]).fetchone()[0]  # type: ignore[attr-defined]
        assert mentions == sum(len(o["mentions"]) for o in record["officials"])
        body = record["body"]
        for i, ind in enumerate(record["indicators"]):
            value, text, start, end = con.execute(  # type: ignore[attr-defined]
                "SELECT value, text, span_start, span_end FROM indicators WHERE article_id = ? AND indicator = ?",
                [ident, i]).fetchone()
            assert value == ind["value"] and text == ind["text"] == body[start:end]
        for i, quote in enumerate(record["quotes"]):
            speaker, official = con.execute(  # type: ignore[attr-defined]
                "SELECT speaker, official FROM quotes WHERE article_id = ? AND quote = ?", [ident, i]).fetchone()
            assert (speaker, official) == (quote["speaker"], quote["official"])
        title = con.execute("SELECT title FROM articles WHERE article_id = ?", [ident]).fetchone()[0]  # type: ignore[attr-defined]
        assert title == record["meta"]["title"]


# The README's three questions, as written there.
QUERIES = {
    "jobs": """SELECT year, count(*) AS figures, string_agg(text, ' | ') AS examples
               FROM indicators WHERE sentence LIKE '%일자리%' AND year IS NOT NULL
               GROUP BY year ORDER BY year""",
    "quoted": """SELECT o.name, o.title, count(*) AS quotes
                 FROM quotes q JOIN officials o ON o.article_id = q.article_id AND o.official = q.official
                 GROUP BY o.name, o.title ORDER BY quotes DESC, o.name LIMIT 5""",
    "money": """SELECT coalesce(a.issuer, a.outlet, '(none)') AS source, count(*) AS amounts, sum(i.value) AS won
                FROM indicators i JOIN articles a USING (article_id)
                WHERE i.unit = '원' GROUP BY source ORDER BY won DESC LIMIT 5""",
}


def test_the_readme_questions_run_on_the_samples(tmp_path: Path, lines: list[str]) -> None:
    con = _load(tmp_path, lines)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name, query in QUERIES.items():
        assert " ".join(query.split()) in " ".join(readme.split()), f"the README does not show query {name}"
        result = con.execute(query).fetchall()  # type: ignore[attr-defined]
        assert result, name
    quoted = con.execute(QUERIES["quoted"]).fetchall()  # type: ignore[attr-defined]
    assert quoted[0][2] >= 2


def test_csv_reads_back_with_its_bom_and_quoting(tmp_path: Path, lines: list[str]) -> None:
    with open_sink(tmp_path / "csv", kind="csv") as sink:
        for line in lines:
            sink.write(line + "\n")
    raw = (tmp_path / "csv" / "articles.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and raw.count(b"\xef\xbb\xbf") == 1
    with (tmp_path / "csv" / "articles.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    bodies = {json.loads(line)["id"]: json.loads(line).get("body") for line in lines}
    assert len(rows) == len(lines)
    for row in rows:  # bodies with commas, quotes and line breaks survive the round trip
        assert row["body"] == (bodies[row["article_id"]] or "")
    with (tmp_path / "csv" / "indicators.csv").open(encoding="utf-8-sig", newline="") as handle:
        header = next(csv.reader(handle))
    assert header == [c.name for c in TABLES["indicators"]]


def test_to_tables_gives_arrow_tables_with_the_declared_columns() -> None:
    article = Extractor().extract(SAMPLES / "daegu-social-economy-2020.txt")
    tables = to_tables([("daegu", article)])
    assert set(tables) == set(TABLES)
    assert tables["indicators"].num_rows == len(article.indicators)
    assert tables["indicators"].column_names == [c.name for c in TABLES["indicators"]]
    assert tables["officials"].column("name").to_pylist() == [o.name for o in article.officials]


def test_the_schema_file_is_the_declared_tables() -> None:
    assert (ROOT / "schemas" / "tables.sql").read_text(encoding="utf-8") == ddl()


def test_a_second_run_into_the_same_database_is_refused(tmp_path: Path, lines: list[str]) -> None:
    _load(tmp_path, lines[:2])
    with pytest.raises(OutputRefused, match="--resume"):
        open_sink(tmp_path / "out.duckdb", kind="duckdb")


KILLED_WRITER = """
import os, sys
from extractor.tables import sink as base, writers
base.BATCH = 3
sink = writers.open_sink(__import__("pathlib").Path(sys.argv[1]), kind=sys.argv[2], resume=True)
for number, line in enumerate(open(sys.argv[3], encoding="utf-8")):
    if number == int(sys.argv[4]):
        os._exit(9)  # killed: the batch in the buffer never reaches the output
    sink.write(line)
"""


@pytest.mark.parametrize(("kind", "name"), [("duckdb", "out.duckdb"), ("parquet", "pq"), ("csv", "csv")])
def test_killed_and_resumed_gives_the_rows_of_one_run(tmp_path: Path, lines: list[str], kind: str, name: str) -> None:
    source = tmp_path / "out.jsonl"
    source.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    target = tmp_path / name
    done = subprocess.run([sys.executable, "-c", KILLED_WRITER, str(target), kind, str(source), "8"],
                          capture_output=True, timeout=120, check=False)
    assert done.returncode == 9, done.stderr
    with open_sink(target, kind=kind, resume=True) as sink:
        seen = sink.done_ids()
        assert 0 < len(seen) < 8
        for line in lines:
            if json.loads(line)["id"] not in seen:
                sink.write(line + "\n")
    with open_sink(tmp_path / f"once-{name}", kind=kind) as once:
        for line in lines:
            once.write(line + "\n")
    con = duckdb.connect()
    for table in TABLES:
        def read(root: Path, table: str = table) -> list[tuple[object, ...]]:
            if kind == "duckdb":
                return sorted(duckdb.connect(str(root)).execute(f"SELECT * FROM {table}").fetchall(), key=repr)
            if kind == "parquet":
                return sorted(con.execute(f"SELECT * FROM read_parquet('{root}/{table}/*.parquet')").fetchall(),
                              key=repr)
            with (root / f"{table}.csv").open(encoding="utf-8-sig", newline="") as handle:
                return sorted((tuple(r) for r in csv.reader(handle)), key=repr)
        assert read(target) == read(tmp_path / f"once-{name}"), table


def _extract(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "extractor", *args, "-j", "1", "-q"], capture_output=True, text=True,
                          timeout=300, check=False)


def _all_rows(path: Path) -> dict[str, list[tuple[object, ...]]]:
    con = duckdb.connect(str(path), read_only=True)
    return {table: sorted(con.execute(f"SELECT * FROM {table}").fetchall(), key=repr) for table in TABLES}


def test_the_cli_writes_converts_and_resumes_a_database(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for name in sorted(p.name for p in SAMPLES.iterdir() if p.suffix in (".txt", ".html"))[:6]:
        (folder / name).write_bytes((SAMPLES / name).read_bytes())
    (folder / "empty.txt").write_bytes(b"")
    once = _extract(str(folder), "-o", str(tmp_path / "once.duckdb"))
    assert once.returncode == 1, once.stderr  # the empty input failed, and says so
    again = _extract(str(folder), "-o", str(tmp_path / "once.duckdb"))
    assert again.returncode == 3 and again.stderr.count("\n") == 1 and "--resume" in again.stderr
    # a run cut short keeps only the batches it committed: take half the articles out, resume
    shutil.copyfile(tmp_path / "once.duckdb", tmp_path / "resumed.duckdb")
    con = duckdb.connect(str(tmp_path / "resumed.duckdb"))
    gone = [row[0] for row in con.execute("SELECT article_id FROM articles ORDER BY article_id").fetchall()][::2]
    for table in (t for t, columns in TABLES.items() if columns[0].name == "article_id"):
        con.execute(f"DELETE FROM {table} WHERE article_id IN (SELECT unnest(?))", [gone])
    con.close()
    resumed = _extract(str(folder), "-o", str(tmp_path / "resumed.duckdb"), "--resume")
    assert resumed.returncode == 1, resumed.stderr
    assert _all_rows(tmp_path / "resumed.duckdb") == _all_rows(tmp_path / "once.duckdb")
    # JSON Lines written earlier convert to the same tables
    assert _extract(str(folder), "-o", str(tmp_path / "out.jsonl")).returncode == 1
    converted = subprocess.run([sys.executable, "-m", "extractor", "tables", str(tmp_path / "out.jsonl"), "-o",
                                str(tmp_path / "converted.duckdb")], capture_output=True, text=True, timeout=120,
                               check=False)
    assert converted.returncode == 0, converted.stderr
    assert _all_rows(tmp_path / "converted.duckdb") == _all_rows(tmp_path / "once.duckdb")


def test_a_missing_extra_is_one_line_naming_it() -> None:
    from extractor.tables import sink as writers

    with pytest.raises(OutputRefused, match=r"pip install 'extractor\[tables\]'"):
        writers.need_extra("duckdb_that_is_not_installed")


@pytest.mark.parametrize("kind", ["duckdb", "parquet", "csv"])
def test_the_people_index_fills_person_ids(tmp_path: Path, lines: list[str], kind: str) -> None:
    target = tmp_path / ("out.duckdb" if kind == "duckdb" else kind)
    with open_sink(target, kind=kind) as sink:
        for line in lines:
            sink.write(line + "\n")
    con = duckdb.connect(str(target)) if kind == "duckdb" else duckdb.connect()
    if kind == "parquet":
        for table in ("officials", "quotes", "people"):
            con.execute(f"CREATE VIEW {table} AS SELECT * FROM read_parquet('{target}/{table}/*.parquet')")
    elif kind == "csv":
        for table in ("officials", "quotes", "people"):
            con.execute(f"CREATE VIEW {table} AS SELECT * FROM read_csv('{target}/{table}.csv', header=true, "
                        "all_varchar=true)")
    officials = con.execute("SELECT count(*), count(person_id) FROM officials").fetchone()
    assert officials is not None and officials[0] > 0 and officials[0] == officials[1]
    unknown = con.execute("SELECT count(*) FROM officials o WHERE NOT EXISTS "
                          "(SELECT 1 FROM people p WHERE p.person_id = o.person_id)").fetchone()
    assert unknown == (0,)
    quoted = con.execute("SELECT count(*) FROM quotes q JOIN officials o ON o.article_id = q.article_id "
                         "AND o.official = q.official WHERE q.person_id IS DISTINCT FROM o.person_id").fetchone()
    assert quoted == (0,)
