"""A summary table's own Word document (a landscape A4 page, the plan's title, the table's heading, the
table), written without python-docx: its package is the stored template summary_template.docx, made once
by python-docx (:func:`template_bytes`: an empty official document with the landscape page, the
page-number footer and the amounts' style), with the document's body, its core and its application
properties written as text. Importing python-docx and having it parse and serialise the table's
100,000 elements cost more than the whole table (issue 17); the bytes are what the python-docx writer
made (tests/editor/test_summary_document.py holds the template current and the two writers equal).
"""
from __future__ import annotations

import re
import zipfile
from datetime import datetime
from pathlib import Path

from editor.export.package_text import app_xml, escaped, limited, zipped
from editor.export.page_size import landscape_content_size
from editor.export.summary_table_xml import NUMBER_STYLE, TITLES, paragraph, table_start, word_table
from schema.summary import TableKind, TableSource

TEMPLATE = Path(__file__).with_name("summary_template.docx")
DOCUMENT, CORE, APP = "word/document.xml", "docProps/core.xml", "docProps/app.xml"
_STYLE = re.compile(rb'<w:style [^>]*w:styleId="([^"]+)"[^>]*>\s*<w:name w:val="([^"]+)"/>')


def summary_docx_bytes(kind: TableKind, source: TableSource) -> bytes:
    """The .docx of the KPI table (``kind`` "kpi") or the budget table of ``source``: the same bytes for the same plan."""
    with zipfile.ZipFile(TEMPLATE) as template:
        parts = {name: template.read(name) for name in template.namelist()}
    style_ids = {name.decode(): style_id.decode() for style_id, name in _STYLE.findall(parts["word/styles.xml"])}
    table = word_table(kind, source, landscape_content_size()[0], style_ids)
    blocks = [paragraph(source.title, style_ids["Table Heading"]), paragraph(TITLES[kind], style_ids["Chart Heading"]),
              *(paragraph(text, style_ids[style]) for text, style in table.before),
              table_start(table.widths, style_ids["Table Grid"]), *table.rows, "</w:tbl>",
              paragraph("", style_ids["Table Text"])]
    document = parts[DOCUMENT].decode()
    body = document.index("<w:body>") + len("<w:body>")
    parts[DOCUMENT] = (document[:body] + "".join(blocks) + document[document.index("<w:sectPr", body):]).encode()
    parts[CORE] = core_xml(source, f"{source.title} {TITLES[kind]}", TITLES[kind])
    parts[APP] = app_xml(source.organisation)
    return zipped(parts, source.when)


def core_xml(source: TableSource, title: str, category: str) -> bytes:
    """docProps/core.xml as docx_package.docx_bytes has python-docx write it (element order included)."""
    label = limited(source.label)
    keywords = "、".join(k for k in ("中程施政計畫", source.organisation, source.label) if k)
    author = limited(source.organisation or source.author)
    when = source.when.strftime("%Y-%m-%dT%H:%M:%SZ")
    return (
        "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"<dc:title>{escaped(limited(title))}</dc:title><dc:subject>{escaped(label)}</dc:subject>"
        f"<dc:creator>{escaped(author)}</dc:creator><cp:keywords>{escaped(limited(keywords))}</cp:keywords>"
        f"<dc:description>{escaped(limited(source.note))}</dc:description><cp:lastModifiedBy>{escaped(author)}</cp:lastModifiedBy>"
        f"<cp:revision>{max(1, source.revision_count)}</cp:revision>"
        f'<dcterms:created xsi:type="dcterms:W3CDTF">{when}</dcterms:created>'
        f'<dcterms:modified xsi:type="dcterms:W3CDTF">{when}</dcterms:modified>'
        f"<cp:category>{escaped(limited(category))}</cp:category><cp:version>{escaped(label)}</cp:version>"
        "<dc:language>zh-TW</dc:language></cp:coreProperties>"
    ).encode()


def template_bytes() -> bytes:
    """The template as python-docx makes it: an empty official document with a landscape page, the page
    number in its footer and the amounts' style (Table Number); rewrite it with :func:`write_template`."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    from editor.export import styles as st
    from editor.export.docx_package import DocumentInfo, docx_bytes
    from editor.export.official_styles import new_official_document

    doc = new_official_document()
    section = doc.sections[0]
    st.page_setup(section, landscape=True)
    st.page_number_footer(doc, section)
    st.configure_paragraph_style(doc, NUMBER_STYLE, size=12, align=WD_ALIGN_PARAGRAPH.RIGHT)
    return docx_bytes(doc, DocumentInfo(title="", author="", when=datetime(2019, 1, 1)))


def write_template() -> Path:
    """Rewrite TEMPLATE (after a change to the official styles, styles.py or python-docx's template)."""
    TEMPLATE.write_bytes(template_bytes())
    return TEMPLATE
