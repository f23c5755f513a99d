"""What a government press release (보도자료) says about itself: kind, issuer, times, deck, contacts.

A release has no reporter and no outlet. Its header block (a HWP table rendered as text,
or a portal's head box) prints its kind (보도자료, 보도참고자료), its release time (배포일시,
자료제공) and often an embargo (보도시점 … 이후, 이 보도자료는 … 부터 보도할 수 있습니다);
its footer prints contact people. The cleaners have already taken those lines out of the
body (boilerplate.toml's release_ rules put them in `removed`): this module reads them.

The release time is `published_at`; an embargo is `embargo_until`, and also `published_at`
when the release prints no other time, since that is the first moment it is public.
A document is a release by a header date or a press-enquiry note alone, and by a kind
label only when no reporter signs it (news sites file reposts under a 보도자료 menu).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from functools import cache
from typing import Literal

from .. import places, rules
from ..korean import HANGUL
from ..records import Contact
from ..rules.schemas.releases import Releases
from .contacts import find_contacts
from .fold import fold
from .lines import Cleaned
from .timestamps import KST, parse_timestamp

Kind = Literal["news", "press_release", "transcript"]
KINDS: tuple[Kind, ...] = ("news", "press_release", "transcript")
# How far into the body a transcript's speaker tag or a lead sentence's issuer is looked for.
_TRANSCRIPT_REACH = 40
_LEAD_REACH = 5
# A deck line says something: at least this many Hangul letters (- 1 - is a page number).
_DECK_HANGUL = 4
# The body's first lines a deck may stand in, when the headline block was not found.
_DECK_IN_BODY = 3
_DOUBLE_DASH = re.compile(r"^[-–―]\s?[^-–―].{0,150}?[^-–―\s]\s?[-–―]$")
_LEADING_DASH = re.compile(r"^[-–―]\s\S+\s\S")  # a phrase, not a menu item (- 보도자료)


@dataclass
class Release:
    """A document's release metadata; all empty for a news article."""

    kind: Kind = "news"
    issuer: str | None = None
    subtitle: list[str] = field(default_factory=list)
    contacts: list[Contact] = field(default_factory=list)
    published_at: datetime | None = None
    embargo_until: datetime | None = None


def read(cleaned: Cleaned, kind: str = "auto") -> Release:
    """The release metadata of a cleaned document (`kind` "auto" detects it).

    Moves the deck lines it finds out of `cleaned.removed` (and out of the body's first
    lines) into `subtitle`: a deck is the headline's, neither body nor furniture.
    """
    found = rules.get(Releases)
    draft = cleaned.meta
    around = [fold(line) for line in [*cleaned.removed, *([draft.title] if draft.title else [])]]
    body_lines = cleaned.body.splitlines()
    published, embargo, posted, strong = release_times(around)
    label = any(found.pattern(rule.id).search(line) for rule in found.kind_lines for line in around)
    strong = strong or any(found.pattern("press-enquiry").search(line) for line in around)
    spoken = any(found.pattern(rule.id).search(line) for rule in found.transcript_lines
                 for line in [*around, *body_lines[:_TRANSCRIPT_REACH]] if line[:1] in "<〈-–브")
    unsigned = not draft.reporters and not draft.outlet
    outlined = sum(1 for line in body_lines if line[:1] in found.outline_marks and line[1:2] in (" ", "\u3000"))
    detected: Kind = ("transcript" if spoken else
                      "press_release" if strong or (unsigned and (label or outlined >= found.outline_paragraphs))
                      else "news")
    out = Release(kind=_as_kind(kind) if kind != "auto" else detected)
    out.subtitle = _take_subtitle(cleaned, releasing=out.kind != "news")
    if out.kind == "news":
        return out
    out.issuer = find_issuer(around, body_lines[:_LEAD_REACH])
    out.published_at = published or embargo or draft.published_at or posted
    out.embargo_until = embargo
    if out.kind == "press_release":
        out.contacts = find_contacts(cleaned.removed)
    return out


def _as_kind(kind: str) -> Kind:
    for known in KINDS:
        if kind == known:
            return known
    raise ValueError(f"unknown kind {kind!r} (auto, {', '.join(KINDS)})")


