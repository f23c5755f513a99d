"""Where an enumerated item's title stands: its lead words, up to its first clause or sentence end.

Users read a list by its titles ("청년 일자리 확대", "공공임대 공급"), so a title is kept short:
a bracketed name the item opens with, the noun phrase of an inline list (not the sentence's
verb after its last item), or the item's first sentence.
"""

from __future__ import annotations

import re
from functools import cache

from .. import korean, rules
from ..analysis import Document
from ..rules.schemas.markers import Markers
from . import symbol_runs

# Items of an inline list of noun phrases are this short; the particles and the copula that
# tie the last one to the sentence's verb.
MAX_PHRASE = 40
_LIST_ENDS = ("JKO", "JKS", "JX", "JKB", "JC", "VCP")
_SEPARATOR = re.compile(r"[\s,，.:：)\]]*")


@cache
def _trailing() -> re.Pattern[str]:
    """What trails an item before the next mark: "▲A, ▲B 및 ▲C" (markers.toml's conjunctions)."""
    return re.compile(rf"(?:[\s,，]|{rules.alternation(rules.get(Markers).symbols.conjunctions)})+$")


@cache
def _stop(clause: bool) -> re.Pattern[str]:
    """A sentence's full stop or a line's end; with `clause`, a comma too (a circled or
    marked item's title stops at its first clause)."""
    return re.compile(("[,，]|" if clause else "") + rf"{korean.sentence_end().pattern}|\n")


def sentence_end() -> re.Pattern[str]:
    """A sentence's full stop or a line's end: where an inline list's last item stops."""
    return _stop(False)


def lead_start(body: str, at: int) -> int:
    """Where the item's own words start: after the marker's separator (", ", ". ", ") ")."""
    lead = _SEPARATOR.match(body, at)
    return lead.end() if lead else at


def title(body: str, start: int, end: int, *, clause: bool) -> tuple[int, int]:
    """A bracketed name the item opens with, or its first sentence (or clause, when `clause`)."""
    for opening, closing in rules.get(Markers).enumeration.title_brackets:
        if body.startswith(opening, start):
            close = body.find(closing, start + 1, end)
            if close > start:
                return start + 1, close
    stop = _stop(clause).search(body, start, end)
    title_end = (stop.start() + (1 if stop.group(0) == "." else 0)) if stop else end
    return _stripped(body, start, title_end)


def mark_title(doc: Document, start: int, end: int, last: bool) -> tuple[int, int]:
    """A marked item's title (▲청년 지원, ■ 교통 분야): the whole item when it is a short phrase,
    the noun phrase before the particle that ties the last item to the verb, else its first clause."""
    body = doc.body
    # ◇ 국장급 ▲… : a heading's title stops at its sub-list
    sub_list = symbol_runs.char_class(rules.get(Markers).symbols.marks).search(body, start, end)
    end = sub_list.start() if sub_list else end
    trail = _trailing().search(body, start, end)
    end = trail.start() if trail else end
    if last:
        stop = sentence_end().search(body, start, end)
        phrase_end = noun_phrase_end(doc, start, stop.start() if stop else end)
        if phrase_end is not None:
            return _stripped(body, start, phrase_end)
    if end - start <= MAX_PHRASE and not sentence_end().search(body, start, end):
        return _stripped(body, start, end)
    return title(body, start, end, clause=True)


def noun_phrase_end(doc: Document, start: int, end: int) -> int | None:
    """Where the last item's own words end (None: nowhere within reach): the particle (or 이다)
    that ties the list to the verb, or the 등 that closes the list ("△대기오염측정망 8억원 등이
    증액됐다", "△7월(1만9102명) 등 월별 …" → "대기오염측정망 8억원", "7월(1만9102명)")."""
    body = doc.body
    lead = next((w for w in rules.get(Markers).enumeration.lead_words if body.startswith(w, start)), "")
    tokens = doc.tokens_between(start + len(lead), min(end, start + MAX_PHRASE + 1))
    # A particle inside a clause that modifies a later noun ("시장이 인정한 경우다") ends nothing:
    # the phrase's end is looked for after the clause's modifier ending.
    modifier = max((k for k, t in enumerate(tokens) if t.tag == "ETM"), default=-1)
    for token in tokens[modifier + 1:]:
        if token.start - start > MAX_PHRASE:
            return None
        if token.tag in _LIST_ENDS or (token.form == "등" and token.tag == "NNB"):
            phrase = body[start:token.start].rstrip()
            if phrase:  # Kiwi may read an item's first syllable as a particle (△가감점: 가/JKS)
                return start + len(phrase) if len(phrase) <= MAX_PHRASE else None
    return None


def phrase_list(doc: Document, spans: list[tuple[int, int]]) -> bool:
    """An inline list of noun phrases: "① 월세 지원 확대 ② 공공임대 공급 ③ … 교육을 제시했다",
    not of clauses ("첫째, 장려금을 지급하고 둘째, …"), whose items end in a verb's ending."""
    for start, end in spans:
        text = doc.body[start:end]
        if end - start > MAX_PHRASE or sentence_end().search(text):
            return False
        tokens = doc.tokens_between(start, end)
        if tokens and tokens[-1].tag.startswith("E"):
            return False
    return True


def _stripped(body: str, start: int, end: int) -> tuple[int, int]:
    text = body[start:end]
    return start + len(text) - len(text.lstrip()), end - len(text) + len(text.rstrip())
