"""How every cleaner and every rule test sees a line: spaces folded, invisible marks gone.

One function, because a boilerplate rule is checked on its examples exactly as the
cleaner applies it to a page's lines (rules/schemas/boilerplate.py).
"""

from __future__ import annotations

import re

_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u3000]+")
# Zero-width and direction marks hide inside words; removing them keeps words whole.
_INVISIBLE = re.compile(r"[\u200b-\u200f\u2060\u202a-\u202e\ufeff\u00ad]")


def fold(line: str) -> str:
    """Fold runs of spaces (incl. NBSP and zero-width ones) and trim: the body's spacing."""
    return _SPACES.sub(" ", _INVISIBLE.sub("", line)).strip()
