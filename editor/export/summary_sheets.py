"""The plan's summary tables (schema/summary.py) as .csv and .xlsx, for the finance staff who work in Excel.

- **.csv**: UTF-8 with a byte-order mark. Excel on Windows opens a CSV without one in the system's
  ANSI code page (Big5 on a Taiwanese Windows) and shows the Chinese as mojibake; with the BOM it
  reads UTF-8. Excel's dialect (commas, CRLF, quotes only where needed); one header line, then one
  line per row; amounts as plain numbers (「1200.5」, no thousands separators) so they stay numbers.
- **.xlsx**: written as SpreadsheetML text (a zip of ten small parts, shared strings as Excel keeps
  them, fixed cell styles), without openpyxl, whose import alone cost more than the rest of the command
  (issue 17); tests read it back with openpyxl and the Open XML SDK's rules. The title in the first row, the header in the second (frozen, with the focus
  area and strategy columns, and repeated on every printed page), amounts as numbers in 千元 with
  a number format showing exactly the decimals the amount has (「12,500」, 「1,234.5」, as the Word
  document prints them), columns as wide as their text, a landscape page. The workbook's dates
  and its zip entries' dates are the plan's (``docx_package.export_date``), never the clock, so the
  same plan gives the same bytes.
"""
from __future__ import annotations

import csv
import io
from pathlib import Path

from editor.export.package_text import zipped
from editor.export.textclean import clean_text
from schema.amounts import DECIMALS, UNIT, normalise
from schema.summary import BUDGET_TITLE, KPI_TITLE, SUBTOTAL, TOTAL, TableSource, budget_table, budget_unit_note, kpi_table

CSV_ENCODING = "utf-8-sig"  # UTF-8 with the BOM that makes Excel read it as UTF-8
TITLE_ROW, HEADER_ROW = 1, 2
_MAX_WIDTH = 50  # characters: a longer text wraps


def table_rows(kind: str, source: TableSource) -> tuple[str, list[str], list[list]]:
    """(title, header, rows) of a table: texts, and amounts as floats (None: nothing entered)."""
    if kind == "kpi":
        kpis = kpi_table(source)
        return f"{kpis.title} {KPI_TITLE}", kpis.header(), [[clean_text(c) for c in row] for row in kpis.rows()]
    budget = budget_table(source)
    header = [*budget.header()[:2], *(f"{text}（{UNIT}）" for text in budget.header()[2:])]
    rows = [[clean_text(line.focus_area), clean_text(line.strategy), *line.amounts, line.total] for line in budget.lines]
    return f"{budget.title} {BUDGET_TITLE}（{budget_unit_note()}）", header, rows


def csv_bytes(kind: str, source: TableSource) -> bytes:
    _title, header, rows = table_rows(kind, source)
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)  # the "excel" dialect
    writer.writerow(header)
    for row in rows:
        writer.writerow([_plain(cell) for cell in row])
    return buffer.getvalue().encode(CSV_ENCODING)


def _plain(cell) -> str:
    if cell is None:
        return ""
    if isinstance(cell, float):
        return f"{normalise(cell):.{DECIMALS}f}".rstrip("0").rstrip(".")
    return cell


