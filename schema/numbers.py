"""Moved: the numbers of a plan's nodes are in :mod:`schema.numbering` (kept for branches in flight)."""
from schema.numbering import NUMBERED_SECTIONS, all_numbers, number_at, number_of

__all__ = ["NUMBERED_SECTIONS", "all_numbers", "number_at", "number_of"]
