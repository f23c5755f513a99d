"""Quotes attributed to their speakers, and quoted names of programs.

A quotation is speech when a quotative ending follows it ("…"라고 말했다, "…"며) or a
transcript cue precedes it ([이름/직함 : "…"]). Its speaker is the person named last
before it in the sentence, the speaker of the quote it continues ("…"며 "…"고), or the
person named after it. Quoted noun phrases ending in a program word go to `programs`.
"""

from __future__ import annotations

import bisect
import re
from functools import cache

from .. import rules
from ..analysis import Document
from ..records import Official, Program, Quote, Span
from ..rules.schemas.quotes import Quotes, pattern
from .attribution import Speaker, attribute, official_named, speakers_of
from .base import Found, Result, Step
from .cue_lines import cue_above

# How far a headline-form quote looks for the end of its line.
_HEADLINE_TAIL = 200


@cache
def _marks() -> re.Pattern[str]:
    """Every pair of quotation marks, each inner text a group of its own (q0, q1, …)."""
    alternatives: list[str] = []
    for opening, closing in rules.get(Quotes).pairs:
        o, c = re.escape(opening), re.escape(closing)
        inner = f"[^{o}{c}\\n]" if opening != closing else f"[^{o}\\n]"
        alternatives.append(f"{o}(?P<q{len(alternatives)}>{inner}{{1,3000}}?){c}")
    return re.compile("|".join(alternatives))


def extract(doc: Document, officials: list[Official]) -> tuple[list[Quote], list[Program]]:
    """(quotes with speakers, program names) found in the body."""
    speakers = speakers_of(doc, officials)
    starts = [s.start for s in speakers]
    named_ends = {m.end for o in officials for m in o.mentions}
    quotes: list[Quote] = []
    programs: list[Program] = []
    last: Quote | None = None
    leads: list[Quote] = []
    for match in _marks().finditer(doc.body):
        group = next(g for g in match.groupdict() if match.group(g) is not None)
        start, end = match.start(group), match.end(group)
        inner = match.group(group)
        if pattern("apostrophe_year").match(inner) or _listed_term(doc.body, match.start(), inner):
            continue
        cue = cue_above(doc, match.start())
        speech = _is_speech(doc.body, match.start(), match.end(), inner) or _headline_form(doc.body, match, named_ends)
        if cue or speech:
            speaker = (Speaker(cue.name, cue.start, cue.end, official_named(cue.name, speakers), cue.role) if cue
                       else attribute(doc, speakers, starts, match.start(), match.end(), last))
            quote = _quote(inner, start, end, speaker)
            quotes.append(quote)
            last = quote
        elif _fills_its_line(doc.body, match.start(), match.end()):
            quote = Quote(text=inner, span=Span(start=start, end=end))
            leads.append(quote)  # speech when the text around it gives it a speaker (below)
        elif pattern("program_name").search(inner.strip()) and len(inner) <= 60:
            programs.append(Program(text=inner, span=Span(start=start, end=end)))
    quotes.extend(_transcript_lines(doc, speakers))
    quotes.sort(key=lambda q: q.span.start)
    quotes.extend(_paragraph_quotes(doc.body, leads, quotes))
    quotes.sort(key=lambda q: q.span.start)
    return quotes, programs


def _quote(inner: str, start: int, end: int, speaker: Speaker | None) -> Quote:
    if speaker is None:
        return Quote(text=inner, span=Span(start=start, end=end))
    return Quote(text=inner, span=Span(start=start, end=end), speaker=speaker.name, official=speaker.official,
                 speaker_span=Span(start=speaker.start, end=speaker.end) if speaker.name else None,
                 speaker_role=None if speaker.official is not None else speaker.role)


def _listed_term(body: str, open_at: int, inner: str) -> bool:
    """'민생', '안전', '개혁'이라고: the last of a list of quoted words is a term, not speech."""
    return len(inner) <= 8 and bool(pattern("listed_term").search(body, max(0, open_at - 3), open_at))


