"""Issue 16: what archives and machines do to a batch's inputs (no Kiwi needed: the readers alone)."""

from __future__ import annotations

import gzip
import io
import json
import os
import threading
import tracemalloc
from pathlib import Path

from extractor.batch import Item, discover

from .conftest import SAMPLES

PAGE = "<html><body><p>정부가 올해 3만 5천호를 매입한다고 밝혔다.</p></body></html>"


def _warc(path: Path, pages: list[tuple[str, str, bytes]], *, gzip_members: bool = True) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=gzip_members)
        for url, status, body in pages:
            headers = StatusAndHeaders(status, [("Content-Type", "text/html")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body),
                                                          http_headers=headers))


def _member_offsets(data: bytes) -> list[int]:
    import zlib

    offsets, position = [], 0
    while position < len(data):
        inflater = zlib.decompressobj(31)
        inflater.decompress(data[position:])
        offsets.append(position)
        position = len(data) - len(inflater.unused_data)
    return offsets


def test_undecodable_names_and_lone_surrogates_are_escaped_stably(tmp_path: Path) -> None:
    """Item 4: `bad\\xff\\xfe.txt` and a JSON "\\ud800" give ids and text that can be written as UTF-8."""
    folder = tmp_path / "in"
    folder.mkdir()
    (Path(os.fsdecode(bytes(folder) + b"/bad\xff\xfe.txt"))).write_bytes(b"x")
    lines = [{"id": "s\ud800", "text": "\ud800 정부가 밝혔다", "published_at": "2020-01-01"}]
    (folder / "s.jsonl").write_text("\n".join(json.dumps(r) for r in lines), encoding="ascii")
    items = [list(discover([str(folder), str(folder / "s.jsonl")])) for _ in range(2)]
    assert items[0] == items[1]
    by_id = {item.id: item for item in items[0]}
    assert "bad\\xff\\xfe.txt" in by_id
    assert by_id["bad\\xff\\xfe.txt"].path == os.fsdecode(bytes(folder) + b"/bad\xff\xfe.txt")
    record = by_id["s\\ud800"]
    assert record.data == "\ufffd 정부가 밝혔다".encode()
    assert record.warnings == ("1 lone surrogate code point(s) replaced with U+FFFD",)
    for item in items[0]:
        json.dumps(item.id, ensure_ascii=False).encode("utf-8")