def release_times(lines: Iterable[str]) -> tuple[datetime | None, datetime | None, datetime | None, bool]:
    """(release time, embargo, a board's posting date, whether a release's own header date was
    seen) from the header lines; the first of each wins."""
    found = rules.get(Releases)
    times: dict[str, datetime | None] = {"published": None, "embargo": None, "edition": None, "posted": None}
    strong = False
    for raw in lines:
        line = fold(raw)
        if not any(ch.isdigit() for ch in line[:80]):
            continue  # every header date has its digits near the line's start
        for rule in found.dates:
            if rule.field == "online" or times[rule.field] is not None:
                continue
            match = found.pattern(rule.id).search(line)
            stamp = parse_timestamp(match.group("when")) if match else None
            if stamp is None:
                continue
            if rule.field == "embargo":
                stamp = _online(line, stamp) or stamp
            times[rule.field] = stamp
            strong = strong or rule.field != "posted"
    return times["published"], times["embargo"] or times["edition"], times["posted"], strong


def _online(line: str, paper: datetime) -> datetime | None:
    """조간(온라인 11. 7. 12:00): the online embargo, in the paper's year (or the one before it,
    for a January paper put online in December)."""
    match = rules.get(Releases).pattern("online-embargo").search(line)
    if match is None:
        return None
    month, day, hour = int(match.group("mo")), int(match.group("d")), int(match.group("h"))
    year = paper.year - 1 if month > paper.month + 6 else paper.year
    try:
        return datetime(year, month, day, hour, int(match.group("mi") or 0), tzinfo=KST)
    except ValueError:
        return None


def find_issuer(header: Iterable[str], lead: Iterable[str]) -> str | None:
    """The body that issued the release: its head box or portal date line, else the subject of
    its lead sentence (□ 보건복지부(장관 박능후)는 …), by its full name."""
    found = rules.get(Releases)
    shapes = ("issuer-head-box", "portal-date-issuer")
    for line in header:
        for shape in shapes:
            match = found.pattern(shape).search(fold(line))
            if match and (name := issuer_name(match.group("org"))):
                return name
    for line in lead:
        match = found.pattern("lead-subject").search(line)
        if match and (name := issuer_name(match.group("org"))):
            return name
    return None


@cache
def _aliases() -> dict[str, str]:
    found = rules.get(Releases)
    return {**places.lexicon().aliases, **found.issuer_aliases}


def issuer_name(surface: str) -> str | None:
    """An issuer's full name (서울시 → 서울특별시), or None when `surface` names no issuing body."""
    found = rules.get(Releases)
    if surface in found.issuers:
        return surface
    canonical = _aliases().get(surface)
    if canonical is not None:
        return canonical if canonical.endswith(found.issuer_suffixes) else None
    if surface in found.not_issuers or surface in places.lexicon().not_local:
        return None
    if places.is_place(surface) or (len(surface) >= 3 and surface.endswith(found.issuer_suffixes)):
        return surface
    return None


def _is_deck(line: str, releasing: bool) -> bool:
    if len(HANGUL.findall(line)) < _DECK_HANGUL:
        return False
    if any(rules.get(Releases).pattern(rule.id).search(line) for rule in rules.get(Releases).transcript_lines):
        return False  # - 브리퍼 : 국무조정실 … - names a speaker
    return _DOUBLE_DASH.search(line) is not None or (releasing and _LEADING_DASH.search(line) is not None)


def _take_subtitle(cleaned: Cleaned, *, releasing: bool) -> list[str]:
    """The deck lines of the headline block (- 전년 대비 9.2% 증가 -), taken out of `removed`."""
    subtitle = []
    for line in cleaned.header:
        if line != cleaned.meta.title and line in cleaned.removed and _is_deck(line, releasing):
            subtitle.append(line)
            cleaned.removed.remove(line)
    body = cleaned.body.splitlines()
    if not subtitle and body and not cleaned.header:
        while body and len(subtitle) < _DECK_IN_BODY and _DOUBLE_DASH.search(body[0]) and _is_deck(body[0], True):
            subtitle.append(body.pop(0))
        cleaned.body = "\n".join(body)
    return subtitle