def _fills_its_line(body: str, open_at: int, close_at: int) -> bool:
    """A quotation that is its whole paragraph (a dash or a full stop aside)."""
    line_start = body.rfind("\n", 0, open_at) + 1
    line_end = body.find("\n", close_at)
    line_end = len(body) if line_end < 0 else line_end
    return not body[line_start:open_at].strip(" \t-") and not body[close_at:line_end].strip(" \t.…")


def _paragraph_quotes(body: str, leads: list[Quote], quotes: list[Quote]) -> list[Quote]:
    """Paragraphs that are only a quotation: a lead quote whose next paragraph says "이같이
    강조했다" belongs to that paragraph's speaker; one that follows a paragraph of one
    speaker's quotation goes on with that speaker. Any other stays out (a crowd's chant)."""
    out = []
    starts = [q.span.start for q in quotes]
    for lead in leads:
        line_start = body.rfind("\n", 0, lead.span.start) + 1
        line_end = body.find("\n", lead.span.end)
        next_end = body.find("\n", line_end + 1) if line_end >= 0 else -1
        next_line = body[line_end + 1:len(body) if next_end < 0 else next_end] if line_end >= 0 else ""
        speaker: Quote | None = None
        if pattern("this_way").search(next_line):
            first = bisect.bisect_right(starts, line_end)
            speaker = quotes[first] if first < len(quotes) and quotes[first].speaker else None
            if speaker is not None and next_end >= 0 and speaker.span.start > next_end:
                speaker = None
        else:
            prev_start = body.rfind("\n", 0, max(0, line_start - 1)) + 1
            at = bisect.bisect_left(starts, line_start) - 1
            run = quotes[at] if at >= 0 and quotes[at].span.start >= prev_start else None
            if run is not None and run.speaker and _fills_its_line(body, run.span.start - 1, run.span.end + 1):
                speaker = run
        if speaker is not None:
            out.append(lead.model_copy(update={"speaker": speaker.speaker, "official": speaker.official,
                                               "speaker_span": speaker.speaker_span,
                                               "speaker_role": speaker.speaker_role}))
    return out


def _transcript_lines(doc: Document, speakers: list[Speaker]) -> list[Quote]:
    """Broadcast transcripts that give speech without quotation marks: [이름/직함 : …]."""
    out = []
    for match in pattern("transcript_line").finditer(doc.body):
        line = match.group(0).strip()
        if line.startswith("[") and not line.endswith("]"):
            continue  # a bracket left open is no transcript cue
        name = match.group("name")
        official = official_named(name, speakers)
        out.append(Quote(text=match.group("text"), span=Span(start=match.start("text"), end=match.end("text")),
                         speaker=name, official=official, speaker_span=Span(start=match.start("name"),
                                                                            end=match.end("name"))))
    return out


def _is_speech(body: str, open_at: int, close_at: int, inner: str) -> bool:
    after = body[close_at:close_at + 8]
    before = body[max(0, open_at - 3):open_at].rstrip()
    line_start = body.rfind("\n", 0, open_at) + 1
    ends_a_sentence = bool(pattern("quote_ends_a_sentence").search(inner.strip()))
    if after.startswith(" ") and ends_a_sentence:
        after = after[1:]  # broadcast copy spaces its quotatives: "…이르다" 며, "…없다" 고
    return (bool(pattern("quotative").match(after)) or before.endswith((":", "："))
            or (before.endswith("-") and bool(pattern("speaker_cue").match(body, line_start)))
            or (bool(pattern("embedding").match(after)) and ends_a_sentence))


def _headline_form(body: str, match: re.Match[str], named_ends: set[int]) -> bool:
    """권영진 대구시장 "…": an official named right before a quote that closes its line."""
    window = body[max(0, match.start() - 4):match.start()]
    named_at = match.start() - (len(window) - len(window.rstrip(" ,")))
    if named_at not in named_ends:
        return False
    # (a bounded look: a line that goes on past this is no headline)
    rest = body[match.end():match.end() + _HEADLINE_TAIL].split("\n", 1)[0]
    return not rest.strip()


def _run(doc: Document, found: Found) -> Result:
    found_quotes, programs = extract(doc, list(found["officials"]))
    return Result({"quotes": found_quotes, "programs": programs})


STEP = Step("quotes", needs=("officials",), produces=("quotes", "programs"), run=_run)
