"""The model of rules/titles.toml: offices and roles, and the words around them."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from .. import RuleFile

Words = tuple[str, ...]


class _Table(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Portfolio(_Table):
    offices: Words = Field(min_length=1)


class Roles(_Table):
    names: Words = Field(min_length=1)


class Titles(RuleFile):
    FILE = "titles"
    former: Words = Field(min_length=1)
    elect: Words = Field(min_length=1)
    deputy: str = Field(min_length=1)
    offices: Words = Field(min_length=1)
    # Read by other stages until they move to korean.toml's list; officials use that one.
    city_offices: Words
    foreign_offices: Words
    completing_offices: dict[str, str]
    portfolio: Portfolio
    roles: Roles
    local_offices: dict[str, str]
