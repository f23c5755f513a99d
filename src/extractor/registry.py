"""Korean public bodies by id: which body a printed name means on the article's date.

The table is data (rules/registry/bodies.tsv, rebuilt by tools/build_registry.py from the
행정구역 code file and our own table): a body has a stable id, its official name, kind,
parent, the dates its name was valid and the ids that succeeded it. A name news prints
(문체부, 대구시, 국토부) may belong to several rows: the one valid on the date wins, and a name
that outlived its body (여가부 after 2025) follows the rename to the body of that date. A
name that several places share (중구, 고성군) is resolved only by the place printed with it
(대구 중구, 경남 고성군) or the one place of the article (`within`); otherwise it is None, never
a guess. Offices narrow the choice (시장 of 제주 is 제주시; 교육감 of 대구 is its 교육청).
"""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from datetime import date
from functools import cache
from importlib import resources
from typing import Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

Kind = Literal["중앙행정기관", "광역자치단체", "기초자치단체", "행정시", "교육청", "지방의회", "공공기관",
               "국회/정당", "법원/검찰/경찰", "국제기구", "외국 정부"]
KINDS: tuple[str, ...] = get_args(Kind)
# Words before an office that do not change the body (전 군수 was the 군수 of the same 군).
_FORMER = ("전 ", "前 ", "당시 ", "현 ")
# The most words a name with its place takes (경상북도 구미시 고용정책과): longer text is no body's
# name, and the bound keeps a lookup on hostile text short.
_MOST_WORDS = 4


