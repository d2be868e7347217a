"""The plan's summary tables (schema/summary.py) as .csv and .xlsx, for the finance staff who work in Excel.

- **.csv**: UTF-8 with a byte-order mark. Excel on Windows opens a CSV without one in the system's
  ANSI code page (Big5 on a Taiwanese Windows) and shows the Chinese as mojibake; with the BOM it
  reads UTF-8. Excel's dialect (commas, CRLF, quotes only where needed); one header line, then one
  line per row; amounts as plain numbers (「1200.5」, no thousands separators) so they stay numbers.
- **.xlsx** (openpyxl): the title in the first row, the header in the second (frozen, with the focus
  area and strategy columns, and repeated on every printed page), amounts as numbers in 千元 with
  a number format showing exactly the decimals the amount has (「12,500」, 「1,234.5」, as the Word
  document prints them), columns as wide as their text, a landscape page. The workbook's dates
  and its zip entries' dates are the plan's (``docx_package.export_date``), never the clock, so the
  same plan gives the same bytes.
"""
from __future__ import annotations

import csv
import io
import re
import zipfile
from copy import copy

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


def amount_format(amount: float) -> str:
    """The Excel number format that shows ``amount`` as schema.amounts.format_amount writes it."""
    decimals = len(f"{normalise(amount):.{DECIMALS}f}".rstrip("0").split(".")[1])
    return "#,##0" + ("." + "0" * decimals if decimals else "")


