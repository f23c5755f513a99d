from __future__ import annotations

import pytest

from extractor.extractors import officials, policies, quotes

from .conftest import cases, doc, opt


@pytest.mark.parametrize(("sentence", "speaker", "contains"), cases("quotes.tsv"))
def test_quote_corpus(sentence: str, speaker: str, contains: str) -> None:
    """A row's \\n is a line break (broadcast cues stand on a line of their own); a `contains`
    of - means the sentence holds no quotation at all (scare quotes, keyword lists)."""
    document = doc(sentence.replace("\\n", "\n"))
    found, _ = quotes.extract(document, officials.extract(document))
    if contains == "-":
        assert found == [], f"no quote expected, got {[q.text for q in found]}"
        return
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


def test_last_item_of_an_inline_phrase_list_is_its_phrase() -> None:
    """"③ 전세사기 예방 교육을 핵심 과제로 제시했다": the sentence's verb is no part of item 3."""
    found = policies.extract(doc("시는 ① 월세 지원 확대 ② 공공임대 공급 ③ 전세사기 예방 교육을 핵심 과제로 제시했다."))
    assert [p.title for p in found] == ["월세 지원 확대", "공공임대 공급", "전세사기 예방 교육"]
    assert found[-1].text.endswith("제시했다.")


def test_a_quoted_term_before_a_particle_is_no_quote() -> None:
    found, _ = quotes.extract(doc("정부는 '사회적경제'는 중요하다고 봤다."), [])
    assert found == []
