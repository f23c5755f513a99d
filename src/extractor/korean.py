"""Korean as every stage reads it: Hangul classes, sentence ends and particles, in one place.

Each module used to spell these itself (the Hangul class four times, a sentence end five),
and copies drift: one stage would end a sentence where another did not.
"""

from __future__ import annotations

import re
from functools import cache

from . import rules
from .rules.schemas.korean import Korean

# Precomposed Hangul syllables; jamo and compatibility jamo are not words of a text.
HANGUL_CLASS = "가-힣"
HANGUL = re.compile(f"[{HANGUL_CLASS}]")
# Not preceded / followed by a Hangul syllable: word edges inside a run of Korean text.
NOT_AFTER_HANGUL = f"(?<![{HANGUL_CLASS}])"
NOT_BEFORE_HANGUL = f"(?![{HANGUL_CLASS}])"


def lexicon() -> Korean:
    return rules.get(Korean)


@cache
def particles_alternation() -> str:
    """A regex alternation of the particles, longest first (으로 before 로)."""
    return rules.alternation(lexicon().particles)


@cache
def sentence_end() -> re.Pattern[str]:
    """A declarative sentence's full stop (…했다. …입니다.) followed by a space or the end."""
    finals = "".join(lexicon().sentence_final_syllables)
    return re.compile(rf"(?<=[{finals}])\.(?=\s|$)")


def hangul_share(text: str) -> float:
    """The share of characters other than spaces that are Hangul syllables (0 for none)."""
    letters = len(text) - text.count(" ")
    return len(HANGUL.findall(text)) / letters if letters > 0 else 0.0
