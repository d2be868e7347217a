"""Remove the characters XML 1.0 cannot hold, so any text the editor accepts yields a valid file.

python-docx raises on them only after it has added an empty paragraph (DESIGN.md §6), and
QSvgGenerator would write an SVG no viewer opens; every exporter cleans text first.
"""
from __future__ import annotations

import re

# C0 controls except tab, newline and carriage return; lone surrogates (not encodable as UTF-8);
# U+FFFE and U+FFFF (not characters).
_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def clean_text(text: str | None) -> str:
    """``text`` without XML-invalid characters ("" for None), its line ends as plain "\n".

    Every writer turns "\n" into a line break; python-docx turns "\r" into one too, so a
    Windows line end left as it is would become two breaks in a table cell but one elsewhere.
    """
    if not text:
        return ""
    return _INVALID.sub("", text).replace("\r\n", "\n").replace("\r", "\n")


def is_clean(text: str) -> bool:
    return _INVALID.search(text) is None
