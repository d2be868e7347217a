"""The official document's styles: the paragraph styles of the official plan (also used by the 修正對照表
and the tracked-changes document), made through python-docx's style objects, and the styles part
they make, stored in official_styles.xml so that every document need not make it again."""
from __future__ import annotations

from pathlib import Path

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.oxml import serialize_part_xml
from docx.oxml.ns import qn
from docx.oxml.parser import parse_xml

from editor.export import styles as st
from editor.export.docx_package import new_document


def setup_styles(doc) -> None:
    """The official paragraph styles (also used by the 修正對照表 and the tracked-changes document)."""
    st.set_doc_defaults(doc)
    justify, center, flush_left = WD_ALIGN_PARAGRAPH.JUSTIFY, WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.LEFT
    body = st.BODY_PT
    st.configure_paragraph_style(doc, "Normal", size=body, base=None, align=justify)
    st.configure_paragraph_style(doc, "Title", size=st.TITLE_PT, bold=True, align=center, space_after=18)
    st.configure_paragraph_style(doc, "TOC Heading", size=18, bold=True, align=center, space_after=12, outline_level=9)
    levels = (
        ("Heading 1", 18, 32, 32, 0),  # 壹、 sections
        ("Heading 2", body, 32, 32, 1),  # 一、 focus areas (施政重點)
        ("Heading 3", body, 64, 48, 2),  # （一） strategies (推動策略)
        ("Heading 4", body, 88, 24, 3),  # 1.-level headings, for documents that need them
    )
    for name, size, left, hanging, level in levels:
        st.configure_paragraph_style(
            doc, name, size=size, bold=True, align=flush_left, left=left, hanging=hanging,
            space_before=12 if level < 2 else 6, space_after=6, keep_with_next=True, outline_level=level,
        )
    st.configure_paragraph_style(doc, "Plan Body", size=body, align=justify, first_line=32, space_after=6)
    st.configure_paragraph_style(doc, "Plan Goal", size=body, bold=True, align=flush_left, left=32, space_after=3)
    st.configure_paragraph_style(doc, "Strategy Body", size=body, align=justify, left=64, first_line=32, space_after=6)
    st.configure_paragraph_style(doc, "Plan Action", size=body, align=justify, left=88, hanging=24, space_after=3)
    st.configure_paragraph_style(doc, "Plan Sub-action", size=body, align=justify, left=136, hanging=48, space_after=3)
    st.configure_paragraph_style(doc, "Table Text", size=12, align=flush_left)
    st.configure_paragraph_style(doc, "Table Heading", size=12, bold=True, align=center)
    st.configure_paragraph_style(doc, "Chart", size=body, align=center)
    st.configure_paragraph_style(doc, "Chart Heading", size=18, bold=True, align=center, space_after=6,
                                 keep_with_next=True, outline_level=0)
    for i in range(1, 4):  # the table of contents' own entries
        st.configure_paragraph_style(doc, f"TOC {i}", size=body, align=flush_left, left=16 * (i - 1))
    # The template's other styles (e.g. the character styles linked to the headings, which Word
    # applies when a heading covers part of a paragraph) still name theme fonts: give them 標楷體 too.
    for style in doc.styles:
        fonts = style.element.find(qn("w:rPr") + "/" + qn("w:rFonts"))
        if fonts is not None and any(attr.endswith("Theme") or attr.endswith("theme") for attr in fonts.attrib):
            st.set_fonts(style.element.rPr)


# The styles part setup_styles makes of python-docx's template, stored: it is the same for every document,
# and making it through python-docx's style objects is about 50 ms of every export (tests/editor/
# test_official_styles.py holds the file equal to what setup_styles makes; write_official_styles() rewrites it).
OFFICIAL_STYLES = Path(__file__).with_name("official_styles.xml")


def new_official_document():
    """An empty python-docx Document with the official styles and none of the template's leftovers."""
    doc = new_document()
    doc.part.part_related_by(RT.STYLES)._element = parse_xml(OFFICIAL_STYLES.read_bytes())
    return doc


def official_styles_xml() -> bytes:
    """The styles part of a new document after setup_styles, as the package holds it."""
    doc = new_document()
    setup_styles(doc)
    return serialize_part_xml(doc.styles.element)


def write_official_styles() -> Path:
    """Rewrite OFFICIAL_STYLES (after a change to setup_styles, styles.py or python-docx's template)."""
    OFFICIAL_STYLES.write_bytes(official_styles_xml())
    return OFFICIAL_STYLES
