"""Officials' organizations as registry ids, after the officials step has run.

Not a pipeline step (a step may not produce "officials" twice): the lead calls
`link_organizations` next to link.py. Each official keeps `organization_surface` as printed
and gains `organization_id` and `organization_name`, the registry's name valid on the
article's date; a body the registry does not know keeps a null id. An article that names
exactly one 시·도 lends it to the short names that need a place (중구청장 in a 대구 article).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from .. import registry
from ..records import Official

UNDATED = "organizations linked to today's names: the article has no date"


def _day(published: date | datetime | None) -> date | None:
    return published.date() if isinstance(published, datetime) else published


def _region(officials: Sequence[Official], day: date | None) -> str | None:
    """The one 시·도 the article's officials name without help, if there is exactly one."""
    regions: set[str] = set()
    for official in officials:
        found = _resolve(official, day, None)
        if found is None:
            continue
        body = registry.body(found[0])
        while body is not None and body.kind not in ("광역자치단체",) and body.parent:
            body = registry.body(body.parent)
        if body is not None and body.kind == "광역자치단체":
            regions.add(body.id)
    return regions.pop() if len(regions) == 1 else None


def _resolve(official: Official, day: date | None, within: str | None) -> tuple[str, str] | None:
    for surface in dict.fromkeys(s for s in (official.organization_surface, official.organization) if s):
        found = registry.lookup(surface, official.title, day, within)
        if found is not None:
            return found
    return None


def link_organizations(officials: Sequence[Official], published: date | datetime | None) -> list[Official]:
    """New, validated Official records with organization_id/organization_name set where known."""
    day = _day(published)
    within = _region(officials, day)
    out = []
    for official in officials:
        found = _resolve(official, day, within)
        org_id, org_name = found if found is not None else (None, None)
        out.append(Official.model_validate({**dict(official), "organization_id": org_id,
                                            "organization_name": org_name}))
    return out


def link_warnings(officials: Sequence[Official], published: date | datetime | None) -> list[str]:
    """The article's warning when names were linked without a date (so to today's bodies)."""
    linked = any(o.organization_id for o in officials)
    return [UNDATED] if published is None and linked else []


def link_body(text: str, published: date | datetime | None) -> tuple[str, str] | None:
    """A body named alone (an indicator's subject, a release's issuer): (id, name) or None."""
    return registry.lookup(text, None, _day(published))