class Body(BaseModel):
    """One row of bodies.tsv: a body under one name for the dates it bore it."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    id: str = Field(min_length=1, pattern=r"^[a-z0-9-]+$")
    name: str = Field(min_length=1)
    kind: Kind
    parent: str | None = None
    valid_from: date | None = None
    valid_to: date | None = None
    successors: tuple[str, ...] = ()
    names: tuple[str, ...] = ()
    source: Literal["adm", "hand", "derived"]

    @field_validator("parent", "valid_from", "valid_to", mode="before")
    @classmethod
    def _empty(cls, value: object) -> object:
        return None if value == "" else value

    def valid_on(self, day: date | None) -> bool:
        """In force on `day`; with no date, a body whose name is still in use."""
        if day is None:
            return self.valid_to is None
        return (self.valid_from is None or self.valid_from <= day) and (self.valid_to is None or day <= self.valid_to)


class Office(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    word: str = Field(min_length=1)
    role: Literal["ends", "child", "unit"]
    value: str = ""


def _rows(name: str) -> list[dict[str, str]]:
    text = resources.files(__package__).joinpath("rules", "registry", name).read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    return list(csv.DictReader(io.StringIO("\n".join(lines)), delimiter="\t"))


def _body(row: dict[str, str]) -> Body:
    return Body.model_validate({**row, "successors": tuple(s for s in row["successors"].split(",") if s),
                                "names": tuple(n for n in row["names"].split("|") if n)})


def problems() -> list[str]:
    """One line per problem in rules/registry/ (for `--check-rules`): bad rows, dangling ids."""
    out: list[str] = []
    bodies: list[Body] = []
    for number, row in enumerate(_rows("bodies.tsv"), start=2):
        try:
            bodies.append(_body(row))
        except (ValidationError, AttributeError, KeyError) as exc:
            out.append(f"rules/registry/bodies.tsv row {number}: {str(exc).splitlines()[0]}")
    ids = [b.id for b in bodies]
    out.extend(f"rules/registry/bodies.tsv: id {i} twice" for i in sorted({i for i in ids if ids.count(i) > 1}))
    known = set(ids)
    for body in bodies:
        out.extend(f"rules/registry/bodies.tsv: {body.id} points to unknown {other}"
                   for other in (body.parent or "", *body.successors) if other and other not in known)
    for number, row in enumerate(_rows("offices.tsv"), start=2):
        try:
            Office.model_validate(row)
        except ValidationError as exc:
            out.append(f"rules/registry/offices.tsv row {number}: {str(exc).splitlines()[0]}")
    return out


class Registry:
    """The bodies by id and by every name they bear, with what offices say of them."""

    def __init__(self, bodies: list[Body], offices: list[Office]) -> None:
        self.bodies = {b.id: b for b in bodies}
        self.by_name: dict[str, list[Body]] = defaultdict(list)
        for body in bodies:
            for name in dict.fromkeys((body.name, *body.names)):
                self.by_name[name].append(body)
        self.predecessors: dict[str, list[str]] = defaultdict(list)
        for body in bodies:
            for successor in body.successors:
                self.predecessors[successor].append(body.id)
        self.children: dict[str, list[Body]] = defaultdict(list)
        for body in bodies:
            if body.parent:
                self.children[body.parent].append(body)
        self.offices = {o.word: o for o in offices if o.role != "unit"}
        self.units = tuple(o.word for o in offices if o.role == "unit")

    def line(self, body: Body) -> set[str]:
        """The ids of one body across its renames (강원도 → 강원특별자치도), splits left out."""
        seen, todo = {body.id}, [body.id]
        while todo:
            current = self.bodies[todo.pop()]
            nexts = list(current.successors) if len(current.successors) == 1 else []
            nexts += [p for p in self.predecessors.get(current.id, ()) if len(self.bodies[p].successors) == 1]
            for other in nexts:
                if other not in seen:
                    seen.add(other)
                    todo.append(other)
        return seen

    def under(self, body: Body, place: Body) -> bool:
        """Whether `body` lies in `place` (or is it), across renames of either."""
        places = self.line(place)
        current: Body | None = body
        while current is not None:
            if current.id in places or self.line(current) & places:
                return True
            current = self.bodies.get(current.parent) if current.parent else None
        return False

    def on_date(self, body: Body, day: date | None) -> Body:
        """The body as it stood on `day`: a rename followed either way; a split keeps the name printed."""
        seen = {body.id}
        current = body
        while not current.valid_on(day):
            later = day is None or (current.valid_to is not None and day > current.valid_to)
            steps = list(current.successors) if later else self.predecessors.get(current.id, [])
            if len(steps) != 1 or steps[0] in seen:
                return current
            seen.add(steps[0])
            current = self.bodies[steps[0]]
        return current

    def candidates(self, name: str, office: Office | None) -> list[Body]:
        found = list(self.by_name.get(name, ()))
        if office is not None and office.role == "ends":
            if not name.endswith(office.value):
                found += self.by_name.get(name + office.value, [])
            found = [b for b in found if b.name.endswith(office.value)]
        if not found and name.endswith("청") and name[-2:-1] in ("시", "군", "구", "도"):
            found = list(self.by_name.get(name[:-1], ()))
        return list({b.id: b for b in found}.values())

    def pick(self, found: list[Body], day: date | None, place: Body | None, within: Body | None) -> Body | None:
        """The one body the name means on the day, or None when several remain."""
        if place is not None:
            found = [b for b in found if self.under(b, place)]
        dated = list({b.id: b for b in (self.on_date(b, day) for b in found)}.values())
        valid = [b for b in dated if b.valid_on(day)] or dated
        if len(valid) > 1 and within is not None:
            valid = [b for b in valid if self.under(b, within)] or valid
        if len(valid) > 1:  # 광주 is 광주광역시 in the news unless a province is printed with it
            valid = [b for b in valid if b.kind == "광역자치단체"] or valid
        return valid[0] if len(valid) == 1 else None

    def find(self, surface: str, title: str | None, day: date | None, within: Body | None) -> Body | None:
        words = " ".join(surface.split())
        for former in _FORMER:
            title = title.removeprefix(former) if title else title
        office = self.offices.get(title or "")
        body = self.pick(self.candidates(words, office), day, None, within)
        parts = words.split(" ")
        if len(parts) > _MOST_WORDS:
            return None
        if body is None and len(parts) > 1:
            head = self.find(" ".join(parts[:-1]), None, day, within)
            if head is not None:
                body = self.pick(self.candidates(parts[-1], office), day, head, within)
                if body is None and parts[-1].endswith(self.units):
                    body = head
        if body is not None and office is not None and office.role == "child":
            below = [c for c in self.children.get(body.id, []) if c.kind == office.value]
            if below:
                body = self.on_date(below[0], day)
        return body


@cache
def registry() -> Registry:
    return Registry([_body(r) for r in _rows("bodies.tsv")], [Office.model_validate(r) for r in _rows("offices.tsv")])


def lookup(surface: str, title: str | None = None, on_date: date | None = None,
           within: str | None = None) -> tuple[str, str] | None:
    """(organization_id, organization_name) of the body `surface` names on `on_date`, or None.

    `title` is the office held there (시장, 교육감); `within` the id of the one place an article
    is about, used only to choose among bodies sharing a name (중구). With no date, the body
    whose name is in use today.
    """
    table = registry()
    place = table.bodies.get(within) if within else None
    body = table.find(surface, title, on_date, place) if surface.strip() else None
    return (body.id, body.name) if body is not None else None


def body(organization_id: str) -> Body | None:
    """The registry's row of an id (for a caller that wants kind or parent)."""
    return registry().bodies.get(organization_id)
