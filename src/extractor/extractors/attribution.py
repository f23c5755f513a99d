"""Who says a quote: the person named last before it, the speaker of the quote it continues,
or the person the sentence is about; named people without an office speak too."""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from .. import rules
from ..analysis import Document
from ..coverage import Coverage
from ..records import Official, Quote
from ..rules.schemas.quotes import Quotes, pattern
from .names import is_person_name
from .quote_subjects import has_subject, is_not_the_subject, named_subject, short_forms, unnamed_speaker
from .speakers import find_speakers


@dataclass(frozen=True)
class Speaker:
    name: str | None  # None: an unnamed speaker known by its role only (시 관계자는)
    start: int
    end: int
    official: int | None
    role: str | None = None


def as_before(last: Quote) -> Speaker:
    """The speaker of the last quote, where the text named them."""
    at = last.speaker_span or last.span
    return Speaker(last.speaker, at.start, at.end, last.official, last.speaker_role)


def official_named(name: str, speakers: list[Speaker]) -> int | None:
    """The index of the official a transcript cue names, if the text names them as one."""
    return next((s.official for s in speakers if s.name == name and s.official is not None), None)


def speakers_of(doc: Document, officials: list[Official]) -> list[Speaker]:
    out = [Speaker(o.name, m.start, m.end, i) for i, o in enumerate(officials) for m in o.mentions]
    taken = Coverage(len(doc.body))
    for speaker in out:
        taken.add(speaker.start, speaker.end)
    for mention in find_speakers(doc):
        if not taken.overlaps(mention.start, mention.end):
            out.append(Speaker(mention.name, mention.start, mention.end, None, mention.title))
            taken.add(mention.start, mention.end)
    out.extend(Speaker(n.name, n.start, n.end, None, n.role) for n in short_forms(doc, taken))
    out.sort(key=lambda s: s.start)
    return out


def attribute(doc: Document, speakers: list[Speaker], starts: list[int], open_at: int, close_at: int,
               last: Quote | None) -> Speaker | None:
    sentence_start, sentence_end = doc.sentence_at(open_at)
    line_start = doc.body.rfind("\n", 0, open_at) + 1
    sentence_start = min(sentence_start, open_at)
    # Kiwi runs a sentence on into one that opens with a quotation mark: cut at its full stop.
    for stop in pattern("full_stop").finditer(doc.body, sentence_start, open_at):
        sentence_start = stop.end()
    # A transcript cue names the speaker at the start of the line: [이름/직함 : "…"].
    cue = pattern("speaker_cue").match(doc.body, line_start)
    if cue and cue.end() <= open_at and (
            cue.group("mark") or is_person_name(doc, cue.group("name"), cue.start("name"))):
        name = cue.group("name")
        official = official_named(name, speakers)
        return Speaker(name, cue.start("name"), cue.end("name"), official)
    # A quote continuing the last one ("…"며 "…"고 말했다) has the same speaker.
    if (last is not None and last.span.end < open_at and open_at - last.span.end <= 6 and last.speaker
            and not pattern("question_clause").search(doc.body, last.span.end, open_at)):
        return as_before(last)
    i = bisect.bisect_left(starts, open_at) - 1
    while i >= 0 and speakers[i].start >= line_start and speakers[i].end > open_at:
        i -= 1
    while (i > 0 and speakers[i - 1].start >= max(line_start, sentence_start) and speakers[i].start >= sentence_start
           and pattern("question_clause").search(doc.body, speakers[i].end, open_at)):
        i -= 1  # 한 총리는 … 윤 의원이 '…느냐'고 묻자 "…": the one asked answers
    while i >= 0 and speakers[i].start >= max(line_start, sentence_start) and is_not_the_subject(doc, speakers[i].end):
        i -= 1  # 조 실장과의 통화에서 "…", 조 감독의 요청에 대해서는 "…": spoken of, not speaking
    unnamed = unnamed_speaker(doc, sentence_start, open_at)
    if unnamed is not None and (i < 0 or speakers[i].end <= unnamed.start):  # 국토부 관계자는 "…"
        return Speaker(None, unnamed.start, unnamed.end, None, unnamed.role)
    if i >= 0 and speakers[i].start >= line_start:
        nearest = speakers[i]
        gap = doc.body[nearest.end:open_at]
        if nearest.start >= sentence_start or gap.strip() in ("", ":", "：") or (
                pattern("subject_gap").match(gap) and not pattern("full_stop").search(gap)):
            return nearest
    opening = doc.body[sentence_start:open_at]
    subject = named_subject(doc, sentence_start, open_at)
    if subject is not None:  # 이준호는 "…", 김서윤은 이날 … "…"
        return Speaker(subject.name, subject.start, subject.end, None)
    if pattern("pointing_back").search(opening):
        spoken_of = spoken_of_last(doc.body, speakers, starts, sentence_start, last)
        if spoken_of is not None:
            return spoken_of
    line_end = doc.body.find("\n", close_at)
    line_end = len(doc.body) if line_end < 0 else line_end
    reach = min(line_end, max(sentence_end, close_at + 40))
    # Never past the end of the quoting sentence: "…"고 말했다. 홍길동 장관은 … is a new subject.
    full_stop = pattern("full_stop").search(doc.body, close_at, reach)
    reach = full_stop.start() if full_stop else reach
    after = speakers[bisect.bisect_left(starts, close_at):bisect.bisect_left(starts, reach)]
    if after:
        return after[0]
    # "…"라고 덧붙였다: a sentence that opens with the quote and has no subject of its own
    # ("…"라고 한 시민은 말했다 has one) goes on speaking of the same person
    # (an opening without a subject goes on too: 한편 … 관련해 "…"고 말했다)
    if has_subject(doc, sentence_start, open_at) or any(
            t.tag == "JKS" or (t.tag == "JX" and t.form in rules.get(Quotes).topic_particles)
            for t in doc.tokens_between(close_at, reach)):
        return None
    return spoken_of_last(doc.body, speakers, starts, sentence_start, last)


def spoken_of_last(body: str, speakers: list[Speaker], starts: list[int], sentence_start: int,
                    last: Quote | None) -> Speaker | None:
    """Whom the text spoke of last (그는, 이어, or no subject at all): the last quote's
    speaker or a person named since (이창용 총재도 … 밝혔다. 그는 "…"), within this
    paragraph or the one before."""
    named = named_before(body, speakers, starts, sentence_start)
    if last is not None and last.speaker and (named is None or named.start < last.span.start):
        return as_before(last)
    return named


def named_before(body: str, speakers: list[Speaker], starts: list[int], at: int) -> Speaker | None:
    """The person named last before `at`, in its paragraph or the one before."""
    line_start = body.rfind("\n", 0, at) + 1
    reach = body.rfind("\n", 0, max(0, line_start - 1)) + 1
    i = bisect.bisect_left(starts, at) - 1
    return speakers[i] if i >= 0 and speakers[i].start >= reach and speakers[i].end <= at else None
