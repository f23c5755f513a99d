"""Batch runs over archives: input discovery, a parallel runner, the output file, a progress line."""

from .inputs import Expanded, discover, expand
from .item import Item

__all__ = ["Expanded", "Item", "discover", "expand"]
