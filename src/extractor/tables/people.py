"""The batch's people index, written into the tables when a run closes.

A person is known only from the whole set of articles (권영진 시장 in one article joins the one
권영진 of 대구광역시 in another), so the `people` table and the `person_id` columns of officials
and quotes are worked out from what the tables hold, each time a run closes: a resumed run
recomputes them over everything, and any order of inputs gives the same ids.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from typing import Any

from ..people import PeopleIndex

OFFICIAL_FIELDS = ("article_id", "official", "name", "title", "organization", "organization_id",
                   "organization_name", "mentions")


def index(officials: Iterable[Mapping[str, Any]]) -> PeopleIndex:
    """The people index over officials rows (one per article and official index)."""
    by_article: dict[str, dict[int, dict[str, Any]]] = defaultdict(dict)
    for row in officials:
        by_article[str(row["article_id"])][int(row["official"])] = {
            "name": row["name"], "title": row["title"], "organization": row.get("organization") or None,
            "organization_id": row.get("organization_id") or None,
            "organization_name": row.get("organization_name") or None, "mention_count": row.get("mentions") or 1}
    return PeopleIndex({"id": article, "officials": [found[i] for i in sorted(found)]}
                       for article, found in sorted(by_article.items()))


def people_rows(people: PeopleIndex) -> list[dict[str, Any]]:
    return [{"person_id": p.person_id, "name": p.name, "organization_id": p.organization_id,
             "organization": p.organization, "office": p.office, "articles": len(p.articles),
             "mentions": p.mentions} for p in people.people]


def person_of(people: PeopleIndex, row: Mapping[str, Any]) -> str | None:
    """The person of an officials or quotes row (quotes point at their official)."""
    official = row.get("official")
    if official is None or official == "":
        return None
    return people.person_of(str(row["article_id"]), int(official))
