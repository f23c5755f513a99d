from __future__ import annotations

import pytest

from extractor.extractors import officials, policies, quotes

from .conftest import cases, doc, opt


@pytest.mark.parametrize(("sentence", "speaker", "contains"), cases("quotes.tsv"))
def test_quote_corpus(sentence: str, speaker: str, contains: str) -> None:
    document = doc(sentence)
    found, _ = quotes.extract(document, officials.extract(document))
    hit = [q for q in found if contains in q.text]
    assert hit, f"no quote with {contains!r} in {[q.text for q in found]}"
    assert hit[0].speaker == opt(speaker)


@pytest.mark.parametrize(("sentence", "program"), cases("programs.tsv"))
def test_program_names_are_not_quotes(sentence: str, program: str) -> None:
    document = doc(sentence)
    found, programs = quotes.extract(document, [])
    assert program in [p.text for p in programs]
    assert not any(program in q.text for q in found)


@pytest.mark.parametrize(("text", "ordinals", "markers", "titles"), cases("policies.tsv"))
def test_policy_corpus(text: str, ordinals: str, markers: str, titles: str) -> None:
    body = text.replace("\\n", "\n")
    items = policies.extract(doc(body))
    if ordinals == "-":
        assert items == []
        return
    assert [str(i.ordinal) for i in items] == ordinals.split(",")
    assert [i.marker for i in items] == markers.split(",")
    for item, title in zip(items, titles.split("|"), strict=True):
        assert title in item.title
        assert body[item.span.start:item.span.end] == item.text
