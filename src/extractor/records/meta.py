"""Where an article came from and what it says of itself: source, metadata, contacts."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import Field, field_validator, model_validator

from .base import Record


class Source(Record):
    """Where the article came from, so a batch output line can be traced to its input."""

    path: str | None = None
    url: str | None = None
    format: Literal["text", "html"]
    encoding: str
    sha256: str
    size: int = Field(ge=0)


class Reporter(Record):
    name: str = Field(min_length=1)
    email: str | None = None


class Contact(Record):
    """A press release's contact person, each field as printed (02-2133-7000, 사무관, 노인복지과).

    A contact block leaves the body, so a contact is no `Official`: it has no span to point to.
    """

    name: str | None = None
    title: str | None = None
    department: str | None = None
    phone: str | None = None

    @model_validator(mode="after")
    def _something(self) -> Contact:
        if not (self.name or self.phone):
            raise ValueError("a contact names a person or gives a phone number")
        return self


class Meta(Record):
    """Article metadata; datetimes must carry an offset (Korean pages are +09:00 unless stated).

    `kind` says what the document is: a news article (reporters, an outlet), a government
    press release (an issuer, contacts, a release time and maybe an embargo) or a briefing's
    transcript. `subtitle` holds the deck lines under the headline, one a line (`\n` between).
    """

    kind: Literal["news", "press_release", "transcript"] = "news"
    title: str | None = None
    subtitle: str | None = None
    outlet: str | None = None
    issuer: str | None = None
    # The registry's id of the issuer (rules/registry/), null for a body it does not know.
    issuer_id: str | None = None
    reporters: list[Reporter] = Field(default_factory=list)
    contacts: list[Contact] = Field(default_factory=list)
    published_at: datetime | None = None
    updated_at: datetime | None = None
    embargo_until: datetime | None = None

    @field_validator("published_at", "updated_at", "embargo_until")
    @classmethod
    def _aware(cls, value: datetime | None) -> datetime | None:
        if value is not None and value.utcoffset() is None:
            raise ValueError("datetime must carry a UTC offset (naive datetimes are ambiguous)")
        return value
