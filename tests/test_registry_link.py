"""Officials linked to registry ids: new fields set, everything else as extracted."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from extractor.extractors.registry_link import UNDATED, link_body, link_organizations, link_warnings
from extractor.records import Official, Span

KST = timezone(timedelta(hours=9))


def _official(name: str, title: str, organization: str | None, surface: str | None) -> Official:
    return Official(text=name, span=Span(start=0, end=len(name)), name=name, title=title,
                    organization=organization, organization_surface=surface)


def test_link_sets_ids_and_keeps_everything_else() -> None:
    officials = [_official("권영진", "시장", "대구광역시", "대구"), _official("김구청", "구청장", "중구", "중"),
                 _official("박모모", "회장", "한국기자협회", "한국기자협회")]
    linked = link_organizations(officials, datetime(2020, 3, 1, tzinfo=KST))
    assert [(o.organization_id, o.organization_name) for o in linked] == [
        ("adm-27", "대구광역시"), ("adm-27110", "중구"), (None, None)]
    assert [o.model_dump(exclude={"organization_id", "organization_name"}) for o in linked] == \
        [o.model_dump(exclude={"organization_id", "organization_name"}) for o in officials]


def test_a_short_name_needs_the_one_city_of_the_article() -> None:
    two_cities = [_official("권영진", "시장", "대구광역시", "대구"), _official("오세훈", "시장", "서울특별시", "서울"),
                  _official("김구청", "구청장", "중구", "중")]
    assert link_organizations(two_cities, None)[2].organization_id is None


def test_undated_articles_get_todays_bodies_and_a_warning() -> None:
    linked = link_organizations([_official("김장관", "장관", "여성가족부", "여가부")], None)
    assert linked[0].organization_name == "성평등가족부"
    assert link_warnings(linked, None) == [UNDATED]
    assert link_warnings(linked, date(2020, 1, 1)) == []


def test_bodies_named_alone_link_the_same_way() -> None:
    assert link_body("통계청", date(2020, 1, 1)) == ("gov-kostat", "통계청")
    assert link_body("어느 협회", date(2020, 1, 1)) is None
    assert link_body("", None) is None


def test_an_undated_article_linked_to_todays_bodies_says_so() -> None:
    from extractor import extract
    from extractor.extractors.registry_link import UNDATED

    article = extract("권영진 대구시장은 3일 일자리 사업을 발표했다.")
    assert article.officials[0].organization_id == "adm-27"
    assert UNDATED in article.warnings
    dated = extract("권영진 대구시장은 3일 일자리 사업을 발표했다.", published_at="2020-01-21")
    assert UNDATED not in dated.warnings