def xlsx_bytes(kind: str, source: TableSource) -> bytes:
    """The table as a workbook of one sheet, written as SpreadsheetML text (see the module docstring)."""
    title, header, rows = table_rows(kind, source)
    strings: dict[str, int] = {}
    sheet_rows = [_xlsx_row(TITLE_ROW, [title], [_TITLE], strings), _xlsx_row(HEADER_ROW, header, [_HEADER] * len(header), strings)]
    for row, values in enumerate(rows, start=HEADER_ROW + 1):
        summed = kind == "budget" and (values[1] == SUBTOTAL or values[0] == TOTAL)
        styles = [_style(value, summed) for value in values]
        # an empty text is a blank cell; on a subtotal or total line it keeps the line's look
        sheet_rows.append(_xlsx_row(row, [None if v == "" else v for v in values], styles, strings, keep_blank=summed))
    columns = len(header)
    sheet_name = _escaped(KPI_TITLE if kind == "kpi" else BUDGET_TITLE)
    cols = "".join(f'<col min="{k}" max="{k}" width="{width:g}" customWidth="1"/>'
                   for k, width in enumerate(_widths(header, rows), start=1))
    # printed landscape, one page wide (as many pages down as it takes): a reviewer's printout keeps 合計 beside the years
    sheet = (f'{_XML}<worksheet xmlns="{_MAIN}"><sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>'
             f'<dimension ref="A1:{_column(columns)}{HEADER_ROW + len(rows)}"/>'
             '<sheetViews><sheetView workbookViewId="0"><pane xSplit="2" ySplit="2" topLeftCell="C3" activePane="bottomRight"'
             ' state="frozen"/><selection pane="topRight"/><selection pane="bottomLeft"/>'
             '<selection pane="bottomRight" activeCell="C3" sqref="C3"/></sheetView></sheetViews>'
             f'<sheetFormatPr defaultRowHeight="15"/><cols>{cols}</cols><sheetData>{"".join(sheet_rows)}</sheetData>'
             '<pageMargins left="0.75" right="0.75" top="1" bottom="1" header="0.5" footer="0.5"/>'
             '<pageSetup paperSize="9" fitToWidth="1" fitToHeight="0" orientation="landscape"/></worksheet>')
    items = "".join(f"<si><t{_preserve(text)}>{_escaped(text)}</t></si>" for text in strings)
    when = source.when.strftime("%Y-%m-%dT%H:%M:%SZ")
    organisation = _escaped(source.organisation)
    parts = {
        "[Content_Types].xml": _CONTENT_TYPES,
        "_rels/.rels": _PACKAGE_RELS,
        "docProps/app.xml": f'{_XML}<Properties xmlns="{_EXTENDED}"><Application>plan-editor</Application></Properties>',
        "docProps/core.xml": (
            f'{_XML}<cp:coreProperties xmlns:cp="{_CORE}" xmlns:dc="http://purl.org/dc/elements/1.1/" '
            'xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
            f"<dc:title>{_escaped(title)}</dc:title><dc:creator>{organisation}</dc:creator>"
            f"<cp:lastModifiedBy>{organisation}</cp:lastModifiedBy>"
            f'<dcterms:created xsi:type="dcterms:W3CDTF">{when}</dcterms:created>'
            f'<dcterms:modified xsi:type="dcterms:W3CDTF">{when}</dcterms:modified>'
            "<dc:language>zh-TW</dc:language></cp:coreProperties>"),
        "xl/workbook.xml": (
            f'{_XML}<workbook xmlns="{_MAIN}" xmlns:r="{_RELATIONSHIPS}"><bookViews><workbookView activeTab="0"/></bookViews>'
            f'<sheets><sheet name="{sheet_name}" sheetId="1" r:id="rId1"/></sheets><definedNames>'
            f"<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"0\">'{sheet_name}'!${HEADER_ROW}:${HEADER_ROW}</definedName>"
            '</definedNames><calcPr calcId="124519" fullCalcOnLoad="1"/></workbook>'),
        "xl/_rels/workbook.xml.rels": _WORKBOOK_RELS,
        "xl/styles.xml": _STYLES,
        "xl/theme/theme1.xml": THEME.read_text(encoding="utf-8"),
        "xl/sharedStrings.xml": f'{_XML}<sst xmlns="{_MAIN}" count="{len(strings)}" uniqueCount="{len(strings)}">{items}</sst>',
        "xl/worksheets/sheet1.xml": sheet,
    }
    return zipped({name: text.encode("utf-8") for name, text in parts.items()}, source.when)


# The cell styles (cellXfs) every workbook has, by index: its look never depends on the plan.
_TITLE, _HEADER, _TEXT, _NUMBER, _SUMMED_TEXT, _SUMMED_NUMBER = 1, 2, 3, 4, 8, 9  # numbers: + decimals (0–3)
_NUMBER_FORMATS = (3, 164, 4, 165)  # #,##0  #,##0.0  #,##0.00  #,##0.000 (3 and 4 are Excel's built-in ones)


def _style(value, summed: bool) -> int:
    if isinstance(value, float):
        return (_SUMMED_NUMBER if summed else _NUMBER) + _decimals(value)
    return _SUMMED_TEXT if summed else _TEXT


def _decimals(amount: float) -> int:
    return len(f"{normalise(amount):.{DECIMALS}f}".rstrip("0").split(".")[1])


def _xlsx_row(row: int, values: list, styles: list[int], strings: dict[str, int], *, keep_blank: bool = False) -> str:
    cells = []
    for column, (value, style) in enumerate(zip(values, styles), start=1):
        ref = f"{_column(column)}{row}"
        if value is None:
            if keep_blank:
                cells.append(f'<c r="{ref}" s="{style}"/>')
        elif isinstance(value, float):
            number = normalise(value)
            cells.append(f'<c r="{ref}" s="{style}"><v>{int(number) if number.is_integer() else repr(number)}</v></c>')
        else:
            cells.append(f'<c r="{ref}" s="{style}" t="s"><v>{strings.setdefault(value, len(strings))}</v></c>')
    return f'<row r="{row}">{"".join(cells)}</row>'


