"""Numeric indicators: a number with its unit, approximation, qualifier, change and subject.

Numbers are found on the text by one linear regular expression (numerals are characters,
not words, and Kiwi splits "1천600여억원" into six tokens); Kiwi's tokens then give the
noun phrase a number measures. Words around numbers live in `rules/units.toml`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache
from typing import Any, Literal

from .. import rules
from ..analysis import Document, Token
from ..numbers import NATIVE, NUMERAL, NumeralError, parse_native, parse_numeral, range_low
from ..records import Change, Indicator, Previous, Span
from .base import Result, Step

_BIG = re.compile(r"[만억조경]")
_YEAR_GAP = (r"(?:\(\s*[’'‘`]?\d{{2,4}}\s*(?:년도?)?\s*\)"  # a table's "(2022) 50억원 → (2023) 80억원"
             r"|(?:[’'‘`]?\d{{2,4}}\s*년도?|{relative})\s*(?:\d{{1,2}}\s*월\s*)?(?:말|초|기준|상반기|하반기|까지)?)")
_NOUN_TAGS = ("NNG", "NNP", "SL", "SH", "XSN", "NNB")
_JOINED_BEFORE = re.compile(r"\d[-.]$")


@dataclass(frozen=True)
class _Rules:
    pattern: re.Pattern[str]
    native: re.Pattern[str]
    unit_of: dict[str, str]
    lead: re.Pattern[str]
    scale_noun: re.Pattern[str]
    year_gap: re.Pattern[str]
    data: dict[str, Any]


@cache
def _rules() -> _Rules:
    data = rules.load("units")
    unit_of = {surface: unit for unit, surfaces in data["units"].items() for surface in surfaces}
    words = rules.alternation(list(unit_of) + data["non_units"])
    prefixes = rules.alternation(data["approximate_prefixes"] + data["qualifier_prefixes"]
                                 + data["other_prefixes"])
    suffixes = rules.alternation(data["approximate_suffixes"] + data["qualifier_suffixes"])
    ranges = rules.alternation(data["range_markers"])
    vague = rules.alternation(data["vague_prefixes"])
    pattern = re.compile(
        rf"(?:(?P<pre>{prefixes})\s?)?(?<![0-9A-Za-z./])(?<![0-9A-Za-z.],)"
        rf"(?:(?P<num>{NUMERAL})|(?<![가-힣])(?P<vague>{vague})?(?P<word>[십백천만억조]+))"
        rf"(?:\s?(?:{ranges})\s?(?P<num2>{NUMERAL}))?(?P<yeo>여)?"
        rf"(?:\s?(?P<unit>{words}))?(?:\s?(?P<post>{suffixes}))?"
    )
    natives = rules.alternation(list(NATIVE))
    counters = rules.alternation(data["native_counters"])
    native = re.compile(rf"(?<![가-힣])(?P<num>{natives})\s(?P<unit>{counters})(?![가-힣]?째)"
                        rf"(?:\s?(?P<post>{suffixes}))?")
    lead = re.compile(rf"^(?:{rules.alternation(data['from_markers'])})")
    scale_noun = re.compile(rf"^\s?(?:{rules.alternation(data['scale_nouns'])})")
    # "400개에서 ’19년 940개로", "2만 명에서 내년 4만 명으로": a time may stand between the two
    relative = rules.alternation(list(rules.load("dates")["relative_years"]))
    year_gap = re.compile(rf"^\s*(?:{_YEAR_GAP.format(relative=relative)}\s*)?$")
    return _Rules(pattern, native, unit_of, lead, scale_noun, year_gap, data)


@dataclass(frozen=True, slots=True)
class _Candidate:
    """A number found on the text, before it is merged and validated into an Indicator.

    Most candidates of a dense document are from-values merged into the next one: they
    are plain values until then, so validation runs once per record that is kept.
    """

    start: int
    end: int
    value: float
    unit: str | None
    approximate: bool
    qualifier: str | None
    low: float | None
    high: float | None
    previous: tuple[float, str] | None = None


def extract(doc: Document) -> list[Indicator]:
    """Every indicator of the body, with "A에서 B로" pairs merged into one record."""
    found = [*_numerals(doc.body), *_natives(doc.body)]
    found.sort(key=lambda candidate: candidate.start)
    merged = [_validated(doc.body, c) for c in _merge_previous(doc.body, found)]
    for i, indicator in enumerate(merged):
        indicator.change = _change(doc.body, indicator, merged[i + 1] if i + 1 < len(merged) else None)
        indicator.subject = _subject(doc, indicator)
    return merged


def _validated(body: str, c: _Candidate) -> Indicator:
    return Indicator(
        text=body[c.start:c.end], span=Span(start=c.start, end=c.end), value=c.value, unit=c.unit,
        approximate=c.approximate, qualifier=c.qualifier, low=c.low, high=c.high,
        previous=Previous(value=c.previous[0], text=c.previous[1]) if c.previous else None,
    )


def _numerals(body: str) -> list[_Candidate]:
    settings = _rules()
    out = []
    for match in settings.pattern.finditer(body):
        surface_unit = match.group("unit")
        unit = settings.unit_of.get(surface_unit) if surface_unit else None
        if surface_unit and unit is None:
            continue  # a date, duration or ordinal: 5년, 3개월, 2차
        if match.group("word") and not _is_word_numeral(match, unit):
            continue
        numeral = match.group("num") or match.group("word")
        if unit is None and not _BIG.search(match.group("num2") or numeral):
            continue  # a bare number says nothing measurable
        if unit and surface_unit and surface_unit[-1].isascii() and _next_is_latin(body, match.end("unit")):
            continue
        if _blocked(body, match.start("num") if match.group("num") else match.start("word")):
            continue
        if surface_unit == settings.data["ranked_unit"] and (
                _ranks_a_list(body, match.end("unit")) or _age_group(body, numeral, match.end("unit"))):
            continue
        try:
            value, approx = parse_numeral(numeral)
            high = parse_numeral(match.group("num2"))[0] if match.group("num2") else None
            if high is not None:
                value = range_low(value, numeral, high, match.group("num2"))
        except NumeralError:
            continue
        if unit is None:
            match_end = match.end("num2") if match.group("num2") else match.end("num")  # a word has a unit
            end = match.end("yeo") if match.group("yeo") else match_end
        else:
            end = match.end()
        start = match.start()
        out.append(_candidate(start, end, value, unit, match.group("pre"),
                              match.group("post") if unit else None,
                              approx or bool(match.group("yeo") or match.group("vague")), high))
    return out


def _is_word_numeral(match: re.Match[str], unit: str | None) -> bool:
    """수십억원, 수백 명, 천여 명, 만 원: numerals written as words, which need a unit.

    Without 수/몇 or 여 the word must stand apart from its unit ("천 명"), since "천명하다"
    and "만원 버스" are words of their own.
    """
    if unit is None:
        return False
    if match.group("vague") or match.group("yeo"):
        return True
    return match.start("unit") > match.end("word")


def _natives(body: str) -> list[_Candidate]:
    out = []
    for match in _rules().native.finditer(body):
        try:
            value = float(parse_native(match.group("num")))
        except NumeralError:
            continue
        counter: str = match.group("unit")
        unit = _rules().unit_of.get(counter, counter)
        out.append(_candidate(match.start(), match.end(), value, unit, None, match.group("post"), False, None))
    return out


def _candidate(start: int, end: int, value: float, unit: str | None, pre: str | None,
               post: str | None, approx: bool, high: float | None) -> _Candidate:
    data = _rules().data
    approximate = approx or pre in data["approximate_prefixes"] or post in data["approximate_suffixes"]
    qualifier = pre if pre in data["qualifier_prefixes"] else None
    if post in data["qualifier_suffixes"]:
        qualifier = data["qualifier_names"].get(post or "", post)
    return _Candidate(start, end, high if high is not None else value, unit, approximate, qualifier,
                      value if high is not None else None, high)


def _ranks_a_list(body: str, at: int) -> bool:
    return any(_ranked_head().search(word) for word in body[at:at + 40].split(maxsplit=2)[:2])


def _age_group(body: str, numeral: str, at: int) -> bool:
    """30대 청년, 20대 국회: a round N대 (10 … 90) before a word of people or of an assembly."""
    if not (len(numeral) == 2 and numeral.isdigit() and numeral.endswith("0")):
        return False
    following = body[at:at + 12].split(maxsplit=1)
    return bool(following) and _age_head().match(following[0]) is not None


@cache
def _age_head() -> re.Pattern[str]:
    return re.compile(rf"(?:{rules.alternation(_rules().data['age_heads'])})[가-힣]{{0,3}}$")


@cache
def _ranked_head() -> re.Pattern[str]:
    """A word ending in a ranked list's head, its particle after it (핵심과제를)."""
    particles = rules.alternation(rules.load("titles")["particles"])
    return re.compile(rf"(?:{rules.alternation(_rules().data['ranked_heads'])})(?:{particles})?$")