def xlsx_bytes(kind: str, source: TableSource) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    title, header, rows = table_rows(kind, source)
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = KPI_TITLE if kind == "kpi" else BUDGET_TITLE
    sheet.append([title])
    sheet.cell(TITLE_ROW, 1).font = Font(bold=True, size=14)
    sheet.append(header)
    grey = PatternFill("solid", fgColor="D9D9D9")
    for cell in sheet[HEADER_ROW]:
        cell.font = Font(bold=True)
        cell.fill = grey
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    wrap = Alignment(vertical="top", wrap_text=True)
    light = PatternFill("solid", fgColor="F2F2F2")
    bold = Font(bold=True)
    styles: dict[tuple[str | None, bool], object] = {}
    for row, values in enumerate(rows, start=HEADER_ROW + 1):
        summed = kind == "budget" and (values[1] == SUBTOTAL or values[0] == TOTAL)
        # cell by cell: openpyxl's sheet[row] and max_row walk every cell of the sheet on each call
        for column, value in enumerate(values, start=1):
            if value == "" or value is None:  # an empty text is a blank cell
                if not summed:
                    continue
                value = None
            cell = sheet.cell(row, column, value)
            look = (amount_format(value) if isinstance(value, float) else None, summed)
            if look in styles:  # a copy of the same look's style ids, as openpyxl's own copy_worksheet does:
                cell._style = copy(styles[look])  # setting font, fill … one by one hashes each style every time
                continue
            if look[0] is not None:
                cell.number_format = look[0]
            else:
                cell.alignment = wrap
            if summed:
                cell.font = bold
                cell.fill = light
            styles[look] = copy(cell._style)
    for column, width in enumerate(_widths(header, rows), start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width
    sheet.freeze_panes = sheet.cell(HEADER_ROW + 1, 3)  # the header and the focus area and strategy columns
    sheet.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    when = source.when.replace(tzinfo=None)
    props = workbook.properties
    props.title, props.creator, props.lastModifiedBy = title, source.organisation, source.organisation
    props.created = props.modified = when
    props.language = "zh-TW"
    return _package(workbook, when.timetuple()[:6])


def _widths(header: list[str], rows: list[list]) -> list[float]:
    """Each column as wide as its widest text (a Chinese character counts two), within _MAX_WIDTH."""
    widths = []
    for k, head in enumerate(header):
        texts = [head] + [_plain(row[k]) if not isinstance(row[k], float) else f"{row[k]:,.{DECIMALS}f}" for row in rows]
        widest = max(sum(2 if ord(ch) > 0x2E7F else 1 for ch in text) for text in texts)
        widths.append(float(min(_MAX_WIDTH, max(8, widest + 2))))
    return widths


class _Parts:
    """What openpyxl's ExcelWriter writes, kept by name instead of zipped at once (see _package)."""

    def __init__(self) -> None:
        self.parts: dict[str, bytes] = {}

    def writestr(self, name, data) -> None:
        self.parts[str(name)] = data.encode("utf-8") if isinstance(data, str) else bytes(data)

    def write(self, filename, arcname) -> None:
        with open(filename, "rb") as source:
            self.parts[str(arcname)] = source.read()

    def namelist(self) -> list[str]:
        return list(self.parts)

    def close(self) -> None:
        pass


def _package(workbook, date_time: tuple) -> bytes:
    """The workbook's .xlsx, as Excel itself would write it and the same bytes each time.

    openpyxl's own save dates the zip entries and ``modified`` by the clock, writes every text as an
    inline string (Excel moves them into a shared-strings part on its next save) and a font's
    children out of the order the Open XML SDK checks: here the parts are collected, given a
    shared-strings part and ordered fonts, and zipped with every entry dated ``date_time``."""
    from openpyxl.writer.excel import ExcelWriter

    from editor.export.package_text import ZIP_END, ZIP_EPOCH

    parts = _Parts()
    ExcelWriter(workbook, parts).save()
    files = parts.parts
    files["xl/styles.xml"] = _ordered_fonts(files["xl/styles.xml"])
    _share_strings(files)
    date_time = min(max(date_time, ZIP_EPOCH), ZIP_END)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in files.items():
            info = zipfile.ZipInfo(name, date_time=date_time)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            target.writestr(info, data)
    return out.getvalue()


_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_FONT_ORDER = [f"{{{_MAIN}}}{tag}" for tag in (
    "b", "i", "strike", "condense", "extend", "outline", "shadow", "u", "vertAlign", "sz", "color", "name",
    "family", "charset", "scheme")]  # CT_Font's children as Excel writes them and the Open XML SDK expects


def _ordered_fonts(styles: bytes) -> bytes:
    from lxml import etree

    root = etree.fromstring(styles)
    for font in root.iter(f"{{{_MAIN}}}font"):
        font[:] = sorted(font, key=lambda child: _FONT_ORDER.index(child.tag) if child.tag in _FONT_ORDER else len(_FONT_ORDER))
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


_INLINE = re.compile(rb'<c r="([A-Z]+[0-9]+)"( s="[0-9]+")? t="inlineStr">(?:<is><t( xml:space="preserve")?>(.*?)</t></is>)?</c>',
                     re.DOTALL)


def _share_strings(files: dict[str, bytes]) -> None:
    """Move the sheets' inline strings into xl/sharedStrings.xml, as Excel keeps them.

    openpyxl writes every cell as ``<c r=… [s=…] t="inlineStr"><is><t>…</t></is></c>`` (its text
    escaped already); a pattern rewrites them in one pass over the bytes, far quicker than a tree."""
    from lxml import etree

    strings: dict[bytes, int] = {}
    preserved: set[bytes] = set()

    def shared(match: re.Match) -> bytes:
        ref, style, preserve, text = match.groups()
        if text is None:  # an empty text: a blank cell
            return b'<c r="' + ref + b'"' + (style or b"") + b"/>"
        if preserve:
            preserved.add(text)
        index = strings.setdefault(text, len(strings))
        return b'<c r="' + ref + b'"' + (style or b"") + b' t="s"><v>' + str(index).encode() + b"</v></c>"

    for name in [n for n in files if n.startswith("xl/worksheets/sheet") and n.endswith(".xml")]:
        files[name] = _INLINE.sub(shared, files[name])
    if not strings:
        return
    items = b"".join(b"<si><t" + (b' xml:space="preserve"' if text in preserved else b"") + b">" + text + b"</t></si>"
                     for text in strings)
    files["xl/sharedStrings.xml"] = (
        b"<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
        + f'<sst xmlns="{_MAIN}" count="{len(strings)}" uniqueCount="{len(strings)}">'.encode() + items + b"</sst>")
    types = etree.fromstring(files["[Content_Types].xml"])
    ct = types.nsmap[None]
    etree.SubElement(types, f"{{{ct}}}Override", PartName="/xl/sharedStrings.xml",
                     ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml")
    files["[Content_Types].xml"] = etree.tostring(types, xml_declaration=True, encoding="UTF-8", standalone=True)
    rels = etree.fromstring(files["xl/_rels/workbook.xml.rels"])
    ns = rels.nsmap[None]
    taken = {r.get("Id") for r in rels}
    rid = next(f"rId{k}" for k in range(1, len(taken) + 2) if f"rId{k}" not in taken)
    etree.SubElement(rels, f"{{{ns}}}Relationship", Id=rid, Target="sharedStrings.xml",
                     Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings")
    files["xl/_rels/workbook.xml.rels"] = etree.tostring(rels, xml_declaration=True, encoding="UTF-8", standalone=True)
