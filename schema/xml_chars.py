"""Characters a Word document cannot hold, in one place for the whole program.

XML 1.0 allows no C0 control character but tab, line feed and carriage return, no lone surrogate
(one cannot even be written as UTF-8), and neither U+FFFE nor U+FFFF. python-docx raises on them
only after it has added an empty paragraph, and QSvgGenerator writes an SVG that no viewer opens.
So the window keeps them out when they are typed or pasted (``editor.ui.text``), every writer
cleans its text (``editor.export.textclean``), the checks report any that got in
(``invalid-character``) and the importer drops them from a published text.
"""
from __future__ import annotations

import re

INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def strip_invalid_xml(text: str) -> tuple[str, int]:
    """``text`` without the characters XML cannot hold, and how many were removed."""
    return INVALID_XML.subn("", text)


def has_invalid_xml(text: str) -> bool:
    return INVALID_XML.search(text) is not None
