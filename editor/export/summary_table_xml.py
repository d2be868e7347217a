"""The summary tables' Word tables (schema/summary.py) as WordprocessingML text, without python-docx or lxml.

One definition of each table's Word rows, for both documents that hold them: the table's own document
(summary_document.py writes the text into its package as it is) and the official document's appendix
(summary_tables.py parses it into python-docx's tree). Each table's header row is repeated on every
page (``w:tblHeader``), its rows never split across pages, the focus area's (and in the KPI table the
strategy's) cell merged down its lines; amounts right-aligned in 千元 as ``schema.amounts`` writes them.
The elements are those ``wordxml.WordWriter`` builds, in the same order, so either way gives the same XML.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from xml.sax.saxutils import escape

from editor.export.column_widths import fitted_widths, hanging_twips, number_pattern
from editor.export.textclean import clean_text
from schema.amounts import format_amount
from schema.file_reading import PlanFileError
from schema.summary import (
    BUDGET_TITLE,
    KPI_TITLE,
    BudgetSummary,
    KpiSummary,
    TableKind,
    TableSource,
    budget_table,
    budget_unit_note,
    kpi_table,
)

TITLES: dict[TableKind, str] = {"kpi": KPI_TITLE, "budget": BUDGET_TITLE}
NUMBER_STYLE = "Table Number"
HEADER_FILL = "D9D9D9"  # the header row's grey, as the published plans' tables have
TOTAL_FILL = "F2F2F2"  # subtotal and total lines
WORD_COLUMNS = 63  # the most columns a Word table holds
EMU_PER_CM = 360_000
TABLE_POINTS = 12  # the Table Text and Table Heading styles' size
_PIECES = re.compile("(\t|\n)")


@dataclass(frozen=True)
class WordTable:
    """A summary table ready to write: the paragraphs before it ((text, style name)), its column widths
    (EMU) and its rows (each a ``w:tr`` as text, style ids resolved)."""

    before: list[tuple[str, str]]
    widths: list[int]
    rows: list[str]


def word_table(kind: TableKind, source: TableSource, page_width: int, style_ids: dict[str, str]) -> WordTable:
    """The KPI table (``kind`` "kpi") or the budget table of ``source`` on a page ``page_width`` EMU wide;
    PlanFileError when it would need more columns than a Word table holds."""
    summary = kpi_table(source) if kind == "kpi" else budget_table(source)
    columns = len(summary.header())
    if columns > WORD_COLUMNS:
        raise PlanFileError(f"the {TITLES[kind]} would need {columns} columns (one per year that holds a figure) and a Word "
                            f"table holds at most {WORD_COLUMNS}: write it as .xlsx or .csv instead",
                            "too_many_columns", table=TITLES[kind], columns=columns, most=WORD_COLUMNS)
    if isinstance(summary, KpiSummary):
        return _kpi_table(summary, page_width, style_ids, number_pattern(source.strategy_template))
    return _budget_table(summary, page_width, style_ids)


def table_start(widths: list[int], style_id: str) -> str:
    """A table's start tag, properties and grid, as ``WordWriter.table`` makes them (fixed column widths)."""
    twips = [_twips(width) for width in widths]
    return ("<w:tbl><w:tblPr>"
            f'<w:tblStyle w:val="{style_id}"/><w:tblW w:w="{sum(twips)}" w:type="dxa"/><w:tblLayout w:type="fixed"/>'
            '<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/>'
            "</w:tblPr><w:tblGrid>" + "".join(f'<w:gridCol w:w="{w}"/>' for w in twips) + "</w:tblGrid>")


def paragraph(text: str, style_id: str) -> str:
    """A paragraph of one style holding ``text`` (cleaned), as ``WordWriter.para`` makes it."""
    text = clean_text(text)
    return f'<w:p><w:pPr><w:pStyle w:val="{style_id}"/></w:pPr>{_run_xml(text) if text else ""}</w:p>'