def _column(number: int) -> str:
    """1 → A, 27 → AA: a column's letters."""
    letters = ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _escaped(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def _preserve(text: str) -> str:
    return ' xml:space="preserve"' if text != text.strip() else ""


def _widths(header: list[str], rows: list[list]) -> list[float]:
    """Each column as wide as its widest text (a Chinese character counts two), within _MAX_WIDTH."""
    widths = []
    for k, head in enumerate(header):
        texts = [head] + [_plain(row[k]) if not isinstance(row[k], float) else f"{row[k]:,.{DECIMALS}f}" for row in rows]
        widest = max(sum(2 if ord(ch) > 0x2E7F else 1 for ch in text) for text in texts)
        widths.append(float(min(_MAX_WIDTH, max(8, widest + 2))))
    return widths



THEME = Path(__file__).with_name("workbook_theme.xml")  # Office's default theme, as openpyxl writes it (a test holds it)
_XML = "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PACKAGE = "http://schemas.openxmlformats.org/package/2006/relationships"
_CORE = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
_EXTENDED = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"
_SHEET_TYPES = "application/vnd.openxmlformats-officedocument.spreadsheetml"
_CONTENT_TYPES = (
    f'{_XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    f'<Override PartName="/xl/workbook.xml" ContentType="{_SHEET_TYPES}.sheet.main+xml"/>'
    f'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{_SHEET_TYPES}.worksheet+xml"/>'
    f'<Override PartName="/xl/styles.xml" ContentType="{_SHEET_TYPES}.styles+xml"/>'
    f'<Override PartName="/xl/sharedStrings.xml" ContentType="{_SHEET_TYPES}.sharedStrings+xml"/>'
    '<Override PartName="/xl/theme/theme1.xml" ContentType="application/vnd.openxmlformats-officedocument.theme+xml"/>'
    '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
    '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>'
    "</Types>")
_PACKAGE_RELS = (
    f'{_XML}<Relationships xmlns="{_PACKAGE}">'
    f'<Relationship Id="rId1" Type="{_RELATIONSHIPS}/officeDocument" Target="xl/workbook.xml"/>'
    f'<Relationship Id="rId2" Type="{_PACKAGE}/metadata/core-properties" Target="docProps/core.xml"/>'
    f'<Relationship Id="rId3" Type="{_RELATIONSHIPS}/extended-properties" Target="docProps/app.xml"/></Relationships>')
_WORKBOOK_RELS = (
    f'{_XML}<Relationships xmlns="{_PACKAGE}">'
    f'<Relationship Id="rId1" Type="{_RELATIONSHIPS}/worksheet" Target="worksheets/sheet1.xml"/>'
    f'<Relationship Id="rId2" Type="{_RELATIONSHIPS}/styles" Target="styles.xml"/>'
    f'<Relationship Id="rId3" Type="{_RELATIONSHIPS}/sharedStrings" Target="sharedStrings.xml"/>'
    f'<Relationship Id="rId4" Type="{_RELATIONSHIPS}/theme" Target="theme/theme1.xml"/></Relationships>')
_WRAP_TOP = '<alignment vertical="top" wrapText="1"/>'
_STYLES = (
    f'{_XML}<styleSheet xmlns="{_MAIN}">'
    '<numFmts count="2"><numFmt numFmtId="164" formatCode="#,##0.0"/><numFmt numFmtId="165" formatCode="#,##0.000"/></numFmts>'
    '<fonts count="3"><font><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font>'
    '<font><b val="1"/><sz val="14"/></font><font><b val="1"/></font></fonts>'
    '<fills count="4"><fill><patternFill/></fill><fill><patternFill patternType="gray125"/></fill>'
    '<fill><patternFill patternType="solid"><fgColor rgb="00D9D9D9"/></patternFill></fill>'
    '<fill><patternFill patternType="solid"><fgColor rgb="00F2F2F2"/></patternFill></fill></fills>'
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="13"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="0" fontId="2" fillId="2" borderId="0" xfId="0" applyAlignment="1">'
    '<alignment horizontal="center" vertical="center" wrapText="1"/></xf>'
    f'<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1">{_WRAP_TOP}</xf>'
    + "".join(f'<xf numFmtId="{n}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' for n in _NUMBER_FORMATS)
    + f'<xf numFmtId="0" fontId="2" fillId="3" borderId="0" xfId="0" applyAlignment="1">{_WRAP_TOP}</xf>'
    + "".join(f'<xf numFmtId="{n}" fontId="2" fillId="3" borderId="0" xfId="0" applyNumberFormat="1"/>' for n in _NUMBER_FORMATS)
    + '</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>')
