"""The model of rules/outlets.toml: portals, how outlets' names end, and the known outlets."""

from __future__ import annotations

import re
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr

from .. import RuleFile


def fold_name(name: str) -> str:
    """An outlet's name as it is looked up: "KBS 뉴스" and "kbs뉴스" are one name."""
    return re.sub(r"\s+", "", name).lower()


class Outlet(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    name: str = Field(min_length=1)
    aliases: tuple[str, ...]
    domains: tuple[str, ...]


class Outlets(RuleFile):
    FILE = "outlets"
    portals: tuple[str, ...]
    portal_domains: tuple[str, ...]
    name_endings: tuple[str, ...]
    endings_not_outlets: tuple[str, ...]
    labels_not_outlets: tuple[str, ...]
    slogans: tuple[str, ...]
    outlet: tuple[Outlet, ...]
    _by_alias: dict[str, str] = PrivateAttr(default_factory=dict)
    _by_domain: dict[str, str] = PrivateAttr(default_factory=dict)
    _portals: frozenset[str] = PrivateAttr(default=frozenset())

    def model_post_init(self, context: Any, /) -> None:
        for outlet in self.outlet:
            for alias in outlet.aliases:
                self._by_alias[fold_name(alias)] = outlet.name
            for domain in outlet.domains:
                self._by_domain[domain] = outlet.name
        self._portals = frozenset(fold_name(p) for p in self.portals)

    def by_alias(self, name: str) -> str | None:
        """The canonical name of a listed outlet, by any of its names (folded)."""
        return self._by_alias.get(fold_name(name))

    def by_domain(self) -> dict[str, str]:
        return self._by_domain

    def is_portal(self, name: str) -> bool:
        return fold_name(name) in self._portals
