"""The metadata matchers of both cleaners, under the one name callers have imported.

Each job has its own module (bylines.py, timestamps.py, outlets.py, draft.py); this
one only gathers their public names, so `from .clean.meta import KST, parse_timestamp`
and `meta.strip_dateline` keep working.
"""

from __future__ import annotations

from .bylines import find_emails, match_byline_line, match_bylines, strip_dateline, strip_reporter_suffix, strip_signoff
from .draft import MetaDraft
from .outlets import (
                      canonical_outlet,
                      is_portal,
                      known_outlet,
                      outlet_from_url,
                      outlet_in_copyright,
                      outlet_name,
                      portal_url,
)
from .timestamps import KST, find_timestamps, labelled_stamp, line_times, parse_timestamp

__all__ = ["KST", "MetaDraft", "canonical_outlet", "find_emails", "find_timestamps", "is_portal", "known_outlet",
           "labelled_stamp", "line_times", "match_byline_line", "match_bylines", "outlet_from_url",
           "outlet_in_copyright", "outlet_name", "parse_timestamp", "portal_url", "strip_dateline",
           "strip_reporter_suffix", "strip_signoff"]
