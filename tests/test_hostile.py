"""Hostile and broken input: a valid Article with warnings or a clear one-line error, never a crash."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractor import Article, Extractor, InputError, InternalError, Settings, extract
from extractor.budget import OverBudget
from extractor.decode import unmojibake

HOSTILE = Path(__file__).parent / "hostile"
extractor = Extractor(Settings(time_limit=60))

# What each file of tests/hostile/ must give: "error" or the warning the Article must carry.
EXPECTED = {
    "empty.txt": "error", "whitespace.txt": "error", "png.txt": "error", "pdf.txt": "error",
    "nul-bytes.txt": "error", "shift-jis.txt": "error",
    "gzip.txt": "input was gzip-compressed",
    "truncated-utf8.txt": "invalid UTF-8 bytes replaced",
    "truncated-cp949.txt": "the last character was cut off",
    "mixed-encodings.txt": "lines in different encodings",
    "unclosed-tags.html": "",
    "english.txt": "little or no Korean text", "japanese.txt": "little or no Korean text",
    "chinese.txt": "little or no Korean text", "only-numbers.txt": "little or no Korean text",
    "only-punctuation.txt": "little or no Korean text",
    "zero-width.txt": "", "utf16-bom.txt": "",
    "mojibake-cp949.txt": "mojibake repaired: cp949", "mojibake-utf8-cp1252.txt": "mojibake repaired: utf-8",
    "mojibake-cp949-utf8-first.txt": "mojibake repaired: cp949",
    "mojibake-utf8-thai.txt": "mojibake repaired: utf-8 text read as Thai", "thai.txt": "little or no Korean text",
}


def check(article: Article) -> None:
    """The record passes its own validation again, and every span lies in the body."""
    Article.model_validate_json(article.model_dump_json())
    for record in [*article.officials, *article.indicators, *article.years, *article.policies, *article.quotes]:
        assert 0 <= record.span.start <= record.span.end <= len(article.body)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_corpus(name: str) -> None:
    data = (HOSTILE / name).read_bytes()
    if EXPECTED[name] == "error":
        with pytest.raises(InputError) as caught:
            extractor.extract(data)
        assert "\n" not in str(caught.value) and str(caught.value)
        return
    article = extractor.extract(data)
    check(article)
    assert any(EXPECTED[name] in warning for warning in article.warnings) or EXPECTED[name] == ""


def test_corpus_is_complete() -> None:
    assert sorted(p.name for p in HOSTILE.iterdir()) == sorted(EXPECTED)


def test_truncated_utf8_is_not_read_as_cp949() -> None:
    article = extractor.extract((HOSTILE / "truncated-utf8.txt").read_bytes())
    assert article.source.encoding == "utf-8"
    assert article.body.startswith("경남 마산시는 올해 37만여명에게")
    assert article.indicators[0].value == 370000


def test_zero_width_characters_do_not_split_words() -> None:
    article = extractor.extract((HOSTILE / "zero-width.txt").read_bytes())
    assert article.officials[0].name == "권영진"
    assert article.indicators[0].previous is not None and article.indicators[0].previous.value == 400


@pytest.mark.parametrize("name", ["mojibake-cp949.txt", "mojibake-utf8-cp1252.txt", "mojibake-cp949-utf8-first.txt",
                                  "mojibake-utf8-thai.txt"])
def test_mojibake_gives_the_original_article(name: str) -> None:
    """CP949 or UTF-8 once read as Latin-1/Windows-1252 and saved as UTF-8, as archives hold it;
    CP949 read by a scraper that tried UTF-8 first and fell back to Latin-1 byte by byte; or
    UTF-8 taken for Thai (Windows-874) by a charset detector."""
    original = extractor.extract(Path(__file__).parent.parent / "samples" / "kukinews-masan-jobs-2009.txt")
    repaired = extractor.extract((HOSTILE / name).read_bytes())
    assert repaired.body == original.body
    assert [o.name for o in repaired.officials] == [o.name for o in original.officials] != []


def test_mixed_encodings_keep_both_lines() -> None:
    article = extractor.extract((HOSTILE / "mixed-encodings.txt").read_bytes())
    assert "황철곤 마산시장" in article.body and "37만여명" in article.body


def test_too_large_is_an_error() -> None:
    small = Extractor(Settings(max_bytes=1000))
    with pytest.raises(InputError, match="over the limit"):
        small.extract(("가" * 2000).encode())


def test_fifty_megabytes_is_refused_by_default() -> None:
    with pytest.raises(InputError, match="over the limit"):
        extractor.extract(b"a" * (50 * 1024 * 1024))


def test_time_budget_turns_into_an_error() -> None:
    slow = Extractor(Settings(time_limit=0.5))
    with pytest.raises(OverBudget, match="time budget"):
        slow.extract(("정부가 올해 3만 5천호를 매입한다고 밝혔다. " * 20000).encode())


@pytest.mark.parametrize("page", [
    b"<html><body>" + b"<div>" * 10000 + "정부가 3만 5천호를 매입한다고 밝혔다.".encode() + b"</div>" * 10000,
    b'<html><body><div data-x="' + b"a" * 2_000_000 + b'"><p>' + "정부가 3만 5천호를 샀다.".encode() + b"</p></div>",
    b"<html><body><div><p><b><i>" + "정부가 3만 5천호를 매입한다.".encode() + b"<p><div><table><tr><td>",
])
def test_malformed_pages_keep_their_text(page: bytes) -> None:
    article = extractor.extract(page)
    check(article)
    assert "3만 5천호" in article.body
    assert article.indicators[0].value == 35000


def test_no_external_entities_or_fetches() -> None:
    page = (b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
            b"<html><body><p>&xxe;" + "정부가 3만 5천호를 매입한다고 밝혔다.".encode() + b'</p><img src="http://127.0.0.1:9/x"></body></html>')
    article = extractor.extract(page)
    assert "root:" not in article.body
    assert "3만 5천호" in article.body


MARKERS = ["억", "만", "천", "원", "개", "명", "%", "첫째", "둘째", "마지막으로", "①", "➁", "1.", "\"", "“", "”",
           "‘", "’", "▲", "□", "○", "시장", "장관", "기자", "에서", "로", "→", "년", "월", "일", "올해",
           "지난해", "\n", " ",
           "<p>", "</p>", "<div class='article'>", "<br>", "<script>", "【", "】", "=", "(", ")", "[", "]", ":"]
pieces = st.one_of(
    st.text(alphabet=st.characters(min_codepoint=0xAC00, max_codepoint=0xD7A3), min_size=1, max_size=4),
    st.from_regex(r"\d{1,6}(,\d{3})?(\.\d)?", fullmatch=True),
    st.sampled_from(MARKERS),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(pieces, min_size=1, max_size=80))
def test_fuzz_never_crashes_and_records_stay_valid(parts: list[str]) -> None:
    text = "".join(parts)
    try:
        article = extractor.extract(text.encode("utf-8"))
    except InputError:
        return  # a clear error (e.g. only whitespace) is an allowed answer
    check(article)


def test_a_bug_of_ours_is_an_error_of_the_document(monkeypatch: pytest.MonkeyPatch) -> None:
    """An exception inside a stage becomes InternalError, one line, never a traceback."""
    from extractor.extractors import indicators

    def broken(body: str) -> list[object]:
        raise KeyError("2,4")

    monkeypatch.setattr(indicators, "candidates", broken)
    with pytest.raises(InternalError, match=r"^internal error \(KeyError\): '2,4'$"):
        extractor.extract("서울시는 3일 예산 10억원을 밝혔다.")


def test_an_internal_error_is_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    from extractor.extractors import indicators

    def broken(body: str) -> list[object]:
        raise ValueError("first line\nsecond line")

    monkeypatch.setattr(indicators, "candidates", broken)
    with pytest.raises(InternalError) as caught:
        extractor.extract("서울시는 3일 예산 10억원을 밝혔다.")
    assert str(caught.value) == "internal error (ValueError): first line"


def test_mojibake_keeps_the_symbols_a_page_wrote_as_themselves() -> None:
    """A page's ∼ (an entity, so never mojibake) stands between runs of CP949 read UTF-8-first."""
    def latin1(error: UnicodeError) -> tuple[str, int]:
        assert isinstance(error, UnicodeDecodeError)
        return error.object[error.start:error.start + 1].decode("latin-1"), error.start + 1

    codecs.register_error("latin1-fallback", latin1)

    def scraped(text: str) -> str:
        return text.encode("cp949").decode("utf-8", errors="latin1-fallback")

    first, second = "서초구는 사업별로 최대 500만 원", "2천만 원 이내로 사업비를 지원한다고 밝혔다."
    repaired, encoding, _ = unmojibake(scraped(first) + "∼" + scraped(second))
    assert encoding == "cp949"
    assert repaired == first + "∼" + second


