"""Errors a user can act on: each says in one line what is wrong with which input."""

from __future__ import annotations


class ExtractorError(Exception):
    """Base of every error the extractor raises on purpose.

    `input_id` names the input it belongs to when many are extracted at once
    (`Extractor.extract_many`): an error yielded among articles must say whose it is.
    """

    input_id: str | None = None


class InputError(ExtractorError):
    """The input cannot be read as an article (empty, binary, undecodable, too large, not a file)."""


class InternalError(ExtractorError):
    """A bug of ours met on one document: reported as that document's error, never a traceback."""
