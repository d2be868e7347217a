"""Keeping characters out that a Word document cannot hold (XML 1.0-invalid control characters).

The editor refuses them at the door, on typing and on paste, so that nothing downstream
(python-docx, the SVG chart) ever sees one; the rule is ``schema.xml_chars``.
"""
from __future__ import annotations

from typing import Any

from editor.ui.i18n import fill, translate
from schema.xml_chars import strip_invalid_xml


def strip_controls(text: str) -> tuple[str, int]:
    """``text`` without XML-invalid characters, and how many were removed."""
    return strip_invalid_xml(text)


def strip_controls_deep(value: Any) -> tuple[Any, int]:
    """The same for every string inside JSON-like data (a pasted subtree)."""
    if isinstance(value, str):
        return strip_controls(value)
    if isinstance(value, list):
        total = 0
        result = []
        for item in value:
            item, n = strip_controls_deep(item)
            result.append(item)
            total += n
        return result, total
    if isinstance(value, dict):
        total = 0
        out = {}
        for key, item in value.items():
            item, n = strip_controls_deep(item)
            out[key] = item
            total += n
        return out, total
    return value, 0


def removed_note(count: int) -> str:
    """The status-bar note after removing control characters."""
    if count == 1:
        return translate("text", "已移除 1 個無法寫入 Word 文件的控制字元")
    return fill(translate("text", "已移除 %1 個無法寫入 Word 文件的控制字元"), count)


def first_line(text: str) -> str:
    return text.split("\n", 1)[0]
