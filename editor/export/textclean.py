"""Remove the characters XML 1.0 cannot hold, so any text the editor accepts yields a valid file.

python-docx raises on them only after it has added an empty paragraph, and QSvgGenerator would
write an SVG no viewer opens; every exporter cleans text first. The rule itself is
``schema.xml_chars`` (docs/architecture.md, "where each behaviour lives").
"""
from __future__ import annotations

from schema.xml_chars import INVALID_XML as _INVALID
from schema.xml_chars import has_invalid_xml


def clean_text(text: str | None) -> str:
    """``text`` without XML-invalid characters ("" for None), its line ends as plain "\n".

    Every writer turns "\n" into a line break; python-docx turns "\r" into one too, so a
    Windows line end left as it is would become two breaks in a table cell but one elsewhere.
    """
    if not text:
        return ""
    return _INVALID.sub("", text).replace("\r\n", "\n").replace("\r", "\n")


def is_clean(text: str) -> bool:
    return not has_invalid_xml(text)
