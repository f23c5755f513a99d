"""Rules written as templates: a regex with {PLACEHOLDER}s that a model fills from lexicons.

A shape of the grammar (권영진 대구시장, [구병삼/통일부 대변인 : …], ’14년도) reads as a line of
data with its examples beside it, while the word lists it is built from stay one list each: a
new office is one word in titles.toml, not an edit of every pattern that names offices. Every
rule file that writes patterns with placeholders (officials, quotes, bylines, dates, units,
markers) fills and checks them here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Set

from pydantic import Field

from . import Rule

# {NAME}: upper-case only, so a regex's own {2,4} is never read as one.
PLACEHOLDER = re.compile(r"\{([A-Z][A-Z_]*)\}")


class Shape(Rule):
    """A named regex template, with the texts it must and must not be found in."""

    pattern: str = Field(min_length=1)


def placeholders(template: str) -> set[str]:
    return set(PLACEHOLDER.findall(template))


def expand(template: str, values: Mapping[str, str]) -> str:
    """The template with every placeholder replaced by its value, pieces expanded in turn;
    an unknown name is a ValueError naming it."""

    def value(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in values:
            raise ValueError(f"unknown placeholder {{{name}}}")
        return expand(values[name], values)

    return PLACEHOLDER.sub(value, template)


def check_shapes(shapes: Iterable[Shape], known: Set[str], required: Iterable[str] = ()) -> None:
    """Refuse unknown placeholders, templates that cannot compile and missing shapes, naming
    the shape: the caller's field is the key the error line names."""
    ids = set()
    for shape in shapes:
        ids.add(shape.id)
        check_template(shape.id, shape.pattern, known)
    missing = sorted(set(required) - ids)
    if missing:
        raise ValueError(f"no shape {', '.join(missing)} (the extractor reads it by that id)")


def check_template(where: str, template: str, known: Set[str]) -> None:
    unknown = sorted(placeholders(template) - known)
    if unknown:
        raise ValueError(f"{where}: unknown placeholder {{{unknown[0]}}} (known: {', '.join(sorted(known))})")
    try:  # every placeholder stands for a group of its own, so a stand-in shows the syntax
        re.compile(PLACEHOLDER.sub("(?:x)", template))
    except re.error as exc:
        raise ValueError(f"{where}: not a regular expression ({exc})") from exc


def compile_shapes(shapes: Iterable[Shape], values: Mapping[str, str], flags: int = 0) -> dict[str, re.Pattern[str]]:
    """Each shape's pattern filled in and compiled, by id; a broken one is a ValueError naming it."""
    compiled = {}
    for index, shape in enumerate(shapes):
        try:
            compiled[shape.id] = re.compile(expand(shape.pattern, values), flags)
        except (ValueError, re.error) as exc:
            raise ValueError(f"shapes.{index} ({shape.id}): pattern does not compile ({exc})") from exc
    return compiled
