"""Language knowledge as data: each TOML file here is one lexicon or rule table.

Keeping Korean out of the Python code means a new outlet, title or unit is a line of
data, and the test corpora in `tests/corpus/` check every rule by example.

Every file has a typed model in `rules/schemas/NAME.py` (a `RuleFile` subclass named by
`FILE = "NAME"`), so a renamed key or a regex that does not compile is one line naming the
file and the key when an `Extractor` is built (or `extract --check-rules` runs), before any
document is read, and never a KeyError in the middle of a batch.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
import tomllib
from collections.abc import Iterable, Iterator
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Annotated, Any, ClassVar, TypeVar, cast

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError


class RuleError(Exception):
    """A rule file that is missing, unreadable or does not fit its model: one line per problem."""


def _compiles(pattern: str) -> str:
    try:
        re.compile(pattern)
    except re.error as exc:
        raise ValueError(f"not a regular expression ({exc})") from exc
    return pattern


# A string that must compile as a Python regular expression.
Regex = Annotated[str, AfterValidator(_compiles)]


class RuleFile(BaseModel):
    """Base of every rule file's model: unknown keys are refused, values are read-only."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    FILE: ClassVar[str] = ""

    def rules(self) -> Iterable[Rule]:
        """The file's rules that carry examples (lexicons have none): checked by one test."""
        return ()

    def fires(self, rule: Rule, text: str) -> bool:
        """Whether `rule` matches `text` as the extractor applies it (its examples must, its
        counter-examples must not)."""
        raise NotImplementedError(f"rules/{self.FILE}.toml has rules but its model says not how they fire")


class Rule(BaseModel):
    """One named shape with the texts it must match and must not (Duckling's rule + corpus)."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    id: str = Field(min_length=1)
    examples: tuple[str, ...] = ()
    counter_examples: tuple[str, ...] = ()


R = TypeVar("R", bound=RuleFile)


def _source(name: str, directory: Path | None) -> str:
    if directory is not None:
        return (directory / f"{name}.toml").read_text(encoding="utf-8")
    return resources.files(__package__).joinpath(f"{name}.toml").read_text(encoding="utf-8")


@cache
def load(name: str) -> dict[str, Any]:
    """Read `rules/NAME.toml` once per process as raw data; callers must not mutate the result.

    Prefer `get(Model)`: the typed view, validated once.
    """
    return tomllib.loads(_source(name, None))


def _validated(model: type[R], directory: Path | None) -> R:
    where = f"rules/{model.FILE}.toml"
    try:
        data = tomllib.loads(_source(model.FILE, directory))
    except OSError as exc:
        raise RuleError(f"{where}: cannot read ({exc.strerror or exc})") from exc
    except tomllib.TOMLDecodeError as exc:
        raise RuleError(f"{where}: not TOML ({exc})") from exc
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise RuleError("\n".join(f"{where}: {_key(e['loc'])}: {e['msg']}" for e in exc.errors())) from exc


def _key(loc: tuple[int | str, ...]) -> str:
    return ".".join(str(part) for part in loc) or "(top level)"


_validated_files: dict[type[RuleFile], RuleFile] = {}


def get(model: type[R]) -> R:
    """The typed, validated content of the model's rule file, read once per process."""
    found = _validated_files.get(model)
    if found is None:
        found = _validated_files[model] = _validated(model, None)
    return cast(R, found)


def models() -> list[type[RuleFile]]:
    """Every rule file's model, found in `rules/schemas/` (one module per file)."""
    from . import schemas

    found: list[type[RuleFile]] = []
    for info in sorted(pkgutil.iter_modules(schemas.__path__), key=lambda i: i.name):
        module = importlib.import_module(f"{schemas.__name__}.{info.name}")
        found.extend(value for value in vars(module).values()
                     if isinstance(value, type) and issubclass(value, RuleFile) and info.name == value.FILE)
    return found


def problems(directory: Path | None = None) -> list[str]:
    """One line per problem in the rule files (of `directory`, or the installed ones)."""
    lines: list[str] = []
    for model in models():
        try:
            _validated(model, directory)
        except RuleError as exc:
            lines.extend(str(exc).splitlines())
    if directory is None:  # the registry of public bodies is data of its own (rules/registry/)
        from .. import registry

        lines.extend(registry.problems())
    return lines


def check() -> None:
    """Validate every installed rule file once, raising one RuleError that lists the problems."""
    for model in models():
        get(model)


def iter_rules() -> Iterator[tuple[str, Rule]]:
    """(file, rule) for every rule that carries examples, across all rule files."""
    for model in models():
        for rule in get(model).rules():
            yield model.FILE, rule


def alternation(words: Iterable[str]) -> str:
    """A regex alternation that tries longer words first, so 구청장 wins over 청장."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))
