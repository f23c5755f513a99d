"""Publication and update times: labelled stamps in text, and machine-readable ones.

Pages print times in many shapes (기사입력 2023.03.15 14:30, 2023년 3월 15일 오후 2시 30분)
and their heads in others (ISO, a compact 20240305142000, RSS's RFC 2822): every one of
them is read here, as Korean local time unless it states another offset.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone
from email.utils import parsedate_to_datetime

from .. import rules
from ..rules.schemas.bylines import Bylines

KST = timezone(timedelta(hours=9))
# Portals' meta tags write a stamp as one number: 20240305142000 (og:regDate), 202403051420.
_COMPACT = re.compile(r"^((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?:([01]\d|2[0-3])([0-5]\d)([0-5]\d)?)?$")


def _stamps() -> Bylines:
    return rules.get(Bylines)


def labelled_stamp() -> re.Pattern[str]:
    """The pattern of a labelled stamp (기사입력 2023.03.15 14:30), for callers that test for one."""
    return _stamps().stamp("labelled")


def find_timestamps(text: str) -> tuple[datetime | None, datetime | None]:
    """Publication and update times from labelled stamps (기사입력 …, 수정 …) in `text`."""
    updated_labels = set(_stamps().updated_labels)
    published: datetime | None = None
    updated: datetime | None = None
    for match in labelled_stamp().finditer(text):
        stamp = _to_datetime(match)
        if stamp is None:
            continue
        if match.group("label") in updated_labels:
            updated = updated or stamp
        else:
            published = published or stamp
    return published, updated


def line_times(line: str) -> tuple[datetime | None, datetime | None]:
    """Publication and update times of a byline or stamp line.

    Labelled stamps say which is which; unlabelled ones come in that order, as pages print
    them ("2011-01-25 11:27:42 2011-06-15 18:56:52"), and a byline's bare date is its
    publication ("2019-05-20 김윤아 기자").
    """
    published, updated = find_timestamps(line)
    if published is None and updated is None:
        stamps = [s for m in _stamps().stamp("timestamp").finditer(line) if (s := _to_datetime(m)) is not None]
        published = stamps[0] if stamps else None
        updated = stamps[1] if len(stamps) > 1 and stamps[1] > stamps[0] else None
    return published, updated


def header_line_times(line: str) -> tuple[datetime | None, datetime | None]:
    """`line_times` of a line above the article, unless its date is another's (a weather
    widget, a figure's 기준 date, a ranked headline of a 'most read' list)."""
    if _stamps().stamp("undated_line").search(line):
        return None, None
    return line_times(line)


def parse_timestamp(value: str) -> datetime | None:
    """A date-time from an ISO string, a Korean stamp, a compact or an RFC 2822 one (RSS).

    +09:00 unless it states an offset; a UTC stamp (…Z) is a machine's way of writing the
    time, so it is given as Korean local time, the same instant.
    """
    value = value.strip()
    compact = _COMPACT.match(value)
    if compact:
        year, month, day, hour, minute, second = (int(part or 0) for part in compact.groups())
        try:
            return datetime(year, month, day, hour, minute, second, tzinfo=KST)
        except ValueError:  # 20240231
            return None
    try:
        stamp = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        match = _stamps().stamp("timestamp").search(value)
        if match:
            return _to_datetime(match)
        try:
            stamp = parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError):
            return None
    if stamp.tzinfo is None:
        return stamp.replace(tzinfo=KST)
    return stamp.astimezone(KST) if stamp.utcoffset() == timedelta(0) else stamp


def _to_datetime(match: re.Match[str]) -> datetime | None:
    hour = int(match.group("h") or 0)
    if match.group("ampm") in _stamps().afternoon_marks and hour < 12:
        hour += 12
    try:
        return datetime(int(match.group("y")), int(match.group("mo")), int(match.group("d")), hour,
                        int(match.group("mi") or 0), int(match.group("s") or 0), tzinfo=KST)
    except ValueError:
        return None
