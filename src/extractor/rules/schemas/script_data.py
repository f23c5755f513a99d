"""The model of rules/script_data.toml: where a script-rendered page keeps its article as data."""

from __future__ import annotations

from .. import RuleFile


class ScriptData(RuleFile):
    FILE = "script_data"
    script_ids: tuple[str, ...]
    assignments: tuple[str, ...]
    paragraph_lists: tuple[str, ...]
    paragraph_types: tuple[str, ...]
    paragraph_text_keys: tuple[str, ...]
    photo_types: tuple[str, ...]
    caption_keys: tuple[str, ...]
    headline_keys: tuple[str, ...]
    byline_keys: tuple[str, ...]
    name_keys: tuple[str, ...]
    email_keys: tuple[str, ...]
    published_keys: tuple[str, ...]
    updated_keys: tuple[str, ...]
    max_values: int
