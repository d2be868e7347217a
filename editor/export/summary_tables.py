"""The plan's summary tables (schema/summary.py) as the official document's appendix (附錄一
關鍵績效指標總表, 附錄二 經費需求表; ``OfficialOptions.summary_tables``): each table on a landscape A4
page of its own. The tables' rows are summary_table_xml.py's (the same as in a table's own document,
summary_document.py), parsed into the document's tree together.
"""
from __future__ import annotations

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.parser import parse_xml

from editor.export import styles as st
from editor.export import wordxml as wx
from editor.export.summary_table_xml import NUMBER_STYLE, TITLES, word_table
from schema.numbering import chinese_numeral
from schema.summary import TableKind, plan_source

__all__ = ["NUMBER_STYLE", "TITLES", "add_number_style", "write_appendix", "write_table"]

APPENDIX: tuple[TableKind, ...] = ("kpi", "budget")  # 附錄一, 附錄二


def write_appendix(writer) -> None:
    """The official document's appendix: each table on a landscape page of its own, under a heading
    (附錄一、附錄二) that the table of contents and the navigation pane list."""
    add_number_style(writer)
    for k, kind in enumerate(APPENDIX, start=1):
        section = writer.chart_section()  # a new landscape section, as the chart's
        writer.heading(f"附錄{chinese_numeral(k)}　{TITLES[kind]}", "Chart Heading")
        write_table(writer, kind, section)


def add_number_style(writer) -> None:
    """The right-aligned paragraph style of amounts (only in documents that have summary tables)."""
    st.configure_paragraph_style(writer.doc, NUMBER_STYLE, size=12, align=WD_ALIGN_PARAGRAPH.RIGHT)
    writer.style_ids = {s.name: s.style_id for s in writer.doc.styles}


def write_table(writer, kind: TableKind, section) -> None:
    table = word_table(kind, plan_source(writer.plan, writer.revision), st.content_size(section)[0], writer.style_ids)
    for text, style in table.before:
        writer.para(text, style)
    _append_rows(writer.table(table.widths), table.rows)
    writer.para("", "Table Text")


def _append_rows(table, rows: list[str]) -> None:
    parsed = parse_xml(f'<w:tbl xmlns:w="{wx.NAMESPACES["w"]}">{"".join(rows)}</w:tbl>')
    table.element.extend(list(parsed))