def _blocked(body: str, at: int) -> bool:
    before = body[max(0, at - 3):at]
    if before.endswith(_blocking()):
        return True
    # The later parts of phone numbers, ids and dotted dates: digits joined by '-' or '.'.
    # (Their first part has no unit, so it never becomes an indicator.)
    return bool(_JOINED_BEFORE.search(before))


def _next_is_latin(body: str, at: int) -> bool:
    return at < len(body) and body[at].isascii() and body[at].isalpha()


@cache
def _blocking() -> tuple[str, ...]:
    return tuple(_rules().data["blocking_prefixes"])


def _merge_previous(body: str, found: list[_Candidate]) -> list[_Candidate]:
    """Fold "A에서 B로" and "A→B" into B with `previous` = A."""
    out: list[_Candidate] = []
    i = 0
    while i < len(found):
        current = found[i]
        nxt = found[i + 1] if i + 1 < len(found) else None
        if nxt is not None and _is_from_to(body, current, nxt):
            out.append(replace(nxt, start=current.start, end=_to_end(body, nxt.end),
                               previous=(current.value, body[current.start:current.end]),
                               unit=nxt.unit or current.unit))
            i += 2
            continue
        out.append(current)
        i += 1
    return out


def _is_from_to(body: str, first: _Candidate, second: _Candidate) -> bool:
    if first.unit and second.unit and first.unit != second.unit:
        return False
    gap = body[first.end:second.start]
    marker = _rules().lead.match(gap.strip())
    if not marker:
        return False
    rest = gap.strip()[marker.end():]
    if not _rules().year_gap.match(rest):
        return False
    if marker.group(0) == "에서":
        # "2조원에서 3조원으로", also "3조원 규모로" and "3% 수준으로"
        after = _rules().scale_noun.sub("", body[second.end:second.end + 8], count=1)
        return after.startswith(tuple(_rules().data["to_markers"]))
    return True


