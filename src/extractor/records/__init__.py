"""Pydantic records: the validated shape of everything the extractor outputs.

The key names are the public contract read by `../shared/eval/score.py`; the validators
reject records that cannot be true, so a bug upstream fails loudly instead of shipping
a plausible-looking but wrong JSON file.
"""

from __future__ import annotations

from .article import Article
from .base import MAX_YEAR, MIN_YEAR, SCHEMA_VERSION, Located, Record, Span
from .found import Change, Indicator, Official, PolicyItem, Previous, Program, Quote, Section, YearMention
from .meta import Contact, Meta, Reporter, Source

__all__ = ["MAX_YEAR", "MIN_YEAR", "SCHEMA_VERSION", "Article", "Change", "Contact", "Indicator", "Located", "Meta",
           "Official", "PolicyItem", "Previous", "Program", "Quote", "Record", "Reporter", "Section", "Source", "Span",
           "YearMention"]