@dataclass(frozen=True)
class _Cell:
    text: str
    style: str = "Table Text"
    merge: str | None = None  # a vertical merge: "restart" (its first line) or "continue"
    span: int = 1
    fill: str | None = None
    hanging: int = 0  # twips: a numbered name's wrapped lines under its words, not its number


def _cm(length: float) -> int:
    return int(length * EMU_PER_CM)  # as python-docx's Cm()


def _kpi_table(summary: KpiSummary, page_width: int, style_ids: dict[str, str], strategy_number: re.Pattern[str]) -> WordTable:
    # The text columns as wide as their texts (column_widths), in what the years leave: four years need
    # 1.75 cm each for 「目標值」 on a line, A4 landscape holds 24.7 cm; the years take what is left over.
    header = summary.header()
    line_texts = list(map(summary.cells, summary.lines))
    columns = list(zip(*line_texts)) or [()] * len(header)
    fixed = fitted_widths([(header[c], list(columns[c])) for c in range(summary.text_columns)],
                          page_width - _cm(1.75) * len(summary.years), TABLE_POINTS)
    widths = fixed + _shares(page_width - sum(fixed), len(summary.years), _cm(1.75))
    header[summary.text_columns:] = [f"{year}年\n目標值" for year in summary.years]  # two whole lines in a narrow column
    rows = [_row(widths, style_ids, [_Cell(text, "Table Heading", fill=HEADER_FILL) for text in header], header=True)]
    previous = None
    for line, texts in zip(summary.lines, line_texts):
        same_area = previous is not None and previous.focus_area == line.focus_area
        same_strategy = previous is not None and previous.strategy_id == line.strategy_id
        hanging = hanging_twips(line.strategy, strategy_number, TABLE_POINTS)
        cells = [_Cell(line.focus_area, merge=_merge(same_area)), _Cell(line.strategy, merge=_merge(same_strategy), hanging=hanging),
                 *(_Cell(text) for text in texts[2:summary.text_columns]),
                 *(_Cell(target, NUMBER_STYLE) for target in line.targets)]
        rows.append(_row(widths, style_ids, cells))
        previous = line
    return WordTable([], widths, rows)


def _budget_table(summary: BudgetSummary, page_width: int, style_ids: dict[str, str]) -> WordTable:
    fixed = [_cm(3.2), _cm(8)]
    widths = fixed + _shares(page_width - sum(fixed), len(summary.years) + 1, _cm(2.2))
    rows = [_row(widths, style_ids, [_Cell(text, "Table Heading", fill=HEADER_FILL) for text in summary.header()], header=True)]
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
        rows.append(_row(widths, style_ids, cells))
    return WordTable([(budget_unit_note(), NUMBER_STYLE)], widths, rows)


def _merge(continues: bool) -> str:
    return "continue" if continues else "restart"


def _shares(room: int, count: int, least: int) -> list[int]:
    """``count`` equal column widths filling ``room`` (EMU), none narrower than ``least``."""
    return [max(least, int(room / max(count, 1)))] * count


def _twips(emu: int) -> int:
    return round(emu / 635)  # 914400 EMU per inch, 1440 twips per inch (as wordxml)


def _row(widths: list[int], style_ids: dict[str, str], cells: list[_Cell], *, header: bool = False) -> str:
    """One row (``w:tr``) as XML text: many times quicker than building each of a big table's ~100,000
    elements one by one."""
    parts = ["<w:tr><w:trPr><w:cantSplit/>", "<w:tblHeader/>" if header else "", "</w:trPr>"]
    column = 0
    for cell in cells:
        width = _twips(sum(widths[column:column + cell.span]))
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
        parts.append(f'<w:vAlign w:val="center"/></w:tcPr><w:p><w:pPr><w:pStyle w:val="{style_ids[cell.style]}"/>')
        if cell.hanging:
            parts.append(f'<w:ind w:left="{cell.hanging}" w:hanging="{cell.hanging}"/>')
        parts.append("</w:pPr>")
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