def test_a_truncated_jsonl_gz_keeps_its_lines_and_the_other_inputs(tmp_path: Path) -> None:
    """Item 5: an error item says where the archive broke; lines before it and later inputs are kept."""
    rows = "".join(json.dumps({"id": f"r{i}", "text": "정부가 밝혔다 " * 200}) + "\n" for i in range(50))
    packed = gzip.compress(rows.encode(), compresslevel=1)
    (tmp_path / "cut.jsonl.gz").write_bytes(packed[: len(packed) * 2 // 3])
    (tmp_path / "after.txt").write_bytes(b"x")
    items = list(discover([str(tmp_path / "cut.jsonl.gz"), str(tmp_path / "after.txt")]))
    errors = [item for item in items if item.error]
    assert len(errors) == 1 and "unreadable from line" in str(errors[0].error)
    assert errors[0].id.startswith("cut.jsonl.gz:")
    assert [item.id for item in items if item.data][:3] == ["r0", "r1", "r2"]
    assert items[-1].id == "after.txt"


def test_damaged_warcs_say_where_and_cut_records_warn(tmp_path: Path) -> None:
    """Item 5: a corrupt gzip member and a truncated last member are error items; a short record warns."""
    pages = [(f"https://news.example/{i}", "200 OK", PAGE.encode() * 20) for i in range(4)]
    _warc(tmp_path / "ok.warc.gz", pages)
    data = (tmp_path / "ok.warc.gz").read_bytes()
    offsets = _member_offsets(data)
    corrupt = bytearray(data)
    for at in range(offsets[1] + 30, offsets[1] + 60):
        corrupt[at] ^= 0x55
    (tmp_path / "corrupt.warc.gz").write_bytes(bytes(corrupt))
    (tmp_path / "cut.warc.gz").write_bytes(data[: offsets[3] + (len(data) - offsets[3]) // 2])
    _warc(tmp_path / "plain.warc", pages, gzip_members=False)
    (tmp_path / "short.warc").write_bytes((tmp_path / "plain.warc").read_bytes()[:-300])

    def read(name: str) -> list[Item]:
        return list(discover([str(tmp_path / name)]))

    corrupt_items = read("corrupt.warc.gz")
    assert [bool(item.data) for item in corrupt_items] == [True, False]
    assert "unreadable from byte" in str(corrupt_items[-1].error)
    cut_items = read("cut.warc.gz")
    assert [bool(item.data) for item in cut_items] == [True, True, True, False]
    assert "unreadable from byte" in str(cut_items[-1].error)
    short = read("short.warc")
    assert len(short) == 4 and not short[0].warnings
    assert short[-1].warnings and "cut short" in short[-1].warnings[0]


def test_warc_responses_that_are_not_2xx_are_skipped_with_a_count(tmp_path: Path) -> None:
    """Item 14: a 404 page is not an article."""
    _warc(tmp_path / "c.warc.gz", [("https://x/1", "200 OK", PAGE.encode()), ("https://x/2", "404 Not Found", b"x"),
                                   ("https://x/3", "404 Not Found", b"x")])
    from extractor.batch import expand

    notes: list[str] = []
    items = list(expand([str(tmp_path / "c.warc.gz")]).items(max_bytes=10**6, note=notes.append))
    assert [item.url for item in items] == ["https://x/1"]
    assert notes == ["c.warc.gz: skipped 2 WARC responses with an HTTP status other than 2xx (2 × 404)"]


def test_readers_stop_at_the_budget_while_reading(tmp_path: Path) -> None:
    """Item 6: a huge JSON line (gzip) and a huge WARC response are refused without being held."""
    huge = b'{"id": "big", "text": "' + b"a" * (40 * 1024 * 1024) + b'"}\n{"id": "small", "text": "b"}\n'
    (tmp_path / "big.jsonl.gz").write_bytes(gzip.compress(huge, compresslevel=1))
    _warc(tmp_path / "big.warc.gz", [("https://x/big", "200 OK", b"<p>" + b"a" * (40 * 1024 * 1024))])
    tracemalloc.start()
    try:
        items = list(discover([str(tmp_path / "big.jsonl.gz"), str(tmp_path / "big.warc.gz")], max_bytes=1024 * 1024))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert [(item.id, bool(item.error)) for item in items] == [
        ("big.jsonl.gz:1", True), ("small", False), (items[2].id, True)]
    assert "over the limit" in str(items[0].error) and "over the limit" in str(items[2].error)
    assert peak < 16 * 1024 * 1024, peak


def test_only_regular_files_and_no_symlink_loops(tmp_path: Path) -> None:
    """Item 7: a FIFO is an error item (never opened); `d/**/*.txt` does not follow d/loop/self -> d."""
    folder = tmp_path / "d"
    (folder / "loop").mkdir(parents=True)
    (folder / "a.txt").write_bytes((SAMPLES / "mois-hope-work-2009.txt").read_bytes())
    (folder / "loop" / "self").symlink_to(folder)
    os.mkfifo(folder / "pipe.txt")
    found: list[list[Item]] = []
    walker = threading.Thread(target=lambda: found.extend([list(discover([str(folder / "**" / "*.txt")])),
                                                           list(discover([str(folder)]))]), daemon=True)
    walker.start()
    walker.join(30)
    assert not walker.is_alive(), "the glob loops"
    for items in found:
        assert [(item.id, item.error) for item in items] == [
            ("a.txt", None), ("pipe.txt", "not a regular file (a FIFO)")]


def test_ids_are_the_same_however_the_inputs_are_spelled(tmp_path: Path, monkeypatch: object) -> None:
    """Item 13: `in/` and `/tmp/x/in` (and a symlink to it) name the same documents."""
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    for name in ("a.txt", "sub/b.html"):
        (folder / name).write_bytes(b"x")
    (tmp_path / "link").symlink_to(folder)
    os.chdir(tmp_path)
    spelled = [[item.id for item in discover([name])] for name in ("in", "in/", str(folder), "link", "./in/../in")]
    assert all(ids == ["a.txt", "sub/b.html"] for ids in spelled), spelled
    both = [item.id for item in discover(["in/a.txt", str(folder / "sub")])]
    assert both == ["a.txt", "sub/b.html"]
