"""The official styles part is stored (editor/export/official_styles.xml) rather than made through
python-docx's style objects for every document: the stored file is what setup_styles makes, and a
new official document holds it."""
from __future__ import annotations

from docx.opc.oxml import serialize_part_xml

from editor.export.official_styles import OFFICIAL_STYLES, new_official_document, official_styles_xml


def test_the_stored_styles_are_what_setup_styles_makes():
    # When this fails after a change to setup_styles, styles.py or python-docx, rewrite the file:
    #   python -c "from editor.export.official_styles import write_official_styles; write_official_styles()"
    assert OFFICIAL_STYLES.read_bytes() == official_styles_xml()


def test_a_new_official_document_has_the_official_styles():
    doc = new_official_document()
    assert serialize_part_xml(doc.styles.element) == OFFICIAL_STYLES.read_bytes()
    body = doc.styles["Plan Body"]
    assert (body.font.size.pt, body.paragraph_format.first_line_indent.pt, body.base_style.name) == (16.0, 32.0, "Normal")
    assert doc.styles["Heading 3"].paragraph_format.left_indent.pt == 64.0
