"""The plan's summary tables (schema/summary.py) as Word tables: in a document of their own
(summary_export.py), or as the official document's appendix (附錄一 關鍵績效指標總表, 附錄二 經費需求表;
``OfficialOptions.summary_tables``).

Each table is on a landscape A4 page, its header row repeated on every page (``w:tblHeader``), its
rows never split across pages, the focus area's (and in the KPI table the strategy's) cell merged
down its lines. Amounts are right-aligned in 千元 as ``schema.amounts`` writes them. The tables are
built by the Word XML layer (wordxml.py) and packed by docx_package.py, so the same plan gives the
same bytes.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from xml.sax.saxutils import escape

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.parser import parse_xml
from docx.shared import Cm, Emu

from editor.export import styles as st
from editor.export import wordxml as wx
from editor.export.textclean import clean_text
from schema.amounts import format_amount
from schema.fileio import PlanFileError
from schema.numbering import chinese_numeral
from schema.summary import (
    BUDGET_TITLE,
    KPI_TITLE,
    BudgetSummary,
    KpiSummary,
    TableKind,
    budget_summary,
    budget_unit_note,
    kpi_summary,
)

TITLES: dict[TableKind, str] = {"kpi": KPI_TITLE, "budget": BUDGET_TITLE}
NUMBER_STYLE = "Table Number"
HEADER_FILL = "D9D9D9"  # the header row's grey, as the published plans' tables have
TOTAL_FILL = "F2F2F2"  # subtotal and total lines
WORD_COLUMNS = 63  # the most columns a Word table holds
_KPI_WIDTHS = {0: (2.6, 5, 4, 4, 1.4, 0), 1: (2.3, 4.3, 3.5, 3.5, 1.3, 2.6), 2: (2, 3.6, 3, 3, 1.2, 2.4)}
_PIECES = re.compile("(\t|\n)")


def write_appendix(writer) -> None:
    """The official document's appendix: each table on a landscape page of its own, under a heading
    (附錄一、附錄二) that the table of contents and the navigation pane list."""
    add_number_style(writer)
    for k, kind in enumerate(("kpi", "budget"), start=1):
        section = writer.chart_section()  # a new landscape section, as the chart's
        writer.heading(f"附錄{chinese_numeral(k)}　{TITLES[kind]}", "Chart Heading")
        write_table(writer, kind, section)


def add_number_style(writer) -> None:
    """The right-aligned paragraph style of amounts (only in documents that have summary tables)."""
    st.configure_paragraph_style(writer.doc, NUMBER_STYLE, size=12, align=WD_ALIGN_PARAGRAPH.RIGHT)
    writer.style_ids = {s.name: s.style_id for s in writer.doc.styles}


def write_table(writer, kind: TableKind, section) -> None:
    width = st.content_size(section)[0]
    summary = kpi_summary(writer.plan, writer.revision) if kind == "kpi" else budget_summary(writer.plan, writer.revision)
    columns = len(summary.header())
    if columns > WORD_COLUMNS:
        raise PlanFileError(f"the {TITLES[kind]} would need {columns} columns (one per year that holds a figure) and a Word "
                            f"table holds at most {WORD_COLUMNS}: write it as .xlsx or .csv instead")
    if isinstance(summary, KpiSummary):
        _kpi_table(writer, summary, width)
    else:
        _budget_table(writer, summary, width)


@dataclass(frozen=True)
class _Cell:
    text: str
    style: str = "Table Text"
    merge: str | None = None  # a vertical merge: "restart" (its first line) or "continue"
    span: int = 1
    fill: str | None = None


def _kpi_table(writer, summary: KpiSummary, page_width: int) -> None:
    # cm: focus area, strategy, indicator, measurement, unit; other cities' columns narrow them (A4 landscape
    # holds 24.7 cm, and four years need 1.75 cm each for 「目標值」 on a line)
    area, strategy, name, measurement, unit, other = _KPI_WIDTHS[summary.objectives + summary.assessments]
    texts = [area, strategy, *([other] if summary.objectives else []), name, *([other] if summary.assessments else []),
             measurement, unit]
    fixed = [Cm(width) for width in texts]
    table = writer.table(fixed + _shares(page_width - sum(fixed), len(summary.years), Cm(1.75)))
    header = summary.header()
    header[summary.text_columns:] = [f"{year}年\n目標值" for year in summary.years]  # two whole lines in a narrow column
    rows = [_row(writer, table, [_Cell(text, "Table Heading", fill=HEADER_FILL) for text in header], header=True)]
    previous = None
    for line in summary.lines:
        same_area = previous is not None and previous.focus_area == line.focus_area
        same_strategy = previous is not None and previous.strategy_id == line.strategy_id
        texts = summary.cells(line)
        cells = [_Cell(line.focus_area, merge=_merge(same_area)), _Cell(line.strategy, merge=_merge(same_strategy)),
                 *(_Cell(text) for text in texts[2:summary.text_columns]),
                 *(_Cell(target, NUMBER_STYLE) for target in line.targets)]
        rows.append(_row(writer, table, cells))
        previous = line
    _append_rows(table, rows)
    writer.para("", "Table Text")


def _budget_table(writer, summary: BudgetSummary, page_width: int) -> None:
    writer.para(budget_unit_note(), NUMBER_STYLE)
    fixed = [Cm(3.2), Cm(8)]
    table = writer.table(fixed + _shares(page_width - sum(fixed), len(summary.years) + 1, Cm(2.2)))
    rows = [_row(writer, table, [_Cell(text, "Table Heading", fill=HEADER_FILL) for text in summary.header()], header=True)]
    previous_area = None
    for line in summary.lines:
        amounts = [*line.amounts, line.total]
        if line.kind == "total":
            cells = [_Cell(line.focus_area, "Table Heading", span=2, fill=TOTAL_FILL)]
        else:
            fill = TOTAL_FILL if line.kind == "subtotal" else None
            cells = [_Cell(line.focus_area, merge=_merge(previous_area == line.focus_area)),
                     _Cell(line.strategy, "Table Heading" if fill else "Table Text", fill=fill)]
            previous_area = line.focus_area
        fill = None if line.kind == "strategy" else TOTAL_FILL
        cells += [_Cell("" if amount is None else format_amount(amount), NUMBER_STYLE, fill=fill) for amount in amounts]
        rows.append(_row(writer, table, cells))
    _append_rows(table, rows)
    writer.para("", "Table Text")


def _merge(continues: bool) -> str:
    return "continue" if continues else "restart"


def _shares(room: int, count: int, least: int) -> list[int]:
    """``count`` equal column widths filling ``room`` (EMU), none narrower than ``least``."""
    return [max(least, Emu(int(room / max(count, 1))))] * count


def _row(writer, table, cells: list[_Cell], *, header: bool = False) -> str:
    """One row (``w:tr``) as XML text: a table's rows are parsed together (_append_rows), which is many
    times quicker than building each of a big table's ~100,000 elements one by one."""
    parts = ["<w:tr><w:trPr><w:cantSplit/>", "<w:tblHeader/>" if header else "", "</w:trPr>"]
    column = 0
    for cell in cells:
        width = round(sum(table.widths[column:column + cell.span]) / 635)  # EMU → twips, as wordxml's tables
        column += cell.span
        # CT_TcPr's order (ECMA-376 §17.4.70): tcW, gridSpan, vMerge, …, shd, …, vAlign.
        parts.append(f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>')
        if cell.span > 1:
            parts.append(f'<w:gridSpan w:val="{cell.span}"/>')
        if cell.merge == "restart":
            parts.append('<w:vMerge w:val="restart"/>')
        elif cell.merge == "continue":
            parts.append("<w:vMerge/>")
        if cell.fill:
            parts.append(f'<w:shd w:val="clear" w:color="auto" w:fill="{cell.fill}"/>')
        parts.append(f'<w:vAlign w:val="center"/></w:tcPr><w:p><w:pPr><w:pStyle w:val="{writer.style_ids[cell.style]}"/></w:pPr>')
        text = clean_text(cell.text) if cell.merge != "continue" else ""
        if text:
            parts.append(_run_xml(text))
        parts.append("</w:p></w:tc>")
    parts.append("</w:tr>")
    return "".join(parts)


def _run_xml(text: str) -> str:
    """A run as wordxml.run writes it (tab → w:tab, line end → w:br), as XML text."""
    parts = ["<w:r>"]
    for piece in _PIECES.split(text):
        if piece == "\t":
            parts.append("<w:tab/>")
        elif piece == "\n":
            parts.append("<w:br/>")
        elif piece:
            space = ' xml:space="preserve"' if piece != piece.strip() else ""
            parts.append(f"<w:t{space}>{escape(piece)}</w:t>")
    parts.append("</w:r>")
    return "".join(parts)


def _append_rows(table, rows: list[str]) -> None:
    parsed = parse_xml(f'<w:tbl xmlns:w="{wx.NAMESPACES["w"]}">{"".join(rows)}</w:tbl>')
    table.element.extend(list(parsed))
