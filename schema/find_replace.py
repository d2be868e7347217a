"""Find and replace across the plan's texts: titles, texts, chart labels, bodies and notes (修正說明).

Matching ignores case (as the find bar's filter does); a replacement keeps the rest of each text as it
is. Replace all is one undo step — one SetField per changed field — whose name says how many places.
"""
from __future__ import annotations

import re

from schema.document import Document
from schema.model import AnyNode
from schema.operations import SetField
from schema.tree import SECTION_KINDS, walk

FIELDS = ("title", "text", "chart_label", "body", "note")


def _pattern(needle: str) -> re.Pattern[str]:
    return re.compile(re.escape(needle), re.IGNORECASE)


def matching_ids(document: Document, needle: str) -> list[str]:
    """The nodes whose texts contain ``needle``, in document order."""
    needle = needle.strip()
    if not needle:
        return []
    pattern = _pattern(needle)
    return [node.id for node, _parent in walk(document.content)
            if any(pattern.search(str(getattr(node, f, "") or "")) for f in FIELDS)]


def first_match(node: AnyNode, needle: str) -> tuple[str, int, int] | None:
    """(field, start, end) of the first place ``needle`` occurs in that node, or None."""
    pattern = _pattern(needle.strip())
    for field in FIELDS:
        found = pattern.search(str(getattr(node, field, "") or ""))
        if found:
            return field, found.start(), found.end()
    return None


def replace_ops(document: Document, needle: str, replacement: str, ids: list[str]) -> tuple[list[SetField], int]:
    """SetField operations replacing every occurrence in those nodes, and how many places they change."""
    pattern = _pattern(needle.strip())
    ops: list[SetField] = []
    count = 0
    for node_id in ids:
        node = document.node(node_id)
        for field in FIELDS:
            if field == "title" and node.kind in SECTION_KINDS:
                continue  # the fixed sections' titles do not change
            value = getattr(node, field, None)
            if not isinstance(value, str):
                continue
            new, n = pattern.subn(lambda _m: replacement, value)
            if n:
                ops.append(SetField(node_id, field, new))
                count += n
    return ops, count
