"""Language knowledge as data: each TOML file here is one lexicon or rule table.

Keeping Korean out of the Python code means a new outlet, title or unit is a line of
data, and the test corpora in `tests/corpus/` check every rule by example.
"""

from __future__ import annotations

import re
import tomllib
from functools import cache
from importlib import resources
from typing import Any


@cache
def load(name: str) -> dict[str, Any]:
    """Read `rules/NAME.toml` once per process; callers must not mutate the result."""
    text = resources.files(__package__).joinpath(f"{name}.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


def alternation(words: list[str]) -> str:
    """A regex alternation that tries longer words first, so 구청장 wins over 청장."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))
