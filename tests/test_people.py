"""The people index over a batch: one entry per person, the same for any order of the inputs."""

from __future__ import annotations

import json
import random
from typing import Any

from extractor.people import PeopleIndex, people_index


def _official(name: str, title: str, org_id: str | None = None, org: str | None = None,
              mentions: int = 1) -> dict[str, Any]:
    return {"name": name, "title": title, "organization": org, "organization_id": org_id,
            "organization_name": org, "mentions": [{"start": 0, "end": 1}] * mentions}


def _batch() -> list[dict[str, Any]]:
    return [
        {"id": "a1", "officials": [_official("권영진", "시장", "adm-27", "대구광역시", 2)]},
        {"id": "a2", "officials": [_official("권영진", "시장")]},  # 권영진 시장, no city printed
        {"id": "a3", "officials": [_official("권", "시장", "adm-27", "대구광역시")]},  # 권 시장 of 대구
        {"id": "a4", "officials": [_official("김철수", "구청장", "adm-27110", "중구"),
                                   _official("권영진", "시장", "adm-27", "대구광역시", 3)]},
        {"id": "a5", "officials": [_official("김철수", "의원", "party-dpk", "더불어민주당")]},
        {"id": "a6", "officials": [_official("이영희", "회장", None, "한국기자협회")]},
        {"id": "a7", "officials": [_official("이영희", "회장", None, "한국기자협회")]},
        {"id": "a8", "officials": []},
    ]


def _dump(articles: list[dict[str, Any]]) -> str:
    return json.dumps([p.model_dump() for p in people_index(articles)], ensure_ascii=False)


def test_one_person_across_articles_and_forms() -> None:
    people = {(p.name, p.organization_id): p for p in people_index(_batch())}
    kwon = people[("권영진", "adm-27")]
    assert kwon.articles == ["a1", "a2", "a3", "a4"]
    assert kwon.mentions == 2 + 1 + 1 + 3
    assert kwon.office == "시장" and kwon.organization == "대구광역시"


def test_same_name_in_different_bodies_stays_apart() -> None:
    kims = [p for p in people_index(_batch()) if p.name == "김철수"]
    assert sorted((p.organization_id, p.office) for p in kims) == [("adm-27110", "구청장"), ("party-dpk", "의원")]
    assert len({p.person_id for p in kims}) == 2


def test_an_unlinked_body_still_groups_by_its_name() -> None:
    lee = [p for p in people_index(_batch()) if p.name == "이영희"]
    assert len(lee) == 1 and lee[0].organization_id is None and lee[0].articles == ["a6", "a7"]


def test_a_bare_name_with_several_bodies_joins_by_office_or_not_at_all() -> None:
    batch = [*_batch(), {"id": "a9", "officials": [_official("김철수", "의원")]},
             {"id": "a10", "officials": [_official("김철수", "장관")]}]
    by_article = {a: [p for p in people_index(batch) if a in p.articles] for a in ("a9", "a10")}
    assert [p.organization_id for p in by_article["a9"]] == ["party-dpk"]
    assert [p.organization_id for p in by_article["a10"]] == [None]


def test_the_index_is_the_same_for_any_order_and_any_split() -> None:
    batch = _batch()
    expected = _dump(batch)
    rng = random.Random(25)
    for _ in range(5):
        shuffled = batch[:]
        rng.shuffle(shuffled)
        assert _dump(shuffled) == expected
    # two workers' outputs concatenated in either order (-j 2) are one batch again
    assert _dump(batch[4:] + batch[:4]) == expected


def test_person_of_points_officials_at_their_person() -> None:
    index = PeopleIndex(_batch())
    assert index.person_of("a1", 0) == index.person_of("a3", 0) == index.person_of("a4", 1)
    assert index.person_of("a4", 0) != index.person_of("a5", 0)
    assert index.person_of("a8", 0) is None


def _linked(line: dict[str, Any]) -> dict[str, Any]:
    """A batch line with its officials linked to the registry, as the wired pipeline will give it."""
    from extractor.extractors.registry_link import link_organizations
    from extractor.records import Meta, Official

    published = Meta.model_validate(line.get("meta") or {}).published_at
    officials = link_organizations([Official.model_validate(o) for o in line.get("officials") or ()], published)
    return {**line, "officials": [o.model_dump(mode="json") for o in officials]}


def test_the_index_is_the_same_for_one_job_two_jobs_and_a_shuffle(tmp_path: Any) -> None:
    import io

    from extractor.batch import discover
    from extractor.batch.runner import run

    from .conftest import SAMPLES

    folder = tmp_path / "archive"
    folder.mkdir()
    for name in ("daegu-social-economy-2020.txt", "kukinews-masan-jobs-2009.cp949.txt", "mbc-srt-routes-2023.html"):
        (folder / name).write_bytes((SAMPLES / name).read_bytes())
    dumps = []
    for jobs in (1, 2):
        out = io.StringIO()
        run(list(discover([str(folder)])), out, jobs=jobs)
        lines = [_linked(json.loads(line)) for line in out.getvalue().splitlines()]
        dumps.append(_dump(lines))
        dumps.append(_dump(lines[::-1]))
    assert len(set(dumps)) == 1
    people = json.loads(dumps[0])
    assert any(p["organization_id"] == "adm-27" for p in people)  # 권영진 of 대구