def _to_end(body: str, end: int) -> int:
    for marker in sorted(_rules().data["to_markers"], key=len, reverse=True):
        if body.startswith(marker, end) and marker != "까지":
            return end + len(marker)
    return end


def _change(body: str, indicator: Indicator, following: Indicator | None) -> Change | None:
    """The change a sentence states right after an indicator: "… 2배이상 증가", "300%가 증대"."""
    data = _rules().data
    tail_start = indicator.span.end
    window = body[tail_start:tail_start + 30]
    percent = multiple = None
    text_end = tail_start
    # The percent or multiple of the change stands right after: "… 940개로 2배이상 증가".
    if following and tail_start <= following.span.start <= tail_start + 3 and following.unit in ("%", "배"):
        if following.unit == "%":
            percent = following.value
        else:
            multiple = following.value
        window = body[following.span.end:following.span.end + 12]
        text_end = following.span.end
    verb = re.match(r"^\s?(?:이|가|로|으로|나|까지)?\s?(?P<verb>[가-힣]{1,3})", window)
    if not verb:
        return None
    word = verb.group("verb")
    direction: Literal["increase", "decrease"]
    if word.startswith(tuple(data["increase"])):
        direction = "increase"
    elif word.startswith(tuple(data["decrease"])):
        direction = "decrease"
    else:
        return None
    return Change(direction=direction, percent=percent, multiple=multiple,
                  text=body[tail_start:text_end + verb.end()].strip() or None)


def _subject(doc: Document, indicator: Indicator) -> str | None:
    """The noun phrase the number measures: a noun after a counter, adjacent before, or the topic."""
    start = indicator.span.start
    sentence = doc.sentence_at(start)
    after = doc.tokens_between(indicator.span.end, sentence[1])
    if after and after[0].tag == "JKG":  # 1472개의 일자리
        after = after[1:]
    if (after and after[0].tag in ("NNG", "NNP") and after[0].start - indicator.span.end <= 2
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
    return frozenset(_rules().data["subject_stopwords"])


@cache
def _counters() -> frozenset[str]:
    return frozenset(_rules().data["native_counters"]) | {"개소", "개사", "개국", "개교"}


STEP = Step("indicators", needs=(), produces=("indicators",),
            run=lambda doc, found: Result({"indicators": extract(doc)}))
