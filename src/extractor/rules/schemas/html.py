"""The model of rules/html.toml: where a saved page keeps its article and its metadata."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from .. import Regex, RuleFile


class PageMeta(BaseModel):
    """What the page's readers look at outside the article text, and so what pruning keeps."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    tags: tuple[str, ...]
    byline_words: tuple[str, ...]
    title_words: tuple[str, ...]
    subtitle_words: tuple[str, ...]
    published_attributes: tuple[str, ...]
    updated_attributes: tuple[str, ...]
    control_words: tuple[str, ...]
    not_reporters: tuple[str, ...]
    date_words: tuple[str, ...]
    elsewhere_words: tuple[str, ...]

    def kept_words(self) -> tuple[str, ...]:
        """class/id words of elements a reader reads: an element with one survives pruning
        (a subtitle word only narrows a title word, so it keeps nothing of its own)."""
        return self.byline_words + self.title_words + self.date_words

    def time_attributes(self) -> tuple[str, ...]:
        return self.published_attributes + self.updated_attributes


class Html(RuleFile):
    FILE = "html"
    body_selectors: tuple[str, ...]
    junk_tags: tuple[str, ...]
    junk_words: tuple[str, ...]
    caption_selectors: tuple[str, ...]
    photo_table_hangul: int
    block_tags: tuple[str, ...]
    cell_tags: tuple[str, ...]
    article_types: tuple[str, ...]
    published_meta: tuple[str, ...]
    updated_meta: tuple[str, ...]
    title_suffix: Regex
    author_separators: Regex
    page_meta: PageMeta
