"""An article's metadata record and the warnings that say what it lacks.

The cleaner drafts the metadata (title, outlet, reporters, stamps); a press release adds what
it says of itself (kind, issuer, contacts, embargo); a date the caller knows beats both.
"""

from __future__ import annotations

from datetime import date, datetime

from . import korean
from .clean import release
from .clean.lines import Cleaned
from .clean.meta import KST, parse_timestamp
from .errors import InputError
from .extractors import registry_link
from .records import Meta, Reporter


def meta_of(cleaned: Cleaned, published_at: datetime | date | str | None, kind: str = "auto") -> Meta:
    """The record's metadata: the cleaner's draft, and what a press release says of itself.

    Reading the release moves its deck lines out of `cleaned.removed` into `subtitle`, so
    this runs before the body is analysed.
    """
    draft = cleaned.meta
    given = as_datetime(published_at)
    try:
        found = release.read(cleaned, kind)
    except ValueError as exc:  # an unknown kind of the settings
        raise InputError(str(exc)) from exc
    published = given or found.published_at or draft.published_at
    linked = registry_link.link_body(found.issuer, published) if found.issuer else None
    return Meta(
        kind=found.kind, title=draft.title, subtitle="\n".join(found.subtitle) or None,
        outlet=draft.outlet, issuer=found.issuer, issuer_id=linked[0] if linked else None,
        reporters=[Reporter(name=name, email=email) for name, email in draft.reporters if name],
        contacts=found.contacts, published_at=published,
        updated_at=draft.updated_at, embargo_until=found.embargo_until,
    )


def as_datetime(value: datetime | date | str | None) -> datetime | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=KST)
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day, tzinfo=KST)
    parsed = parse_timestamp(value)
    if parsed is None:
        raise InputError(f"cannot read the publication date {value!r}")
    return parsed


def warnings_of(cleaned: Cleaned, meta: Meta) -> list[str]:
    warnings = []
    if not cleaned.body.strip():
        warnings.append("no article body found")
    elif korean.hangul_share(cleaned.body) < 0.2:
        warnings.append("little or no Korean text: the rules are for Korean articles")
    if meta.title is None:
        warnings.append("no headline found")
    if meta.published_at is None:
        warnings.append("no publication date found")
    if meta.kind == "press_release":  # a release has an issuer, not a reporter
        if meta.issuer is None:
            warnings.append("no issuer found")
    elif not meta.reporters and meta.kind != "transcript":
        warnings.append("no reporter found")
    warnings.extend(f"email {email} names no reporter" for email in cleaned.meta.orphan_emails)
    return warnings
