"""The parts of a Word package that are text (core and application properties), its limits, and the
zip every writer packs it in: without python-docx or lxml, for the writers that need neither
(summary_document.py) as well as for docx_package.py. Same input, same bytes: no clock anywhere.
"""
from __future__ import annotations

import io
import zipfile
from datetime import datetime

from editor.export.textclean import clean_text

PROPERTY_LIMIT = 255  # characters: Word (and python-docx) refuse a longer core document property
APPLICATION = "plan-editor"
ZIP_EPOCH, ZIP_END = (1980, 1, 1, 0, 0, 0), (2107, 12, 31, 23, 59, 58)


def limited(text: str, limit: int = PROPERTY_LIMIT) -> str:
    """``text`` cleaned and cut to Word's limit for a document property (with … when cut);
    the full text stays in the document's body."""
    text = " ".join(clean_text(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def escaped(value: str) -> str:
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")  # as lxml escapes an element's text


def app_xml(company: str) -> bytes:
    """docProps/app.xml as docx_package writes it: this program, and the organisation as the company."""
    return (
        "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
        'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
        f"<Application>{APPLICATION}</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>"
        f"<Company>{escaped(limited(company))}</Company><LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc>"
        "<HyperlinksChanged>false</HyperlinksChanged></Properties>"
    ).encode()


def zipped(parts: dict[str, bytes], when: datetime) -> bytes:
    """The package, every entry dated ``when`` (between 1980 and 2107: DOS dates), as docx_package's _StableZip."""
    date_time = min(max(when.timetuple()[:6], ZIP_EPOCH), ZIP_END)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as package:
        for name, data in parts.items():
            info = zipfile.ZipInfo(name, date_time=date_time)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            package.writestr(info, data)
    return out.getvalue()
