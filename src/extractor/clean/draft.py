"""The metadata a cleaner gathers from several places before it becomes a record."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime

from .. import places
from .outlets import canonical_outlet, is_portal, known_outlet

_NAME_SEPARATORS = re.compile(r"\s*[·,ㆍ]\s*|\s+")


@dataclass
class MetaDraft:
    """Metadata gathered from several places; the first value found for a field wins."""

    title: str | None = None
    outlet: str | None = None
    reporters: list[tuple[str, str | None]] = field(default_factory=list)
    published_at: datetime | None = None
    updated_at: datetime | None = None
    orphan_emails: list[str] = field(default_factory=list)

    def add_reporter(self, name: str | None, email: str | None = None) -> None:
        """Record a reporter once; an email alone belongs to the reporter named last."""
        if name:
            name = name.strip()
            for i, (known, known_email) in enumerate(self.reporters):
                if known == name:
                    self.reporters[i] = (known, known_email or email)
                    return
            self.reporters.append((name, email))
        elif email and self.reporters:
            for i in range(len(self.reporters) - 1, -1, -1):
                known, known_email = self.reporters[i]
                if known_email is None:
                    self.reporters[i] = (known, email)
                    return
        elif email:
            self.orphan_emails.append(email)

    def take(self, found: dict[str, str | None]) -> None:
        """Merge the named groups of a byline match; "홍길동·김철수" names two reporters."""
        outlet = found.get("outlet")
        if outlet and places.is_place(outlet) and not known_outlet(outlet):
            outlet = None  # [부산/문종덕기자]: the reporter's city, where others put the outlet
        if outlet and (not self.outlet or is_portal(self.outlet)):
            self.outlet = canonical_outlet(outlet)
        names = _NAME_SEPARATORS.split(found.get("name") or "")
        for name in names[:-1]:
            self.add_reporter(name)
        self.add_reporter(names[-1] or None, found.get("email"))

    def fill(self, other: MetaDraft) -> None:
        """Take from `other` what this draft still lacks."""
        self.title = self.title or other.title
        self.outlet = self.outlet or other.outlet
        self.published_at = self.published_at or other.published_at
        self.updated_at = self.updated_at or other.updated_at
        for name, email in other.reporters:
            self.add_reporter(name or None, email)
