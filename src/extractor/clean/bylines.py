"""Datelines, byline lines and sign-offs: where an article names its outlet and reporters.

The same shapes appear in scraped text and inside an HTML page's article container, so
both cleaners call these matchers; the templates are rules of rules/bylines.toml, and
each kind is applied here the one way its rule test applies it.
"""

from __future__ import annotations

import re

from .. import places, rules
from ..rules.schemas.bylines import Bylines
from .outlets import known_outlet, outlet_name, outlet_suffixes

Fields = dict[str, str | None]
_BYLINE_SPLIT = re.compile(r"\s*[,，]\s*|\s{2,}")
# A CMS's byline block is a bulleted list ("• 홍길동 기자" / "• 승인 2018.08.31 11:58" / "• 댓글 0").
# Where a run-in dateline may open: a bracket after a space; a lead with a sentence end is a story.
_RUN_IN_BRACKET = re.compile(r"\s[\[【]")
_SENTENCE = re.compile(r"[다요][.?!]")
_LIST_BULLETS = "•·∙▪◦"


def _bylines() -> Bylines:
    return rules.get(Bylines)


def dateline_fields(pattern: re.Pattern[str], line: str) -> tuple[Fields, int] | None:
    """The fields of one dateline template opening `line`, and where the rest starts.

    A bracket that holds only a name ([서울경제], not [속보]) counts when it names an outlet.
    """
    match = pattern.match(line)
    if not match or match.end() >= len(line):
        return None
    found = match.groupdict()
    if "known" in found:
        if outlet_name(found["known"] or "") is None:
            return None
        found = {"outlet": found["known"]}
    return found, match.end()


def strip_dateline(line: str) -> tuple[Fields | None, str]:
    """Split a leading dateline off a paragraph: (its fields, the rest)."""
    cues = _bylines().cue_words
    for pattern in _bylines().patterns("datelines"):
        read = dateline_fields(pattern, line)
        if read is not None:
            if (read[0].get("outlet") or "").strip() in cues:  # 【 앵커멘트 】: a transcript's cue, no outlet
                return None, line
            return _outlet_and_reporter(read[0]), line[read[1]:].lstrip()
    return None, line


def strip_run_in_dateline(line: str) -> tuple[Fields | None, str, str]:
    """A dateline run into the first paragraph after its headline or a photo's caption
    ("… 하루 평균 710건 [국회의정저널] 광주광역시 소방안전본부는 …"): (its fields, the text
    before it, the rest). Only a bracket within the line's first characters, after text that
    holds no sentence, and naming an outlet (known, or ending like one) counts."""
    data = _bylines()
    for match in _RUN_IN_BRACKET.finditer(line[:data.run_in_reach]):
        lead = line[:match.start()].strip()
        if not lead or _SENTENCE.search(lead):
            return None, "", line
        found, rest = strip_dateline(line[match.start() + 1:])
        if found is not None and outlet_name(found.get("outlet") or "") is not None:
            return found, lead, rest
    return None, "", line


def _outlet_and_reporter(found: Fields) -> Fields:
    """[서울=뉴시스] is place and outlet; [우리집신문=김고구마] is outlet and reporter: an
    outlet's name (known, or ending like one) before '=' and a person's after it."""
    place, outlet = found.get("place"), found.get("outlet")
    if (place and outlet and not found.get("name") and _bylines().stamp("name").fullmatch(outlet)
            and not places.is_place(place) and (known_outlet(place) or place.endswith(outlet_suffixes()))):
        return {**found, "place": None, "outlet": place, "name": outlet}
    return found


def match_bylines(line: str) -> list[Fields] | None:
    """The bylines of a line that holds nothing else: one, or several side by side
    ("홍길동 기자 hong@news.com, 김철수 기자 kim@news.com"), each with its own email."""
    found = match_byline_line(line)
    if found is not None:
        return [found]
    if "@" not in line and not any(mark in line for mark in _bylines().job_marks):  # a sentence with commas
        return None
    parts = _BYLINE_SPLIT.split(line)
    if len(parts) < 2:
        return None
    each = [match_byline_line(part) for part in parts]
    return [f for f in each if f is not None] if all(f and f.get("name") for f in each) else None


def match_byline_line(line: str) -> Fields | None:
    """The fields of a line that is nothing but a byline, contact or timestamp line."""
    if line[:1] in _LIST_BULLETS:
        line = line[1:].lstrip()
    for pattern in _bylines().patterns("byline_lines"):
        match = pattern.search(line)
        if match:
            return match.groupdict()
    # a line of stamps alone, labelled (입력 2023.03.15 14:30) or not (2011-01-25 11:27:42 2011-06-15 …)
    for stamp in (_bylines().stamp("labelled"), _bylines().stamp("timestamp")):
        if stamp.search(line) and len(stamp.sub("", line).strip(" |[]()/·-~")) <= 2:
            return {}
    return None


def signoff_start(pattern: re.Pattern[str], line: str) -> re.Match[str] | None:
    """One sign-off template closing `line`, after the end of a sentence."""
    match = pattern.search(line)
    if match and match.start() > 0 and line[:match.start()].rstrip().endswith(_bylines().signoff_after):
        return match
    return None


def strip_signoff(line: str) -> tuple[Fields | None, str]:
    """Split a trailing sign-off off the last paragraph: (its fields, the rest)."""
    return _strip_closing("signoffs", line)


def strip_handover(line: str) -> tuple[Fields | None, str]:
    """Split the anchor's hand-over ("… 홍길동 기잡니다.") off the paragraph a report follows."""
    return _strip_closing("handovers", line)


def _strip_closing(key: str, line: str) -> tuple[Fields | None, str]:
    for pattern in _bylines().patterns(key):
        match = signoff_start(pattern, line)
        if match:
            return match.groupdict(), line[:match.start()].rstrip()
    return None, line


def find_emails(text: str) -> list[str]:
    return _bylines().stamp("email").findall(text)


def strip_reporter_suffix(name: str) -> str:
    """'유영규 기자' → '유영규': pages put the job in the author field."""
    return _bylines().stamp("author_suffix").sub("", name.strip())
