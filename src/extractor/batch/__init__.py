"""Batch runs over archives: input discovery, a parallel runner, and a progress line."""

from .inputs import Item, discover

__all__ = ["Item", "discover"]
