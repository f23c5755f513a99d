"""Batch runs over archives: input discovery, a parallel runner, and a progress line."""

from .inputs import Item, discover
from .runner import Summary, run

__all__ = ["Item", "Summary", "discover", "run"]
