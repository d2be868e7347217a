"""Word documents laid out in other ways: headings by style without numbers, text boxes, page and section
breaks, empty paragraphs; and the PDF of our own export, with its page numbers and table of contents."""
from __future__ import annotations

import re

from docx import Document
from docx.oxml import parse_xml

from editor.importing.sources import import_file
from schema.fileio import load_plan

TEXT_BOX = (
    '<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:v="urn:schemas-microsoft-com:vml">'
    '<w:pict><v:shape style="width:100pt;height:40pt"><v:textbox><w:txbxContent><w:p><w:r><w:t>本頁重點提示</w:t></w:r></w:p>'
    "</w:txbxContent></v:textbox></v:shape></w:pict></w:r>"
)


def test_headings_by_style_breaks_and_text_boxes(tmp_path):
    doc = Document()
    doc.add_paragraph("新北市政府110至113年度中程施政計畫")
    doc.add_heading("前言", level=1)
    doc.add_paragraph("本府以市民為先。")
    doc.add_paragraph("")
    doc.add_page_break()
    doc.add_heading("施政重點與發展策略", level=1)
    doc.add_heading("宜居城市", level=2)
    doc.add_heading("推動社會住宅", level=3)
    boxed = doc.add_paragraph("興建社會住宅一萬戶。")
    boxed._p.append(parse_xml(TEXT_BOX))
    doc.add_section()
    doc.add_heading("結語", level=1)
    doc.add_paragraph("持續前進。")
    path = tmp_path / "headings.docx"
    doc.save(str(path))
    result = import_file(path)
    content = result.plan.revisions[0].content
    assert content.preface.title == "前言" and [p.text for p in content.preface.paragraphs] == ["本府以市民為先。"]
    assert [a.title for a in content.focus.focus_areas] == ["宜居城市"]
    strategy = content.focus.focus_areas[0].strategies[0]
    assert (strategy.title, strategy.body) == ("推動社會住宅", "興建社會住宅一萬戶。")
    assert content.closing.title == "結語" and [p.text for p in content.closing.paragraphs] == ["持續前進。"]
    assert result.unplaced == ["text box: 本頁重點提示"]


def _visible(texts: list[str]) -> list[str]:
    # A space that fell at a line's end is not in a PDF's text; this text writes 5G both spaced and not
    # (結合5G應用, 結合 5G 應用), so a break after 5G is joined as most of its lines do: compare the rest.
    return [re.sub(r"\s+", "", t) for t in texts]


def test_the_pdf_of_our_export_drops_page_numbers_and_the_table_of_contents(material):
    plan = load_plan(material["export.plan.json"])
    result = import_file(material["export.pdf"])
    imported, expected = result.plan.revisions[0].content, plan.draft.content
    assert result.plan.full_title() == plan.full_title()
    assert [a.title for a in imported.focus.focus_areas] == [a.title for a in expected.focus.focus_areas]
    assert [[s.title for s in a.strategies] for a in imported.focus.focus_areas] == [[s.title for s in a.strategies] for a in expected.focus.focus_areas]
    assert _visible([p.text for p in imported.preface.paragraphs]) == _visible([p.text for p in expected.preface.paragraphs])
    assert [_visible([x.text for x in s.actions]) for a in imported.focus.focus_areas for s in a.strategies] == [
        _visible([x.text for x in s.actions]) for a in expected.focus.focus_areas for s in a.strategies]
    assert [_visible([s.body]) for a in imported.focus.focus_areas for s in a.strategies] == [
        _visible([s.body]) for a in expected.focus.focus_areas for s in a.strategies]
    assert [g.title for g in imported.goals.goals] == [g.title for g in expected.goals.goals]
    assert _visible([p.text for p in imported.closing.paragraphs]) == _visible([p.text for p in expected.closing.paragraphs])
    assert result.unplaced == []
    assert "left out: the table of contents" in result.warnings
    assert any(w.startswith("left out: ") and "page-number line" in w for w in result.warnings), result.warnings


W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def test_a_style_name_without_its_value_is_no_name_and_the_document_is_read(tmp_path):
    """``<w:name/>`` without ``w:val`` (mypy saw get() may give None): the reader stopped and called the file damaged."""
    from docx.oxml.ns import qn

    doc = Document()
    doc.add_paragraph("新北市政府110至113年度中程施政計畫")
    doc.add_heading("施政重點與發展策略", level=1)
    doc.add_heading("宜居城市", level=2)
    doc.add_heading("推動社會住宅", level=3)
    doc.add_paragraph("興建社會住宅一萬戶。")
    del doc.styles["Heading 2"].element.find(qn("w:name")).attrib[qn("w:val")]
    path = tmp_path / "unnamed-style.docx"
    doc.save(str(path))
    result = import_file(path)
    area = result.plan.revisions[0].content.focus.focus_areas
    # the unnamed style still says outline level 2 (w:outlineLvl 1): its paragraph is a focus area's title
    assert [(a.title, [(s.title, s.body) for s in a.strategies]) for a in area] == [("宜居城市", [("推動社會住宅", "興建社會住宅一萬戶。")])]
    assert result.unplaced == []


def test_tab_stops_and_bookmarks_between_paragraphs_are_not_text_or_ids(tmp_path):
    from editor.importing.docx_reader import read_docx

    doc = Document()
    first = doc.add_paragraph("一、宜居城市")
    first._p.get_or_add_pPr().append(parse_xml(f'<w:tabs {W_NS}><w:tab w:val="left" w:pos="720"/></w:tabs>'))
    first.add_run().add_tab()
    first.add_run("（第一項）")
    # A bookmark start between two paragraphs (Word writes them so): it marks neither paragraph.
    first._p.addnext(parse_xml(f'<w:bookmarkStart {W_NS} w:id="7" w:name="pe_abc123_title"/>'))
    second = doc.add_paragraph("（一）推動社會住宅")
    second._p.append(parse_xml(f'<w:bookmarkStart {W_NS} w:id="8" w:name="pe_def456_title"/>'))
    path = tmp_path / "tabs.docx"
    doc.save(str(path))
    lines = read_docx(path).lines
    assert [(line.text, line.ids) for line in lines] == [
        ("一、宜居城市\t（第一項）", {}),
        ("（一）推動社會住宅", {"title": "def456"}),
    ]


def test_a_body_with_custom_xml_blocks_is_read_block_by_block(tmp_path):
    from editor.importing.docx_reader import read_docx

    doc = Document()
    doc.add_paragraph("一、宜居城市")
    wrapped = doc.add_paragraph("（一）推動社會住宅")
    # Paragraphs wrapped in custom XML are not read (as before); those around it are, in order.
    custom = parse_xml(f'<w:customXml {W_NS} w:element="plan"><w:p><w:r><w:t>不讀</w:t></w:r></w:p></w:customXml>')
    wrapped._p.addprevious(custom)
    path = tmp_path / "custom.docx"
    doc.save(str(path))
    assert [line.text for line in read_docx(path).lines] == ["一、宜居城市", "（一）推動社會住宅"]
