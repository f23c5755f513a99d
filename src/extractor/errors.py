"""Errors a user can act on: each says in one line what is wrong with which input."""

from __future__ import annotations


class ExtractorError(Exception):
    """Base of every error the extractor raises on purpose."""


class InputError(ExtractorError):
    """The input cannot be read as an article (empty, binary, undecodable, too large)."""


class InternalError(ExtractorError):
    """A bug of ours met on one document: reported as that document's error, never a traceback."""