def test_reading_stops_at_the_budget_and_only_regular_files_are_read(tmp_path: Path) -> None:
    """Issue 16, items 6 and 7: a sparse 6 GB file, /dev/zero and a FIFO are refused unread."""
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as handle:
        handle.truncate(6 * 1024**3)
    with pytest.raises(InputError, match="over the limit"):
        extractor.extract(huge)
    with pytest.raises(InputError, match=r"not a regular file \(a device\)"):
        extractor.extract(Path("/dev/zero"))
    import os

    os.mkfifo(tmp_path / "fifo.txt")
    with pytest.raises(InputError, match=r"not a regular file \(a FIFO\)"):
        extractor.extract(tmp_path / "fifo.txt")  # before: blocked forever waiting for a writer


def test_the_time_budget_covers_reading(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Issue 16, item 7: a read that never ends (a hung mount) ends at the time budget."""
    import time

    from extractor import pipeline

    def stuck(path: Path, limit: int) -> bytes:
        while True:
            time.sleep(0.02)

    monkeypatch.setattr(pipeline, "read_file", stuck)
    with pytest.raises(OverBudget, match="time budget"):
        Extractor(Settings(time_limit=0.3)).extract(tmp_path / "a.txt")


def test_extract_many_names_the_input_of_each_error() -> None:
    """Issue 15 of 16: every error carries its input's id; published_at is taken; help says what raises."""
    import extractor as library

    text = (Path(__file__).parent.parent / "samples" / "kukinews-masan-jobs-2009.txt").read_text(encoding="utf-8")
    results = list(extractor.extract_many([text, b"", ("mine", b""), Path("/no/such.txt")], published_at="2009-02-05"))
    assert isinstance(results[0], Article)
    assert results[0].meta.published_at is not None and results[0].meta.published_at.year == 2009
    assert [getattr(r, "input_id", None) for r in results[1:]] == ["1", "mine", "/no/such.txt"]
    assert all(isinstance(r, InputError) for r in results[1:])
    assert "InputError" in (library.extract.__doc__ or "") and "InternalError" in (library.extract.__doc__ or "")
    assert "Raises" in (Extractor.extract.__doc__ or "")
    with_surrogate = extractor.extract("서울시는 3일 예산 10억원을 \ud800 밝혔다.")
    assert "1 lone surrogate code point(s) replaced with U+FFFD" in with_surrogate.warnings


def test_a_number_too_large_for_any_record_is_left_out_with_a_warning() -> None:
    """Issue 16 item 9: a 400-digit figure failed the whole article (value must be finite)."""
    article = extract("서울시는 " + "9" * 400 + "원을 투입한다고 밝혔다. 또 100억원을 더한다고 덧붙였다.")
    assert [i.value for i in article.indicators] == [10_000_000_000]
    assert any(w.startswith("number left out") for w in article.warnings)
