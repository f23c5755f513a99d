"""What a number measures: the noun phrase Kiwi's tokens put next to it.

A noun right after a counter (1472개의 일자리), else the run of nouns that ends right
before the number, else the topic or subject of its sentence (…은/이 … 400개).
"""

from __future__ import annotations

from functools import cache

from ..analysis import Document, Token
from .quantities import Candidate, lexicon

_NOUN_TAGS = ("NNG", "NNP", "SL", "SH", "XSN", "NNB")


def subject(doc: Document, indicator: Candidate) -> str | None:
    """The noun phrase the number measures: a noun after a counter, adjacent before, or the topic."""
    start = indicator.start
    sentence = doc.sentence_at(start)
    after = doc.tokens_between(indicator.end, sentence[1])
    if after and after[0].tag == "JKG":  # 1472개의 일자리
        after = after[1:]
    if (after and after[0].tag in ("NNG", "NNP") and after[0].start - indicator.end <= 2
            and indicator.unit in _counters() and after[0].form not in _stopwords()):
        return after[0].form
    before = doc.tokens_between(sentence[0], start)
    phrase = _noun_phrase_ending(before, start, doc.body)
    if phrase:
        return phrase
    for i in range(len(before) - 1, 0, -1):
        if before[i].tag in ("JKS", "JX") and before[i - 1].tag in _NOUN_TAGS:
            phrase = _noun_phrase_ending(before[:i], before[i - 1].end, doc.body)
            if phrase:
                return phrase
    return None


def _noun_phrase_ending(tokens: list[Token], end: int, body: str) -> str | None:
    """The run of nouns that ends at `end`, without frame words (’14년도 말 기준 is no subject)."""
    words: list[Token] = []
    for tok in reversed(tokens):
        if tok.tag not in _NOUN_TAGS:
            break
        if (words[-1].start if words else end) - tok.end > 1:
            break
        words.append(tok)
    words.reverse()
    while words and (words[0].tag in ("XSN", "NNB") or words[0].form in _stopwords()):
        words.pop(0)
    if not words or any(t.form in _stopwords() for t in words):
        return None
    phrase = body[words[0].start:words[-1].end].strip()
    return phrase if len(phrase) >= 2 else None


@cache
def _stopwords() -> frozenset[str]:
    return frozenset(lexicon().subject_stopwords)


@cache
def _counters() -> frozenset[str]:
    return frozenset(lexicon().native_counters + lexicon().counted_units)
