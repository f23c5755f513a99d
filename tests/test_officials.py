from __future__ import annotations

from pathlib import Path

import pytest

from extractor import extract, rules
from extractor.extractors import mentions, officials
from extractor.rules.schemas.officials import Officials

from .conftest import SAMPLES, cases, doc, opt


@pytest.mark.parametrize(("sentence", "name", "title", "organization"),
                         [c for c in cases("officials.tsv") if c.values[1] != "-"])
def test_corpus(sentence: str, name: str, title: str, organization: str) -> None:
    found = {o.name: o for o in officials.extract(doc(sentence.replace("\\n", "\n")))}
    assert name in found, f"{name} not among {list(found)}"
    assert found[name].title == title
    assert found[name].organization == opt(organization)


@pytest.mark.parametrize("sentence", [c.values[0] for c in cases("officials.tsv") if c.values[1] == "-"])
def test_no_official(sentence: str) -> None:
    assert officials.extract(doc(sentence)) == []


def test_listed_names_share_the_office_and_only_names_are_listed() -> None:
    text = "위원장, 김철수 의원이 말했다. 서울·부산, 이영희 의원도 참석했다."
    assert sorted(o.name for o in officials.extract(doc(text))) == ["김철수", "이영희"]


def test_mentions_of_one_person_merge() -> None:
    text = "원희룡 국토교통부 장관은 회의를 열었다.\n원 장관은 \"매입하겠다\"고 말했다."
    found = officials.extract(doc(text))
    assert [o.name for o in found] == ["원희룡"]
    assert len(found[0].mentions) == 2
    assert text[found[0].mentions[1].start:found[0].mentions[1].end] == "원 장관"


@pytest.mark.parametrize("sample", sorted(p.name for p in SAMPLES.glob("*") if p.suffix in (".txt", ".html")))
def test_no_reporter_is_an_official(sample: str) -> None:
    article = extract(Path(SAMPLES / sample))
    reporters = {r.name for r in article.meta.reporters}
    if not sample.startswith("mois"):  # the press release names no reporter
        assert reporters
    assert not reporters & {o.name for o in article.officials}


def test_every_mention_shape_has_its_reading_function() -> None:
    assert sorted(mentions.READERS) == sorted(Officials.MENTIONS)
    assert [shape.id for shape in rules.get(Officials).mentions] == list(Officials.MENTIONS)


def test_the_one_local_government_is_looked_up_per_document() -> None:
    """조인묵 군수 takes the county its own article names, never one a previous article named."""
    first = doc("양구군은 밝혔다. 조인묵 군수는 말했다.")
    second = doc("인제군은 밝혔다. 조인묵 군수는 말했다.")
    assert [o.organization for o in officials.extract(first)] == ["양구군"]
    assert [o.organization for o in officials.extract(second)] == ["인제군"]
